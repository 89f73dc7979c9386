/**
 * Bursts against an emulator that enforces its per-action limit, with the provider's default
 * settings but for the rate (the emulator runs at 200/s instead of the vendor's 20/s to keep the
 * suite short; what is checked are counts, which do not depend on the rate): every call
 * succeeds, each create is sent once, the rate limiter never releases more than the limit of an
 * action in any second on its own clock, and the emulator never receives a request sooner than
 * that limiter's schedule allows (`emulator.requestsAheadOf`), which no delay can make happen.
 *
 * The emulator's sliding second is a fair judge here because the emulator and the limiter share
 * one event loop: a stall of the process holds both, so only a request already in flight is read
 * late beside the next one. Should the emulator throttle one anyway, the client must have retried
 * it (the counts allow for that and no more). Across processes it is not a fair judge: see the
 * Redis fleet test. How long a burst takes is measured by `npm run bench`, not here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contact, ProviderId } from '../../src/model/contact.js';
import type { ContactProvider } from '../../src/contract/provider.js';
import type { Emulator } from '../../src/testing/emulator-types.js';
import type { ContactEvent } from '../../src/contract/events.js';
import { localRateLimiter, PACING_MARGIN } from '../../src/transport/rate-limiter.js';
import type { RateLimiter } from '../../src/transport/rate-limiter.js';
import { FAULT_TARGETS } from './fault-targets.js';
import { sized } from './long-runs.js';

const LIMIT = 200;
/** Gets in the sustained burst: over two windows of a second by default, five with `LONG_TESTS=1`. */
const GETS = sized(400, 1000);

/** When something happened, by action, on one clock. */
export interface Stamp {
  readonly action: string;
  readonly at: number;
}

/** The most stamps of one action in any window of a second. */
export function peakPerSecond(stamps: readonly Stamp[]): { action: string; peak: number } {
  let worst = { action: '', peak: 0 };
  const byAction = new Map<string, number[]>();
  for (const stamp of stamps) byAction.set(stamp.action, [...(byAction.get(stamp.action) ?? []), stamp.at]);
  for (const [action, times] of byAction) {
    times.sort((a, b) => a - b);
    for (let start = 0, end = 0; start < times.length; start += 1) {
      while (end < times.length && times[end]! - times[start]! < 1000) end += 1;
      if (end - start > worst.peak) worst = { action, peak: end - start };
    }
  }
  return worst;
}

/**
 * A limiter that stamps each release on its own clock (`performance.now()`, read in the same
 * turn as the limiter decides, so a busy event loop cannot bunch the stamps).
 */
export function stampingLimiter(inner: RateLimiter = localRateLimiter()): { limiter: RateLimiter; released: Stamp[] } {
  const released: Stamp[] = [];
  return {
    released,
    limiter: {
      acquire: (request, signal) =>
        inner.acquire(request, signal).then((heldMs) => {
          released.push({ action: request.action, at: performance.now() });
          return heldMs;
        }),
    },
  };
}

/** The emulator's clock, the one `receivedAt` is on. */
export const emulatorClock = (): number => performance.timeOrigin + performance.now();

