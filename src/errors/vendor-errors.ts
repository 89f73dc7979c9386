import type { ContactError, ContactErrorCode, VendorErrorInfo } from './errors.js';
import { ownValue } from '../util/own-value.js';
import { redactText } from '../util/redaction.js';
import { errorIn } from './to-contact-error.js';
import type { ErrorContext } from './to-contact-error.js';

/** How one vendor code translates: a code, or a code with overrides. */
type VendorCodeRule =
  | ContactErrorCode
  | {
      /** The neutral code. */
      readonly code: ContactErrorCode;
      /** Overrides the code's default retryability (a concurrent-call conflict is retryable). */
      readonly retryable?: boolean;
      /** The neutral field the code is about. */
      readonly field?: string;
      /** What it means, when the vendor's message does not say it well. */
      readonly explanation?: string;
    };

/**
 * One vendor's code table: exact codes first, then the longest matching prefix
 * (`InvalidParameter.` for every `InvalidParameter.X`), then a part the code contains.
 */
export interface VendorCodeTable {
  /** Exact vendor codes. */
  readonly exact: Readonly<Record<string, VendorCodeRule>>;
  /** Code prefixes, such as `AuthFailure.` or `Throttling`. */
  readonly prefixes: Readonly<Record<string, VendorCodeRule>>;
  /**
   * Parts a code may contain anywhere, for vendors whose gateways wrap one condition in several
   * codes (Volcengine's `FlowLimitExceeded`, `AccountFlowLimitExceeded`, ...); tried after the prefixes.
   */
  readonly contains?: Readonly<Record<string, VendorCodeRule>>;
}

/** Finds the rule for a vendor code, or undefined when the table does not know it. */
export function lookupVendorCode(table: VendorCodeTable, code: string): VendorCodeRule | undefined {
  const exact = ownValue(table.exact, code);
  if (exact !== undefined) return exact;
  const byPrefix = longestPrefixRule(table, code);
  if (byPrefix !== undefined) return byPrefix;
  const part = Object.keys(table.contains ?? {}).find((candidate) => code.includes(candidate));
  return part === undefined ? undefined : ownValue(table.contains, part);
}

function longestPrefixRule(table: VendorCodeTable, code: string): VendorCodeRule | undefined {
  const prefix = Object.keys(table.prefixes)
    .filter((candidate) => code.startsWith(candidate))
    .sort((a, b) => b.length - a.length)[0];
  return prefix === undefined ? undefined : ownValue(table.prefixes, prefix);
}

/** What is needed to translate a vendor error envelope. */
interface VendorFailure {
  /** What the vendor said. */
  readonly vendor: VendorErrorInfo;
  /** The neutral field the vendor named, when the adapter could map it back. */
  readonly field?: string | undefined;
  /** How long the vendor asked to wait, when it said. */
  readonly retryAfterMs?: number | undefined;
  /** When a used-up daily quota resets, when known. */
  readonly resetsAt?: string | undefined;
  /** The rule for a code the table does not know (see {@link statusFallbackRule}); default `unknown`. */
  readonly fallback?: VendorCodeRule | undefined;
}

/**
 * What an error answer's HTTP status still says when its code is not in the table: a 5xx is
 * `unavailable`, a 429 `rate-limited`; anything else says nothing (the code stays `unknown`).
 */
export function statusFallbackRule(status: number | undefined): VendorCodeRule | undefined {
  if (status === undefined) return undefined;
  if (status >= 500) return 'unavailable';
  return status === 429 ? 'rate-limited' : undefined;
}

/**
 * Turns a parsed vendor error into a ContactError through the vendor's table; a code the table
 * does not know becomes `unknown` with the vendor's code, message and request id kept.
 */
export function vendorCodeError(table: VendorCodeTable, failure: VendorFailure, context: ErrorContext): ContactError {
  const rule = lookupVendorCode(table, failure.vendor.code) ?? failure.fallback;
  const normalized = typeof rule === 'string' ? { code: rule } : rule;
  const code = normalized?.code ?? 'unknown';
  const vendorMessage = redactText(failure.vendor.message, context.secrets);
  const field = failure.field ?? normalized?.field;
  const requestId = failure.vendor.requestId === undefined ? '' : `, request id ${failure.vendor.requestId}`;
  const vendorSaid = `${failure.vendor.code}${vendorMessage === '' ? '' : ` ${JSON.stringify(vendorMessage)}`}${requestId}`;
  const subject = field === undefined ? '' : `field "${field}": `;
  const message =
    normalized?.explanation === undefined ? `${subject}${vendorSaid}` : `${subject}${normalized.explanation} (${vendorSaid})`;
  return errorIn(context, {
    code,
    message,
    retryable: normalized?.retryable,
    field,
    retryAfterMs: failure.retryAfterMs,
    resetsAt: failure.resetsAt,
    vendor: { ...failure.vendor, message: vendorMessage },
  });
}

/**
 * Translates an HTTP answer that carries no vendor error code (an empty or unparseable body, a
 * gateway page): 5xx is `unavailable`, 429 `rate-limited`, 408 `timeout`, anything else
 * `invalid-response`; the status and a short excerpt of the body are kept.
 */
export function httpStatusError(status: number | undefined, bodyText: string, context: ErrorContext): ContactError {
  const code: ContactErrorCode =
    status === undefined
      ? 'invalid-response'
      : status >= 500
        ? 'unavailable'
        : status === 429
          ? 'rate-limited'
          : status === 408
            ? 'timeout'
            : 'invalid-response';
  const excerpt = redactText(bodyText.replace(/\s+/g, ' ').trim().slice(0, 120), context.secrets);
  const statusText = status === undefined ? 'an answer' : `HTTP ${status}`;
  return errorIn(context, {
    code,
    message: `${statusText} without a vendor error code${excerpt === '' ? ' (empty body)' : `: ${JSON.stringify(excerpt)}`}`,
    ...(status === undefined ? {} : { vendor: { code: `HTTP ${status}`, message: excerpt, httpStatus: status } }),
  });
}
