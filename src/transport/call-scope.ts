import type { ProviderId } from '../contact.js';
import { ContactError } from '../errors.js';
import type { CallOptions } from '../provider.js';
import { issuesError, toContactError } from '../to-contact-error.js';
import type { ErrorContext } from '../to-contact-error.js';
import type { RateLimiter } from './rate-limiter.js';
import { raceAbort, sleep } from './sleep.js';

/** How one provider instance calls its vendor: resolved from settings once. */
export interface CallPolicy {
  /** The provider, for error messages. */
  readonly provider: ProviderId;
  /** Budget of a whole operation, retries and waits included, unless the call overrides it. */
  readonly timeoutMs: number;
  /** Extra attempts after a retryable failure. */
  readonly maxRetries: number;
  /** Client-side rate limit shared by every call of the provider instance; absent for none. */
  readonly limiter?: RateLimiter | undefined;
  /** Secret values to scrub from every error. */
  readonly secrets: readonly string[];
  /** First backoff step in ms (doubles per attempt, with jitter); default 200. */
  readonly backoffMs?: number;
}

/** One vendor request inside an operation. */
export interface VendorRequest<T> {
  /** The vendor action, for messages. */
  readonly action: string;
  /**
   * Whether sending it twice is harmless. A non-idempotent request is retried only after an
   * answer that proves it was refused (`rate-limited`, a concurrent-call `conflict`, a refused connection).
   */
  readonly idempotent: boolean;
  /** Sends the request once; must honour the signal (or the remaining time) to stop early. */
  readonly send: (signal: AbortSignal, remainingMs: number) => Promise<T>;
  /** Translates whatever `send` threw (vendor envelope, SDK error) into a ContactError. */
  readonly translate: (error: unknown, context: ErrorContext) => ContactError;
}

const MAX_BACKOFF_MS = 5000;
const TIMEOUT = Symbol('timeout');

/**
 * The life of one public operation: one deadline and one abort signal for all its vendor
 * requests, the rate limiter before each, and retries with backoff where safe.
 */
export class CallScope {
  readonly #policy: CallPolicy;
  readonly #controller = new AbortController();
  readonly #deadline: number;
  /** The operation, for messages. */
  readonly operation: string;
  /** Non-idempotent actions in flight when the deadline hit, to say the outcome is unknown. */
  readonly #unsafeInFlight = new Set<string>();
  /** Non-idempotent actions that succeeded, to say the change was made when a later step fails. */
  readonly #applied: string[] = [];

  /** @internal use {@link runOperation}. */
  constructor(policy: CallPolicy, operation: string, timeoutMs: number) {
    this.#policy = policy;
    this.operation = operation;
    this.#deadline = performance.now() + timeoutMs;
  }

