/**
 * The emulator of VMP alert contacts and contact groups (`vmp` 2021-03-03), served by the shared
 * harness: `POST /?Action=…&Version=2021-03-03` with JSON bodies, Volcengine HMAC-SHA256
 * signatures checked from the client's own `SignedHeaders`, and answers in the
 * `{ResponseMetadata, Result}` envelope with the vendor's statuses.
 */
import { CHINA_OFFSET_MINUTES } from '../../src/util/china-time.js';
import { ContactError } from '../../src/errors/errors.js';
import { ownValue } from '../../src/util/own-value.js';
import type { EmulatorContext, EmulatorProtocol, EmulatorRequest, EmulatorResponse, VendorErrorSpec } from '../../src/testing/emulator-protocol.js';
import { headerOf, queryValue } from '../../src/testing/emulator-request.js';
import type { Emulator } from '../../src/testing/emulator-types.js';
import { VendorFault } from '../../src/testing/vendor-fault.js';
import { VMP_API_VERSION, VMP_SERVICE } from './volcengine-vmp-api.js';
import { VMP_HANDLERS } from './volcengine-vmp-emulator-actions.js';
import { checkVolcengineSession, describeVmpError } from './volcengine-vmp-emulator-errors.js';
import { verifyVmpSignature } from './volcengine-vmp-emulator-signature.js';
import { VmpAccount } from './volcengine-vmp-emulator-state.js';
import { VOLCENGINE_ENV } from './volcengine-vmp-settings.js';
import type { SentMail, WebhookOutcome } from './volcengine-vmp-emulator-state.js';

export type { SentMail, WebhookOutcome } from './volcengine-vmp-emulator-state.js';

const PROVIDER = 'volcengine-vmp';
const DEFAULT_REGION = 'cn-beijing';

/** Test hooks of the VMP emulator: what people and chat platforms do, never reachable over HTTP. */
export interface VolcengineVmpEmulatorHooks {
  /**
   * Plays the owner of an address clicking the link in VMP's verification mail: every contact
   * with that address shows `EmailActive: true`.
   * @throws ContactError `invalid-input` when no verification mail was sent to the address.
   */
  confirmEmail(address: string): void;
  /** Makes verification mails to an address fail (`MessageFailed.Email`). */
  failEmail(address: string): void;
  /** The verification mails sent so far, oldest first. */
  sentMails(): SentMail[];
  /**
   * Says what the chat platform behind a webhook address answers to test messages (by default,
   * HTTP 200 and code 0: delivered), such as `{ code: 310000, message: 'keywords not in content' }`
   * for a DingTalk bot, or `{ error: 'dial tcp: connection refused' }` for an unreachable one.
   */
  setWebhookOutcome(address: string, outcome: WebhookOutcome): void;
  /** Makes a contact group exist, as if made in the console (optionally with a given id); resolves to its id. */
  addContactGroup(name: string, id?: string): string;
  /** Makes the account (not) subscribed to VMP; unsubscribed accounts get `ProductUnsubscribed`. */
  setSubscribed(subscribed: boolean): void;
}

/** The VMP emulator: an {@link Emulator} plus its test hooks. */
export type VolcengineVmpEmulator = Emulator & VolcengineVmpEmulatorHooks;

interface Meta {
  readonly action: string;
  readonly region: string;
}

/** The error envelope: `ResponseMetadata.Error` with `Code`, `CodeN` where the gateway has one, and `Message`; no `Result`. */
function envelopeError(spec: VendorErrorSpec, context: EmulatorContext, meta: Meta): EmulatorResponse {
  const known = describeVmpError(spec.code);
  return {
    status: spec.httpStatus ?? known.status,
    body: {
      ResponseMetadata: {
        ...metadata(context, meta),
        Error: { ...(known.codeN === undefined ? {} : { CodeN: known.codeN }), Code: spec.code, Message: spec.message ?? known.message },
      },
    },
  };
}

