/**
 * The few things the limiter and the store ask of a Redis client, for either of the two
 * maintained ones: `ioredis` (`evalsha(sha, n, ...)`) and `redis` v4+ (`evalSha(sha, { keys, arguments })`).
 * Scripts run by their SHA-1; one Redis has not seen yet is sent once in full.
 */
import { ContactError } from '../errors/errors.js';
import type { RedisScript } from './redis-scripts.js';

/** An `ioredis` client, or a node-redis (`redis` v4+) client. */
export type RedisClientLike =
  | {
      /** ioredis: runs a script Redis already holds, by its SHA-1. */
      evalsha(sha: string, keys: number, ...args: Array<string | number>): Promise<unknown>;
      /** ioredis: runs a script sent in full. */
      eval(script: string, keys: number, ...args: Array<string | number>): Promise<unknown>;
    }
  | {
      /** node-redis: runs a script Redis already holds, by its SHA-1. */
      evalSha(sha: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
      /** node-redis: runs a script sent in full. */
      eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
    };

/** Runs scripts on whichever client was given. */
type ScriptRunner = (script: RedisScript, keys: readonly string[], args: ReadonlyArray<string | number>) => Promise<unknown>;

/**
 * Adapts a client.
 *
 * @throws ContactError `invalid-config` when the value is neither client.
 */
export function scriptRunner(client: unknown): ScriptRunner {
  const candidate = client as Record<string, unknown> | null;
  if (candidate !== null && typeof candidate === 'object' && typeof candidate['evalSha'] === 'function') {
    const redis = client as { evalSha(sha: string, options: object): Promise<unknown>; eval(script: string, options: object): Promise<unknown> };
    return (script, keys, args) => {
      const options = { keys: [...keys], arguments: args.map(String) };
      return redis.evalSha(script.sha, options).catch((error: unknown) => (isNoScript(error) ? redis.eval(script.source, options) : Promise.reject(error)));
    };
  }
  if (candidate !== null && typeof candidate === 'object' && typeof candidate['evalsha'] === 'function') {
    const redis = client as { evalsha(sha: string, n: number, ...rest: string[]): Promise<unknown>; eval(script: string, n: number, ...rest: string[]): Promise<unknown> };
    return (script, keys, args) => {
      const rest = [...keys, ...args.map(String)];
      return redis.evalsha(script.sha, keys.length, ...rest).catch((error: unknown) => (isNoScript(error) ? redis.eval(script.source, keys.length, ...rest) : Promise.reject(error)));
    };
  }
  throw new ContactError({ code: 'invalid-config', operation: 'redis', message: 'the Redis client must be an ioredis client or a node-redis (redis v4+) client' });
}

function isNoScript(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith('NOSCRIPT');
}

/**
 * Runs `work`, or rejects after `ms`: a Redis that does not answer must not hold a call. The
 * deadline is judged after the input already waiting has been read (`setImmediate` runs after the
 * event loop's poll phase): when the process itself was held up past it (a busy machine), a reply
 * that came in time is taken, not called late.
 */
export function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  work.catch(() => undefined);
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => setImmediate(() => reject(new Error(`Redis did not answer within ${ms} ms`))), ms);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
