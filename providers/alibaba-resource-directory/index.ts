/**
 * `cloud-contacts/alibaba-resource-directory`: reserved for the alibaba-resource-directory provider, which has not landed yet;
 * this entry exports nothing so that the package's export map is stable from the start.
 *
 * @packageDocumentation
 */
export {};
