/**
 * A process held up by a busy machine is not a wait for the rate limit: the limiter says how long
 * it held each request (0 when the slot was free), and a client `throttle` event reports that,
 * not the time around the call. A limiter that says nothing is timed, as before.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ContactEvent } from '../src/contract/events.js';
import { startEmulatorServer } from '../src/testing/emulator-server.js';
import type { Emulator } from '../src/testing/emulator-types.js';
import { Pacer, PACING_MARGIN } from '../src/transport/rate-limiter.js';
import type { RateLimiter } from '../src/transport/rate-limiter.js';
import { createFakeProtocol } from './fake/fake-emulator.js';
import { fakeProvider } from './fake/fake-provider.js';

/** Holds the thread for `ms`, as a busy machine does to a process. */
const stall = (ms: number): void => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

describe('the pacer says how long it held a request', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('0 for a free slot, however long the process is held up before it runs on', async () => {
    const pacer = new Pacer(10);
    const acquired = pacer.acquire(false);
    stall(20);
    expect(await acquired).toBe(0);
  });

  it('the time to its slot for a queued request', async () => {
    vi.useFakeTimers();
    const pacer = new Pacer(10, () => Date.now());
    await pacer.acquire(false);
    const queued = pacer.acquire(false);
    await vi.runAllTimersAsync();
    expect(await queued).toBeCloseTo(100 * PACING_MARGIN, -1);
  });
});

describe('client throttle events', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulatorServer(createFakeProtocol(), { rateLimit: false });
  });
  afterAll(async () => {
    await emulator.close();
  });

  const throttles = async (limiter: RateLimiter): Promise<ContactEvent[]> => {
    const events: ContactEvent[] = [];
    const provider = fakeProvider({ endpoint: emulator.endpoint, credentials: emulator.credentials, rateLimiter: limiter, onEvent: (event) => events.push(event) });
    await provider.list().all();
    return events.filter((event) => event.type === 'throttle');
  };

  it('none when the limiter held the request 0 ms, though the call took longer', async () => {
    expect(await throttles({ acquire: async () => (stall(5), 0) })).toEqual([]);
  });

  it('one with the wait the limiter reports', async () => {
    expect(await throttles({ acquire: async () => 250 })).toEqual([expect.objectContaining({ type: 'throttle', source: 'client', waitMs: 250 })]);
  });

  it('timed around the call for a limiter that says nothing', async () => {
    expect(await throttles({ acquire: () => new Promise<void>((resolve) => setTimeout(resolve, 20)) })).toEqual([expect.objectContaining({ source: 'client', waitMs: expect.any(Number) })]);
  });
});
