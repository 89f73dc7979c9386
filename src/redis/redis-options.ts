/**
 * The options of the Redis limiter and store, checked like provider settings: a misspelt key or a
 * value out of range is `invalid-config` at once, naming it, not an option silently ignored.
 */
import * as z from '../util/zod.js';
import { fromZodIssues, issuesError } from '../errors/to-contact-error.js';
import { plainInput } from '../validation/plain-input.js';
import type { RedisOptions } from './redis-availability.js';

const isFunction = (value: unknown): boolean => typeof value === 'function';

const shared = {
  keyPrefix: z.optional(z.string({ error: 'must be a string' }).check(z.minLength(1, { error: 'must not be empty' }), z.maxLength(200, { error: 'must be at most 200 characters' }))),
  commandTimeoutMs: z.optional(
    z.int({ error: 'must be a whole number of milliseconds' }).check(z.positive({ error: 'must be positive' }), z.maximum(60_000, { error: 'must be at most 60000 (a minute)' })),
  ),
  whenUnavailable: z.optional(z.enum(['fail', 'local'], { error: 'must be "fail" or "local"' })),
  onEvent: z.optional(z.custom<RedisOptions['onEvent']>(isFunction, { error: 'must be a function' })),
};

const limiterSchema = z.strictObject(shared);
const storeSchema = z.strictObject({ ...shared, now: z.optional(z.custom<() => number>(isFunction, { error: 'must be a function returning ms since the epoch' })) });

/**
 * Checks the options of `redisRateLimiter` (`kind: 'limiter'`) or `redisQuotaStore` (`'store'`).
 *
 * @throws ContactError `invalid-config` naming each bad option (values are never echoed).
 */
export function checkRedisOptions<T extends RedisOptions>(given: unknown, kind: 'limiter' | 'store'): T {
  const context = { operation: kind === 'limiter' ? 'redisRateLimiter' : 'redisQuotaStore' };
  const result = (kind === 'limiter' ? limiterSchema : storeSchema).safeParse(plainInput(given ?? {}, 'options', context));
  if (!result.success) throw issuesError('invalid-config', fromZodIssues(result.error.issues, 'options'), context);
  return result.data as T;
}
