/**
 * `cloud-contacts/redis` against a real redis-server, through both supported clients: the
 * limiter's slots are evenly spaced whichever client asks (exactly, on a given clock) and no
 * request is released before its slot, a reply that came in time is taken even when the process
 * was held up past the command deadline, daily quotas count across stores,
 * every key expires and holds no credential, and an unreachable Redis fails closed (nothing sent)
 * or falls back to the process's own counts, saying so.
 */
import { Redis } from 'ioredis';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isContactError } from '../../src/errors/errors.js';
import { redisQuotaStore, redisRateLimiter } from '../../src/redis/index.js';
import type { RedisEvent } from '../../src/redis/index.js';
import type { QuotaRequest } from '../../src/transport/quota-store.js';
import { tencentCam } from '../../providers/tencent-cam/index.js';
import { startEmulator } from '../../providers/testing.js';
import { scriptRunner, withDeadline } from '../../src/redis/redis-client.js';
import { FLEET_MARGIN } from '../../src/redis/redis-rate-limiter.js';
import { RESERVE_SLOT } from '../../src/redis/redis-scripts.js';
import { requestsAheadOf } from '../../src/testing/emulator-pace.js';
import { stampingLimiter } from '../support/load.js';
import { REDIS_SERVER, startRedis } from '../support/redis-server.js';
import type { RedisServer } from '../support/redis-server.js';

