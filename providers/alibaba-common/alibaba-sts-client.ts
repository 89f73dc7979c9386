/**
 * Alibaba Cloud STS (`Sts` 2015-04-01) as the credential chain calls it: `AssumeRole` signed
 * with the RPC signature V2 (as the vendor's credentials libraries sign it), and
 * `AssumeRoleWithOIDC`, which is anonymous (the OIDC token is the proof).
 * https://www.alibabacloud.com/help/en/ram/developer-reference/api-sts-2015-04-01-assumerole
 * https://www.alibabacloud.com/help/en/ram/developer-reference/api-sts-2015-04-01-assumerolewithoidc
 */
import { randomUUID } from 'node:crypto';
import type { ProviderId } from '../../src/model/contact.js';
import { credentialError, credentialServiceError } from '../../src/credentials/credential-errors.js';
import { callCredentialService, jsonBody } from '../../src/credentials/credential-http.js';
import { envFlag, envValue } from '../../src/credentials/credential-inputs.js';
import { defaultSessionName } from '../../src/credentials/credential-setup.js';
import { secretValuesOf, signingKeys } from '../../src/credentials/credentials.js';
import type { AssumeRoleSettings, Credentials } from '../../src/credentials/credentials.js';
import type { CredentialOptions, IssuedKeys } from '../../src/credentials/vendor-credentials.js';
import type { VendorCodeTable } from '../../src/errors/vendor-errors.js';
import { rfc3986 } from '../../src/util/signing.js';
import { v2Signature, v2StringToSign } from './alibaba-rpc-v2-signer.js';

/** The STS API version. */
export const ALIBABA_STS_VERSION = '2015-04-01';

/** How STS's codes translate (https://help.aliyun.com/zh/ram/developer-reference/api-sts-2015-04-01-errorcodes). */
const STS_CODES: VendorCodeTable = {
  exact: {
    NoPermission: { code: 'permission-denied', explanation: "the role's trust policy does not let these keys assume it (or they are an account's root keys)" },
    'EntityNotExist.Role': { code: 'invalid-config', field: 'assumeRole.roleArn', explanation: 'the role does not exist' },
    'InvalidParameter.RoleArn': { code: 'invalid-config', field: 'assumeRole.roleArn' },
    'InvalidParameter.DurationSeconds': { code: 'invalid-config', field: 'assumeRole.durationSeconds' },
    'InvalidParameter.RoleSessionName': { code: 'invalid-config', field: 'assumeRole.sessionName' },
    'InvalidParameter.ExternalId': { code: 'invalid-config', field: 'assumeRole.externalId' },
    MissingSecurityToken: 'unauthenticated',
  },
  prefixes: {
    'AuthenticationFail.NoPermission': { code: 'permission-denied', explanation: "the role's trust policy does not accept this OIDC token's subject" },
    'AuthenticationFail.': 'unauthenticated',
    'InvalidAccessKeyId.': 'unauthenticated',
    'InvalidSecurityToken.': 'unauthenticated',
    SignatureDoesNotMatch: 'unauthenticated',
    IncompleteSignature: 'unauthenticated',
    'InvalidTimeStamp.': 'unauthenticated',
    'Forbidden.': 'permission-denied',
    'InvalidParameter.': 'invalid-config',
    'MissingParameter.': 'invalid-config',
    Throttling: 'rate-limited',
    InternalError: 'unavailable',
    ServiceUnavailable: 'unavailable',
  },
};

/** Where STS is: the setting, a profile's `sts_endpoint` host, the region variables, else the global endpoint. */
export function alibabaStsEndpoint(options: CredentialOptions, profile: { endpoint?: string | undefined; region?: string | undefined; vpc?: boolean | undefined } = {}): URL {
  if (options.stsEndpoint !== undefined) return new URL(options.stsEndpoint);
  if (profile.endpoint !== undefined) return new URL(`https://${profile.endpoint}`);
  const region = profile.region ?? envValue(options.environment, 'ALIBABA_CLOUD_STS_REGION');
  const vpc = profile.vpc ?? envFlag(options.environment, 'ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED');
  if (region === undefined) return new URL('https://sts.aliyuncs.com');
  return new URL(`https://${vpc ? 'sts-vpc' : 'sts'}.${region}.aliyuncs.com`);
}

