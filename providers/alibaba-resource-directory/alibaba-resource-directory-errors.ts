/**
 * The Resource Directory error envelope and its code table. Four cases reach the caller: an empty
 * body, a parsed body with a known code, an unparseable body (the SDK loses the HTTP status; the
 * client recovers it), and an unknown code, which is kept verbatim as `unknown`.
 */
import { ContactError, isContactError } from '../../src/errors.js';
import { redactText } from '../../src/redaction.js';
import { toContactError } from '../../src/to-contact-error.js';
import type { ErrorContext } from '../../src/to-contact-error.js';
import { httpStatusError, lookupVendorCode, vendorCodeError } from '../../src/vendor-errors.js';
import type { VendorCodeTable } from '../../src/vendor-errors.js';
import { vendorErrorEnvelopeSchema } from './alibaba-resource-directory-api.js';

/** Every code of the message-contact API and the gateway, and what it means to a caller. */
export const alibabaResourceDirectoryCodes = {
  exact: {
    'InvalidParameter.Name.AlreadyUsed': { code: 'already-exists', field: 'name' },
    'LimitExceeded.Contacts': { code: 'quota-exceeded', explanation: 'the resource directory has as many contacts as it may' },
    'LimitExceeded.ContactMembers': { code: 'quota-exceeded', explanation: 'the contact is bound to as many members as it may' },
    'QuotaExceeded.Members': { code: 'quota-exceeded', field: 'members' },
    SendValidateCodeExceedsLimitForAccount: { code: 'quota-exceeded', explanation: 'the daily number of verification messages is used up' },
    ContactStatusMismatchAction: { code: 'conflict', retryable: false, explanation: "the contact's status does not allow this now." },
    ConcurrentCallNotSupported: { code: 'conflict', retryable: true, explanation: 'another change to the contact is in progress' },
    'EntityNotExists.Contact.Verification': { code: 'not-found', explanation: 'nothing is waiting for confirmation on that channel' },
    'EntityNotExists.ResourceDirectory': { code: 'not-subscribed', explanation: 'the account has no resource directory enabled' },
    InvalidMember: { code: 'not-found', field: 'members', explanation: 'a member is not in the resource directory' },
    SignatureDoesNotMatch: 'unauthenticated',
    IncompleteSignature: 'unauthenticated',
    SignatureNonceUsed: 'unauthenticated',
    IllegalTimestamp: 'unauthenticated',
    'InvalidTimeStamp.Expired': { code: 'unauthenticated', explanation: "the request's date is too far from the vendor's clock: check the system clock." },
    NoPermission: 'permission-denied',
    InternalError: 'unavailable',
    ServiceUnavailable: 'unavailable',
  },
  prefixes: {
    'MissingParameter': 'invalid-input',
    'InvalidParameter': 'invalid-input',
    'EntityNotExists.': 'not-found',
    Throttling: 'rate-limited',
    InvalidAccessKeyId: 'unauthenticated',
    InvalidSecurityToken: 'unauthenticated',
    Forbidden: 'permission-denied',
  },
} satisfies VendorCodeTable;

/** Vendor parameter names → the neutral names callers know. */
const NEUTRAL_FIELDS: Readonly<Record<string, string>> = {
  Name: 'name',
  EmailAddress: 'email',
  PhoneNumber: 'phone',
  MobileCountryCode: 'phone',
  Title: 'title',
  MessageTypes: 'messageTypes',
  ContactId: 'id',
  Members: 'members',
  Member: 'member',
  PageSize: 'pageSize',
  PageNumber: 'pageNumber',
  RetainContactInMembers: 'retainInMembers',
};

/** The neutral field a code names: `InvalidParameter.EmailAddress.Length` → `email`. */
function fieldOfVendorCode(code: string): string | undefined {
  const parameter = /^(?:MissingParameter|InvalidParameter|EntityNotExists)\.([A-Za-z]+)/.exec(code)?.[1];
  return parameter === undefined ? undefined : NEUTRAL_FIELDS[parameter];
}

