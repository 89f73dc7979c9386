/**
 * Bursts against an emulator that enforces its per-action limit, with the provider's default
 * settings but for the rate (the emulator runs at 200/s instead of the vendor's 20/s to keep the
 * suite fast; the ratios are what is checked): every call succeeds, no throttling reaches the
 * caller, the emulator never sees more than its limit of an action in any second, and the burst
 * takes at most 1.15x the time the busiest action needs at that rate.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contact, ProviderId } from '../../src/model/contact.js';
import type { ContactProvider } from '../../src/contract/provider.js';
import type { Emulator, RecordedRequest } from '../../src/testing/emulator-types.js';
import type { ContactEvent } from '../../src/contract/events.js';
import { FAULT_TARGETS } from './fault-targets.js';

const LIMIT = 200;

/** The most requests of one action the emulator saw in any window of a second. */
export function peakPerSecond(requests: readonly RecordedRequest[]): { action: string; peak: number } {
  let worst = { action: '', peak: 0 };
  const byAction = new Map<string, number[]>();
  for (const request of requests) byAction.set(request.action, [...(byAction.get(request.action) ?? []), request.receivedAt]);
  for (const [action, times] of byAction) {
    times.sort((a, b) => a - b);
    for (let start = 0, end = 0; start < times.length; start += 1) {
      while (end < times.length && times[end]! - times[start]! < 1000) end += 1;
      if (end - start > worst.peak) worst = { action, peak: end - start };
    }
  }
  return worst;
}

/** How long the busiest action needs at the limit: its request count divided by the rate. */
function floorMs(requests: readonly RecordedRequest[]): number {
  const counts = new Map<string, number>();
  for (const request of requests) counts.set(request.action, (counts.get(request.action) ?? 0) + 1);
  return (Math.max(...counts.values()) / LIMIT) * 1000;
}

export function runLoadTests(id: ProviderId): void {
  const target = FAULT_TARGETS.find((candidate) => candidate.id === id);
  if (target === undefined) throw new Error(`${id} has no row in FAULT_TARGETS`);

  describe(`load: ${id} against an emulator enforcing ${LIMIT}/s per action`, () => {
    let emulator: Emulator;
    const events: ContactEvent[] = [];
    const fresh = (settings: object = {}): ContactProvider<Contact<object>> =>
      target.provider(emulator, { rateLimit: LIMIT, onEvent: (event) => events.push(event), ...settings });
    const vendorThrottles = () => events.filter((event) => event.type === 'throttle' && event.source === 'vendor').length;

    beforeAll(async () => {
      emulator = await target.start({ rateLimit: LIMIT });
    });
    afterAll(async () => {
      await emulator.close();
    });

    // First, while the vendor SDK is not loaded yet in this file: a cold provider's first burst.
    it('60 concurrent creates on a cold provider with maxRetries 0: none rate-limited', async () => {
      emulator.reset();
      const cold = fresh({ maxRetries: 0 });
      const results = await Promise.allSettled(Array.from({ length: 60 }, (_, n) => cold.create(target.input(10_000 + n))));
      expect(results.filter((result) => result.status === 'rejected').map((result) => String((result as PromiseRejectedResult).reason))).toEqual([]);
      expect(peakPerSecond(emulator.requests).peak).toBeLessThanOrEqual(LIMIT);
    });

    it('1,000 concurrent gets all succeed, paced under the limit', async () => {
      emulator.reset();
      const provider = fresh();
      const seeded = await provider.create(target.input(1));
      // The create's requests stay in the emulator's window for a second: start after it.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const from = emulator.requests.length;
      events.length = 0;
      const started = performance.now();
      const results = await Promise.allSettled(Array.from({ length: 1000 }, () => provider.get(seeded.id)));
      const elapsed = performance.now() - started;
      const requests = emulator.requests.slice(from);
      expect(results.filter((result) => result.status === 'rejected').map((result) => String((result as PromiseRejectedResult).reason)).slice(0, 3)).toEqual([]);
      const { peak } = peakPerSecond(requests);
      expect(vendorThrottles()).toBe(0);
      expect(peak).toBeLessThanOrEqual(LIMIT);
      expect(elapsed / floorMs(requests)).toBeLessThanOrEqual(1.15);
      console.log(`${id}: 1000 gets in ${elapsed.toFixed(0)} ms, peak ${peak}/s of ${LIMIT}, ${(elapsed / floorMs(requests)).toFixed(3)}x the floor`);
    });

    it('200 concurrent creates all succeed, each once, paced under the limit', async () => {
      emulator.reset();
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const provider = fresh();
      events.length = 0;
      const started = performance.now();
      const inputs = Array.from({ length: 200 }, (_, n) => target.input(20_000 + n));
      const results = await Promise.allSettled(inputs.map((input) => provider.create(input)));
      const elapsed = performance.now() - started;
      expect(results.filter((result) => result.status === 'rejected').map((result) => String((result as PromiseRejectedResult).reason)).slice(0, 3)).toEqual([]);
      expect(vendorThrottles()).toBe(0);
      const { peak } = peakPerSecond(emulator.requests);
      expect(peak).toBeLessThanOrEqual(LIMIT);
      expect((await provider.list().all()).length).toBe(200);
      expect(elapsed / floorMs(emulator.requests)).toBeLessThanOrEqual(1.15);
      console.log(`${id}: 200 creates in ${elapsed.toFixed(0)} ms, peak ${peak}/s of ${LIMIT}, ${(elapsed / floorMs(emulator.requests)).toFixed(3)}x the floor`);
    });
  });
}