function metadata(context: EmulatorContext, meta: Meta): Record<string, string> {
  return { RequestId: context.requestId(), Action: meta.action, Version: VMP_API_VERSION, Service: VMP_SERVICE, Region: meta.region };
}

/** Creates the protocol; each call is a fresh, empty account. */
export function createVolcengineVmpProtocol(): EmulatorProtocol<VolcengineVmpEmulatorHooks> {
  let account = new VmpAccount();

  function handle(request: EmulatorRequest, context: EmulatorContext): EmulatorResponse {
    let meta: Meta = { action: request.action, region: DEFAULT_REGION };
    try {
      if (request.action === '') throw new VendorFault('MissingParameter');
      const verdict = verifyVmpSignature(request, context.secretFor, context.now());
      if (!verdict.ok) throw new VendorFault(verdict.code);
      checkVolcengineSession(context.session(verdict.accessKeyId, headerOf(request, 'x-security-token')));
      meta = { ...meta, region: verdict.region };
      const handler = ownValue(VMP_HANDLERS, request.action);
      const version = queryValue(request, 'Version');
      if (request.method !== 'POST' || version !== VMP_API_VERSION || handler === undefined) {
        throw new VendorFault('InvalidActionOrVersion', `Could not find operation ${request.action} for version ${version ?? ''}.`);
      }
      if (!account.subscribed) throw new VendorFault('ProductUnsubscribed');
      const result = handler(bodyOf(request), account, context);
      return { status: 200, body: { ResponseMetadata: metadata(context, meta), Result: result } };
    } catch (error) {
      if (!(error instanceof VendorFault)) throw error;
      return envelopeError({ code: error.code, message: error.detail, httpStatus: error.httpStatus }, context, meta);
    }
  }

  const misuse = (operation: string, message: string): ContactError =>
    new ContactError({ code: 'invalid-input', provider: PROVIDER, operation: `emulator.${operation}`, message });

  const hooks: VolcengineVmpEmulatorHooks = {
    confirmEmail(address) {
      if (!account.sent.some((mail) => mail.destination === address)) throw misuse('confirmEmail', `no verification mail was sent to ${address}`);
      account.verifiedEmails.add(address);
    },
    failEmail: (address) => void account.failingEmails.add(address),
    sentMails: () => account.sent.map((mail) => ({ ...mail })),
    setWebhookOutcome: (address, outcome) => void account.webhookOutcomes.set(address, { ...outcome }),
    addContactGroup(name, id) {
      if (id !== undefined && account.groups.has(id)) throw misuse('addContactGroup', `a group with id ${id} exists`);
      return account.addGroup(name, new Date(), id).Id;
    },
    setSubscribed: (subscribed) => void (account.subscribed = subscribed),
  };

  return {
    provider: PROVIDER,
    keyVendor: 'volcengine',
    defaultCredentials: { accessKeyId: 'AKLTFAKEFAKEFAKEFAKEFAKE1234', accessKeySecret: 'FAKEvolcSecretFAKEvolcSecretFAKE==' },
    credentialEnv: VOLCENGINE_ENV,
    defaultRateLimit: 20,
    badRequest: { code: 'MissingParameter', httpStatus: 400, message: 'The request URL cannot be parsed.' },
    quotas: {},
    dayOffsetMinutes: CHINA_OFFSET_MINUTES,
    throttle: { code: 'FlowLimitExceeded', httpStatus: 429 },
    actionOf: (request) => queryValue(request, 'Action') ?? '',
    handle,
    errorResponse: (spec, context) => envelopeError(spec, context, { action: '', region: DEFAULT_REGION }),
    malformedBody: () => ({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"ResponseMetadata": {"RequestId": "' }),
    reset: () => {
      account = new VmpAccount();
    },
    hooks,
  };
}

/** The JSON body; an empty one is `{}`. */
function bodyOf(request: EmulatorRequest): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(request.body === '' ? '{}' : request.body);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // answered below, as the vendor does
  }
  throw new VendorFault('InvalidParameter', 'The request body is not a JSON object.');
}
