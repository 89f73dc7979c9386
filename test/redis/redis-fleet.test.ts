/**
 * A fleet: several processes, each with its own provider object, sharing one vendor account's
 * limits through one real Redis. Their requests together keep one schedule of the per-action
 * limit, whichever process sends them: the emulator never receives a request sooner than that
 * schedule allows, every call succeeds and each is sent once. Their creates together stay
 * within CAM's 10 a day, and the count starts again at the vendor's midnight.
 *
 * The emulator does not throttle in the pacing test, because its sliding second would measure the
 * machine rather than the fleet: a request released on its slot reaches the emulator's handler
 * after the sender's and the emulator's own scheduling delays (on a loaded two-core machine,
 * hundreds of milliseconds, varying from request to request), so requests of different seconds
 * are read in the same one. What the fleet controls, and what is counted, is that no request
 * comes sooner than its slot. The vendor's throttling and its retries are tested by the fault
 * matrix; how long the fleet takes is for `npm run bench`.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tencentCam } from '../../providers/tencent-cam/index.js';
import { startEmulator } from '../../providers/testing.js';
import { FLEET_MARGIN } from '../../src/redis/redis-rate-limiter.js';
import { emulatorClock } from '../support/load.js';
import { REDIS_SERVER, startRedis } from '../support/redis-server.js';
import type { RedisServer } from '../support/redis-server.js';

const run = promisify(execFile);
const root = new URL('../..', import.meta.url).pathname;
const LIMIT = 100;
/** How far whole-millisecond clock reads can put a slot before the moment it was computed from. */
const CLOCK_READS_MS = 3;

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

  it(`4 processes, 400 gets: all succeed, each sent once, none reaching the emulator ahead of one shared schedule of ${LIMIT}/s`, async () => {
    const emulator = await startEmulator('tencent-cam', { rateLimit: false });
    try {
      const seeded = await tencentCam({ endpoint: emulator.endpoint, credentials: emulator.credentials, rateLimit: false }).create({ name: 'fleet', email: 'fleet@example.com', phone: '+8613900001234' });
      const from = emulator.requests.length;
      // The workers start together at startAt on the host's clock (Date.now); the schedule starts
      // then too, since Redis (on the same host) cannot give a slot before it is asked.
      const startAt = Date.now() + 1500;
      const script = `
        const { Redis } = require('ioredis');
        const { tencentCam } = require('cloud-contacts/tencent-cam');
        const { redisRateLimiter } = require('cloud-contacts/redis');
        const redis = new Redis(${server.port}, '127.0.0.1');
        const cam = tencentCam({ endpoint: '${emulator.endpoint}', credentials: ${JSON.stringify(emulator.credentials)}, rateLimit: ${LIMIT}, rateLimiter: redisRateLimiter(redis) });
        setTimeout(async () => {
          const results = await Promise.allSettled(Array.from({ length: 100 }, () => cam.get('${seeded.id}')));
          redis.disconnect();
          const failed = results.filter((r) => r.status === 'rejected').map((r) => r.reason.code + ': ' + r.reason.message);
          console.log(JSON.stringify({ ok: results.length - failed.length, failed: failed.slice(0, 3) }));
        }, ${startAt} - Date.now());`;
      const results = (await Promise.all(Array.from({ length: 4 }, () => worker(script, {})))) as Array<{ ok: number; failed: string[] }>;
      const received = emulator.requests.slice(from);
      expect(results.flatMap((r) => r.failed)).toEqual([]);
      expect(results.reduce((sum, r) => sum + r.ok, 0)).toBe(400);
      expect(received.length).toBe(400);
      // Slots are 1/R apart (with the fleet's margin) from startAt: whole-millisecond clock reads
      // (the workers' timers, Date.now) may put a slot up to a few ms before it on this clock.
      const pace = { startAt: startAt - (Date.now() - emulatorClock()) - CLOCK_READS_MS, intervalMs: (1000 / LIMIT) * FLEET_MARGIN };
      expect(received.filter((request) => request.receivedAt < pace.startAt)).toEqual([]);
      expect(emulator.requestsAheadOf(pace)).toEqual([]);
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
