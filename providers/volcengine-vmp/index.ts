/**
 * `cloud-contacts/volcengine-vmp`: reserved for the volcengine-vmp provider, which has not landed yet;
 * this entry exports nothing so that the package's export map is stable from the start.
 *
 * @packageDocumentation
 */
export {};
