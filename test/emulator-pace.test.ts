/**
 * `emulator.requestsAheadOf(pace)`: the harness's count for pacing tests. On made-up request
 * logs it finds exactly the requests that came sooner than the pace, per action; against a real
 * emulator it finds none from a paced provider and nearly all from an unpaced burst.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestsAheadOf } from '../src/testing/emulator-pace.js';
import { startEmulatorServer } from '../src/testing/emulator-server.js';
import type { Emulator, RecordedRequest } from '../src/testing/emulator-types.js';
import { PACING_MARGIN } from '../src/transport/rate-limiter.js';
import { createFakeProtocol } from './fake/fake-emulator.js';
import { fakeProvider } from './fake/fake-provider.js';

const at = (action: string, receivedAt: number): RecordedRequest => ({ action, method: 'POST', url: '/', headers: {}, body: '', receivedAt });

describe('requestsAheadOf', () => {
  const pace = { startAt: 1000, intervalMs: 10 };

  it('finds none in requests that keep the pace, late ones included', () => {
    expect(requestsAheadOf([at('Get', 1000), at('Get', 1010), at('Get', 1045), at('Get', 1046)], pace)).toEqual([]);
  });

  it('finds each request that came before its slot, counting each action on its own schedule', () => {
    const early = [at('Get', 1000), at('Get', 1005), at('List', 1005), at('Get', 1019.9), at('List', 1009)];
    expect(requestsAheadOf(early, pace)).toEqual([at('Get', 1005), at('List', 1009), at('Get', 1019.9)]);
  });

  it('orders by arrival, and leaves out what arrived before the pace started', () => {
    expect(requestsAheadOf([at('Get', 1020), at('Get', 999), at('Get', 1000)], pace)).toEqual([]);
    expect(requestsAheadOf([at('Get', 1001), at('Get', 1000)], pace)).toEqual([at('Get', 1001)]);
  });
});

describe('emulator.requestsAheadOf against real requests', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulatorServer(createFakeProtocol(), { rateLimit: false });
  });
  afterAll(async () => {
    await emulator.close();
  });
  const burst = async (rateLimit: number | false, intervalMs: number): Promise<number> => {
    emulator.reset();
    const provider = fakeProvider({ endpoint: emulator.endpoint, credentials: emulator.credentials, rateLimit });
    const startAt = performance.timeOrigin + performance.now();
    await Promise.all(Array.from({ length: 30 }, () => provider.list().all()));
    expect(emulator.requests).toHaveLength(30);
    return emulator.requestsAheadOf({ startAt, intervalMs }).length;
  };

  it('finds none from a provider paced at the rate', async () => {
    expect(await burst(100, (1000 / 100) * PACING_MARGIN)).toBe(0);
  });

  it('finds requests ahead in an unpaced burst', async () => {
    // Against one every 10 s, 30 requests sent at once are on pace only if they take 290 s to
    // arrive: within the test's timeout, at least 23 of them are ahead, however busy the machine.
    expect(await burst(false, 10_000)).toBeGreaterThanOrEqual(23);
  });
});
