/**
 * `cloud-contacts/alibaba-chatapp`: reserved for the alibaba-chatapp provider, which has not landed yet;
 * this entry exports nothing so that the package's export map is stable from the start.
 *
 * @packageDocumentation
 */
export {};
