/**
 * The Redis limiter's and store's options are checked like provider settings: a typo or a value
 * out of range fails at once, naming the option, without touching Redis.
 */
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { redisQuotaStore, redisRateLimiter } from '../src/redis/index.js';
import { configErrorOf } from './support/config-error.js';

// Never connects: the checks run before any command.
const redis = new Redis({ lazyConnect: true, port: 1 });
afterAll(() => redis.disconnect());

describe('Redis options', () => {
  it.each([
    [{ whenUnavailable: 'locale' }, 'options.whenUnavailable', 'must be "fail" or "local"'],
    [{ keyprefix: 'x' }, 'options.keyprefix', 'is not a known field'],
    [{ commandTimeoutMs: -5 }, 'options.commandTimeoutMs', 'must be positive'],
    [{ commandTimeoutMs: 1.5 }, 'options.commandTimeoutMs', 'whole number'],
    [{ keyPrefix: '' }, 'options.keyPrefix', 'must not be empty'],
    [{ onEvent: 'log' }, 'options.onEvent', 'must be a function'],
  ])('refuses %j for both, naming %s', (options, field, rule) => {
    for (const make of [redisRateLimiter, redisQuotaStore]) {
      const error = configErrorOf(() => make(redis, options as never));
      expect(error.issues?.map((issue) => issue.path)).toEqual([field]);
      expect(error.message).toContain(rule);
    }
  });

  it('refuses the store-only now on the limiter, and takes it on the store', () => {
    expect(configErrorOf(() => redisRateLimiter(redis, { now: () => 0 } as never)).issues?.[0]?.path).toBe('options.now');
    expect(typeof redisQuotaStore(redis, { now: () => 0 }).reserve).toBe('function');
  });

  it('takes every documented option', () => {
    const options = { keyPrefix: 'svc', commandTimeoutMs: 500, whenUnavailable: 'local', onEvent: () => undefined } as const;
    expect(typeof redisRateLimiter(redis, options).acquire).toBe('function');
    expect(typeof redisQuotaStore(redis, options).exhaust).toBe('function');
  });
});
