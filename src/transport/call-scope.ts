import type { ProviderId } from '../model/contact.js';
import type { ResolvedCallOptions } from '../validation/call-options.js';
import { isContactError, withNote } from '../errors/errors.js';
import type { ContactError } from '../errors/errors.js';
import { errorIn, toContactError } from '../errors/to-contact-error.js';
import type { ErrorContext } from '../errors/to-contact-error.js';
import { onAbort } from './abort-listeners.js';
import { ATTEMPT_TIMEOUT, AttemptControl, CALLER_ABORT } from './attempt-control.js';
import { acquireSlot, reserveQuota, settleQuota } from './pacing.js';
import { outcomeUnknown, retryDelay } from './retry-policy.js';
import { emitEvent } from '../contract/events.js';
import type { ContactEventBase, ContactEventListener } from '../contract/events.js';
import type { QuotaReservation, QuotaStore } from './quota-store.js';
import type { RateLimiter } from './rate-limiter.js';
import { sleep } from './sleep.js';

/** How one provider instance calls its vendor: resolved from settings once. */
export interface CallPolicy {
  /** The provider, for error messages. */
  readonly provider: ProviderId;
  /** The provider object's target, when it is named other than the provider id. */
  readonly target?: string | undefined;
  /** Bound of one attempt on the wire, unless the call overrides it. */
  readonly timeoutMs: number;
  /** Extra attempts after a retryable failure, unless the call overrides it. */
  readonly maxRetries: number;
  /** The keys of the provider's settings, to say so of one given as a call option. */
  readonly settingKeys: readonly string[];
  /** Secret values to scrub from every error (read when an error is built: credentials resolve late). */
  secrets(): readonly string[];
  /** The client-side rate limiter; absent for none. */
  readonly limiter?: RateLimiter | undefined;
  /** Requests per second allowed for a vendor action, or undefined when it is not limited. */
  rateFor(action: string): number | undefined;
  /** Who is calling, for the limiter: a hash of the endpoint and key id (resolves the credentials). */
  account(): string;
  /** Where events go. */
  readonly onEvent?: ContactEventListener | undefined;
  /** Counts the vendor's daily quotas on the client; absent for none. */
  readonly quotaStore?: QuotaStore | undefined;
  /** The daily quota each call of an action uses, if any. */
  quotaFor(action: string): CountedQuota | undefined;
  /** First backoff step in ms (doubles per attempt, with jitter); default 200. */
  readonly backoffMs?: number;
}

/** A daily quota the client counts: what to ask the store for, and how the vendor reports it used up. */
export interface CountedQuota {
  /** The quota's id. */
  readonly quota: string;
  /** What it counts, in words. */
  readonly name: string;
  /** Units a day. */
  readonly limit: number;
  /** Minutes east of UTC of the vendor's day boundary. */
  readonly dayOffsetMinutes: number;
  /** The vendor's code when it is used up. */
  readonly vendorCode: string;
}

/** How to find out whether a request whose answer was lost was applied. */
export type Settlement<T> = { readonly applied: true; readonly value: T } | { readonly applied: false };

/** One attempt's limits, handed to the code that sends it. */
export interface Attempt {
  /** Aborts when the attempt times out or the caller cancels: the sender must then stop and free its socket. */
  readonly signal: AbortSignal;
  /**
   * Runs `callback` when the attempt is abandoned (as `signal` aborts), for senders that stop a
   * request themselves; cheaper than a listener on `signal`, which is only made when read.
   * Returns the function that cancels it.
   */
  onAbort(callback: () => void): () => void;
  /** The attempt's bound, for clients that take a timeout of their own. */
  readonly timeoutMs: number;
  /** Which attempt this is, from 1. */
  readonly number: number;
}

