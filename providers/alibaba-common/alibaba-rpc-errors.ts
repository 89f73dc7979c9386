/**
 * Alibaba Cloud's error envelope and gateway codes, and the one translation of a failed attempt
 * into a ContactError. Four cases reach the caller: an empty body, a body with a known code, a
 * body that is not JSON (a gateway's page), and an unknown code, kept verbatim as `unknown`.
 */
import * as z from '../../src/util/zod.js';
import type { ContactError } from '../../src/errors/errors.js';
import type { HttpAnswer } from '../../src/transport/http-request.js';
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

/**
 * An answer that is not a success: an error status, a body that is not JSON, or (for a product
 * with a success code) a 200 whose `Code` is another.
 */
export class AlibabaAnswer {
  /** HTTP status. */
  readonly status: number;
  /** Response headers, lower-cased. */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The body as received. */
  readonly text: string;
  /** The body as JSON, or why it could not be read as JSON. */
  readonly body: { readonly value: unknown } | { readonly notJson: string };

  /** @internal */
  constructor(answer: HttpAnswer, body: AlibabaAnswer['body']) {
    this.status = answer.status;
    this.headers = answer.headers;
    this.text = answer.text;
    this.body = body;
  }
}

/** A code the table does not know still says something through its HTTP status. */
const STATUS_FALLBACK = {
  server: { exact: {}, prefixes: { '': 'unavailable' } },
  throttled: { exact: {}, prefixes: { '': 'rate-limited' } },
} satisfies Record<string, VendorCodeTable>;

/** Translates a failed attempt (an {@link AlibabaAnswer}, or the socket's or the signal's error) into a ContactError. */
export function translateAlibabaFailure(failure: unknown, product: AlibabaProductErrors, context: ErrorContext): ContactError {
  if (!(failure instanceof AlibabaAnswer)) return toContactError(failure, context);
  const { status, headers, body } = failure;
  if (!('value' in body)) return notJsonError(failure, body.notJson, context);
  const envelope = alibabaErrorEnvelopeSchema.safeParse(body.value);
  const code = envelope.success ? envelope.data.Code : undefined;
  if (!envelope.success || !code) return httpStatusError(status, body.value === undefined || body.value === null ? '' : JSON.stringify(body.value), context);
  const message = envelope.data.Message ?? '';
  const requestId = envelope.data.RequestId ?? undefined;
  const table = withGatewayCodes(product.codes);
  return vendorCodeError(
    lookupVendorCode(table, code) !== undefined || (status < 500 && status !== 429) ? table : status >= 500 ? STATUS_FALLBACK.server : STATUS_FALLBACK.throttled,
    {
      vendor: { code, message, httpStatus: status, ...(requestId === undefined ? {} : { requestId }) },
      field: product.fieldOf?.(code, message),
      retryAfterMs: retryAfterOf(headers),
      resetsAt: product.resetsAt?.(code, new Date()),
    },
    context,
  );
}

/** A body that is not JSON: a gateway page on an error status, or a broken answer. */
function notJsonError(answer: AlibabaAnswer, why: string, context: ErrorContext): ContactError {
  const { status } = answer;
  if (status >= 200 && status < 300) {
    return errorIn(context, {
      code: 'invalid-response',
      message: `HTTP ${status} with a body that is not JSON: ${redactText(why, context.secrets)}`,
      vendor: { code: `HTTP ${status}`, message: 'the body is not JSON', httpStatus: status },
    });
  }
  return httpStatusError(status, answer.text.trim() === '' ? '' : `not JSON (${why})`, context);
}

/** `x-acs-retry-after` in milliseconds, as the vendor's SDKs read it. */
function retryAfterOf(headers: AlibabaAnswer['headers']): number | undefined {
  const header = headers['x-acs-retry-after'];
  const value = Number.parseInt(typeof header === 'string' ? header : '', 10);
  return value > 0 ? value : undefined;
}