  /** Aborts when the deadline passes or the caller cancels. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** Milliseconds left before the deadline. */
  remainingMs(): number {
    return Math.max(0, this.#deadline - performance.now());
  }

  /** The context errors of this operation carry. */
  get errorContext(): ErrorContext {
    return { provider: this.#policy.provider, operation: this.operation, secrets: this.#policy.secrets };
  }

  /** @internal */
  abort(reason: unknown): void {
    this.#controller.abort(reason);
  }

  /** @internal */
  get unsafeInFlight(): ReadonlySet<string> {
    return this.#unsafeInFlight;
  }

  /** @internal */
  get applied(): readonly string[] {
    return this.#applied;
  }

  /**
   * Sends one vendor request under this operation's deadline, rate limit and retry policy.
   *
   * @throws ContactError the translated failure of the last attempt.
   */
  async request<T>(request: VendorRequest<T>): Promise<T> {
    for (let attempt = 0; ; attempt += 1) {
      await this.#policy.limiter?.acquire(this.signal);
      if (!request.idempotent) this.#unsafeInFlight.add(request.action);
      let failure: ContactError;
      try {
        const result = await raceAbort(request.send(this.signal, this.remainingMs()), this.signal);
        this.#unsafeInFlight.delete(request.action);
        if (!request.idempotent) this.#applied.push(request.action);
        return result;
      } catch (error) {
        // On abort the request stays marked in flight: its outcome is unknown.
        if (this.signal.aborted) throw error;
        this.#unsafeInFlight.delete(request.action);
        failure = request.translate(error, this.errorContext);
      }
      const delay = this.#retryDelay(failure, attempt, request.idempotent);
      if (delay === undefined) throw failure;
      await sleep(delay, this.signal);
    }
  }

  #retryDelay(failure: ContactError, attempt: number, idempotent: boolean): number | undefined {
    if (attempt >= this.#policy.maxRetries || !failure.retryable) return undefined;
    if (!idempotent && !provesNotApplied(failure)) return undefined;
    const base = this.#policy.backoffMs ?? 200;
    const backoff = Math.min(MAX_BACKOFF_MS, base * 2 ** attempt) * (0.5 + Math.random() / 2);
    const delay = failure.retryAfterMs ?? backoff;
    // Waiting past the deadline would only turn a clear vendor error into a vague timeout.
    return delay < this.remainingMs() ? delay : undefined;
  }
}

/** Whether a failure shows the vendor refused the request, so sending it again cannot duplicate it. */
function provesNotApplied(failure: ContactError): boolean {
  if (failure.code === 'rate-limited' || failure.code === 'conflict') return true;
  const causeCode = (failure.cause as { code?: unknown } | undefined)?.code;
  return failure.code === 'network' && causeCode === 'ECONNREFUSED';
}

/**
 * Runs one public operation: validates the call options, sets its deadline, links the caller's
 * signal, and turns every failure into a ContactError (a passed deadline into `timeout`, a
 * caller's abort into a non-retryable `timeout`).
 */
export async function runOperation<T>(
  policy: CallPolicy,
  operation: string,
  options: CallOptions | undefined,
  body: (scope: CallScope) => Promise<T>,
): Promise<T> {
  const context: ErrorContext = { provider: policy.provider, operation, secrets: policy.secrets };
  const timeoutMs = resolveTimeout(options, policy, context);
  const scope = new CallScope(policy, operation, timeoutMs);
  const callerSignal = options?.signal;
  const onCallerAbort = (): void => scope.abort(callerSignal?.reason);
  if (callerSignal?.aborted === true) onCallerAbort();
  callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
  const timer = setTimeout(() => scope.abort(TIMEOUT), timeoutMs);
  try {
    return await body(scope);
  } catch (error) {
    const failure = scope.signal.aborted ? abortError(scope, timeoutMs, context) : toContactError(error, context);
    throw scope.applied.length === 0 ? failure : noteApplied(failure, scope.applied);
  } finally {
    clearTimeout(timer);
    callerSignal?.removeEventListener('abort', onCallerAbort);
  }
}

function resolveTimeout(options: CallOptions | undefined, policy: CallPolicy, context: ErrorContext): number {
  const timeoutMs = options?.timeoutMs ?? policy.timeoutMs;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw issuesError('invalid-input', [{ path: 'options.timeoutMs', code: 'too_small', message: 'must be a positive number of milliseconds' }], context);
  }
  if (options?.signal !== undefined && !(options.signal instanceof AbortSignal)) {
    throw issuesError('invalid-input', [{ path: 'options.signal', code: 'invalid_type', message: 'must be an AbortSignal' }], context);
  }
  return timeoutMs;
}

function abortError(scope: CallScope, timeoutMs: number, context: ErrorContext): ContactError {
  const unsafe = [...scope.unsafeInFlight];
  const outcome =
    unsafe.length === 0 ? '' : `; ${unsafe.join(', ')} was in flight, so the change may or may not have been made: check before retrying`;
  const timedOut = scope.signal.reason === TIMEOUT;
  return new ContactError({
    code: 'timeout',
    provider: context.provider,
    operation: context.operation,
    retryable: timedOut,
    message: timedOut ? `no answer within ${timeoutMs} ms${outcome}` : `cancelled by the caller's AbortSignal${outcome}`,
  });
}

/**
 * Adds to a failure that an earlier step of the operation already made its change, so a caller
 * does not repeat it (a create whose follow-up read failed has still created).
 */
function noteApplied(failure: ContactError, applied: readonly string[]): ContactError {
  const prefix = [failure.provider, failure.operation].filter((part) => part !== undefined).join(' ');
  const detail = prefix !== '' && failure.message.startsWith(`${prefix}: `) ? failure.message.slice(prefix.length + 2) : failure.message;
  return new ContactError({
    code: failure.code,
    provider: failure.provider,
    operation: failure.operation,
    retryable: failure.retryable,
    field: failure.field,
    issues: failure.issues,
    retryAfterMs: failure.retryAfterMs,
    resetsAt: failure.resetsAt,
    vendor: failure.vendor,
    cause: failure.cause,
    message: `${detail} (note: ${applied.join(', ')} had already succeeded, so the change was made: do not repeat it blindly)`,
  });
}
