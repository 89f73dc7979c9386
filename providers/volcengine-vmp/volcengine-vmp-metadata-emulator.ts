/**
 * The emulator of a Volcengine ECS instance's metadata service, for its IAM role, as the
 * vendor's SDK reads it: an IMDSv2 session token (`PUT /latest/api/token`, required), the role
 * list and the role's temporary keys under `/volcstack/latest/iam/security_credentials`, which
 * every Volcengine product emulator accepts.
 */
import type { EmulatorProtocol } from '../../src/testing/emulator-protocol.js';
import { headerOf } from '../../src/testing/emulator-request.js';
import { InstanceRole, metadataProtocol } from '../../src/testing/instance-role.js';
import type { MetadataEmulatorHooks, MetadataEmulatorOptions } from '../../src/testing/instance-role.js';
import { VendorFault } from '../../src/testing/vendor-fault.js';
import { VOLCENGINE_ENV } from './volcengine-vmp-settings.js';
import { volcengineCredentialsOf } from './volcengine-vmp-sts-emulator.js';

const ROLES_PATH = '/volcstack/latest/iam/security_credentials';

/** Creates the Volcengine metadata protocol. */
export function createVolcengineMetadataProtocol(options: MetadataEmulatorOptions = {}): EmulatorProtocol<MetadataEmulatorHooks, 'volcengine-metadata'> {
  const instance = new InstanceRole('volcengine', (account, name) => `trn:iam::${account}:role/${name}`, options);
  const requireToken = options.requireToken ?? true;
  return metadataProtocol({
    provider: 'volcengine-metadata',
    credentialEnv: VOLCENGINE_ENV,
    instance,
    actionOf: (request) =>
      request.method === 'PUT' && request.url.pathname === '/latest/api/token'
        ? 'CreateToken'
        : request.method === 'GET' && request.url.pathname === ROLES_PATH
          ? 'ListRoles'
          : request.method === 'GET' && request.url.pathname.startsWith(`${ROLES_PATH}/`)
            ? 'GetRoleCredentials'
            : '',
    handle(request, context) {
      const now = context.now();
      if (request.action === 'CreateToken') {
        const ttl = Number(headerOf(request, 'x-volc-ecs-metadata-token-ttl-seconds'));
        if (!Number.isInteger(ttl) || ttl < 1 || ttl > 21_600) throw new VendorFault('Bad Request', 'X-volc-ecs-metadata-token-ttl-seconds must be 1 to 21600', 400);
        return { status: 200, headers: { 'content-type': 'text/plain' }, body: instance.newToken(ttl, now) };
      }
      const token = headerOf(request, 'x-volc-ecs-metadata-token');
      if ((token !== undefined || requireToken) && !instance.tokenValid(token, now)) throw new VendorFault('Unauthorized', 'Unauthorized', 401);
      const role = instance.roleName;
      if (request.action === 'ListRoles') return { status: 200, body: role === undefined ? [] : [role] };
      if (request.action !== 'GetRoleCredentials' || role === undefined || decodeURIComponent(request.url.pathname.slice(ROLES_PATH.length + 1)) !== role) {
        throw new VendorFault('Not Found', 'Not Found', 404);
      }
      return { status: 200, body: volcengineCredentialsOf(instance.keys(now), now) };
    },
  }, 'volcengine');
}
