import { localQuotaStore } from '../transport/quota-store.js';
import { vendorDay } from '../util/vendor-day.js';
import type { QuotaRequest, QuotaStore } from '../transport/quota-store.js';
import { availability } from './redis-availability.js';
import type { RedisOptions } from './redis-availability.js';
import { checkRedisOptions } from './redis-options.js';
import { scriptRunner, withDeadline } from './redis-client.js';
import { EXHAUST, RELEASE_UNIT, RESERVE_UNIT } from './redis-scripts.js';

/** Options of {@link redisQuotaStore}. */
export interface RedisQuotaStoreOptions extends RedisOptions {
  /** A clock replacing Redis' own, in ms since the epoch: for tests that move across a vendor's midnight. */
  readonly now?: () => number;
}

/**
 * A {@link QuotaStore} shared by every process that uses one vendor account: the units of a
 * daily quota (CAM's 10 receiver creates a day) are counted in Redis, per vendor day on Redis'
 * clock, so three workers together make at most 10 creates a day and the 11th fails fast with
 * `quota-exceeded` and `resetsAt`, without reaching the vendor.
 *
 * @param redis - an `ioredis` client or a node-redis (`redis` v4+) client; the caller owns it.
 * @remarks Keys are `<prefix>:q:<provider>:<account>:<quota>` (the account a hash, never the
 * key id), each expiring a day after its vendor day ends.
 *
 * @example
 * ```ts
 * const quotaStore = redisQuotaStore(new Redis(process.env.REDIS_URL));
 * const cam = tencentCam({ rateLimiter: redisRateLimiter(redis), quotaStore });
 * ```
 * @throws ContactError `invalid-config` when `redis` is not a supported client, or an option is unknown or out of range.
 */
export function redisQuotaStore(redis: unknown, given: RedisQuotaStoreOptions = {}): QuotaStore {
  const options = checkRedisOptions<RedisQuotaStoreOptions>(given, 'store');
  const run = scriptRunner(redis);
  const prefix = options.keyPrefix ?? 'cloud-contacts';
  const timeoutMs = options.commandTimeoutMs ?? 1000;
  const state = availability(options, 'quota');
  const fallback = localQuotaStore(options.now);
  const clock = (): string => (options.now === undefined ? '' : String(options.now()));
  const keyOf = (request: QuotaRequest): string => `${prefix}:q:${request.provider}:${request.account}:${request.quota}`;
  const offsetMs = (request: QuotaRequest): string => String(request.dayOffsetMinutes * 60_000);
  const call = async <T>(request: QuotaRequest, work: () => Promise<T>, local: () => Promise<T>): Promise<T> => {
    try {
      const result = await withDeadline(work(), timeoutMs);
      state.up();
      return result;
    } catch (error) {
      state.failed(error, request.provider);
      return local();
    }
  };
  return {
    reserve: (request) =>
      call(
        request,
        async () => {
          const [granted, dayEnd] = (await run(RESERVE_UNIT, [keyOf(request)], [request.limit, offsetMs(request), clock()])) as [number, string];
          const { resetsAt } = vendorDay(Number(dayEnd) - 1, request.dayOffsetMinutes);
          if (Number(granted) !== 1) return { granted: false as const, resetsAt };
          return {
            granted: true as const,
            release: async () => {
              await withDeadline(run(RELEASE_UNIT, [keyOf(request)], [offsetMs(request), clock()]), timeoutMs).catch(() => undefined);
            },
          };
        },
        () => fallback.reserve(request),
      ),
    exhaust: (request) =>
      call(
        request,
        async () => {
          await run(EXHAUST, [keyOf(request)], [request.limit, offsetMs(request), clock()]);
        },
        () => fallback.exhaust(request),
      ),
  };
}
