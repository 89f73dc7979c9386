/**
 * Tencent Cloud STS (`sts` 2018-08-13) as the credential chain calls it: `AssumeRole` signed
 * with TC3-HMAC-SHA256, and `AssumeRoleWithWebIdentity` (TKE's OIDC), which is not signed
 * (`Authorization: SKIP`, as the vendor's SDK sends it).
 * https://cloud.tencent.com/document/api/1312/48197 (AssumeRole)
 * https://cloud.tencent.com/document/product/598/96013 (OIDC role SSO, AssumeRoleWithWebIdentity)
 */
import type { ProviderId } from '../../src/model/contact.js';
import { credentialError, credentialServiceError } from '../../src/credentials/credential-errors.js';
import { callCredentialService, jsonBody } from '../../src/credentials/credential-http.js';
import { defaultSessionName } from '../../src/credentials/credential-setup.js';
import { secretValuesOf, signingKeys } from '../../src/credentials/credentials.js';
import type { AssumeRoleSettings, Credentials } from '../../src/credentials/credentials.js';
import type { CredentialOptions, IssuedKeys } from '../../src/credentials/vendor-credentials.js';
import type { VendorCodeTable } from '../../src/errors/vendor-errors.js';
import { tc3Signature } from './tencent-cam-tc3-signer.js';

/** The STS API version. */
export const TENCENT_STS_VERSION = '2018-08-13';
/** STS's documented endpoint. */
export const TENCENT_STS_ENDPOINT = 'https://sts.tencentcloudapi.com';
/** The region the vendor's SDK sends `AssumeRole` to. */
const ASSUME_ROLE_REGION = 'ap-guangzhou';
const CONTENT_TYPE = 'application/json; charset=utf-8';

/** How STS's codes translate. */
const STS_CODES: VendorCodeTable = {
  exact: {
    'ResourceNotFound.RoleNotExist': { code: 'invalid-config', field: 'assumeRole.roleArn', explanation: 'the role does not exist' },
    'InvalidParameter.ExternalIdError': { code: 'permission-denied', field: 'assumeRole.externalId', explanation: "the external id does not match the role's trust policy" },
    'InvalidParameter.WebIdentityTokenError': { code: 'unauthenticated', explanation: 'STS refused the OIDC token' },
    'AuthFailure.UnauthorizedOperation': { code: 'permission-denied', explanation: "the role's trust policy does not let these keys assume it" },
  },
  prefixes: {
    'AuthFailure.': 'unauthenticated',
    'InvalidParameter.': 'invalid-config',
    'InvalidParameterValue.': 'invalid-config',
    'MissingParameter.': 'invalid-config',
    UnauthorizedOperation: 'permission-denied',
    RequestLimitExceeded: 'rate-limited',
    InternalError: 'unavailable',
  },
};

/** Assumes a role with the given keys. */
export async function tencentAssumeRole(keys: Credentials, role: AssumeRoleSettings, options: CredentialOptions): Promise<IssuedKeys> {
  const body = JSON.stringify({
    RoleArn: role.roleArn,
    RoleSessionName: role.sessionName ?? defaultSessionName(),
    DurationSeconds: role.durationSeconds ?? 3600,
    ...(role.externalId === undefined ? {} : { ExternalId: role.externalId }),
  });
  const url = new URL('/', options.stsEndpoint ?? TENCENT_STS_ENDPOINT);
  const headers = stsHeaders('AssumeRole', ASSUME_ROLE_REGION, url);
  const signing = signingKeys(keys);
  if (signing.securityToken !== undefined) headers['x-tc-token'] = signing.securityToken;
  const date = new Date(Number(headers['x-tc-timestamp']) * 1000).toISOString().slice(0, 10);
  const signature = tc3Signature({
    secretKey: signing.accessKeySecret,
    method: 'POST',
    rawQuery: '',
    headers: { 'content-type': CONTENT_TYPE, host: url.host },
    signedHeaders: 'content-type;host',
    payload: body,
    timestamp: headers['x-tc-timestamp']!,
    service: 'sts',
    date,
  });
  headers['authorization'] = `TC3-HMAC-SHA256 Credential=${signing.accessKeyId}/${date}/sts/tc3_request, SignedHeaders=content-type;host, Signature=${signature}`;
  return await exchange(options.provider, `assuming role ${role.roleArn} at STS`, url, headers, body, options.timeoutMs, secretValuesOf(keys));
}

