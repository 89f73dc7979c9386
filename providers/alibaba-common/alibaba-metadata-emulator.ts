/**
 * The emulator of an Alibaba Cloud ECS instance's metadata service, for its RAM role: the
 * IMDSv2 session token (`PUT /latest/api/token`), the role name and its temporary keys under
 * `/latest/meta-data/ram/security-credentials/`, which every Alibaba product emulator accepts.
 * https://www.alibabacloud.com/help/en/ecs/user-guide/view-instance-metadata
 */
import type { EmulatorProtocol, EmulatorResponse } from '../../src/testing/emulator-protocol.js';
import { headerOf } from '../../src/testing/emulator-request.js';
import { InstanceRole, metadataProtocol } from '../../src/testing/instance-role.js';
import type { MetadataEmulatorHooks, MetadataEmulatorOptions } from '../../src/testing/instance-role.js';
import { VendorFault } from '../../src/testing/vendor-fault.js';
import { ALIBABA_CLOUD_ENV } from './alibaba-credentials.js';
import { credentialsOf } from './alibaba-sts-emulator.js';

const ROLE_PATH = '/latest/meta-data/ram/security-credentials/';

/** Creates the Alibaba metadata protocol. */
export function createAlibabaMetadataProtocol(options: MetadataEmulatorOptions = {}): EmulatorProtocol<MetadataEmulatorHooks, 'alibaba-metadata'> {
  const instance = new InstanceRole('alibaba', (account, name) => `acs:ram::${account}:role/${name.toLowerCase()}`, options);
  const requireToken = options.requireToken ?? false;

  function handle(request: { readonly action: string; readonly url: URL; readonly headers: Readonly<Record<string, string | string[] | undefined>> }, now: Date): EmulatorResponse {
    if (request.action === 'CreateToken') {
      const ttl = Number(headerOf(request, 'x-aliyun-ecs-metadata-token-ttl-seconds'));
      if (!Number.isInteger(ttl) || ttl < 1 || ttl > 21_600) throw new VendorFault('Bad Request', 'X-aliyun-ecs-metadata-token-ttl-seconds must be 1 to 21600', 400);
      return { status: 200, headers: { 'content-type': 'text/plain' }, body: instance.newToken(ttl, now) };
    }
    const token = headerOf(request, 'x-aliyun-ecs-metadata-token');
    if ((token !== undefined || requireToken) && !instance.tokenValid(token, now)) throw new VendorFault('Unauthorized', 'Unauthorized', 401);
    const role = instance.roleName;
    if (request.action === 'GetRoleName') {
      if (role === undefined) throw new VendorFault('Not Found', 'Not Found', 404);
      return { status: 200, headers: { 'content-type': 'text/plain' }, body: role };
    }
    if (request.action !== 'GetRoleCredentials' || role === undefined || decodeURIComponent(request.url.pathname.slice(ROLE_PATH.length)) !== role) {
      throw new VendorFault('Not Found', 'Not Found', 404);
    }
    const key = instance.keys(now);
    return { status: 200, body: { ...credentialsOf(key), LastUpdated: now.toISOString().replace(/\.\d{3}Z$/, 'Z'), Code: 'Success' } };
  }

  return metadataProtocol({
    provider: 'alibaba-metadata',
    credentialEnv: ALIBABA_CLOUD_ENV,
    instance,
    actionOf: (request) =>
      request.method === 'PUT' && request.url.pathname === '/latest/api/token'
        ? 'CreateToken'
        : request.method === 'GET' && request.url.pathname === ROLE_PATH
          ? 'GetRoleName'
          : request.method === 'GET' && request.url.pathname.startsWith(ROLE_PATH)
            ? 'GetRoleCredentials'
            : '',
    handle: (request, context) => handle(request, context.now()),
  }, 'alibaba');
}
