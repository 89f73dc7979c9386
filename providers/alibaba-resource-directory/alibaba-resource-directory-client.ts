/**
 * The one caller of the Resource Directory provider: `rd(scope, 'GetMessageContact', params)`,
 * driven by the action table, over the shared Alibaba RPC transport.
 */
import type { CredentialSource } from '../../src/credentials/credential-source.js';
import { createVendorCaller } from '../../src/transport/vendor-caller.js';
import type { VendorCaller } from '../../src/transport/vendor-caller.js';
import type { VendorParams } from '../alibaba-common/alibaba-rpc-params.js';
import { createAlibabaRpcTransport } from '../alibaba-common/alibaba-rpc-transport.js';
import { RD_ACTIONS, RD_API_VERSION } from './alibaba-resource-directory-api.js';
import { alibabaResourceDirectoryErrors } from './alibaba-resource-directory-errors.js';

/** Calls one message-contact action and resolves to its checked answer. */
export type RdCaller = VendorCaller<typeof RD_ACTIONS, VendorParams>;

/** Builds the caller of one provider instance. */
export function createRdCaller(endpoint: string, credentials: CredentialSource): RdCaller {
  const transport = createAlibabaRpcTransport(
    { version: RD_API_VERSION, errors: alibabaResourceDirectoryErrors },
    { provider: 'alibaba-resource-directory', endpoint, credentials },
  );
  return createVendorCaller(RD_ACTIONS, transport);
}
