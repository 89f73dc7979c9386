/**
 * What the Redis limiter and store do when Redis does not answer: fail closed (the call rejects
 * with `unavailable` and nothing is sent), or fall back to the in-process implementation, saying
 * so once when Redis goes away and once when it is back.
 */
import type { ProviderId } from '../model/contact.js';
import { ContactError } from '../errors/errors.js';
import { redactText } from '../util/redaction.js';

/** An event of the Redis layer: Redis stopped answering (and the fallback took over), or answers again. */
export interface RedisEvent {
  /** Whether Redis stopped answering or answers again. */
  readonly type: 'redis-unavailable' | 'redis-recovered';
  /** What it was doing: `rate-limit` or `quota`. */
  readonly role: 'rate-limit' | 'quota';
  /** Why, in words (no credentials, no contact data). */
  readonly reason?: string;
}

/** Options both Redis implementations take. */
export interface RedisOptions {
  /** Prefix of every key. @default 'cloud-contacts' */
  readonly keyPrefix?: string;
  /** How long to wait for Redis before treating it as unavailable, in ms. @default 1000 */
  readonly commandTimeoutMs?: number;
  /**
   * When Redis does not answer: `fail` (the default) rejects the call with `unavailable`
   * before anything is sent; `local` falls back to this process's own limiter or counts.
   */
  readonly whenUnavailable?: 'fail' | 'local';
  /** Receives `redis-unavailable` and `redis-recovered`; it must not throw. */
  readonly onEvent?: (event: RedisEvent) => void;
}

/** Runs Redis work with the availability policy of one limiter or store. */
export function availability(options: RedisOptions, role: RedisEvent['role']) {
  let down = false;
  const emit = (event: RedisEvent): void => {
    try {
      options.onEvent?.(event);
    } catch {
      // A listener's failure must not fail a call.
    }
  };
  return {
    /** Whether calls fall back instead of failing. */
    fallsBack: options.whenUnavailable === 'local',
    /** Notes that Redis answered. */
    up(): void {
      if (!down) return;
      down = false;
      emit({ type: 'redis-recovered', role });
    },
    /**
     * Notes that Redis failed; returns nothing when falling back, else throws the call's error.
     *
     * @throws ContactError `unavailable` (retryable): nothing was sent.
     */
    failed(error: unknown, provider: ProviderId): void {
      const reason = redactText(error instanceof Error ? error.message : String(error));
      if (!down) {
        down = true;
        emit({ type: 'redis-unavailable', role, reason });
      }
      if (options.whenUnavailable === 'local') return;
      throw new ContactError({
        code: 'unavailable',
        provider,
        operation: role === 'rate-limit' ? 'rate limit' : 'quota',
        message: `the shared ${role === 'rate-limit' ? 'rate limiter' : 'quota counter'} (Redis) did not answer, so nothing was sent: ${reason}`,
      });
    },
  };
}
