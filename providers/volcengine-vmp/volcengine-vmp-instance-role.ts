/**
 * The ECS instance's IAM role as Volcengine's SDK reads it, as a chain step and a profile mode:
 * a session token first (IMDSv2, always), the role name (`VOLCENGINE_ECS_METADATA`, else the
 * first role the metadata service lists), then its temporary keys; at the `metadataEndpoint`
 * setting for an emulator. `VOLCENGINE_ECS_METADATA_DISABLED=true` skips the step.
 * https://github.com/volcengine/volcengine-nodejs-sdk (docs/1-Credentials.md, EcsRoleCredentialProvider)
 */
import { probeInstance } from '../../src/credentials/chain-steps.js';
import type { ChainStep } from '../../src/credentials/credential-chain.js';
import { credentialError } from '../../src/credentials/credential-errors.js';
import { callCredentialService, jsonBody } from '../../src/credentials/credential-http.js';
import { envFlag, envValue } from '../../src/credentials/credential-inputs.js';
import type { KeyProvider } from '../../src/credentials/credential-source.js';
import { issuedKeyProvider } from '../../src/credentials/key-providers.js';
import type { CredentialOptions } from '../../src/credentials/vendor-credentials.js';
import { volcengineIssuedKeys } from './volcengine-vmp-sts-client.js';

/** The metadata service's documented address. */
export const VOLCENGINE_METADATA_ENDPOINT = 'http://100.96.0.96';
const ROLES_PATH = '/volcstack/latest/iam/security_credentials';
/** How long a metadata request may take: the service is on the instance's own network. */
const METADATA_TIMEOUT_MS = 1000;

function metadataClient(options: CredentialOptions) {
  const endpoint = options.metadataEndpoint ?? VOLCENGINE_METADATA_ENDPOINT;
  const call = (method: 'GET' | 'PUT', path: string, headers: Record<string, string>, step: string) =>
    callCredentialService({ url: new URL(path, endpoint), method, headers, timeoutMs: METADATA_TIMEOUT_MS }, options.provider, step);
  return {
    endpoint,
    async token(): Promise<string> {
      const step = 'asking the instance metadata service for a session token';
      const answer = await call('PUT', '/latest/api/token', { 'x-volc-ecs-metadata-token-ttl-seconds': '21600' }, step);
      if (answer.status !== 200 || answer.text.trim() === '') throw credentialError(options.provider, 'unavailable', `${step}: HTTP ${answer.status}`);
      return answer.text.trim();
    },
    /** The first role the instance has, or undefined when it has none. */
    async roleName(token: string): Promise<string | undefined> {
      const answer = await call('GET', `${ROLES_PATH}?type=user&format=json`, { 'x-volc-ecs-metadata-token': token }, 'asking the instance metadata service for the IAM role');
      if (answer.status === 404) return undefined;
      const listed = jsonBody(answer);
      const roles = Array.isArray(listed) ? listed.map(String) : answer.text.split('\n');
      return roles.map((role) => role.trim()).find((role) => role !== '');
    },
    async keys(token: string, role: string) {
      const step = `reading the keys of instance role ${role} from the instance metadata service`;
      const answer = await call('GET', `${ROLES_PATH}/${encodeURIComponent(role)}`, { 'x-volc-ecs-metadata-token': token }, step);
      const body = jsonBody(answer) as Record<string, unknown> | undefined;
      if (answer.status !== 200 || body === undefined) throw credentialError(options.provider, answer.status === 404 ? 'invalid-config' : 'unavailable', `${step}: HTTP ${answer.status}`);
      return volcengineIssuedKeys(body, options.provider, step);
    },
  };
}

/** Keys of the instance's role (the named one, else the first one listed), fetched again on each refresh. */
export function instanceRoleKeys(options: CredentialOptions, roleName?: string, source?: string): KeyProvider {
  const client = metadataClient(options);
  const named = roleName ?? envValue(options.environment, 'VOLCENGINE_ECS_METADATA');
  const label = `${source === undefined ? '' : `${source} (`}instance role${named === undefined ? '' : ` ${named}`}${source === undefined ? '' : ')'}`;
  return issuedKeyProvider(label, async () => {
    const token = await client.token();
    const role = named ?? (await client.roleName(token));
    if (role === undefined) throw credentialError(options.provider, 'invalid-config', `the instance has no IAM role attached (asked ${client.endpoint})`);
    return client.keys(token, role);
  });
}

/** The chain's instance-role step. */
export function instanceRoleStep(options: CredentialOptions): ChainStep {
  const client = metadataClient(options);
  return {
    looksAt: `the ECS instance's IAM role at ${client.endpoint} (VOLCENGINE_ECS_METADATA, VOLCENGINE_ECS_METADATA_DISABLED)`,
    async find() {
      if (envFlag(options.environment, 'VOLCENGINE_ECS_METADATA_DISABLED')) return { notFound: 'disabled by VOLCENGINE_ECS_METADATA_DISABLED' };
      return probeInstance('an ECS instance', async () => {
        const token = await client.token();
        const role = envValue(options.environment, 'VOLCENGINE_ECS_METADATA') ?? (await client.roleName(token));
        return role === undefined ? { notFound: 'the instance has no IAM role attached' } : instanceRoleKeys(options, role);
      });
    },
  };
}