export function runLoadTests(id: ProviderId): void {
  const target = FAULT_TARGETS.find((candidate) => candidate.id === id);
  if (target === undefined) throw new Error(`${id} has no row in FAULT_TARGETS`);
  const pace = (startAt: number) => ({ startAt, intervalMs: (1000 / LIMIT) * PACING_MARGIN });

  describe(`load: ${id} against an emulator enforcing ${LIMIT}/s per action`, () => {
    let emulator: Emulator;
    const events: ContactEvent[] = [];
    const fresh = (settings: object = {}) => {
      const { limiter, released } = stampingLimiter();
      const provider: ContactProvider<Contact<object>> = target.provider(emulator, { rateLimit: LIMIT, rateLimiter: limiter, onEvent: (event) => events.push(event), ...settings });
      return { provider, released };
    };
    const vendorThrottles = () => events.filter((event) => event.type === 'throttle' && event.source === 'vendor').length;
    /**
     * Every request the emulator read went through the limiter. A release without a request is an
     * attempt whose connection failed before the request arrived (a kept-alive socket the server
     * had just closed), which the client must have retried.
     */
    const expectEveryRequestReleased = (received: number, releases: number) => {
      expect(received).toBeLessThanOrEqual(releases);
      const networkRetries = events.filter((event) => event.type === 'retry' && event.code === 'network').length;
      expect(releases - received, `${releases} releases, ${received} requests, ${networkRetries} network retries`).toBeLessThanOrEqual(networkRetries);
    };
    const failures = (results: ReadonlyArray<PromiseSettledResult<unknown>>) =>
      results.filter((result) => result.status === 'rejected').map((result) => String((result as PromiseRejectedResult).reason)).slice(0, 3);

    beforeAll(async () => {
      emulator = await target.start({ rateLimit: LIMIT });
    });
    afterAll(async () => {
      await emulator.close();
    });

    // First, while the vendor SDK is not loaded yet in this file: a cold provider's first burst.
    // 60 creates cannot fill any action's second at 200/s, delayed or not: none may be throttled.
    it('60 concurrent creates on a cold provider with maxRetries 0: none rate-limited, none ahead of the pace', async () => {
      emulator.reset();
      const { provider: cold } = fresh({ maxRetries: 0 });
      const startAt = emulatorClock();
      const results = await Promise.allSettled(Array.from({ length: 60 }, (_, n) => cold.create(target.input(10_000 + n))));
      expect(failures(results)).toEqual([]);
      expect(emulator.requestsAheadOf(pace(startAt))).toEqual([]);
    });

    it(`${GETS} concurrent gets all succeed, released at most ${LIMIT} in any second and received none ahead of that pace`, async () => {
      emulator.reset();
      const { provider, released } = fresh();
      const seeded = await provider.create(target.input(1));
      const from = emulator.requests.length;
      released.length = 0;
      events.length = 0;
      const startAt = emulatorClock();
      const results = await Promise.allSettled(Array.from({ length: GETS }, () => provider.get(seeded.id)));
      expect(failures(results)).toEqual([]);
      const received = emulator.requests.slice(from);
      expectEveryRequestReleased(received.length, released.length);
      expect(peakPerSecond(released).peak).toBeLessThanOrEqual(LIMIT);
      expect(emulator.requestsAheadOf(pace(startAt))).toEqual([]);
      console.log(`${id}: ${GETS} gets, ${received.length} requests, ${vendorThrottles()} throttled by the emulator and retried`);
    });

    it(`200 concurrent creates all succeed, each once, released at most ${LIMIT} in any second and received none ahead of that pace`, async () => {
      emulator.reset();
      const { provider, released } = fresh();
      events.length = 0;
      const startAt = emulatorClock();
      const inputs = Array.from({ length: 200 }, (_, n) => target.input(20_000 + n));
      const results = await Promise.allSettled(inputs.map((input) => provider.create(input)));
      expect(failures(results)).toEqual([]);
      expectEveryRequestReleased(emulator.requests.length, released.length);
      expect(peakPerSecond(released).peak).toBeLessThanOrEqual(LIMIT);
      expect(emulator.requestsAheadOf(pace(startAt))).toEqual([]);
      // Each create sent once: a throttled one was refused before the vendor acted, so the
      // creates the emulator answered are exactly 200, and so are the contacts.
      const creates = emulator.requests.filter((request) => request.action === target.actions.create).length;
      expect(creates - vendorThrottlesOf(events, target.actions.create!)).toBe(200);
      expect((await provider.list().all()).length).toBe(200);
      console.log(`${id}: 200 creates, ${emulator.requests.length} requests, ${vendorThrottles()} throttled by the emulator and retried`);
    });
  });
}

/** Vendor throttles of one action reported by the client's events. */
function vendorThrottlesOf(events: readonly ContactEvent[], action: string): number {
  return events.filter((event) => event.type === 'throttle' && event.source === 'vendor' && event.action === action).length;
}
