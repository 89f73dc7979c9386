/**
 * The one caller of the ChatApp provider: `cams(scope, 'ChatappSyncPhoneNumber', params)`,
 * driven by the action table, over the shared Alibaba RPC transport. A 200 answer whose `Code`
 * is not `OK` is a failure, never a result.
 */
import type { CredentialSource } from '../../src/credentials/credential-source.js';
import { createVendorCaller } from '../../src/transport/vendor-caller.js';
import type { VendorCaller } from '../../src/transport/vendor-caller.js';
import type { VendorParams } from '../alibaba-common/alibaba-rpc-params.js';
import { createAlibabaRpcTransport } from '../alibaba-common/alibaba-rpc-transport.js';
import { CAMS_ACTIONS, CAMS_API_VERSION } from './alibaba-chatapp-api.js';
import { alibabaChatAppErrors } from './alibaba-chatapp-errors.js';

/** Calls one phone-number action and resolves to its checked answer. */
export type CamsCaller = VendorCaller<typeof CAMS_ACTIONS, VendorParams>;

/** Builds the caller of one provider instance. */
export function createCamsCaller(endpoint: string, credentials: CredentialSource): CamsCaller {
  const transport = createAlibabaRpcTransport(
    { version: CAMS_API_VERSION, errors: alibabaChatAppErrors, successCode: 'OK' },
    { provider: 'alibaba-chatapp', endpoint, credentials },
  );
  return createVendorCaller(CAMS_ACTIONS, transport);
}
