/**
 * What may be sent again, and when: the rules that keep a retry from duplicating a change.
 */
import type { ContactError } from '../errors/errors.js';
import { TLS_REFUSAL_CODES } from '../errors/to-contact-error.js';

const MAX_BACKOFF_MS = 5000;
const DEFAULT_BACKOFF_MS = 200;

/** What the retry decision needs to know about the call. */
interface RetryLimits {
  /** Extra attempts allowed after the first. */
  readonly maxRetries: number;
  /** The bound of one attempt: a vendor asking for a longer pause than this (or 5 s) is not waited for. */
  readonly timeoutMs: number;
  /** The first backoff step in ms, doubling per attempt, with jitter. */
  readonly backoffMs?: number | undefined;
}

/**
 * How long to wait before the next attempt, or `undefined` when the failure is final: retries
 * used up, a failure not worth retrying, or a request that is not safe to resend and whose
 * failure does not prove the vendor refused it.
 */
export function retryDelay(failure: ContactError, attempt: number, resendable: boolean, limits: RetryLimits): number | undefined {
  if (attempt > limits.maxRetries || !failure.retryable) return undefined;
  if (!resendable && !provesNotApplied(failure)) return undefined;
  const base = limits.backoffMs ?? DEFAULT_BACKOFF_MS;
  const backoff = Math.min(MAX_BACKOFF_MS, base * 2 ** (attempt - 1)) * (0.5 + Math.random() / 2);
  const delay = failure.retryAfterMs ?? backoff;
  // A vendor asking for a long pause gets its answer reported: waiting that long is the caller's call.
  return delay <= Math.max(MAX_BACKOFF_MS, limits.timeoutMs) ? delay : undefined;
}

/** Whether a failure shows the vendor refused the request, so sending it again cannot duplicate it. */
function provesNotApplied(failure: ContactError): boolean {
  if (failure.code === 'rate-limited' || failure.code === 'conflict') return true;
  return neverSent(failure);
}

/**
 * Whether a failure shows the request never left for the vendor: the connection (or a proxy's
 * tunnel to it) was refused, or the vendor's TLS certificate was, before a byte of it was sent.
 */
export function neverSent(failure: ContactError): boolean {
  const code = causeCode(failure);
  return failure.code === 'network' && (code === 'ECONNREFUSED' || (typeof code === 'string' && TLS_REFUSAL_CODES.has(code)));
}

/**
 * Whether a failure leaves it unknown if the vendor acted: no answer in time, a connection lost
 * after sending, a gateway error or an unreadable answer without a vendor code.
 */
export function outcomeUnknown(failure: ContactError): boolean {
  switch (failure.code) {
    case 'timeout':
      return true;
    case 'network':
      return !neverSent(failure);
    case 'unavailable':
    case 'invalid-response':
      return failure.vendor === undefined || failure.vendor.code.startsWith('HTTP ');
    default:
      return false;
  }
}

/** The socket error code behind a failure (`ECONNREFUSED`), if any. */
export function causeCode(failure: ContactError): unknown {
  return (failure.cause as { code?: unknown } | undefined)?.code;
}
