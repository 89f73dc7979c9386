import { describe, expect, it } from 'vitest';
import { createContactList } from '../src/contact-list.js';
import { ContactError, isContactError } from '../src/errors.js';
import { runOperation } from '../src/transport/call-scope.js';
import type { CallPolicy } from '../src/transport/call-scope.js';
import { RateLimiter } from '../src/transport/rate-limiter.js';

const policy = (overrides: Partial<CallPolicy> = {}): CallPolicy => ({ provider: 'tencent-cam', timeoutMs: 2_000, maxRetries: 2, secrets: [], backoffMs: 1, ...overrides });
const failing = (code: ContactError['code'], extra: Partial<ConstructorParameters<typeof ContactError>[0]> = {}) => () => new ContactError({ code, message: code, ...extra });

async function attempts(options: { idempotent: boolean; errors: Array<() => ContactError>; policy?: Partial<CallPolicy> }) {
  let sent = 0;
  const outcome = await runOperation(policy(options.policy), 'create', undefined, (scope) =>
    scope.request({
      action: 'Act',
      idempotent: options.idempotent,
      send: async () => {
        const next = options.errors[sent++];
        if (next !== undefined) throw next();
        return 'done';
      },
      translate: (error) => error as ContactError,
    }),
  ).catch((error: unknown) => error);
  return { sent, outcome };
}

describe('retries', () => {
  it('retries retryable failures of an idempotent request up to maxRetries', async () => {
    expect(await attempts({ idempotent: true, errors: [failing('unavailable'), failing('network')] })).toEqual({ sent: 3, outcome: 'done' });
    const gaveUp = await attempts({ idempotent: true, errors: [failing('unavailable'), failing('unavailable'), failing('unavailable')] });
    expect(gaveUp.sent).toBe(3);
    expect(isContactError(gaveUp.outcome, 'unavailable')).toBe(true);
  });

  it('retries a non-idempotent request only when the vendor refused it', async () => {
    expect((await attempts({ idempotent: false, errors: [failing('unavailable')] })).sent).toBe(1);
    expect((await attempts({ idempotent: false, errors: [failing('network')] })).sent).toBe(1);
    expect(await attempts({ idempotent: false, errors: [failing('rate-limited'), failing('conflict', { retryable: true })] })).toEqual({ sent: 3, outcome: 'done' });
    const refused = () => new ContactError({ code: 'network', message: 'refused', cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }) });
    expect((await attempts({ idempotent: false, errors: [refused] })).sent).toBe(2);
  });

  it('never retries non-retryable failures', async () => {
    expect((await attempts({ idempotent: true, errors: [failing('not-found')] })).sent).toBe(1);
    expect((await attempts({ idempotent: true, errors: [failing('conflict')] })).sent).toBe(1);
  });

  it('reports the vendor error rather than waiting past the deadline for a long Retry-After', async () => {
    const result = await attempts({ idempotent: true, errors: [failing('rate-limited', { retryAfterMs: 60_000 })] });
    expect(result.sent).toBe(1);
    expect(isContactError(result.outcome, 'rate-limited')).toBe(true);
  });
});

describe('deadlines and cancellation', () => {
  const hang = (signal: AbortSignal) => new Promise<never>((_resolve, reject) => signal.addEventListener('abort', () => reject(new Error('aborted'))));

  it('turns a passed deadline into a retryable timeout that names what was in flight', async () => {
    const error = await runOperation(policy({ timeoutMs: 50 }), 'create', undefined, (scope) =>
      scope.request({ action: 'CreateThing', idempotent: false, send: hang, translate: (e) => e as ContactError }),
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'timeout', retryable: true });
    expect((error as Error).message).toMatch(/CreateThing was in flight/);
  });

  it('turns a caller abort into a non-retryable timeout', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const error = await runOperation(policy(), 'get', { signal: controller.signal }, (scope) =>
      scope.request({ action: 'Read', idempotent: true, send: hang, translate: (e) => e as ContactError }),
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'timeout', retryable: false });
    expect((error as Error).message).toMatch(/cancelled by the caller/);
  });
});

describe('RateLimiter', () => {
  it('admits at most perSecond requests in any window, in order', async () => {
    let now = 0;
    const limiter = new RateLimiter(2, () => now);
    const admitted: number[] = [];
    const waits = [0, 1, 2, 3, 4].map((n) => limiter.acquire().then(() => admitted.push(n)));
    await Promise.resolve();
    await Promise.resolve();
    expect(admitted).toEqual([0, 1]);
    now = 2_200;
    await Promise.all(waits);
    expect(admitted).toEqual([0, 1, 2, 3, 4]);
  });

  it('frees the slot of an aborted wait', async () => {
    const limiter = new RateLimiter(1);
    await limiter.acquire();
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
  });
});

describe('ContactList', () => {
  it('fetches lazily, page by page, and stops at the limit', async () => {
    const fetched: Array<number | string | undefined> = [];
    const list = createContactList(async (cursor) => {
      fetched.push(cursor);
      const page = typeof cursor === 'number' ? cursor : 0;
      return { contacts: [page * 2, page * 2 + 1], next: page < 4 ? page + 1 : undefined };
    }, 5);
    expect(fetched).toEqual([]);
    expect(await list.all()).toEqual([0, 1, 2, 3, 4]);
    expect(fetched).toEqual([undefined, 1, 2]);
  });

  it('ends on an empty page even when the vendor offers another', async () => {
    let calls = 0;
    const list = createContactList(async () => {
      calls += 1;
      return { contacts: [], next: 1 };
    });
    expect(await list.all()).toEqual([]);
    expect(calls).toBe(1);
  });
});