/** Assumes a role with the given keys. */
export async function alibabaAssumeRole(keys: Credentials, role: AssumeRoleSettings, options: CredentialOptions, endpoint = alibabaStsEndpoint(options)): Promise<IssuedKeys> {
  const signing = signingKeys(keys);
  const common: Array<[string, string]> = [
    ['Action', 'AssumeRole'],
    ['Version', ALIBABA_STS_VERSION],
    ['Format', 'JSON'],
    ['Timestamp', new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')],
    ['SignatureMethod', 'HMAC-SHA1'],
    ['SignatureVersion', '1.0'],
    ['SignatureNonce', randomUUID()],
    ['AccessKeyId', signing.accessKeyId],
    ...(signing.securityToken === undefined ? [] : ([['SecurityToken', signing.securityToken]] as Array<[string, string]>)),
  ];
  const form: Array<[string, string]> = [
    ['RoleArn', role.roleArn],
    ['RoleSessionName', role.sessionName ?? defaultSessionName()],
    ['DurationSeconds', String(role.durationSeconds ?? 3600)],
    ...(role.externalId === undefined ? [] : ([['ExternalId', role.externalId]] as Array<[string, string]>)),
  ];
  const signature = v2Signature(signing.accessKeySecret, v2StringToSign('POST', [...common, ...form]));
  const query = encodePairs([...common, ['Signature', signature]]);
  return await exchange(options.provider, `assuming role ${role.roleArn} at STS`, new URL(`/?${query}`, endpoint), encodePairs(form), options.timeoutMs, secretValuesOf(keys));
}

/** What an OIDC exchange needs. */
export interface AlibabaOidcRequest {
  /** The role to assume. */
  readonly roleArn: string;
  /** The OIDC identity provider registered in RAM. */
  readonly oidcProviderArn: string;
  /** The token the cluster projected into the pod. */
  readonly oidcToken: string;
  /** The session name. */
  readonly sessionName?: string | undefined;
  /** How long the keys last. */
  readonly durationSeconds?: number | undefined;
}

/** Exchanges an OIDC token (ACK's RRSA) for a role's temporary keys. */
export async function alibabaAssumeRoleWithOidc(request: AlibabaOidcRequest, options: CredentialOptions, endpoint = alibabaStsEndpoint(options)): Promise<IssuedKeys> {
  const query = encodePairs([
    ['Action', 'AssumeRoleWithOIDC'],
    ['Version', ALIBABA_STS_VERSION],
    ['Format', 'JSON'],
    ['Timestamp', new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')],
  ]);
  const form = encodePairs([
    ['OIDCProviderArn', request.oidcProviderArn],
    ['OIDCToken', request.oidcToken],
    ['RoleArn', request.roleArn],
    ['RoleSessionName', request.sessionName ?? defaultSessionName()],
    ['DurationSeconds', String(request.durationSeconds ?? 3600)],
  ]);
  return await exchange(options.provider, `exchanging the OIDC token for role ${request.roleArn} at STS`, new URL(`/?${query}`, endpoint), form, options.timeoutMs);
}

async function exchange(provider: ProviderId, step: string, url: URL, form: string, timeoutMs: number, secrets: readonly string[] = []): Promise<IssuedKeys> {
  const answer = await callCredentialService(
    { url, method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }, body: form, timeoutMs },
    provider,
    step,
  );
  const body = jsonBody(answer) as { Code?: unknown; Message?: unknown; RequestId?: unknown; Credentials?: Record<string, unknown> } | undefined;
  const keys = body?.Credentials;
  if (answer.status === 200 && keys !== undefined) return issuedKeys(keys, provider, step);
  const vendor =
    typeof body?.Code === 'string'
      ? { code: body.Code, message: typeof body.Message === 'string' ? body.Message : '', httpStatus: answer.status, ...(typeof body.RequestId === 'string' ? { requestId: body.RequestId } : {}) }
      : undefined;
  throw credentialServiceError(provider, step, STS_CODES, { status: answer.status, text: answer.text, vendor }, secrets);
}

/** The keys of an STS or metadata answer (`AccessKeyId`, `AccessKeySecret`, `SecurityToken`, `Expiration`). */
export function issuedKeys(record: Record<string, unknown>, provider: ProviderId, step: string): IssuedKeys {
  const { AccessKeyId: accessKeyId, AccessKeySecret: accessKeySecret, SecurityToken: securityToken, Expiration: expiration } = record;
  if (typeof accessKeyId !== 'string' || typeof accessKeySecret !== 'string' || typeof securityToken !== 'string' || accessKeyId === '' || accessKeySecret === '') {
    throw credentialError(provider, 'invalid-response', `${step}: the answer has no AccessKeyId, AccessKeySecret and SecurityToken`);
  }
  const expires = typeof expiration === 'string' ? new Date(expiration) : undefined;
  return { keys: { accessKeyId, accessKeySecret, securityToken }, expiration: expires !== undefined && !Number.isNaN(expires.getTime()) ? expires : undefined };
}

function encodePairs(pairs: ReadonlyArray<readonly [string, string]>): string {
  return pairs.map(([name, value]) => `${rfc3986(name)}=${rfc3986(value)}`).join('&');
}
