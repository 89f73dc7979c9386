/**
 * The emulator of Tencent Cloud STS (2018-08-13), on the CAM emulator's envelope (POST JSON,
 * `X-TC-Action`, errors inside `Response` with HTTP 200): `AssumeRole` (TC3 checked with the
 * `sts` service, the caller trusted by the role, the external id, the duration) and
 * `AssumeRoleWithWebIdentity` (unsigned; the token's signature, expiry and subject checked),
 * issuing temporary keys every Tencent product emulator accepts with `X-TC-Token`.
 */
import type { EmulatorContext, EmulatorProtocol, EmulatorRequest, EmulatorResponse, VendorErrorSpec } from '../../src/testing/emulator-protocol.js';
import { headerOf, queryValue } from '../../src/testing/emulator-request.js';
import { verifyOidcToken } from '../../src/testing/oidc-tokens.js';
import { stsState } from '../../src/testing/sts-roles.js';
import type { AssumeOutcome, RoleCaller, StsEmulatorHooks, StsEmulatorOptions } from '../../src/testing/sts-roles.js';
import { VendorFault } from '../../src/testing/vendor-fault.js';
import { checkTencentSession, describeCamError } from './tencent-cam-emulator-errors.js';
import { verifyTc3 } from './tencent-cam-emulator-signature.js';
import { TENCENT_CAM_ENV } from './tencent-cam-settings.js';
import { TENCENT_STS_VERSION } from './tencent-cam-sts-client.js';

const DEFAULT_CREDENTIALS = { accessKeyId: 'AKIDFAKEFAKEFAKEFAKEFAKEFAKEFAKE1234', accessKeySecret: 'FAKEtcSecretKeyFAKEtcSecretKey12' };

/** Hooks of the Tencent STS emulator. */
export interface TencentStsEmulatorHooks extends StsEmulatorHooks {
  /** The OIDC identity provider's id, which `AssumeRoleWithWebIdentity` must name (`TKE_PROVIDER_ID`). */
  readonly oidcProviderId: string;
}

/** Creates the Tencent STS protocol. */
export function createTencentStsProtocol(options: StsEmulatorOptions = {}): EmulatorProtocol<TencentStsEmulatorHooks, 'tencent-sts'> {
  const credentials = options.credentials ?? DEFAULT_CREDENTIALS;
  const { roles, oidcKey, hooks } = stsState('tencent', credentials.accessKeyId, options, 'sts.cloud.tencent.com', 0);
  const oidcProviderId = 'emulated-tke-oidc-provider';

  function assume(body: Record<string, unknown>, caller: RoleCaller, now: Date): object {
    const text = (name: string): string | undefined => (typeof body[name] === 'string' && body[name] !== '' ? (body[name] as string) : undefined);
    const roleArn = text('RoleArn');
    const sessionName = text('RoleSessionName');
    if (roleArn === undefined || sessionName === undefined) throw new VendorFault('MissingParameter', `The request is missing the ${roleArn === undefined ? 'RoleArn' : 'RoleSessionName'} parameter.`);
    if (!/^[\w+=,.@-]{2,128}$/.test(sessionName)) throw new VendorFault('InvalidParameter.ParamError', 'RoleSessionName is invalid.');
    const duration = body['DurationSeconds'] ?? 7200;
    if (typeof duration !== 'number' || !Number.isInteger(duration)) throw new VendorFault('InvalidParameter.ParamError', 'DurationSeconds is invalid.');
    return answer(roles.assume({ roleArn, sessionName, caller, externalId: text('ExternalId'), durationSeconds: duration === 0 ? 7200 : duration, now }), 'oidcSubject' in caller);
  }

  function handle(request: EmulatorRequest, context: EmulatorContext): EmulatorResponse {
    const now = context.now();
    const version = headerOf(request, 'x-tc-version') ?? queryValue(request, 'Version') ?? '';
    if (version !== TENCENT_STS_VERSION) throw new VendorFault('NoSuchVersion', `The API version \`${version}\` does not exist.`);
    const body = jsonBody(request);
    let result: object;
    if (request.action === 'AssumeRole') {
      const verdict = verifyTc3(request, context.secretFor, now, 'sts');
      if (!verdict.ok) throw new VendorFault(verdict.code, verdict.message);
      checkTencentSession(context.session(verdict.secretId, headerOf(request, 'x-tc-token')));
      result = assume(body, { accessKeyId: verdict.secretId, principal: context.principalOf(verdict.secretId) }, now);
    } else if (request.action === 'AssumeRoleWithWebIdentity') {
      if (body['ProviderId'] !== oidcProviderId) throw new VendorFault('InvalidParameter.ParamError', 'ProviderId does not exist.');
      const verdict = verifyOidcToken(typeof body['WebIdentityToken'] === 'string' ? body['WebIdentityToken'] : '', oidcKey, now);
      if (!verdict.ok) throw new VendorFault('InvalidParameter.WebIdentityTokenError', verdict.reason === 'expired' ? 'The WebIdentityToken has expired.' : 'The WebIdentityToken is invalid.');
      result = assume(body, { oidcSubject: verdict.claims.sub }, now);
    } else {
      throw new VendorFault('InvalidAction', `The requested action \`${request.action}\` does not exist.`);
    }
    return { status: 200, body: { Response: { ...result, RequestId: context.requestId() } } };
  }

  return {
    provider: 'tencent-sts',
    keyVendor: 'tencent',
    defaultCredentials: DEFAULT_CREDENTIALS,
    credentialEnv: TENCENT_CAM_ENV,
    defaultRateLimit: 600,
    badRequest: { code: 'InvalidParameter', message: 'The request URL is malformed.' },
    quotas: {},
    dayOffsetMinutes: 480,
    throttle: { code: 'RequestLimitExceeded' },
    actionOf: (request) => headerOf(request, 'x-tc-action') ?? queryValue(request, 'Action') ?? '',
    handle,
    errorResponse: (spec: VendorErrorSpec, context) => ({
      status: spec.httpStatus ?? 200,
      body: { Response: { Error: { Code: spec.code, Message: spec.message ?? describeCamError(spec.code) }, RequestId: context.requestId() } },
    }),
    reset: () => roles.reset(),
    hooks: { ...hooks, oidcProviderId },
  };
}

function answer(outcome: AssumeOutcome, oidc: boolean): object {
  if (!outcome.ok) {
    switch (outcome.problem) {
      case 'no-role':
        throw new VendorFault('ResourceNotFound.RoleNotExist', 'The role does not exist.');
      case 'external-id':
        throw new VendorFault('InvalidParameter.ExternalIdError', 'The ExternalId is wrong.');
      case 'duration':
        throw new VendorFault('InvalidParameter.ParamError', 'DurationSeconds exceeds the role\'s maximum session duration.');
      default:
        throw new VendorFault('AuthFailure.UnauthorizedOperation', oidc ? 'The role does not trust this identity.' : 'The caller is not authorized to assume the role.');
    }
  }
  const key = outcome.key;
  return {
    Credentials: { Token: key.securityToken, TmpSecretId: key.accessKeyId, TmpSecretKey: key.accessKeySecret },
    ExpiredTime: Math.floor(key.expiration.getTime() / 1000),
    Expiration: key.expiration.toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
}

function jsonBody(request: EmulatorRequest): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(request.body === '' ? '{}' : request.body);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // answered below
  }
  throw new VendorFault('InvalidParameter', 'The request body is not a JSON object.');
}
