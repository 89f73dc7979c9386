/**
 * The emulator of Resource Directory message contacts (`ResourceDirectoryMaster` 2022-04-19),
 * served by the shared harness: `POST /` with parameters in the query, `x-acs-action` and
 * `x-acs-version` headers, ACS3-HMAC-SHA256 (or legacy V2) signatures checked, JSON answers and
 * the vendor's `{RequestId, HostId, Code, Message, Recommend}` error envelope.
 */
import { ContactError } from '../../src/errors.js';
import { parsePhone } from '../../src/phone.js';
import type { EmulatorContext, EmulatorProtocol, EmulatorRequest, EmulatorResponse, VendorErrorSpec } from '../../src/testing/emulator-protocol.js';
import { parseQueryPairs } from '../../src/testing/signature-primitives.js';
import { RD_HANDLERS, RD_QUOTAS } from './alibaba-resource-directory-emulator-actions.js';
import { describeRdError, RdFault } from './alibaba-resource-directory-emulator-errors.js';
import { RdParams } from './alibaba-resource-directory-emulator-params.js';
import { RdDirectory } from './alibaba-resource-directory-emulator-state.js';
import type { DeletionFailReason, SentVerification } from './alibaba-resource-directory-emulator-state.js';
import { NonceLedger, verifySignature } from './alibaba-resource-directory-emulator-signature.js';

export type { DeletionFailReason, SentVerification } from './alibaba-resource-directory-emulator-state.js';

const PROVIDER = 'alibaba-resource-directory';
const VERSION = '2022-04-19';
const HOST_ID = 'resourcedirectory.aliyuncs.com';

/**
 * Test hooks of the Resource Directory emulator: what happens outside the API (a recipient
 * confirming, the directory gaining a member), never reachable over HTTP.
 */
export interface AlibabaResourceDirectoryEmulatorHooks {
  /**
   * Plays the recipient who confirms a verification message: the target (an email address, or a
   * phone number as `86-…` or E.164) becomes effective; a confirmed email activates the contact.
   * @throws ContactError `invalid-input` when no message was sent to that target or it is not pending.
   */
  confirmVerification(contactId: string, target: string): void;
  /** Adds a member (`rd-…`, `fd-…`, `r-…` or a 16-digit account) to the emulated resource directory. */
  addMember(memberId: string): void;
  /** The member ids the emulated resource directory holds. */
  members(): string[];
  /** Makes the next asynchronous deletion of a contact fail, with these reasons (default: its bound accounts). */
  failDeletion(contactId: string, reasons?: DeletionFailReason[]): void;
  /** How long an asynchronous deletion takes on the emulator clock (default 100 ms). */
  setDeletionDelay(ms: number): void;
  /** Ends every asynchronous deletion now, whatever the clock says. */
  finishDeletions(): void;
  /** The verification messages sent so far, oldest first. */
  sentVerifications(): SentVerification[];
  /** Makes throttling answers carry `x-acs-retry-after` (milliseconds), or not (`undefined`, the default). */
  setRetryAfter(ms: number | undefined): void;
  /** Behaves as the China site (only `86-` numbers, the default) or the international one. */
  setSite(site: 'china' | 'international'): void;
}

