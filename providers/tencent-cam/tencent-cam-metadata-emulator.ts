/**
 * The emulator of a Tencent Cloud CVM instance's metadata service, for its CAM role: the role
 * name and its temporary keys under `/latest/meta-data/cam/security-credentials/` (the vendor's
 * service has no session-token step), which every Tencent product emulator accepts.
 * https://cloud.tencent.com/document/product/598/85616
 */
import type { EmulatorProtocol } from '../../src/testing/emulator-protocol.js';
import { InstanceRole, metadataProtocol } from '../../src/testing/instance-role.js';
import type { MetadataEmulatorHooks, MetadataEmulatorOptions } from '../../src/testing/instance-role.js';
import { VendorFault } from '../../src/testing/vendor-fault.js';
import { TENCENT_CAM_ENV } from './tencent-cam-settings.js';

const ROLE_PATH = '/latest/meta-data/cam/security-credentials/';

/** Creates the Tencent metadata protocol. */
export function createTencentMetadataProtocol(options: MetadataEmulatorOptions = {}): EmulatorProtocol<MetadataEmulatorHooks, 'tencent-metadata'> {
  const instance = new InstanceRole('tencent', (account, name) => `qcs::cam::uin/${account}:roleName/${name}`, options);
  return metadataProtocol({
    provider: 'tencent-metadata',
    credentialEnv: TENCENT_CAM_ENV,
    instance,
    actionOf: (request) => (request.method !== 'GET' || !request.url.pathname.startsWith(ROLE_PATH) ? '' : request.url.pathname === ROLE_PATH ? 'GetRoleName' : 'GetRoleCredentials'),
    handle(request, context) {
      const role = instance.roleName;
      if (request.action === 'GetRoleName' && role !== undefined) return { status: 200, headers: { 'content-type': 'text/plain' }, body: role };
      if (request.action !== 'GetRoleCredentials' || role === undefined || decodeURIComponent(request.url.pathname.slice(ROLE_PATH.length)) !== role) {
        throw new VendorFault('Not Found', 'Not Found', 404);
      }
      const now = context.now();
      const key = instance.keys(now);
      return {
        status: 200,
        body: {
          TmpSecretId: key.accessKeyId,
          TmpSecretKey: key.accessKeySecret,
          ExpiredTime: Math.floor(key.expiration.getTime() / 1000),
          Expiration: key.expiration.toISOString().replace(/\.\d{3}Z$/, 'Z'),
          Token: key.securityToken,
          Code: 'Success',
        },
      };
    },
  }, 'tencent');
}
