/**
 * Volcengine STS (`sts` 2018-01-01) as the credential chain calls it: `AssumeRole` (GET, signed
 * with the Volcengine HMAC-SHA256 signature, service `sts`), and `AssumeRoleWithOIDC` (POST form,
 * not signed: the OIDC token is the proof), as the vendor's SDK sends them.
 * https://www.volcengine.com/docs/6257/86374 (AssumeRole)
 * https://www.volcengine.com/docs/6257/1494877 (AssumeRoleWithOIDC)
 */
import type { ProviderId } from '../../src/model/contact.js';
import { credentialError, credentialServiceError } from '../../src/credentials/credential-errors.js';
import { callCredentialService, jsonBody } from '../../src/credentials/credential-http.js';
import { defaultSessionName } from '../../src/credentials/credential-setup.js';
import { secretValuesOf, signingKeys } from '../../src/credentials/credentials.js';
import type { AssumeRoleSettings, Credentials } from '../../src/credentials/credentials.js';
import type { CredentialOptions, IssuedKeys } from '../../src/credentials/vendor-credentials.js';
import type { VendorCodeTable } from '../../src/errors/vendor-errors.js';
import { rfc3986, sha256Hex } from '../../src/util/signing.js';
import { volcengineAuthorization, volcengineDate } from './volcengine-vmp-signer.js';

/** The STS API version. */
export const VOLCENGINE_STS_VERSION = '2018-01-01';
/** STS's documented endpoint. */
export const VOLCENGINE_STS_ENDPOINT = 'https://sts.volcengineapi.com';
/** The region the vendor's SDK signs STS requests for. */
const STS_REGION = 'cn-beijing';

/** How STS's codes translate (the gateway's codes are the same as every Volcengine API's). */
const STS_CODES: VendorCodeTable = {
  exact: {
    AccessDenied: { code: 'permission-denied', explanation: "the role's trust policy does not let these keys (or this OIDC subject) assume it" },
    'InvalidParameter.RoleTrn': { code: 'invalid-config', field: 'assumeRole.roleArn' },
    'NotFound.Role': { code: 'invalid-config', field: 'assumeRole.roleArn', explanation: 'the role does not exist' },
    'InvalidParameter.OIDCToken': { code: 'unauthenticated', explanation: 'STS refused the OIDC token' },
  },
  prefixes: {
    InvalidAccessKey: 'unauthenticated',
    SignatureDoesNotMatch: 'unauthenticated',
    InvalidSecretToken: 'unauthenticated',
    MissingAuthenticationToken: 'unauthenticated',
    InvalidTimestamp: 'unauthenticated',
    InvalidAuthorization: 'unauthenticated',
    InvalidCredential: 'unauthenticated',
    'InvalidParameter.': 'invalid-config',
    'MissingParameter.': 'invalid-config',
    InternalError: 'unavailable',
  },
  contains: { FlowLimitExceeded: 'rate-limited' },
};

/** Where STS is: the setting, else (for the OIDC exchange) `VOLCENGINE_OIDC_STS_ENDPOINT`, else the documented host. */
function stsEndpoint(options: CredentialOptions, host?: string): URL {
  if (options.stsEndpoint !== undefined) return new URL(options.stsEndpoint);
  return new URL(host === undefined ? VOLCENGINE_STS_ENDPOINT : host.includes('://') ? host : `https://${host}`);
}

/** Assumes a role (its TRN in `roleArn`) with the given keys. */
export async function volcengineAssumeRole(keys: Credentials, role: AssumeRoleSettings, options: CredentialOptions): Promise<IssuedKeys> {
  const signing = signingKeys(keys);
  const query: Array<[string, string]> = [
    ['Action', 'AssumeRole'],
    ['Version', VOLCENGINE_STS_VERSION],
    ['RoleTrn', role.roleArn],
    ['RoleSessionName', role.sessionName ?? defaultSessionName()],
    ['DurationSeconds', String(role.durationSeconds ?? 3600)],
  ];
  const url = new URL(`/?${query.map(([name, value]) => `${rfc3986(name)}=${rfc3986(value)}`).join('&')}`, stsEndpoint(options));
  const xDate = volcengineDate(new Date());
  const bodySha256 = sha256Hex('');
  const signed: Record<string, string> = {
    host: url.host,
    'x-content-sha256': bodySha256,
    'x-date': xDate,
    ...(signing.securityToken === undefined ? {} : { 'x-security-token': signing.securityToken }),
  };
  const authorization = volcengineAuthorization(signing.accessKeyId, {
    method: 'GET',
    path: '/',
    query,
    headers: signed,
    bodySha256,
    xDate,
    region: STS_REGION,
    service: 'sts',
    secretKey: signing.accessKeySecret,
  });
  return await exchange(options.provider, `assuming role ${role.roleArn} at STS`, { url, method: 'GET', headers: { ...signed, authorization, accept: 'application/json' }, timeoutMs: options.timeoutMs }, secretValuesOf(keys));
}