/** What TKE's OIDC exchange needs. */
export interface TencentWebIdentityRequest {
  /** The role to assume. */
  readonly roleArn: string;
  /** The OIDC identity provider's id (`TKE_PROVIDER_ID`). */
  readonly providerId: string;
  /** The token the cluster projected into the pod. */
  readonly token: string;
  /** The region (`TKE_REGION`). */
  readonly region: string;
}

/** Exchanges an OIDC token (TKE) for a role's temporary keys. */
export async function tencentAssumeRoleWithWebIdentity(request: TencentWebIdentityRequest, options: CredentialOptions): Promise<IssuedKeys> {
  const body = JSON.stringify({
    ProviderId: request.providerId,
    WebIdentityToken: request.token,
    RoleArn: request.roleArn,
    RoleSessionName: defaultSessionName(),
    DurationSeconds: 3600,
  });
  const url = new URL('/', options.stsEndpoint ?? TENCENT_STS_ENDPOINT);
  const headers = { ...stsHeaders('AssumeRoleWithWebIdentity', request.region, url), authorization: 'SKIP' };
  return await exchange(options.provider, `exchanging the OIDC token for role ${request.roleArn} at STS`, url, headers, body, options.timeoutMs);
}

function stsHeaders(action: string, region: string, url: URL): Record<string, string> {
  return {
    'content-type': CONTENT_TYPE,
    host: url.host,
    'x-tc-action': action,
    'x-tc-version': TENCENT_STS_VERSION,
    'x-tc-region': region,
    'x-tc-timestamp': String(Math.floor(Date.now() / 1000)),
  };
}

async function exchange(provider: ProviderId, step: string, url: URL, headers: Record<string, string>, body: string, timeoutMs: number, secrets: readonly string[] = []): Promise<IssuedKeys> {
  const answer = await callCredentialService({ url, method: 'POST', headers, body, timeoutMs }, provider, step);
  const response = (jsonBody(answer) as { Response?: Record<string, unknown> } | undefined)?.Response;
  const error = response?.['Error'] as { Code?: unknown; Message?: unknown } | undefined;
  if (answer.status === 200 && response !== undefined && error === undefined) return tencentIssuedKeys(response, provider, step);
  const vendor =
    typeof error?.Code === 'string'
      ? { code: error.Code, message: typeof error.Message === 'string' ? error.Message : '', httpStatus: answer.status, ...(typeof response?.['RequestId'] === 'string' ? { requestId: response['RequestId'] } : {}) }
      : undefined;
  throw credentialServiceError(provider, step, STS_CODES, { status: answer.status, text: answer.text, vendor }, secrets);
}

/**
 * The keys of an STS answer (`Credentials: { TmpSecretId, TmpSecretKey, Token }`, `ExpiredTime`)
 * or of the metadata service's (the same fields at the top level).
 */
export function tencentIssuedKeys(record: Record<string, unknown>, provider: ProviderId, step: string): IssuedKeys {
  const fields = (typeof record['Credentials'] === 'object' && record['Credentials'] !== null ? record['Credentials'] : record) as Record<string, unknown>;
  const { TmpSecretId: accessKeyId, TmpSecretKey: accessKeySecret, Token: securityToken } = fields;
  if (typeof accessKeyId !== 'string' || typeof accessKeySecret !== 'string' || typeof securityToken !== 'string' || accessKeyId === '' || accessKeySecret === '') {
    throw credentialError(provider, 'invalid-response', `${step}: the answer has no TmpSecretId, TmpSecretKey and Token`);
  }
  const expiredTime = record['ExpiredTime'];
  const expiration = typeof expiredTime === 'number' ? new Date(expiredTime * 1000) : typeof record['Expiration'] === 'string' ? new Date(record['Expiration']) : undefined;
  return { keys: { accessKeyId, accessKeySecret, securityToken }, expiration: expiration !== undefined && !Number.isNaN(expiration.getTime()) ? expiration : undefined };
}
