/**
 * `cloud-contacts/redis`: vendor rate limits and daily quotas shared by every process of a
 * service, in a Redis (or Valkey) you bring. Nothing here loads a Redis client: pass yours.
 *
 * @packageDocumentation
 */
export { redisRateLimiter } from './redis-rate-limiter.js';
export { redisQuotaStore } from './redis-quota-store.js';
export type { RedisQuotaStoreOptions } from './redis-quota-store.js';
export type { RedisEvent, RedisOptions } from './redis-availability.js';
export type { RedisClientLike } from './redis-client.js';
export type { QuotaRequest, QuotaReservation, QuotaStore } from '../transport/quota-store.js';
export type { RateLimiter, RateLimitRequest } from '../transport/rate-limiter.js';
