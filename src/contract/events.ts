import type { ProviderId } from '../model/contact.js';
import type { ContactErrorCode } from '../errors/errors.js';

/**
 * What every event says: where it happened. Never a secret, never contact data beyond ids.
 *
 * @advanced
 */
export interface ContactEventBase {
  /** The provider. */
  readonly provider: ProviderId;
  /** The provider object's target (its `target` setting; default: the provider id), telling apart two objects of one provider. */
  readonly target: string;
  /** The public operation (`create`, `get`, `associateMembers`, ...). */
  readonly operation: string;
  /** The vendor action (`CreateMessageReceiver`). */
  readonly action: string;
  /** Which attempt at the action this is, from 1. */
  readonly attempt: number;
  /** Identifies the public call the event belongs to (unique in the process), to correlate concurrent calls. */
  readonly callId: string;
}

/**
 * What a provider reports to its `onEvent` setting, for logs, metrics and traces:
 * - `request`: an attempt is sent;
 * - `response`: it was answered successfully (`durationMs`, the vendor's `requestId`);
 * - `error`: it failed (`code`, and what the vendor said: `vendorCode`, `requestId`, `httpStatus`);
 * - `retry`: the action is tried again after `delayMs`;
 * - `throttle`: a request waited `waitMs` for the client-side rate limit (`source: 'client'`),
 *   or the vendor throttled it (`source: 'vendor'`).
 */
export type ContactEvent =
  | (ContactEventBase & { readonly type: 'request' })
  | (ContactEventBase & { readonly type: 'response'; readonly durationMs: number; readonly requestId?: string })
  | (ContactEventBase & {
      readonly type: 'error';
      readonly durationMs: number;
      readonly code: ContactErrorCode;
      readonly vendorCode?: string;
      readonly requestId?: string;
      readonly httpStatus?: number;
    })
  | (ContactEventBase & { readonly type: 'retry'; readonly delayMs: number; readonly code: ContactErrorCode })
  | (ContactEventBase & { readonly type: 'throttle'; readonly source: 'client' | 'vendor'; readonly waitMs: number });

/**
 * Receives a provider's events. What it throws, and a promise it returns that rejects, are
 * ignored: a listener never fails, delays or stops a call.
 */
export type ContactEventListener = (event: ContactEvent) => void;

/** Hands an event to a listener, so that a listener's failure can never fail a call. */
export function emitEvent(listener: ContactEventListener | undefined, event: ContactEvent): void {
  if (listener !== undefined) callListener(listener, event);
}

/**
 * Calls a caller's listener (an `onEvent`, an `onProgress`) so that nothing it does reaches the
 * work it listens to: a throw is caught, and a promise it returns is not awaited and its
 * rejection is caught (unhandled, it would end the process).
 */
export function callListener<A>(listener: (argument: A) => unknown, argument: A): void {
  try {
    const returned = listener(argument);
    if (typeof (returned as PromiseLike<unknown> | undefined)?.then === 'function') (returned as PromiseLike<unknown>).then(undefined, ignore);
  } catch {
    // A logger that throws must not turn a successful call into a failed one.
  }
}

function ignore(): void {
  // The listener's own failure is its own: the work it listens to goes on.
}
