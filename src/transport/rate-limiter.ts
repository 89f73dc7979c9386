import type { ProviderId } from '../model/contact.js';
import { onAbort } from './abort-listeners.js';

/**
 * One request's claim on a vendor rate limit.
 *
 * @advanced
 */
export interface RateLimitRequest {
  /** The provider the request goes to. */
  readonly provider: ProviderId;
  /** The vendor account it is made with: a hash of the endpoint and access key id, never the key itself. */
  readonly account: string;
  /** The vendor action, limited separately from the others. */
  readonly action: string;
  /** Requests per second the vendor allows for this action and account. */
  readonly perSecond: number;
  /** A follow-up request of an operation already under way: it goes before new operations. */
  readonly priority: boolean;
}

/**
 * Hands out the moments at which requests may be sent, so that a vendor's per-action limit is
 * never exceeded. The in-process implementation ({@link localRateLimiter}) is the default;
 * `cloud-contacts/redis` shares one across processes.
 *
 * @advanced
 */
export interface RateLimiter {
  /**
   * Resolves when the request may be sent, to the milliseconds the limiter held it for (0 when
   * it could go at once). Rejects with the signal's reason when it aborts first; the slot is then
   * given back.
   *
   * @remarks A limiter may resolve to nothing; the wait is then timed around the call, which also
   * counts any time the process itself was held up (a busy machine) as waiting for the limit.
   */
  acquire(request: RateLimitRequest, signal?: AbortSignal): Promise<number | void>;
}

/**
 * Slack on the spacing: requests released exactly 1/R apart can still reach the vendor closer
 * together than that (connection setup, scheduling). 4% tolerates 40 ms of such jitter per second.
 */
export const PACING_MARGIN = 1.04;

interface Waiter {
  readonly priority: boolean;
  /** Releases the request, saying how long it was held. */
  readonly resolve: (heldMs: number) => void;
  /** When it started waiting, on the pacer's clock. */
  readonly since: number;
}

/**
 * Spaces the requests of one key evenly, at most `perSecond` in any window of a second. Slots are
 * counted from when a request is released, and a late timer does not release a burst.
 */
export class Pacer {
  readonly #intervalMs: number;
  readonly #now: () => number;
  /** When the last request was released (a slot on the schedule), or -Infinity before the first. */
  #lastSlot = Number.NEGATIVE_INFINITY;
  readonly #queue: Waiter[] = [];
  #timer: NodeJS.Timeout | undefined;

  /**
   * @param perSecond - requests per second; fractions are allowed (0.5 = one every 2 s).
   * @param now - a millisecond clock, replaceable in tests.
   */
  constructor(perSecond: number, now: () => number = () => performance.now()) {
    if (!(perSecond > 0) || !Number.isFinite(perSecond)) throw new RangeError('perSecond must be a positive number');
    this.#intervalMs = (1000 / perSecond) * PACING_MARGIN;
    this.#now = now;
  }

  /** Requests waiting for a slot. */
  get waiting(): number {
    return this.#queue.length;
  }

  /** Milliseconds until the next free slot, if one were asked for now. */
  waitMs(): number {
    const queued = this.#queue.length * this.#intervalMs;
    return Math.max(0, this.#lastSlot + this.#intervalMs - this.#now()) + queued;
  }

  /** Resolves when the request may start, to how long it was held; see {@link RateLimiter.acquire}. */
  acquire(priority: boolean, signal?: AbortSignal): Promise<number> {
    if (signal?.aborted === true) return Promise.reject(signal.reason);
    const now = this.#now();
    if (this.#queue.length === 0 && now >= this.#lastSlot + this.#intervalMs) {
      this.#lastSlot = now;
      return Promise.resolve(0);
    }
    return new Promise<number>((resolve, reject) => {
      const waiter: Waiter = {
        priority,
        since: now,
        resolve: (heldMs) => {
          detach();
          resolve(heldMs);
        },
      };
      const detach = onAbort(signal, () => {
        const index = this.#queue.indexOf(waiter);
        if (index >= 0) this.#queue.splice(index, 1);
        reject(signal?.reason);
        this.#schedule();
      });
      // Follow-ups go after other follow-ups but before every new operation.
      const at = priority ? this.#queue.findIndex((queued) => !queued.priority) : -1;
      if (at < 0) this.#queue.push(waiter);
      else this.#queue.splice(at, 0, waiter);
      this.#schedule();
    });
  }

  #schedule(): void {
    if (this.#timer !== undefined) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
    }
    if (this.#queue.length === 0) return;
    const delay = this.#lastSlot + this.#intervalMs - this.#now();
    // Timers count from the event loop's cached clock and in whole milliseconds, so they can fire
    // a little before the slot: rounding up, and checking again on release, keeps slots apart.
    this.#timer = setTimeout(() => this.#release(), Math.max(0, Math.ceil(delay)));
  }

  #release(): void {
    this.#timer = undefined;
    const now = this.#now();
    if (now < this.#lastSlot + this.#intervalMs) {
      this.#schedule();
      return;
    }
    const waiter = this.#queue.shift();
    if (waiter !== undefined) {
      // On schedule, the slot is the scheduled moment, so the average rate holds; a timer that
      // fired late shifts the schedule (at least half an interval before the next) rather than
      // releasing a burst to catch up.
      const scheduled = this.#lastSlot + this.#intervalMs;
      this.#lastSlot = Math.min(now, Math.max(scheduled, now - this.#intervalMs / 2));
      waiter.resolve(now - waiter.since);
    }
    this.#schedule();
  }
}

/**
 * The in-process {@link RateLimiter}: one `Pacer` per provider, account, action and rate.
 * Provider objects of one process that use the same account share it.
 *
 * @advanced
 */
export function localRateLimiter(now?: () => number): RateLimiter {
  const pacers = new Map<string, Pacer>();
  return {
    acquire(request, signal) {
      const key = `${request.provider}\n${request.account}\n${request.action}\n${request.perSecond}`;
      let pacer = pacers.get(key);
      if (pacer === undefined) {
        pacer = new Pacer(request.perSecond, now);
        pacers.set(key, pacer);
      }
      return pacer.acquire(request.priority, signal);
    },
  };
}

/** The limiter providers use unless their settings give another. */
export const sharedLocalRateLimiter: RateLimiter = localRateLimiter();
