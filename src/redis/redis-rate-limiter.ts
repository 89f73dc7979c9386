import { localRateLimiter, PACING_MARGIN } from '../transport/rate-limiter.js';
import type { RateLimiter } from '../transport/rate-limiter.js';
import { sleepUntil } from '../transport/sleep.js';
import { availability } from './redis-availability.js';
import type { RedisOptions } from './redis-availability.js';
import { checkRedisOptions } from './redis-options.js';
import { scriptRunner, withDeadline } from './redis-client.js';
import { RESERVE_SLOT } from './redis-scripts.js';

/**
 * Slack on the spacing across processes: a request reaches the vendor some time after its slot,
 * and that time varies more between busy processes than within one (four processes on two cores
 * bunched up to 100 requests in a second where 96 were due), so the shared schedule leaves more
 * room than {@link PACING_MARGIN}.
 */
export const FLEET_MARGIN = PACING_MARGIN * 1.03;

/**
 * A {@link RateLimiter} shared by every process that uses one vendor account: each request
 * reserves the next slot of its action's schedule in Redis (slots 1/R apart, R the action's
 * limit, on Redis' clock), then waits for it. Pacing across processes is as smooth as within one:
 * four replicas of a service together send at most R a second, evenly spaced.
 *
 * @param redis - an `ioredis` client or a node-redis (`redis` v4+) client; the caller owns it.
 * @remarks Keys are `<prefix>:rl:<provider>:<account>:<action>`, the account being a hash of the
 * endpoint and access key id (never the key); each key expires once its schedule has passed. A
 * request cancelled while it waits leaves its slot unused. Follow-ups going first holds within a
 * process only.
 *
 * @example
 * ```ts
 * import Redis from 'ioredis';
 * import { redisRateLimiter } from 'cloud-contacts/redis';
 * const rateLimiter = redisRateLimiter(new Redis(process.env.REDIS_URL));
 * const rd = alibabaResourceDirectory({ rateLimiter });
 * ```
 * @throws ContactError `invalid-config` when `redis` is not a supported client, or an option is unknown or out of range.
 */
export function redisRateLimiter(redis: unknown, given: RedisOptions = {}): RateLimiter {
  const options = checkRedisOptions<RedisOptions>(given, 'limiter');
  const run = scriptRunner(redis);
  const prefix = options.keyPrefix ?? 'cloud-contacts';
  const timeoutMs = options.commandTimeoutMs ?? 1000;
  const state = availability(options, 'rate-limit');
  const fallback = localRateLimiter();
  return {
    async acquire(request, signal) {
      if (signal?.aborted === true) throw signal.reason;
      const intervalMs = (1000 / request.perSecond) * FLEET_MARGIN;
      let waitMs: number;
      try {
        const key = `${prefix}:rl:${request.provider}:${request.account}:${request.action}`;
        waitMs = Number(await withDeadline(run(RESERVE_SLOT, [key], [intervalMs.toFixed(3), '']), timeoutMs));
        state.up();
      } catch (error) {
        state.failed(error, request.provider);
        return fallback.acquire(request, signal);
      }
      // Counted from when the reply arrives: a reply that reached a busy process late only delays
      // its request (sending it earlier to catch up would bunch requests at the vendor).
      // Woken by a timer, the process checks its own clock: a slot is never released early.
      if (waitMs > 0) await sleepUntil(performance.now() + waitMs, signal);
      return Math.max(0, waitMs);
    },
  };
}