/** The status and headers of the vendor's answer, as the client observed them. */
export interface ObservedResponse {
  /** HTTP status. */
  readonly status: number;
  /** Response headers, lower-cased. */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

/** The request a failure belongs to. */
export interface FailedRequest {
  /** The vendor action. */
  readonly action: string;
  /** Whether it could have been applied without the caller knowing. */
  readonly idempotent: boolean;
}

/** A code the table does not know still says something through its HTTP status. */
const STATUS_FALLBACK = {
  server: { exact: {}, prefixes: { '': 'unavailable' } },
  throttled: { exact: {}, prefixes: { '': 'rate-limited' } },
} satisfies Record<string, VendorCodeTable>;

/**
 * Translates whatever the SDK threw for one request into a ContactError; the SDK's error itself
 * is never kept, because it carries the request.
 */
export function translateRdFailure(error: unknown, observed: ObservedResponse | undefined, request: FailedRequest, context: ErrorContext): ContactError {
  if (isContactError(error)) return error;
  if (isSdkTimeout(error)) return timeoutError(request, context);
  const status = observed?.status ?? numberProp(error, 'statusCode');
  const body = objectProp(error, 'data');
  // A parsed body: the vendor's envelope with a known code, an unknown code, or none (an empty envelope).
  if (body !== undefined && status !== undefined) return parsedBodyError(body, status, observed, error, context);
  // An unparseable or empty body: the SDK threw a bare SyntaxError; the status came from the channel.
  if (error instanceof SyntaxError && status !== undefined) return unparseableBodyError(error, status, observed, context);
  return toContactError(error, context);
}

function parsedBodyError(body: object, status: number, observed: ObservedResponse | undefined, error: unknown, context: ErrorContext): ContactError {
  const envelope = vendorErrorEnvelopeSchema.safeParse(body);
  const code = envelope.success ? envelope.data.Code : undefined;
  if (!envelope.success || !code) {
    const { statusCode: _status, ...rest } = body as Record<string, unknown>;
    return httpStatusError(status, Object.keys(rest).length === 0 ? '' : JSON.stringify(rest), context);
  }
  const retryAfterMs = retryAfterOf(observed, error);
  const resetsAt = code === 'SendValidateCodeExceedsLimitForAccount' ? nextChinaMidnight(new Date()) : undefined;
  const requestId = envelope.data.RequestId ?? undefined;
  return vendorCodeError(
    tableFor(code, status),
    {
      vendor: { code, message: envelope.data.Message ?? '', httpStatus: status, ...(requestId === undefined ? {} : { requestId }) },
      field: fieldOfVendorCode(code),
      retryAfterMs,
      resetsAt,
    },
    context,
  );
}

/** The code table, or for a code it does not know, what the HTTP status alone says. */
function tableFor(code: string, status: number): VendorCodeTable {
  if (lookupVendorCode(alibabaResourceDirectoryCodes, code) !== undefined) return alibabaResourceDirectoryCodes;
  if (status >= 500) return STATUS_FALLBACK.server;
  return status === 429 ? STATUS_FALLBACK.throttled : alibabaResourceDirectoryCodes;
}

/** A body the SDK could not parse as JSON: a gateway page on an error status, or a broken answer. */
function unparseableBodyError(error: SyntaxError, status: number, observed: ObservedResponse | undefined, context: ErrorContext): ContactError {
  const empty = observed?.headers['content-length'] === '0';
  if (status >= 200 && status < 300) {
    return new ContactError({
      code: 'invalid-response',
      provider: context.provider,
      operation: context.operation,
      message: `HTTP ${status} with a body that is not JSON: ${redactText(error.message, context.secrets)}`,
      vendor: { code: `HTTP ${status}`, message: 'the body is not JSON', httpStatus: status },
    });
  }
  return httpStatusError(status, empty ? '' : `not JSON (${error.message})`, context);
}

function timeoutError(request: FailedRequest, context: ErrorContext): ContactError {
  const outcome = request.idempotent ? '' : `; ${request.action} was in flight, so the change may or may not have been made: check before retrying`;
  return new ContactError({
    code: 'timeout',
    provider: context.provider,
    operation: context.operation,
    message: `no answer within the call's time${outcome}`,
  });
}

/** The SDK's own timer fired (it is set to the time left in the call, so this is the call's deadline). */
function isSdkTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'RequestTimeoutError' || /^(ReadTimeout|ConnectTimeout)/.test(error.message));
}

/** `x-acs-retry-after` in milliseconds, as the vendor's SDKs read it; newer SDKs copy it to `retryAfter`. */
function retryAfterOf(observed: ObservedResponse | undefined, error: unknown): number | undefined {
  const header = observed?.headers['x-acs-retry-after'];
  const value = Number.parseInt(typeof header === 'string' ? header : '', 10);
  if (value > 0) return value;
  const fromSdk = numberProp(error, 'retryAfter');
  return fromSdk !== undefined && fromSdk > 0 ? fromSdk : undefined;
}

/** The next midnight in China (UTC+8), when a daily quota of the China-based vendor starts over. */
export function nextChinaMidnight(now: Date): string {
  const chinaDay = Math.floor((now.getTime() + 8 * 3_600_000) / 86_400_000);
  return new Date((chinaDay + 1) * 86_400_000 - 8 * 3_600_000).toISOString();
}

function numberProp(value: unknown, key: string): number | undefined {
  const found = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return typeof found === 'number' && Number.isFinite(found) ? found : undefined;
}

function objectProp(value: unknown, key: string): object | undefined {
  const found = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return typeof found === 'object' && found !== null ? found : undefined;
}

