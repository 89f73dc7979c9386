import type { Emulator } from '../../src/testing/emulator-types.js';
import type { EmulatorContext, EmulatorProtocol, EmulatorRequest, EmulatorResponse, VendorErrorSpec } from '../../src/testing/emulator-protocol.js';
import { parseQueryPairs } from '../../src/testing/signature-primitives.js';
import { TENCENT_CAM_VERSION } from './tencent-cam-settings.js';
import { verifyTc3 } from './tencent-cam-emulator-signature.js';
import { CamAccount, CamFault, checkCreateParams, listedReceiver } from './tencent-cam-emulator-state.js';

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

/**
 * Quotas of the CAM emulator, overridable through `startEmulator('tencent-cam', { quotas })`:
 * `createsPerDay` (CreateMessageReceiver calls per account per Beijing day, default 10) and
 * `receivers` (receivers per account, default 100; CAM does not publish its number).
 */
export const TENCENT_CAM_EMULATOR_QUOTAS = {
  createsPerDay: { limit: 10, daily: true },
  receivers: { limit: 100, daily: false },
} as const;

const DEFAULT_MESSAGES: Readonly<Record<string, string>> = {
  RequestLimitExceeded: 'Your current request times exceeds the frequency limit `20` for a second. Please reduce the frequency of calls.',
  'LimitExceeded.Uin': 'The number of requests exceeds the limit of 10 per day.',
  'InvalidParameter.SubUserNameInUse': 'The sub-user name is already in use.',
  'InvalidParameter.ReceiverOverLimit': 'The number of message receivers exceeds the limit.',
  'InvalidParameter.UserNotAuth': 'The user has not completed real-name verification.',
  'ResourceNotFound.UserNotExist': 'The user does not exist.',
  'ResourceNotFound.UserNotExists': 'The user does not exist.',
  InternalError: 'An internal error has occurred. Retry your request.',
};

/** Creates the CAM protocol for the shared emulator harness. */
export function createTencentCamProtocol(): EmulatorProtocol<TencentCamEmulatorHooks> {
  const account = new CamAccount();
  const answer = (context: EmulatorContext, body: object): EmulatorResponse => ({
    status: 200,
    body: { Response: { ...body, RequestId: context.requestId() } },
  });
  const errorResponse = (spec: VendorErrorSpec, context: EmulatorContext): EmulatorResponse => ({
    // CAM answers every error, signature failures included, with HTTP 200.
    status: spec.httpStatus ?? 200,
    body: { Response: { Error: { Code: spec.code, Message: spec.message ?? DEFAULT_MESSAGES[spec.code] ?? `${spec.code}.` }, RequestId: context.requestId() } },
  });

  const actions: Record<string, (params: Record<string, unknown>, context: EmulatorContext) => EmulatorResponse> = {
    CreateMessageReceiver(params, context) {
      if (!account.realNameVerified) throw new CamFault('InvalidParameter.UserNotAuth', DEFAULT_MESSAGES['InvalidParameter.UserNotAuth']!);
      if (!context.quota('createsPerDay').tryConsume()) throw new CamFault('LimitExceeded.Uin', DEFAULT_MESSAGES['LimitExceeded.Uin']!);
      const valid = checkCreateParams(params);
      if (account.nameInUse(valid.Name)) throw new CamFault('InvalidParameter.SubUserNameInUse', DEFAULT_MESSAGES['InvalidParameter.SubUserNameInUse']!);
      if (account.receivers.size >= context.quota('receivers').limit) {
        throw new CamFault('InvalidParameter.ReceiverOverLimit', DEFAULT_MESSAGES['InvalidParameter.ReceiverOverLimit']!);
      }
      account.add(valid);
      return answer(context, {});
    },
    ListReceiver(params, context) {
      const offset = wholeNumber(params['Offset'], 'Offset', 0);
      const limit = wholeNumber(params['Limit'], 'Limit', 10);
      if (limit < 1 || limit > 1000) throw new CamFault('InvalidParameter.ParamError', 'Limit must be from 1 to 1000.');
      const all = [...account.receivers.values()].sort((a, b) => a.Uid - b.Uid);
      return answer(context, { TotalCount: all.length, Receivers: all.slice(offset, offset + limit).map(listedReceiver) });
    },
    DeleteMessageReceiver(params, context) {
      const name = params['Name'];
      if (typeof name !== 'string' || name === '') throw new CamFault('MissingParameter', 'The request is missing a required parameter `Name`.');
      const receiver = account.byName(name);
      if (receiver === undefined) throw new CamFault('ResourceNotFound.UserNotExists', DEFAULT_MESSAGES['ResourceNotFound.UserNotExists']!);
      account.receivers.delete(receiver.Uid);
      return answer(context, {});
    },
  };

  function handle(request: EmulatorRequest, context: EmulatorContext): EmulatorResponse {
    const verdict = verifyTc3(request, context.secretFor, context.now());
    if (!verdict.ok) return errorResponse({ code: verdict.code, message: verdict.message }, context);
    const version = headerOf(request, 'x-tc-version') || (request.url.searchParams.get('Version') ?? '');
    if (version !== TENCENT_CAM_VERSION) return errorResponse({ code: 'NoSuchVersion', message: `The API version \`${version}\` does not exist.` }, context);
    const action = actions[request.action];
    if (action === undefined) return errorResponse({ code: 'InvalidAction', message: `The requested action \`${request.action}\` does not exist.` }, context);
    try {
      return action(paramsOf(request), context);
    } catch (error) {
      if (error instanceof CamFault) return errorResponse({ code: error.code, message: error.message }, context);
      throw error;
    }
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
    defaultCredentials: { accessKeyId: 'AKIDFAKEFAKEFAKEFAKEFAKEFAKEFAKE1234', accessKeySecret: 'FAKEtcSecretKeyFAKEtcSecretKey12' },
    defaultRateLimit: 20,
    quotas: TENCENT_CAM_EMULATOR_QUOTAS,
    dayOffsetMinutes: 480,
    throttle: { code: 'RequestLimitExceeded' },
    actionOf: (request) => {
      const header = request.headers['x-tc-action'];
      return (Array.isArray(header) ? header[0] : header) ?? request.url.searchParams.get('Action') ?? '';
    },
    handle,
    errorResponse,
    malformedBody: () => ({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"Response": {"RequestId": "' }),
    reset: () => account.reset(),
    hooks,
  };
}

function headerOf(request: EmulatorRequest, name: string): string {
  const value = request.headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

/** POST carries a JSON body; GET carries flattened query parameters. */
function paramsOf(request: EmulatorRequest): Record<string, unknown> {
  if (request.method === 'GET') return Object.fromEntries(parseQueryPairs(request.url.search.slice(1)));
  try {
    const parsed: unknown = JSON.parse(request.body === '' ? '{}' : request.body);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // fall through to the vendor's error
  }
  throw new CamFault('InvalidParameter', 'The request body is not a JSON object.');
}

function wholeNumber(value: unknown, name: string, fallback: number): number {
  if (value === undefined || value === null || value === '') return fallback;
  const number = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(number) || number < 0) throw new CamFault('InvalidParameter.ParamError', `${name} must be a non-negative integer.`);
  return number;
}
