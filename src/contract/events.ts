import type { ProviderId } from '../model/contact.js';
import type { ContactErrorCode } from '../errors/errors.js';

/** What every event says: where it happened. Never a secret, never contact data beyond ids. */
export interface ContactEventBase {
  /** The provider. */
  readonly provider: ProviderId;
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

/** Receives a provider's events; it must not throw (what it throws is ignored). */
export type ContactEventListener = (event: ContactEvent) => void;

/** Hands an event to a listener, so that a listener's failure can never fail a call. */
export function emitEvent(listener: ContactEventListener | undefined, event: ContactEvent): void {
  if (listener === undefined) return;
  try {
    listener(event);
  } catch {
    // A logger that throws must not turn a successful call into a failed one.
  }
}