/** Creates the protocol; each call is a fresh, empty resource directory. */
export function createAlibabaResourceDirectoryProtocol(): EmulatorProtocol<AlibabaResourceDirectoryEmulatorHooks> {
  let directory = new RdDirectory();
  const nonces = new NonceLedger();

  function errorResponse(error: VendorErrorSpec, context: EmulatorContext): EmulatorResponse {
    const documented = describeRdError(error.code);
    const requestId = context.requestId().toUpperCase();
    const retryAfter = error.code.startsWith('Throttling') && directory.retryAfterMs !== undefined;
    return {
      status: error.httpStatus ?? documented.status,
      ...(retryAfter ? { headers: { 'x-acs-retry-after': String(directory.retryAfterMs) } } : {}),
      body: {
        RequestId: requestId,
        HostId: HOST_ID,
        Code: error.code,
        Message: error.message ?? documented.message,
        Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(error.code)}&product=ResourceDirectoryMaster&requestId=${requestId}`,
      },
    };
  }

  function handle(request: EmulatorRequest, context: EmulatorContext): EmulatorResponse {
    try {
      const now = context.now();
      const verdict = verifySignature(request, { secretFor: context.secretFor, now, nonces });
      if (!verdict.ok) throw new RdFault(verdict.code, verdict.message);
      const params = new RdParams([...parseQueryPairs(request.rawUrl.split('?')[1] ?? ''), ...formPairs(request)]);
      const version = headerOf(request, 'x-acs-version') ?? queryValue(request, 'Version');
      if (version !== VERSION) throw new RdFault('InvalidVersion');
      const handler = request.url.pathname === '/' ? RD_HANDLERS[request.action] : undefined;
      if (handler === undefined) throw new RdFault('InvalidAction.NotFound');
      directory.settleDeletions(now.getTime());
      return { status: 200, body: { RequestId: context.requestId().toUpperCase(), ...handler(params, { directory, context, now }) } };
    } catch (error) {
      if (error instanceof RdFault) return errorResponse({ code: error.code, message: error.detail }, context);
      throw error;
    }
  }

  return {
    provider: PROVIDER,
    defaultCredentials: { accessKeyId: 'LTAI5tFAKEFAKEFAKE1234', accessKeySecret: 'FAKEsecretFAKEsecretFAKEsecret12' },
    defaultRateLimit: 20,
    quotas: RD_QUOTAS,
    dayOffsetMinutes: 480,
    throttle: { code: 'Throttling.User' },
    actionOf: (request) => headerOf(request, 'x-acs-action') ?? queryValue(request, 'Action') ?? '',
    handle,
    errorResponse,
    malformedBody: () => ({ status: 200, headers: { 'content-type': 'application/json;charset=utf-8' }, body: '{"RequestId": "' }),
    reset: () => {
      directory = new RdDirectory();
      nonces.clear();
    },
    hooks: createHooks(() => directory),
  };
}

/** The hooks, over whichever directory is current (a reset replaces it). */
function createHooks(current: () => RdDirectory): AlibabaResourceDirectoryEmulatorHooks {
  const misuse = (operation: string, message: string): ContactError =>
    new ContactError({ code: 'invalid-input', provider: PROVIDER, operation: `emulator.${operation}`, message });
  return {
    confirmVerification(contactId, target) {
      const directory = current();
      const contact = directory.contacts.get(contactId);
      if (contact === undefined) throw misuse('confirmVerification', `there is no contact ${contactId}`);
      const vendorTarget = toVendorTarget(target);
      if (!directory.sent.some((sent) => sent.contactId === contactId && sent.target === vendorTarget)) {
        throw misuse('confirmVerification', `no verification message was sent to ${target} for ${contactId}: call sendVerification first`);
      }
      try {
        directory.confirm(contact, vendorTarget);
      } catch (error) {
        throw misuse('confirmVerification', (error as Error).message);
      }
    },
    addMember: (memberId) => void current().knownMembers.add(memberId),
    members: () => [...current().knownMembers],
    failDeletion: (contactId, reasons) => current().failNextDeletion(contactId, reasons),
    setDeletionDelay: (ms) => void (current().deletionDelayMs = ms),
    finishDeletions: () => current().settleDeletions(Number.POSITIVE_INFINITY),
    sentVerifications: () => current().sent.map((sent) => ({ ...sent })),
    setRetryAfter: (ms) => void (current().retryAfterMs = ms),
    setSite: (site) => void (current().site = site),
  };
}

/** An E.164 number in the vendor's `86-…` notation; anything else as given. */
function toVendorTarget(target: string): string {
  const phone = target.startsWith('+') ? parsePhone(target) : undefined;
  return phone === undefined || typeof phone === 'string' ? target : `${phone.countryCallingCode}-${phone.nationalNumber}`;
}

function formPairs(request: EmulatorRequest): Array<[string, string]> {
  const type = headerOf(request, 'content-type') ?? '';
  return type.startsWith('application/x-www-form-urlencoded') ? parseQueryPairs(request.body) : [];
}

function headerOf(request: Pick<EmulatorRequest, 'headers'>, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function queryValue(request: Pick<EmulatorRequest, 'rawUrl'>, name: string): string | undefined {
  return parseQueryPairs(request.rawUrl.split('?')[1] ?? '').find(([key]) => key === name)?.[1];
}
