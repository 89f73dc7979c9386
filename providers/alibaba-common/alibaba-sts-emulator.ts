/**
 * The emulator of Alibaba Cloud STS (2015-04-01) on the RPC protocol of the product emulators:
 * `AssumeRole` (signature V2 or ACS3 checked, the caller trusted by the role, the external id,
 * the duration) and `AssumeRoleWithOIDC` (anonymous; the token's signature, expiry and subject
 * checked), issuing temporary keys every Alibaba product emulator accepts with
 * `x-acs-security-token` until they expire on its clock.
 */
import type { EmulatorProtocol } from '../../src/testing/emulator-protocol.js';
import { verifyOidcToken } from '../../src/testing/oidc-tokens.js';
import type { AssumeOutcome, RoleCaller, StsEmulatorHooks, StsEmulatorOptions } from '../../src/testing/sts-roles.js';
import { stsState } from '../../src/testing/sts-roles.js';
import type { TemporaryKey } from '../../src/testing/temporary-keys.js';
import { VendorFault } from '../../src/testing/vendor-fault.js';
import { alibabaRpcProtocol } from './alibaba-emulator-rpc.js';
import type { RpcParams } from './alibaba-emulator-rpc.js';

/** The fake long-term keys the Alibaba emulators accept by default. */
const DEFAULT_CREDENTIALS = { accessKeyId: 'LTAI5tFAKEFAKEFAKE1234', accessKeySecret: 'FAKEsecretFAKEsecretFAKEsecret12' };

/** Hooks of the Alibaba STS emulator. */
export interface AlibabaStsEmulatorHooks extends StsEmulatorHooks {
  /** The OIDC identity provider registered in RAM, which `AssumeRoleWithOIDC` must name. */
  readonly oidcProviderArn: string;
}

interface Env {
  readonly now: Date;
  readonly caller: { readonly accessKeyId: string; readonly principal: string } | undefined;
}

/** Creates the Alibaba STS protocol. */
export function createAlibabaStsProtocol(options: StsEmulatorOptions = {}): EmulatorProtocol<AlibabaStsEmulatorHooks, 'alibaba-sts'> {
  const credentials = options.credentials ?? DEFAULT_CREDENTIALS;
  const { roles, oidcKey, hooks } = stsState('alibaba', credentials.accessKeyId, options, 'sts.aliyuncs.com', 900);
  const oidcProviderArn = 'acs:ram::1234567890123456:oidc-provider/ack-rrsa-emulator';

  const assume = (params: RpcParams, env: Env, caller: RoleCaller, externalId?: string): object => {
    const roleArn = params.required('RoleArn');
    const sessionName = params.text('RoleSessionName') ?? `session-${env.now.getTime()}`;
    if (!/^[\w.@-]{2,64}$/.test(sessionName)) throw new VendorFault('InvalidParameter.RoleSessionName', 'The parameter RoleSessionName is wrongly formed.');
    const durationSeconds = Number(params.text('DurationSeconds') ?? '3600');
    if (!Number.isInteger(durationSeconds)) throw new VendorFault('InvalidParameter.DurationSeconds');
    return answer(roles.assume({ roleArn, sessionName, caller, externalId, durationSeconds, now: env.now }), roleArn, sessionName, 'oidcSubject' in caller);
  };

  return alibabaRpcProtocol({
    provider: 'alibaba-sts',
    version: '2015-04-01',
    hostId: 'sts.aliyuncs.com',
    productCode: 'Sts',
    defaultCredentials: DEFAULT_CREDENTIALS,
    // 6,000 calls a minute per account, as the API's page says.
    defaultRateLimit: 100,
    quotas: {},
    throttle: { code: 'Throttling.User' },
    catalogue: {
      'EntityNotExist.Role': [404, 'The role not exists.'],
      'InvalidParameter.RoleSessionName': [400, 'The parameter RoleSessionName is wrongly formed.'],
      'InvalidParameter.DurationSeconds': [400, 'The Min/Max value of DurationSeconds is 15min/1hr.'],
      'AuthenticationFail.NoPermission': [401, 'There is no permission.'],
      'AuthenticationFail.OIDCToken.Expired': [401, 'This JsonWebToken is expired.'],
      'AuthenticationFail.OIDCToken.Invalid': [401, 'The Jwt content is invalid that cannot be recognized.'],
      'AuthenticationFail.OIDCToken.InvalidSignature': [401, 'OIDC token validate failed: invalid signature.'],
    },
    anonymousActions: ['AssumeRoleWithOIDC'],
    handlers: {
      AssumeRole: (params, env: Env) => assume(params, env, env.caller!, params.text('ExternalId')),
      AssumeRoleWithOIDC(params, env: Env) {
        if (params.required('OIDCProviderArn') !== oidcProviderArn) throw new VendorFault('AuthenticationFail.NoPermission', 'No such OIDC Provider registered.');
        const verdict = verifyOidcToken(params.required('OIDCToken'), oidcKey, env.now);
        if (!verdict.ok) {
          throw new VendorFault(verdict.reason === 'expired' ? 'AuthenticationFail.OIDCToken.Expired' : verdict.reason === 'signature' ? 'AuthenticationFail.OIDCToken.InvalidSignature' : 'AuthenticationFail.OIDCToken.Invalid');
        }
        return { ...assume(params, env, { oidcSubject: verdict.claims.sub }), OIDCTokenInfo: { Subject: verdict.claims.sub, Issuer: verdict.claims.iss, ClientIds: verdict.claims.aud } };
      },
    },
    environment: (_context, now, caller): Env => ({ now, caller }),
    reset: () => roles.reset(),
    hooks: { ...hooks, oidcProviderArn },
  });
}

function answer(outcome: AssumeOutcome, roleArn: string, sessionName: string, oidc: boolean): object {
  if (!outcome.ok) {
    switch (outcome.problem) {
      case 'no-role':
        throw new VendorFault('EntityNotExist.Role', `The role not exists: ${roleArn}.`);
      case 'duration':
        throw new VendorFault('InvalidParameter.DurationSeconds');
      default:
        throw oidc ? new VendorFault('AuthenticationFail.NoPermission') : new VendorFault('NoPermission', 'You are not authorized to do this action. You should be authorized by RAM.');
    }
  }
  return { Credentials: credentialsOf(outcome.key), AssumedRoleUser: { Arn: `${roleArn}/${sessionName}`, AssumedRoleId: `${outcome.key.accessKeyId.slice(4, 22)}:${sessionName}` } };
}

/** Temporary keys in the vendor's answer shape (`Expiration` to the second, in UTC). */
export function credentialsOf(key: TemporaryKey): Record<string, string> {
  return {
    AccessKeyId: key.accessKeyId,
    AccessKeySecret: key.accessKeySecret,
    SecurityToken: key.securityToken,
    Expiration: key.expiration.toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
}
