/**
 * A fleet: several processes, each with its own provider object, sharing one vendor account's
 * limits through one real Redis. Their requests together stay under the emulator's per-action
 * limit, evenly paced; their creates together stay within CAM's 10 a day, and the count starts
 * again at the vendor's midnight.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tencentCam } from '../../providers/tencent-cam/index.js';
import { startEmulator } from '../../providers/testing.js';
import { peakPerSecond } from '../support/load.js';
import { REDIS_SERVER, startRedis } from '../support/redis-server.js';
import type { RedisServer } from '../support/redis-server.js';

const run = promisify(execFile);
const root = new URL('../..', import.meta.url).pathname;
const LIMIT = 100;

/** Runs a worker script in a fresh process; resolves to what it printed, as JSON. */
async function worker(script: string, env: Record<string, string>): Promise<unknown> {
  const { stdout } = await run(process.execPath, ['-r', './test/support/shift-clock.cjs', '-e', script], { cwd: root, env: { ...process.env, http_proxy: '', HTTP_PROXY: '', ...env } });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as unknown;
}

describe.runIf(REDIS_SERVER !== undefined)('a fleet sharing limits through Redis', () => {
  let server: RedisServer;
  beforeAll(async () => {
    server = await startRedis();
  });
  afterAll(async () => {
    await server.stop();
  });

  it(`4 processes, 400 gets: never over ${LIMIT}/s at the emulator, none throttled, within 1.15x of 400 / ${LIMIT}`, async () => {
    const emulator = await startEmulator('tencent-cam', { rateLimit: LIMIT });
    try {
      const seeded = await tencentCam({ endpoint: emulator.endpoint, credentials: emulator.credentials, rateLimit: false }).create({ name: 'fleet', email: 'fleet@example.com', phone: '+8613900001234' });
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const from = emulator.requests.length;
      const startAt = Date.now() + 1500;
      const script = `
        const { Redis } = require('ioredis');
        const { tencentCam } = require('cloud-contacts/tencent-cam');
        const { redisRateLimiter } = require('cloud-contacts/redis');
        const redis = new Redis(${server.port}, '127.0.0.1');
        let vendorThrottles = 0;
        const cam = tencentCam({ endpoint: '${emulator.endpoint}', credentials: ${JSON.stringify(emulator.credentials)}, rateLimit: ${LIMIT}, rateLimiter: redisRateLimiter(redis),
          onEvent: (e) => { if (e.type === 'throttle' && e.source === 'vendor') vendorThrottles += 1; } });
        setTimeout(async () => {
          const results = await Promise.allSettled(Array.from({ length: 100 }, () => cam.get('${seeded.id}')));
          redis.disconnect();
          console.log(JSON.stringify({ ok: results.filter((r) => r.status === 'fulfilled').length, vendorThrottles }));
        }, ${startAt} - Date.now());`;
      const results = (await Promise.all(Array.from({ length: 4 }, () => worker(script, {})))) as Array<{ ok: number; vendorThrottles: number }>;
      const requests = emulator.requests.slice(from);
      expect(results.reduce((sum, r) => sum + r.ok, 0)).toBe(400);
      expect(results.reduce((sum, r) => sum + r.vendorThrottles, 0)).toBe(0);
      const { peak } = peakPerSecond(requests);
      expect(peak).toBeLessThanOrEqual(LIMIT);
      const times = requests.map((r) => r.receivedAt).sort((a, b) => a - b);
      const elapsed = times.at(-1)! - times[0]!;
      console.log(`fleet: 4 processes, ${requests.length} requests in ${elapsed.toFixed(0)} ms, peak ${peak}/s of ${LIMIT}, ${(elapsed / 4000).toFixed(3)}x of 400 / ${LIMIT}`);
      expect(requests.length).toBe(400);
      expect(elapsed / ((400 / LIMIT) * 1000)).toBeLessThanOrEqual(1.15);
    } finally {
      await emulator.close();
    }
  }, 60_000);

  it("3 processes share CAM's 10 creates a day: the 11th fails fast with resetsAt, and the count starts again at midnight", async () => {
    // Two minutes before midnight in China, on a day of the test's choosing.
    const beforeMidnight = Date.parse('2026-03-01T23:58:00+08:00');
    let offset = beforeMidnight - Date.now();
    const emulator = await startEmulator('tencent-cam', { rateLimit: false, now: () => new Date(Date.now() + offset) });
    const round = (tag: string) =>
      Promise.all(
        Array.from({ length: 3 }, (_, process) =>
          worker(
            `
            const { Redis } = require('ioredis');
            const { tencentCam } = require('cloud-contacts/tencent-cam');
            const { redisQuotaStore } = require('cloud-contacts/redis');
            const redis = new Redis(${server.port}, '127.0.0.1');
            const cam = tencentCam({ endpoint: '${emulator.endpoint}', credentials: ${JSON.stringify(emulator.credentials)}, rateLimit: false, maxRetries: 0,
              quotaStore: redisQuotaStore(redis, { now: () => Date.now() }) });
            (async () => {
              const outcomes = [];
              for (let n = 0; n < 5; n += 1) {
                outcomes.push(await cam.create({ name: '${tag}-${process}-' + n, email: 'q' + n + '@example.com', phone: '+8613900001234' })
                  .then(() => 'ok', (e) => e.code + (e.vendor ? ' (vendor)' : '') + ' ' + (e.resetsAt ?? '')));
              }
              redis.disconnect();
              console.log(JSON.stringify(outcomes));
            })();`,
            { CLOCK_OFFSET_MS: String(offset) },
          ),
        ),
      ) as Promise<string[][]>;
    try {
      const day1 = (await round('d1')).flat();
      expect(day1.filter((outcome) => outcome === 'ok')).toHaveLength(10);
      expect(day1.filter((outcome) => outcome !== 'ok')).toEqual(Array(5).fill('quota-exceeded 2026-03-02T00:00:00+08:00'));
      expect(emulator.requests.filter((request) => request.action === 'CreateMessageReceiver')).toHaveLength(10);
      offset = Date.parse('2026-03-02T00:00:30+08:00') - Date.now();
      const day2 = (await round('d2')).flat();
      expect(day2.filter((outcome) => outcome === 'ok')).toHaveLength(10);
      expect(emulator.requests.filter((request) => request.action === 'CreateMessageReceiver')).toHaveLength(20);
    } finally {
      await emulator.close();
    }
  }, 60_000);
});
