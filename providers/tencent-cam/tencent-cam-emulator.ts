/**
 * The emulator of CAM message receivers (2019-01-16), served by the shared harness: POST JSON
 * (or GET with the query), `X-TC-Action` / `X-TC-Version` headers, TC3-HMAC-SHA256 checked,
 * answers in `{"Response": {...}}` and errors with HTTP 200.
 */
import { CHINA_OFFSET_MINUTES } from '../../src/util/china-time.js';
import type { Emulator } from '../../src/testing/emulator-types.js';
import { ownValue } from '../../src/util/own-value.js';
import type { EmulatorContext, EmulatorProtocol, EmulatorRequest, EmulatorResponse, VendorErrorSpec } from '../../src/testing/emulator-protocol.js';
import { headerOf, queryPairs, queryValue } from '../../src/testing/emulator-request.js';
import { VendorFault } from '../../src/testing/vendor-fault.js';
import { TENCENT_CAM_VERSION } from './tencent-cam-api.js';
import { CAM_HANDLERS, TENCENT_CAM_EMULATOR_QUOTAS } from './tencent-cam-emulator-actions.js';
import { checkTencentSession, describeCamError } from './tencent-cam-emulator-errors.js';
import { verifyTc3 } from './tencent-cam-emulator-signature.js';
import { CamAccount } from './tencent-cam-emulator-state.js';
import { TENCENT_CAM_ENV } from './tencent-cam-settings.js';

export { TENCENT_CAM_EMULATOR_QUOTAS } from './tencent-cam-emulator-actions.js';

/** Test hooks of the CAM emulator: things a person or the platform does, not vendor APIs. */
export interface TencentCamEmulatorHooks {
  /** Plays the receiver who confirms their email or phone from CAM's message. */
  verifyReceiver(uid: string, channel: 'email' | 'phone'): void;
  /** Makes the account (not) real-name verified; unverified accounts get `InvalidParameter.UserNotAuth`. */
  setRealNameVerified(verified: boolean): void;
  /** Adds a CAM sub-user name, which receivers may then not take. */
  addSubUser(name: string): void;
  /** The stored receivers with their real email and phone, as the vendor keeps them. */
  storedReceivers(): Array<{ uid: string; name: string; email: string; countryCode: string; phoneNumber: string; remark: string }>;
}

/** The CAM emulator: an {@link Emulator} plus its test hooks. */
export type TencentCamEmulator = Emulator & TencentCamEmulatorHooks;

/** Creates the CAM protocol for the shared emulator harness. */
export function createTencentCamProtocol(): EmulatorProtocol<TencentCamEmulatorHooks> {
  const account = new CamAccount();
  const errorResponse = (spec: VendorErrorSpec, context: EmulatorContext): EmulatorResponse => ({
    status: spec.httpStatus ?? 200,
    body: { Response: { Error: { Code: spec.code, Message: spec.message ?? describeCamError(spec.code) }, RequestId: context.requestId() } },
  });

  function handle(request: EmulatorRequest, context: EmulatorContext): EmulatorResponse {
    const verdict = verifyTc3(request, context.secretFor, context.now());
    if (!verdict.ok) throw new VendorFault(verdict.code, verdict.message);
    checkTencentSession(context.session(verdict.secretId, headerOf(request, 'x-tc-token')));
    const version = headerOf(request, 'x-tc-version') || (queryValue(request, 'Version') ?? '');
    if (version !== TENCENT_CAM_VERSION) throw new VendorFault('NoSuchVersion', `The API version \`${version}\` does not exist.`);
    const handler = ownValue(CAM_HANDLERS, request.action);
    if (handler === undefined) throw new VendorFault('InvalidAction', `The requested action \`${request.action}\` does not exist.`);
    return { status: 200, body: { Response: { ...handler(paramsOf(request), account, context), RequestId: context.requestId() } } };
  }

  const hooks: TencentCamEmulatorHooks = {
    verifyReceiver(uid, channel) {
      const receiver = account.receivers.get(Number(uid));
      if (receiver === undefined) throw new Error(`no receiver with Uid ${uid}`);
      if (channel === 'email') receiver.EmailFlag = 1;
      else receiver.PhoneFlag = 1;
    },
    setRealNameVerified(verified) {
      account.realNameVerified = verified;
    },
    addSubUser(name) {
      account.subUserNames.add(name);
    },
    storedReceivers: () =>
      [...account.receivers.values()].map((r) => ({ uid: String(r.Uid), name: r.Name, email: r.Email, countryCode: r.CountryCode, phoneNumber: r.PhoneNumber, remark: r.Remark })),
  };

  return {
    provider: 'tencent-cam',
    keyVendor: 'tencent',
    defaultCredentials: { accessKeyId: 'AKIDFAKEFAKEFAKEFAKEFAKEFAKEFAKE1234', accessKeySecret: 'FAKEtcSecretKeyFAKEtcSecretKey12' },
    credentialEnv: TENCENT_CAM_ENV,
    defaultRateLimit: 20,
    badRequest: { code: 'InvalidParameter', message: 'The request URL is malformed.' },
    quotas: TENCENT_CAM_EMULATOR_QUOTAS,
    dayOffsetMinutes: CHINA_OFFSET_MINUTES,
    throttle: { code: 'RequestLimitExceeded' },
    actionOf: (request) => headerOf(request, 'x-tc-action') ?? queryValue(request, 'Action') ?? '',
    handle,
    errorResponse,
    malformedBody: () => ({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"Response": {"RequestId": "' }),
    reset: () => account.reset(),
    hooks,
  };
}

/** POST carries a JSON body; GET carries flattened query parameters. */
function paramsOf(request: EmulatorRequest): Record<string, unknown> {
  if (request.method === 'GET') return Object.fromEntries(queryPairs(request));
  try {
    const parsed: unknown = JSON.parse(request.body === '' ? '{}' : request.body);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // fall through to the vendor's error
  }
  throw new VendorFault('InvalidParameter', 'The request body is not a JSON object.');
}