/** One vendor request inside an operation. */
export interface VendorRequest<T> {
  /** The vendor action, for messages, events and the rate limiter. */
  readonly action: string;
  /**
   * Whether sending it twice is harmless. A non-idempotent request is sent again only after an
   * answer that proves the vendor refused it, or after {@link settle} found it was not applied.
   */
  readonly idempotent: boolean;
  /** Sends the request once; must stop, and free its socket, when `attempt.signal` aborts. */
  readonly send: (attempt: Attempt) => Promise<T>;
  /** Translates whatever `send` threw (vendor envelope, SDK error) into a ContactError. */
  readonly translate: (error: unknown, context: ErrorContext) => ContactError;
  /** The vendor's request id of an answer, for events. */
  readonly requestIdOf?: ((value: T) => string | undefined) | undefined;
  /**
   * For a non-idempotent request: finds out, after its answer was lost, whether the vendor
   * applied it (a create looks its name up). Without it, such a failure says the outcome is unknown.
   */
  readonly settle?: (() => Promise<Settlement<T>>) | undefined;
  /**
   * For an idempotent change (a delete): what a retry that finds the target gone (`not-found`)
   * resolves to, because the earlier attempt was applied and only its answer lost.
   */
  readonly goneOnRetry?: { readonly value: T } | undefined;
}

/** Numbers each operation, to name it in its events. */
let nextCallId = 0;

/**
 * The life of one public operation: its options, the caller's signal over all its vendor
 * requests, a bounded time for each attempt, the rate limiter before each, and retries where safe.
 * `O` is its checked options: the neutral ones, and the operation's own (`{ retainInMembers }`).
 */
export class CallScope<O extends ResolvedCallOptions = ResolvedCallOptions> {
  readonly #policy: CallPolicy;
  readonly #options: O;
  readonly #started = performance.now();
  /** The operation, for messages. */
  readonly operation: string;
  /** Non-idempotent actions whose attempt was cut short by the caller, to say the outcome is unknown. */
  readonly #unsafeInFlight = new Set<string>();
  /** Non-idempotent actions that succeeded, to say the change was made when a later step fails. */
  readonly #applied: string[] = [];
  #sent = 0;
  /** Names this call in its events. */
  readonly #callId = `call-${(nextCallId += 1)}`;
  /** Personal values of the operation's input, kept out of its errors. */
  readonly #sensitive = new Set<string>();
  /** Daily-quota units reserved ahead by {@link CallScope.holdQuota}, by action. */
  readonly #held = new Map<string, QuotaReservation>();

  /** One object for the whole operation; its secrets are read when an error is built (credentials resolve late). */
  readonly #errorContext: ErrorContext;

