import type { QuotaCounter } from './emulator-protocol.js';

/** Counts requests per key in a sliding one-second window, as vendor gateways throttle. */
export class SlidingWindow {
  readonly #perSecond: (key: string) => number;
  readonly #hits = new Map<string, number[]>();

  /** @param perSecond - requests allowed per key in any 1000 ms. */
  constructor(perSecond: (key: string) => number) {
    this.#perSecond = perSecond;
  }

  /** Records a hit for `key` at `nowMs`; false when the window is already full (the hit is not recorded). */
  tryHit(key: string, nowMs: number): boolean {
    const hits = (this.#hits.get(key) ?? []).filter((at) => nowMs - at < 1000);
    const allowed = hits.length < this.#perSecond(key);
    if (allowed) hits.push(nowMs);
    this.#hits.set(key, hits);
    return allowed;
  }

  /** Forgets all hits. */
  clear(): void {
    this.#hits.clear();
  }
}

/** A quota counter that starts over at the vendor's midnight (or never, for standing counts). */
export class VendorQuota implements QuotaCounter {
  readonly limit: number;
  readonly #daily: boolean;
  readonly #dayOffsetMs: number;
  readonly #now: () => Date;
  #day = '';
  #used = 0;

  /** Creates a counter. */
  constructor(limit: number, daily: boolean, dayOffsetMinutes: number, now: () => Date) {
    this.limit = limit;
    this.#daily = daily;
    this.#dayOffsetMs = dayOffsetMinutes * 60_000;
    this.#now = now;
  }

  /** Uses one unit unless the limit is reached. */
  tryConsume(): boolean {
    this.#roll();
    if (this.#used >= this.limit) return false;
    this.#used += 1;
    return true;
  }

  /** Units used in the current period. */
  used(): number {
    this.#roll();
    return this.#used;
  }

  #roll(): void {
    if (!this.#daily) return;
    const day = new Date(this.#now().getTime() + this.#dayOffsetMs).toISOString().slice(0, 10);
    if (day !== this.#day) {
      this.#day = day;
      this.#used = 0;
    }
  }
}