/** What an OIDC exchange needs. */
export interface VolcengineOidcRequest {
  /** The role's TRN. */
  readonly roleTrn: string;
  /** The token projected into the pod. */
  readonly oidcToken: string;
  /** The session name. */
  readonly sessionName?: string | undefined;
  /** An inline policy narrowing the role. */
  readonly policy?: string | undefined;
  /** The STS host from `VOLCENGINE_OIDC_STS_ENDPOINT`. */
  readonly host?: string | undefined;
}

/** Exchanges an OIDC token for a role's temporary keys. */
export async function volcengineAssumeRoleWithOidc(request: VolcengineOidcRequest, options: CredentialOptions): Promise<IssuedKeys> {
  const form = [
    ['RoleTrn', request.roleTrn],
    ['OIDCToken', request.oidcToken],
    ['RoleSessionName', request.sessionName ?? defaultSessionName()],
    ['DurationSeconds', '3600'],
    ...(request.policy === undefined ? [] : [['Policy', request.policy]]),
  ]
    .map(([name, value]) => `${rfc3986(name!)}=${rfc3986(value!)}`)
    .join('&');
  const url = new URL(`/?Action=AssumeRoleWithOIDC&Version=${VOLCENGINE_STS_VERSION}`, stsEndpoint(options, request.host));
  return await exchange(options.provider, `exchanging the OIDC token for role ${request.roleTrn} at STS`, {
    url,
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: form,
    timeoutMs: options.timeoutMs,
  });
}

async function exchange(provider: ProviderId, step: string, request: Parameters<typeof callCredentialService>[0], secrets: readonly string[] = []): Promise<IssuedKeys> {
  const answer = await callCredentialService(request, provider, step);
  const body = jsonBody(answer) as { ResponseMetadata?: { RequestId?: unknown; Error?: { Code?: unknown; Message?: unknown } }; Result?: { Credentials?: Record<string, unknown> } } | undefined;
  const error = body?.ResponseMetadata?.Error;
  const credentials = body?.Result?.Credentials;
  if (answer.status === 200 && error === undefined && credentials !== undefined) return volcengineIssuedKeys(credentials, provider, step);
  const requestId = body?.ResponseMetadata?.RequestId;
  const vendor =
    typeof error?.Code === 'string'
      ? { code: error.Code, message: typeof error.Message === 'string' ? error.Message : '', httpStatus: answer.status, ...(typeof requestId === 'string' ? { requestId } : {}) }
      : undefined;
  throw credentialServiceError(provider, step, STS_CODES, { status: answer.status, text: answer.text, vendor }, secrets);
}

/** The keys of an STS or metadata answer (`AccessKeyId`, `SecretAccessKey`, `SessionToken`, `ExpiredTime`). */
export function volcengineIssuedKeys(record: Record<string, unknown>, provider: ProviderId, step: string): IssuedKeys {
  const { AccessKeyId: accessKeyId, SecretAccessKey: accessKeySecret, SessionToken: securityToken, ExpiredTime: expiredTime } = record;
  if (typeof accessKeyId !== 'string' || typeof accessKeySecret !== 'string' || accessKeyId === '' || accessKeySecret === '') {
    throw credentialError(provider, 'invalid-response', `${step}: the answer has no AccessKeyId and SecretAccessKey`);
  }
  const expiration = typeof expiredTime === 'string' ? new Date(expiredTime) : undefined;
  return {
    keys: { accessKeyId, accessKeySecret, securityToken: typeof securityToken === 'string' && securityToken !== '' ? securityToken : undefined },
    expiration: expiration !== undefined && !Number.isNaN(expiration.getTime()) ? expiration : undefined,
  };
}