describe.runIf(REDIS_SERVER !== undefined)('cloud-contacts/redis', () => {
  let server: RedisServer;
  let ioredis: Redis;
  let nodeRedis: ReturnType<typeof createClient>;
  beforeAll(async () => {
    server = await startRedis();
    ioredis = new Redis(server.port, '127.0.0.1', { maxRetriesPerRequest: 1 });
    ioredis.on('error', () => undefined);
    nodeRedis = createClient({ url: server.url });
    // The server is stopped and started again below: the client's reconnect notices are expected.
    nodeRedis.on('error', () => undefined);
    await nodeRedis.connect();
  });
  afterAll(async () => {
    ioredis.disconnect();
    nodeRedis.destroy();
    await server.stop();
  });

  const slot = (action: string, perSecond: number) => ({ provider: 'tencent-cam' as const, account: 'a1b2c3', action, perSecond, priority: false });

  it('keeps one schedule per action across clients: slots exactly 1/R apart, another action apart, and no catch-up after a pause', async () => {
    // The slot script on a given clock (Redis' own TIME otherwise), so the schedule is exact.
    const runners = [scriptRunner(ioredis), scriptRunner(nodeRedis)];
    const intervalMs = (1000 / 100) * FLEET_MARGIN;
    const reserve = async (n: number, action: string, nowMs: number) =>
      Number(await runners[n % 2]!(RESERVE_SLOT, [`test:rl:${action}`], [intervalMs.toFixed(3), String(nowMs)]));
    const t0 = 1_000_000;
    const waits = [];
    for (let n = 0; n < 150; n += 1) waits.push(await reserve(n, 'Spaced', t0));
    waits.forEach((wait, n) => expect(wait).toBeCloseTo(n * intervalMs, 2));
    // Another action has a schedule of its own: its slot does not wait behind the 150.
    expect(await reserve(0, 'Other', t0)).toBe(0);
    // Once the schedule has passed, the next slot is now and the one after 1/R later: no burst.
    const later = t0 + 10_000;
    expect([await reserve(1, 'Spaced', later), await reserve(0, 'Spaced', later)]).toEqual([0, Number(intervalMs.toFixed(3))]);
  });

  it('limiters on both clients wait for their slots: none of 150 released ahead of one shared schedule', async () => {
    const { limiter: viaIoredis, released } = stampingLimiter(redisRateLimiter(ioredis));
    const { limiter: viaNodeRedis, released: releasedToo } = stampingLimiter(redisRateLimiter(nodeRedis));
    // Whole-millisecond timers may release a slot up to 1 ms early on this clock.
    const startAt = performance.now() - 1;
    await Promise.all(Array.from({ length: 150 }, (_, n) => (n % 2 === 0 ? viaIoredis : viaNodeRedis).acquire(slot('Shared', 100))));
    const stamps = [...released, ...releasedToo].map(({ action, at }) => ({ action, receivedAt: at }));
    expect(stamps).toHaveLength(150);
    expect(requestsAheadOf(stamps, { startAt, intervalMs: (1000 / 100) * FLEET_MARGIN })).toEqual([]);
  });

  it('counts a daily quota across stores, gives back what did not count, and starts again the next vendor day', async () => {
    let now = Date.parse('2026-03-01T23:59:00+08:00');
    const stores = [redisQuotaStore(ioredis, { now: () => now }), redisQuotaStore(nodeRedis, { now: () => now })];
    const request: QuotaRequest = { provider: 'tencent-cam', account: 'q1', quota: 'createsPerDay', limit: 3, dayOffsetMinutes: 480 };
    const first = await stores[0]!.reserve(request);
    await stores[1]!.reserve(request);
    await stores[0]!.reserve(request);
    const refused = await stores[1]!.reserve(request);
    expect(refused).toEqual({ granted: false, resetsAt: '2026-03-02T00:00:00+08:00' });
    if (first.granted) await first.release();
    expect((await stores[1]!.reserve(request)).granted).toBe(true);
    now = Date.parse('2026-03-02T00:00:01+08:00');
    expect((await stores[0]!.reserve(request)).granted).toBe(true);
    await stores[0]!.exhaust(request);
    expect(await stores[1]!.reserve(request)).toEqual({ granted: false, resetsAt: '2026-03-03T00:00:00+08:00' });
  });

  it('leaves every key with an expiry, and no access key id or secret in any key or value', async () => {
    const emulator = await startEmulator('tencent-cam', { rateLimit: false });
    try {
      const cam = tencentCam({ endpoint: emulator.endpoint, credentials: emulator.credentials, rateLimiter: redisRateLimiter(ioredis), quotaStore: redisQuotaStore(ioredis) });
      await cam.create({ name: 'hygiene', email: 'h@example.com', phone: '+8613900001234' });
      await cam.list().all();
      const keys = await ioredis.keys('*');
      expect(keys.length).toBeGreaterThan(0);
      for (const key of keys) {
        // -1 is a key without an expiry; -2 one that expired since KEYS listed it (a rate key lasts
        // a second past its schedule), which is what an expiry is for.
        const ttl = await ioredis.pttl(key);
        expect(ttl === -2 || ttl > 0, `${key}: PTTL ${ttl}`).toBe(true);
        const value = (await ioredis.type(key)) === 'hash' ? JSON.stringify(await ioredis.hgetall(key)) : String(await ioredis.get(key));
        for (const secret of [emulator.credentials.accessKeyId, emulator.credentials.accessKeySecret]) {
          expect(key).not.toContain(secret);
          expect(value).not.toContain(secret);
        }
      }
    } finally {
      await emulator.close();
    }
  });

  it('an unreachable Redis fails closed by default (nothing sent), or falls back and says so; it resumes when Redis is back', async () => {
    const emulator = await startEmulator('tencent-cam', { rateLimit: false });
    const events: RedisEvent[] = [];
    const client = new Redis(server.port, '127.0.0.1', { maxRetriesPerRequest: 0, retryStrategy: () => 50, enableOfflineQueue: false });
    client.on('error', () => undefined);
    await new Promise((resolve) => client.once('ready', resolve));
    try {
      const closed = tencentCam({ endpoint: emulator.endpoint, credentials: emulator.credentials, rateLimiter: redisRateLimiter(client, { commandTimeoutMs: 300 }) });
      const open = tencentCam({ endpoint: emulator.endpoint, credentials: emulator.credentials, rateLimiter: redisRateLimiter(client, { commandTimeoutMs: 300, whenUnavailable: 'local', onEvent: (event) => events.push(event) }) });
      await closed.list().all();
      await server.stop();
      const before = emulator.requests.length;
      const refused = await closed.list().all().catch((error: unknown) => error);
      expect(isContactError(refused, 'unavailable')).toBe(true);
      expect((refused as Error).message).toMatch(/Redis\) did not answer, so nothing was sent/);
      expect(emulator.requests.length).toBe(before);
      expect(await open.list().all()).toEqual([]);
      expect(events.map((event) => event.type)).toEqual(['redis-unavailable']);
      await server.start();
      await new Promise((resolve) => client.once('ready', resolve));
      await open.list().all();
      expect(events.map((event) => event.type)).toEqual(['redis-unavailable', 'redis-recovered']);
      expect(await closed.list().all()).toEqual([]);
    } finally {
      client.disconnect();
      await emulator.close();
      await ioredis.ping().catch(() => undefined);
    }
  });

  it('takes a reply that came in time though the process was held up past the deadline; a Redis that does not answer still times out', async () => {
    const runner = scriptRunner(ioredis);
    const answered = withDeadline(runner(RESERVE_SLOT, ['test:rl:Stalled'], ['10.000', '']), 50);
    // The thread is held (a busy machine) past the deadline while the reply arrives.
    const until = performance.now() + 300;
    while (performance.now() < until);
    expect(Number(await answered)).toBe(0);
    await expect(withDeadline(new Promise(() => undefined), 50)).rejects.toThrow('Redis did not answer within 50 ms');
  });

  it('refuses anything that is not a supported client', () => {
    expect(() => redisRateLimiter({})).toThrow(/ioredis client or a node-redis/);
    expect(() => redisQuotaStore(null)).toThrow(/ioredis client or a node-redis/);
  });
});