  /** @internal made by `operationRunner`. */
  constructor(policy: CallPolicy, operation: string, options: O) {
    this.#policy = policy;
    this.operation = operation;
    this.#options = options;
    const sensitive = this.#sensitive;
    this.#errorContext = {
      provider: policy.provider,
      target: policy.target,
      operation,
      get secrets() {
        return [...policy.secrets(), ...sensitive];
      },
      sensitive,
    };
  }

  /** The caller's signal (never aborts when the caller gave none): bounds waits between requests. */
  get signal(): AbortSignal {
    return this.#options.signal ?? NEVER;
  }

  /** The call's checked options, including the operation's own ones, typed. */
  get options(): O {
    return this.#options;
  }

  /** Milliseconds since the operation started. */
  elapsedMs(): number {
    return performance.now() - this.#started;
  }

  /** The context errors of this operation carry. */
  get errorContext(): ErrorContext {
    return this.#errorContext;
  }

  /**
   * Sends one vendor request under this operation's rate limit, attempt timeout and retry policy.
   *
   * @throws ContactError the translated failure of the last attempt; `rate-limited` when the
   * caller's signal fires while the request waits for the rate limiter (nothing was sent).
   */
  async request<T>(request: VendorRequest<T>): Promise<T> {
    let lostBefore = false;
    for (let attempt = 1; ; attempt += 1) {
      this.#stopIfCancelled();
      // Each step is awaited only when it has work: a call without a limit or quota goes straight out.
      if (this.#policy.limiter !== undefined) await this.#waitForSlot(request.action, attempt);
      // A unit held ahead (a replace holds its create's before it deletes) is used instead of a new one.
      const held = this.#held.get(request.action);
      if (held !== undefined) this.#held.delete(request.action);
      const quota = this.#policy.quotaStore === undefined ? undefined : this.#policy.quotaFor(request.action);
      const reservation = held ?? (quota === undefined ? undefined : await reserveQuota(this.#policy, quota, this.errorContext));
      const result = await this.#attempt(request, attempt);
      if (result.ok) return result.value;
      let failure = result.failure;
      if (quota !== undefined && reservation !== undefined) await settleQuota(this.#policy, quota, reservation, failure);
      if (attempt > 1 && request.goneOnRetry !== undefined && failure.code === 'not-found') return request.goneOnRetry.value;
      // A resend that finds the name taken, after an earlier attempt's answer was lost, may be
      // meeting that earlier attempt, applied late: it is settled like a lost answer.
      const unknownOutcome = !request.idempotent && (outcomeUnknown(failure) || (lostBefore && failure.code === 'already-exists'));
      if (unknownOutcome && request.settle !== undefined) {
        const settled = await this.#settle(request);
        if (settled.applied) {
          this.#applied.push(request.action);
          return settled.value;
        }
        if (failure.code === 'already-exists') throw failure;
        lostBefore = true;
        failure = withNote(failure, `the vendor did not make the change, so it is safe to repeat`);
      } else if (unknownOutcome) {
        throw withNote(failure, `${request.action} was sent, so the change may or may not have been made: check before retrying`);
      }
      const delay = retryDelay(failure, attempt, request.idempotent || unknownOutcome, { maxRetries: this.#options.maxRetries, timeoutMs: this.#options.timeoutMs, backoffMs: this.#policy.backoffMs });
      if (delay === undefined) throw failure;
      this.#emit('retry', request.action, attempt, { delayMs: Math.round(delay), code: failure.code });
      await sleep(delay, this.signal).catch(() => this.#stopIfCancelled());
    }
  }

  /**
   * Reserves now the daily-quota unit that a later request of `action` in this operation will
   * use: a replace reserves its create before it deletes, so that a used-up quota stops it while
   * the old contact still exists. Nothing is reserved when the client counts no quota for it.
   *
   * @throws ContactError `quota-exceeded` (with `resetsAt`): nothing was sent.
   */
  async holdQuota(action: string): Promise<void> {
    const quota = this.#policy.quotaStore === undefined ? undefined : this.#policy.quotaFor(action);
    if (quota === undefined || this.#held.has(action)) return;
    this.#held.set(action, await reserveQuota(this.#policy, quota, this.errorContext));
  }

  /** @internal Gives back the units held for requests the operation never sent. */
  async releaseHeld(): Promise<void> {
    if (this.#held.size === 0) return;
    const unused = [...this.#held.values()];
    this.#held.clear();
    for (const reservation of unused) if (reservation.granted) await reservation.release().catch(() => undefined);
  }

  /** Asks whether a request whose answer was lost was applied; a lookup that fails leaves it unknown. */
  async #settle<T>(request: VendorRequest<T>): Promise<Settlement<T>> {
    try {
      return await request.settle!();
    } catch (error) {
      // The lookup's own verdict (the name is someone else's) is the answer; a lookup that failed is not.
      if (isContactError(error, 'already-exists')) throw error;
      const note = `${request.action} was sent and its answer lost, and looking it up failed too: the change may or may not have been made, so check before retrying`;
      throw withNote(toContactError(error, this.errorContext), note);
    }
  }

  /** @internal The failure an operation rejects with, given whatever its body threw. */
  failure(error: unknown): ContactError {
    // The scope's own cancel errors are already ContactErrors; what else an abort rejects (a
    // provider's sleep between polls) becomes the cancel error here.
    const failure = isContactError(error) ? error : this.signal.aborted ? this.#cancelled() : toContactError(error, this.errorContext);
    if (this.#applied.length === 0) return failure;
    return withNote(failure, `note: ${this.#applied.join(', ')} had already succeeded, so the change was made: do not repeat it blindly`);
  }

  #stopIfCancelled(): void {
    if (this.signal.aborted) throw this.#cancelled();
  }

  #cancelled(): ContactError {
    const reason: unknown = this.signal.reason;
    const deadline = reason instanceof Error && reason.name === 'TimeoutError';
    const unsafe = [...this.#unsafeInFlight];
    const what = deadline ? "the caller's AbortSignal timed out" : "cancelled by the caller's AbortSignal";
    const outcome =
      this.#sent === 0
        ? ' before anything was sent'
        : unsafe.length === 0
          ? ''
          : `; ${unsafe.join(', ')} was in flight, so the change may or may not have been made: check before retrying`;
    return errorIn(this.errorContext, { code: 'timeout', retryable: deadline, message: `${what}${outcome}` });
  }

  /** Waits for the action's rate-limit slot, reporting a wait a person would notice as a client throttle. */
  async #waitForSlot(action: string, attempt: number): Promise<void> {
    const waitMs = await acquireSlot(this.#policy, action, this.#sent > 0, this.#options.signal, this.errorContext);
    if (waitMs !== undefined && waitMs >= 1) this.#emit('throttle', action, attempt, { source: 'client', waitMs: Math.round(waitMs) });
  }

  async #attempt<T>(request: VendorRequest<T>, attempt: number): Promise<{ ok: true; value: T } | { ok: false; failure: ContactError }> {
    const timeoutMs = this.#options.timeoutMs;
    const control = new AttemptControl(attempt, timeoutMs);
    const timer = setTimeout(() => control.stop(ATTEMPT_TIMEOUT), timeoutMs);
    const detach = onAbort(this.#options.signal, () => control.stop(CALLER_ABORT));
    if (!request.idempotent) this.#unsafeInFlight.add(request.action);
    this.#sent += 1;
    this.#emit('request', request.action, attempt, {});
    const started = performance.now();
    try {
      const value = await control.run(request.send(control));
      if (!request.idempotent) this.#applied.push(request.action);
      const requestId = request.requestIdOf?.(value);
      this.#emit('response', request.action, attempt, { durationMs: Math.round(performance.now() - started), ...(requestId ? { requestId } : {}) });
      return { ok: true, value };
    } catch (error) {
      if (control.reason === CALLER_ABORT) throw this.#cancelled();
      const failure =
        control.reason === ATTEMPT_TIMEOUT ? this.#attemptTimeout(request.action, timeoutMs) : request.translate(error, this.errorContext);
      this.#emit('error', request.action, attempt, {
        durationMs: Math.round(performance.now() - started),
        code: failure.code,
        ...(failure.vendor === undefined
          ? {}
          : {
              vendorCode: failure.vendor.code,
              ...(failure.vendor.requestId === undefined ? {} : { requestId: failure.vendor.requestId }),
              ...(failure.vendor.httpStatus === undefined ? {} : { httpStatus: failure.vendor.httpStatus }),
            }),
      });
      if (failure.code === 'rate-limited') this.#emit('throttle', request.action, attempt, { source: 'vendor', waitMs: failure.retryAfterMs ?? 0 });
      return { ok: false, failure };
    } finally {
      clearTimeout(timer);
      detach();
      if (control.reason !== CALLER_ABORT) this.#unsafeInFlight.delete(request.action);
    }
  }

  #attemptTimeout(action: string, timeoutMs: number): ContactError {
    return errorIn(this.errorContext, { code: 'timeout', message: `${action} got no answer within ${timeoutMs} ms` });
  }

  #emit(type: 'request' | 'response' | 'error' | 'retry' | 'throttle', action: string, attempt: number, extra: object): void {
    const perCall = this.#options.onEvent as ContactEventListener | undefined;
    if (this.#policy.onEvent === undefined && perCall === undefined) return;
    const base: ContactEventBase = {
      provider: this.#policy.provider,
      target: this.#policy.target ?? this.#policy.provider,
      operation: this.operation,
      action,
      attempt,
      callId: this.#callId,
    };
    const event = { type, ...base, ...extra } as Parameters<ContactEventListener>[0];
    emitEvent(this.#policy.onEvent, event);
    emitEvent(perCall, event);
  }
}

/** A signal that never aborts, for calls made without one. */
const NEVER = new AbortController().signal;
