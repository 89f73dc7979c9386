/**
 * Alibaba Cloud's error envelope and gateway codes, and the one translation of whatever
 * `@alicloud/openapi-client` threw into a ContactError. Four cases reach the caller: an empty
 * body, a parsed body with a known code, an unparseable body (the SDK loses the HTTP status;
 * `alibaba-openapi-http-workaround.ts` recovers it), and an unknown code, kept verbatim as `unknown`.
 */
import * as z from '../../src/util/zod.js';
import { ContactError, isContactError } from '../../src/errors/errors.js';
import { redactText } from '../../src/util/redaction.js';
import { errorIn, toContactError } from '../../src/errors/to-contact-error.js';
import type { ErrorContext } from '../../src/errors/to-contact-error.js';
import { httpStatusError, lookupVendorCode, vendorCodeError } from '../../src/errors/vendor-errors.js';
import type { VendorCodeTable } from '../../src/errors/vendor-errors.js';

/**
 * The vendor error envelope, `{RequestId, HostId, Code, Message, Recommend}`; built when the first
 * error is read, not when a provider is imported.
 */
const alibabaErrorEnvelopeSchema = z.lazy(() => {
  const text = z.nullishString();
  return z.object({ RequestId: text, HostId: text, Code: text, Message: text, Recommend: text });
});

/** The codes of Alibaba Cloud's API gateway, which every product answers (https://help.aliyun.com/en/openapi/user-guide/api-error-diagnosis). */
const alibabaGatewayCodes = {
  exact: {
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
    MissingParameter: 'invalid-input',
    InvalidParameter: 'invalid-input',
    Throttling: 'rate-limited',
    InvalidAccessKeyId: 'unauthenticated',
    InvalidSecurityToken: 'unauthenticated',
    Forbidden: 'permission-denied',
  },
} satisfies VendorCodeTable;

/** What a product adds to the gateway's errors. */
export interface AlibabaProductErrors {
  /** The product's codes; they win over the gateway's. */
  readonly codes: VendorCodeTable;
  /** The neutral field a code names (`InvalidParameter.EmailAddress` → `email`). */
  fieldOf?(code: string, message: string): string | undefined;
  /** When a used-up daily quota a code reports starts over. */
  resetsAt?(code: string, now: Date): string | undefined;
}

/** The product's and the gateway's codes as one table. */
function withGatewayCodes(product: VendorCodeTable): VendorCodeTable {
  return { exact: { ...alibabaGatewayCodes.exact, ...product.exact }, prefixes: { ...alibabaGatewayCodes.prefixes, ...product.prefixes } };
}

/** The status and headers of the vendor's answer, as the HTTP workaround observed them. */
export interface ObservedResponse {
  /** HTTP status. */
  readonly status: number;
  /** Response headers, lower-cased. */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

/** A failed attempt: what the SDK threw, and the answer it came with, if one came. */
export class AlibabaCallFailure {
  /** @internal */
  constructor(
    readonly error: unknown,
    readonly observed: ObservedResponse | undefined,
  ) {}
}

/** A code the table does not know still says something through its HTTP status. */
const STATUS_FALLBACK = {
  server: { exact: {}, prefixes: { '': 'unavailable' } },
  throttled: { exact: {}, prefixes: { '': 'rate-limited' } },
} satisfies Record<string, VendorCodeTable>;

/**
 * Translates a failed attempt into a ContactError; the SDK's error itself is never kept,
 * because it carries the request.
 */
export function translateAlibabaFailure(failure: unknown, product: AlibabaProductErrors, context: ErrorContext): ContactError {
  if (isContactError(failure)) return failure;
  if (!(failure instanceof AlibabaCallFailure)) return toContactError(failure, context);
  const { error, observed } = failure;
  if (isContactError(error)) return error;
  if (isSdkTimeout(error)) return errorIn(context, { code: 'timeout', message: 'no answer in time' });
  // The SDK's own error keeps the status of a JSON answer; only a non-JSON one needs the observed status.
  const status = numberProp(error, 'statusCode') ?? observed?.status;
  const body = objectProp(error, 'data');
  if (body !== undefined && status !== undefined) return parsedBodyError(body, status, observed, error, product, context);
  // An unparseable or empty body: the SDK threw a bare SyntaxError; the status came from the transport.
  if (error instanceof SyntaxError && status !== undefined) return unparseableBodyError(error, status, observed, context);
  return toContactError(error, context);
}

function parsedBodyError(body: object, status: number, observed: ObservedResponse | undefined, error: unknown, product: AlibabaProductErrors, context: ErrorContext): ContactError {
  const envelope = alibabaErrorEnvelopeSchema.safeParse(body);
  const code = envelope.success ? envelope.data.Code : undefined;
  if (!envelope.success || !code) {
    const { statusCode: _status, ...rest } = body as Record<string, unknown>;
    return httpStatusError(status, Object.keys(rest).length === 0 ? '' : JSON.stringify(rest), context);
  }
  const message = envelope.data.Message ?? '';
  const requestId = envelope.data.RequestId ?? undefined;
  const table = withGatewayCodes(product.codes);
  return vendorCodeError(
    lookupVendorCode(table, code) !== undefined || (status < 500 && status !== 429) ? table : status >= 500 ? STATUS_FALLBACK.server : STATUS_FALLBACK.throttled,
    {
      vendor: { code, message, httpStatus: status, ...(requestId === undefined ? {} : { requestId }) },
      field: product.fieldOf?.(code, message),
      retryAfterMs: retryAfterOf(observed, error),
      resetsAt: product.resetsAt?.(code, new Date()),
    },
    context,
  );
}

/** A body the SDK could not parse as JSON: a gateway page on an error status, or a broken answer. */
function unparseableBodyError(error: SyntaxError, status: number, observed: ObservedResponse | undefined, context: ErrorContext): ContactError {
  const empty = observed?.headers['content-length'] === '0';
  if (status >= 200 && status < 300) {
    return new ContactError({
      code: 'invalid-response',
      provider: context.provider,
      target: context.target,
      operation: context.operation,
      message: `HTTP ${status} with a body that is not JSON: ${redactText(error.message, context.secrets)}`,
      vendor: { code: `HTTP ${status}`, message: 'the body is not JSON', httpStatus: status },
    });
  }
  return httpStatusError(status, empty ? '' : `not JSON (${error.message})`, context);
}

/** The SDK's own timer fired (a backstop: the attempt's own timeout normally fires first). */
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

function numberProp(value: unknown, key: string): number | undefined {
  const found = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return typeof found === 'number' && Number.isFinite(found) ? found : undefined;
}

function objectProp(value: unknown, key: string): object | undefined {
  const found = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return typeof found === 'object' && found !== null ? found : undefined;
}
