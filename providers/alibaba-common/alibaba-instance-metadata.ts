/**
 * Temporary keys an Alibaba Cloud ECS instance gets from its RAM role, through the instance
 * metadata service (IMDSv2: a session token first, then the role name and the keys), and from
 * a credentials URI (`ALIBABA_CLOUD_CREDENTIALS_URI`), both as the vendor's credentials library
 * reads them.
 * https://www.alibabacloud.com/help/en/ecs/user-guide/attach-an-instance-ram-role-to-an-ecs-instance
 */
import type { ProviderId } from '../../src/model/contact.js';
import { credentialError } from '../../src/credentials/credential-errors.js';
import { callCredentialService, jsonBody } from '../../src/credentials/credential-http.js';
import type { IssuedKeys } from '../../src/credentials/vendor-credentials.js';
import { issuedKeys } from './alibaba-sts-client.js';

/** The metadata service's documented address. */
export const ALIBABA_METADATA_ENDPOINT = 'http://100.100.100.200';
/** How long a metadata request may take: the service is on the instance's own link. */
export const METADATA_TIMEOUT_MS = 1000;
/** How long a metadata session token lasts (the vendor library asks for 6 hours). */
const TOKEN_TTL_SECONDS = 21_600;
const CREDENTIALS_PATH = '/latest/meta-data/ram/security-credentials/';

/** How the metadata service is reached. */
export interface AlibabaMetadataAccess {
  /** The service's origin. */
  readonly endpoint: string;
  /** Whether the session-token step is required (`ALIBABA_CLOUD_IMDSV1_DISABLED=true`). */
  readonly tokenRequired: boolean;
  /** The provider, for errors. */
  readonly provider: ProviderId;
}

/**
 * A metadata session token, or undefined when the service gave none and a token is not
 * required (IMDSv1 is then used, as the vendor library falls back).
 *
 * @throws ContactError `network` or `timeout` when the service does not answer at all.
 */
export async function metadataToken(access: AlibabaMetadataAccess): Promise<string | undefined> {
  const answer = await callCredentialService(
    { url: new URL('/latest/api/token', access.endpoint), method: 'PUT', headers: { 'x-aliyun-ecs-metadata-token-ttl-seconds': String(TOKEN_TTL_SECONDS) }, timeoutMs: METADATA_TIMEOUT_MS },
    access.provider,
    'asking the instance metadata service for a session token',
  );
  if (answer.status === 200 && answer.text.trim() !== '') return answer.text.trim();
  if (access.tokenRequired) {
    throw credentialError(access.provider, 'unavailable', `the instance metadata service gave no session token (HTTP ${answer.status}) and ALIBABA_CLOUD_IMDSV1_DISABLED=true requires one`);
  }
  return undefined;
}

/** The RAM role attached to the instance, or undefined when none is (HTTP 404). */
export async function attachedRoleName(access: AlibabaMetadataAccess, token: string | undefined): Promise<string | undefined> {
  const answer = await metadataGet(access, CREDENTIALS_PATH, token, 'asking the instance metadata service for the RAM role name');
  if (answer.status === 404) return undefined;
  const name = answer.text.trim().split('\n')[0]?.trim();
  if (answer.status !== 200 || name === undefined || name === '') {
    throw credentialError(access.provider, 'unavailable', `the instance metadata service answered HTTP ${answer.status} for the RAM role name`);
  }
  return name;
}

/** The role's current temporary keys. */
export async function roleKeys(access: AlibabaMetadataAccess, roleName: string, token: string | undefined): Promise<IssuedKeys> {
  const step = `reading the keys of instance role ${roleName} from the instance metadata service`;
  const answer = await metadataGet(access, `${CREDENTIALS_PATH}${encodeURIComponent(roleName)}`, token, step);
  const body = jsonBody(answer) as Record<string, unknown> | undefined;
  if (answer.status === 404) throw credentialError(access.provider, 'invalid-config', `${step}: the instance has no role named ${roleName} (check ALIBABA_CLOUD_ECS_METADATA)`, { field: 'ALIBABA_CLOUD_ECS_METADATA' });
  if (answer.status !== 200 || body === undefined || body['Code'] !== 'Success') {
    throw credentialError(access.provider, 'unavailable', `${step}: HTTP ${answer.status}${typeof body?.['Code'] === 'string' ? `, Code ${body['Code']}` : ''}`);
  }
  return issuedKeys(body, access.provider, step);
}

function metadataGet(access: AlibabaMetadataAccess, path: string, token: string | undefined, step: string) {
  return callCredentialService(
    { url: new URL(path, access.endpoint), method: 'GET', headers: token === undefined ? {} : { 'x-aliyun-ecs-metadata-token': token }, timeoutMs: METADATA_TIMEOUT_MS },
    access.provider,
    step,
  );
}

/** Keys from a credentials URI: a GET answering `{ Code: "Success", AccessKeyId, AccessKeySecret, SecurityToken, Expiration }`. */
export async function uriKeys(uri: string, provider: ProviderId, timeoutMs: number): Promise<IssuedKeys> {
  const url = new URL(uri);
  const step = `reading keys from the credentials URI ${url.origin}`;
  const answer = await callCredentialService({ url, method: 'GET', timeoutMs }, provider, step);
  const body = jsonBody(answer) as Record<string, unknown> | undefined;
  if (answer.status !== 200 || body === undefined) throw credentialError(provider, answer.status >= 500 ? 'unavailable' : 'invalid-config', `${step}: HTTP ${answer.status}`);
  return issuedKeys(body, provider, step);
}
