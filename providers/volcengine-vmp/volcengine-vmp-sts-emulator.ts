/**
 * The emulator of Volcengine STS (2018-01-01), on the `{ResponseMetadata, Result}` envelope of
 * every Volcengine API: `AssumeRole` (GET, HMAC-SHA256 checked with the `sts` service, the
 * caller trusted by the role, the duration) and `AssumeRoleWithOIDC` (POST form, unsigned; the
 * token's signature, expiry and subject checked), issuing temporary keys every Volcengine
 * product emulator accepts with `X-Security-Token`.
 */
import type { EmulatorContext, EmulatorProtocol, EmulatorRequest, EmulatorResponse, VendorErrorSpec } from '../../src/testing/emulator-protocol.js';
import { formPairs, headerOf, queryPairs, queryValue } from '../../src/testing/emulator-request.js';
import { verifyOidcToken } from '../../src/testing/oidc-tokens.js';
import { stsState } from '../../src/testing/sts-roles.js';
import type { AssumeOutcome, RoleCaller, StsEmulatorHooks, StsEmulatorOptions } from '../../src/testing/sts-roles.js';
import type { TemporaryKey } from '../../src/testing/temporary-keys.js';
import { VendorFault } from '../../src/testing/vendor-fault.js';
import { checkVolcengineSession, describeVmpError } from './volcengine-vmp-emulator-errors.js';
import { verifyVmpSignature } from './volcengine-vmp-emulator-signature.js';
import { VOLCENGINE_ENV } from './volcengine-vmp-settings.js';
import { VOLCENGINE_STS_VERSION } from './volcengine-vmp-sts-client.js';

const DEFAULT_CREDENTIALS = { accessKeyId: 'AKLTFAKEFAKEFAKEFAKEFAKE1234', accessKeySecret: 'FAKEvolcSecretFAKEvolcSecretFAKE==' };

/** Creates the Volcengine STS protocol. */
export function createVolcengineStsProtocol(options: StsEmulatorOptions = {}): EmulatorProtocol<StsEmulatorHooks, 'volcengine-sts'> {
  const credentials = options.credentials ?? DEFAULT_CREDENTIALS;
  const { roles, oidcKey, hooks } = stsState('volcengine', credentials.accessKeyId, options, 'sts.volcengineapi.com', 900);

  function assume(params: ReadonlyMap<string, string>, caller: RoleCaller, now: Date): object {
    const roleArn = params.get('RoleTrn');
    const sessionName = params.get('RoleSessionName');
    if (roleArn === undefined || roleArn === '') throw new VendorFault('MissingParameter.RoleTrn');
    if (sessionName === undefined || !/^[\w.@+=,-]{1,64}$/.test(sessionName)) throw new VendorFault('InvalidParameter.RoleSessionName');
    const durationSeconds = Number(params.get('DurationSeconds') ?? '3600');
    if (!Number.isInteger(durationSeconds)) throw new VendorFault('InvalidParameter.DurationSeconds');
    return answer(roles.assume({ roleArn, sessionName, caller, durationSeconds, now }), roleArn, sessionName, now, 'oidcSubject' in caller);
  }

  function handle(request: EmulatorRequest, context: EmulatorContext): EmulatorResponse {
    const now = context.now();
    if (queryValue(request, 'Version') !== VOLCENGINE_STS_VERSION) throw new VendorFault('InvalidActionOrVersion', `Could not find operation ${request.action} for version ${queryValue(request, 'Version') ?? ''}.`);
    let result: object;
    if (request.action === 'AssumeRole' && request.method === 'GET') {
      const verdict = verifyVmpSignature(request, context.secretFor, now, 'sts');
      if (!verdict.ok) throw new VendorFault(verdict.code);
      checkVolcengineSession(context.session(verdict.accessKeyId, headerOf(request, 'x-security-token')));
      result = assume(new Map(queryPairs(request)), { accessKeyId: verdict.accessKeyId, principal: context.principalOf(verdict.accessKeyId) }, now);
    } else if (request.action === 'AssumeRoleWithOIDC' && request.method === 'POST') {
      const params = new Map(formPairs(request));
      const verdict = verifyOidcToken(params.get('OIDCToken') ?? '', oidcKey, now);
      if (!verdict.ok) throw new VendorFault('InvalidParameter.OIDCToken', verdict.reason === 'expired' ? 'The OIDC token has expired.' : 'The OIDC token is invalid.');
      result = assume(params, { oidcSubject: verdict.claims.sub }, now);
    } else {
      throw new VendorFault('InvalidActionOrVersion', `Could not find operation ${request.action} for version ${VOLCENGINE_STS_VERSION}.`);
    }
    return { status: 200, body: { ResponseMetadata: metadata(context, request.action), Result: result } };
  }

  return {
    provider: 'volcengine-sts',
    keyVendor: 'volcengine',
    defaultCredentials: DEFAULT_CREDENTIALS,
    credentialEnv: VOLCENGINE_ENV,
    defaultRateLimit: 100,
    badRequest: { code: 'MissingParameter', httpStatus: 400, message: 'The request URL cannot be parsed.' },
    quotas: {},
    dayOffsetMinutes: 480,
    throttle: { code: 'FlowLimitExceeded', httpStatus: 429 },
    actionOf: (request) => queryValue(request, 'Action') ?? '',
    handle,
    errorResponse: (spec: VendorErrorSpec, context) => {
      const known = describeVmpError(spec.code);
      return {
        status: spec.httpStatus ?? known.status,
        body: { ResponseMetadata: { ...metadata(context, ''), Error: { ...(known.codeN === undefined ? {} : { CodeN: known.codeN }), Code: spec.code, Message: spec.message ?? known.message } } },
      };
    },
    reset: () => roles.reset(),
    hooks,
  };
}

function metadata(context: EmulatorContext, action: string): Record<string, string> {
  return { RequestId: context.requestId(), Action: action, Version: VOLCENGINE_STS_VERSION, Service: 'sts', Region: 'cn-beijing' };
}

function answer(outcome: AssumeOutcome, roleArn: string, sessionName: string, now: Date, oidc: boolean): object {
  if (!outcome.ok) {
    switch (outcome.problem) {
      case 'no-role':
        throw new VendorFault('NotFound.Role', `The role ${roleArn} does not exist.`);
      case 'duration':
        throw new VendorFault('InvalidParameter.DurationSeconds');
      default:
        throw new VendorFault('AccessDenied', oidc ? 'The role does not trust this OIDC subject.' : 'User is not authorized to perform: sts:AssumeRole.');
    }
  }
  return { Credentials: volcengineCredentialsOf(outcome.key, now), AssumedRoleUser: { Trn: `${roleArn}/${sessionName}`, AssumedRoleId: `${outcome.key.accessKeyId.slice(4, 20)}:${sessionName}` } };
}

/** Temporary keys in the vendor's answer shape (times in RFC 3339). */
export function volcengineCredentialsOf(key: TemporaryKey, now: Date): Record<string, string> {
  return {
    CurrentTime: now.toISOString(),
    ExpiredTime: key.expiration.toISOString(),
    AccessKeyId: key.accessKeyId,
    SecretAccessKey: key.accessKeySecret,
    SessionToken: key.securityToken,
  };
}
