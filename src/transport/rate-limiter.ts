import { sleep } from './sleep.js';

/**
 * Slack added to the window: requests admitted one window apart can still reach the vendor
 * closer together than that, when the first ones were slowed by connection setup.
 */
const JITTER_MARGIN = 1.05;

/**
 * A client-side limiter that lets at most `perSecond` requests start in any window of a second
 * (plus a 5% margin for network jitter), so a burst never trips the vendor's own throttle.
 * Waiters are served in arrival order.
 */
export class RateLimiter {
  readonly #perSecond: number;
  readonly #now: () => number;
  /** Start times of the most recent admissions, oldest first (at most `perSecond` of them). */
  readonly #recent: number[] = [];

  /**
   * @param perSecond - requests allowed per second; fractions are allowed (0.5 = one every 2 s).
   * @param now - a millisecond clock, replaceable in tests.
   */
  constructor(perSecond: number, now: () => number = () => performance.now()) {
    if (!(perSecond > 0) || !Number.isFinite(perSecond)) throw new RangeError('perSecond must be a positive number');
    this.#perSecond = perSecond;
    this.#now = now;
  }

  /** Requests per second this limiter allows. */
  get perSecond(): number {
    return this.#perSecond;
  }

  /**
   * Resolves when a request may start. The slot is reserved at once, so concurrent callers queue
   * behind each other; an aborted wait rejects with the signal's reason and frees its slot.
   */
  async acquire(signal?: AbortSignal): Promise<void> {
    const windowMs = (this.#perSecond >= 1 ? 1000 : 1000 / this.#perSecond) * JITTER_MARGIN;
    const burst = Math.max(1, Math.floor(this.#perSecond));
    const now = this.#now();
    const oldest = this.#recent.length >= burst ? this.#recent[this.#recent.length - burst] : undefined;
    const start = oldest === undefined ? now : Math.max(now, oldest + windowMs);
    this.#recent.push(start);
    if (this.#recent.length > burst) this.#recent.splice(0, this.#recent.length - burst);
    if (start <= now) return;
    try {
      await sleep(start - now, signal);
    } catch (error) {
      const index = this.#recent.indexOf(start);
      if (index >= 0) this.#recent.splice(index, 1);
      throw error;
    }
  }
}
