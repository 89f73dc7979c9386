/**
 * `cloud-contacts/redis` against a real redis-server, through both supported clients: the
 * limiter's slots are evenly spaced whichever client asks, daily quotas count across stores,
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
import { peakPerSecond } from '../support/load.js';
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

  it('spaces the slots of one action evenly across limiters on both clients, never over the rate in a second', async () => {
    const limiters = [redisRateLimiter(ioredis), redisRateLimiter(nodeRedis)];
    const released: Array<{ action: string; receivedAt: number }> = [];
    const started = performance.now();
    const spaced = Promise.all(
      Array.from({ length: 150 }, (_, n) => limiters[n % 2]!.acquire(slot('Spaced', 100)).then(() => released.push({ action: 'Spaced', receivedAt: performance.now() }))),
    );
    // Another action has a schedule of its own: its slot does not wait behind the 150 queued ones.
    await redisRateLimiter(ioredis).acquire(slot('Other', 100));
    const spacedBeforeOther = released.length;
    await spaced;
    const elapsed = performance.now() - started;
    expect(peakPerSecond(released as never).peak).toBeLessThanOrEqual(100);
    expect(elapsed).toBeGreaterThan(1400);
    expect(spacedBeforeOther).toBeLessThan(50);
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
        expect(await ioredis.pttl(key), key).toBeGreaterThan(0);
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

  it('refuses anything that is not a supported client', () => {
    expect(() => redisRateLimiter({})).toThrow(/ioredis client or a node-redis/);
    expect(() => redisQuotaStore(null)).toThrow(/ioredis client or a node-redis/);
  });
});
