/**
 * The call semantics every provider shares (README "Timeouts, retries and rate limits"), on the bare machinery: retries
 * and what is safe to resend, per-attempt timeouts, cancellation, settling a lost create, the
 * rate limiter's pacing and priorities, events, and lazy listings.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createContactList } from '../src/contract/contact-list.js';
import { ContactError, isContactError } from '../src/errors/errors.js';
import { operationRunner } from '../src/transport/operation-runner.js';
import type { CallPolicy, VendorRequest } from '../src/transport/call-scope.js';
import type { ContactEvent } from '../src/contract/events.js';
import { localRateLimiter, Pacer, PACING_MARGIN } from '../src/transport/rate-limiter.js';
import { expectContactError } from './support/expect-contact-error.js';

const policy = (overrides: Partial<CallPolicy> = {}): CallPolicy => ({
  provider: 'tencent-cam',
  timeoutMs: 2_000,
  maxRetries: 2,
  secrets: () => [],
  rateFor: () => undefined,
  account: () => 'test',
  quotaFor: () => undefined,
  backoffMs: 1,
  settingKeys: ['endpoint', 'rateLimit'],
  ...overrides,
});
const failing = (code: ContactError['code'], extra: Partial<ConstructorParameters<typeof ContactError>[0]> = {}) => () => new ContactError({ code, message: code, ...extra });
const refused = () => new ContactError({ code: 'network', message: 'refused', cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }) });
const reset = () => new ContactError({ code: 'network', message: 'reset', cause: Object.assign(new Error('x'), { code: 'ECONNRESET' }) });

function request(overrides: Partial<VendorRequest<string>> & Pick<VendorRequest<string>, 'send'>): VendorRequest<string> {
  return { action: 'Act', idempotent: true, translate: (error) => error as ContactError, ...overrides };
}

async function attempts(options: { idempotent: boolean; errors: Array<() => ContactError>; policy?: Partial<CallPolicy>; settle?: VendorRequest<string>['settle'] }) {
  let sent = 0;
  const outcome = await operationRunner(policy(options.policy))('create', undefined, (scope) =>
    scope.request(
      request({
        idempotent: options.idempotent,
        settle: options.settle,
        send: async () => {
          const next = options.errors[sent++];
          if (next !== undefined) throw next();
          return 'done';
        },
      }),
    ),
  ).catch((error: unknown) => error);
  return { sent, outcome };
}

/** A send that never answers until its attempt is abandoned. */
const hang = (attempt: { signal: AbortSignal }) =>
  new Promise<never>((_resolve, reject) => attempt.signal.addEventListener('abort', () => reject(new Error('aborted'))));

describe('retries', () => {
  it('retries retryable failures of an idempotent request up to maxRetries', async () => {
    expect(await attempts({ idempotent: true, errors: [failing('unavailable'), failing('network')] })).toEqual({ sent: 3, outcome: 'done' });
    const gaveUp = await attempts({ idempotent: true, errors: [failing('unavailable'), failing('unavailable'), failing('unavailable')] });
    expect(gaveUp.sent).toBe(3);
    expect(isContactError(gaveUp.outcome, 'unavailable')).toBe(true);
  });

  it('resends a non-idempotent request only when the vendor refused it', async () => {
    expect(await attempts({ idempotent: false, errors: [failing('rate-limited'), failing('conflict', { retryable: true })] })).toEqual({ sent: 3, outcome: 'done' });
    expect((await attempts({ idempotent: false, errors: [refused] })).sent).toBe(2);
    expect((await attempts({ idempotent: false, errors: [failing('unavailable', { vendor: { code: 'InternalError', message: '' } })] })).sent).toBe(1);
  });

  it('a non-idempotent request whose outcome is unknown, without a way to settle it, says so and is not resent', async () => {
    const result = await attempts({ idempotent: false, errors: [reset] });
    expect(result.sent).toBe(1);
    expect((result.outcome as Error).message).toMatch(/Act was sent, so the change may or may not have been made/);
  });

  it('never retries non-retryable failures', async () => {
    expect((await attempts({ idempotent: true, errors: [failing('not-found')] })).sent).toBe(1);
    expect((await attempts({ idempotent: true, errors: [failing('conflict')] })).sent).toBe(1);
  });

  it('reports the vendor error rather than waiting out a Retry-After longer than an attempt', async () => {
    const result = await attempts({ idempotent: true, errors: [failing('rate-limited', { retryAfterMs: 60_000 })] });
    expect(result.sent).toBe(1);
    expect(isContactError(result.outcome, 'rate-limited')).toBe(true);
  });

  it('maxRetries can be set per call, and unknown call options are refused naming the right place', async () => {
    let sent = 0;
    const send = async () => {
      sent += 1;
      throw failing('unavailable')();
    };
    await expectContactError(operationRunner(policy())('get', { maxRetries: 0 }, (scope) => scope.request(request({ send }))), 'unavailable');
    expect(sent).toBe(1);
    const misplaced = await expectContactError(operationRunner(policy())('list', { pageSize: 5 }, async () => 'x'), 'invalid-input');
    expect(misplaced.message).toMatch(/options\.pageSize.*first argument/);
    const typo = await expectContactError(operationRunner(policy())('get', { timeoutMS: 5 }, async () => 'x'), 'invalid-input');
    expect(typo.field).toBe('options.timeoutMS');
  });
});

describe('settling a request whose answer was lost', () => {
  it('resolves to what settle found when the vendor applied it, without resending', async () => {
    const result = await attempts({ idempotent: false, errors: [reset], settle: async () => ({ applied: true, value: 'found' }) });
    expect(result).toEqual({ sent: 1, outcome: 'found' });
  });

  it('resends when settle finds it was not applied, within maxRetries', async () => {
    expect(await attempts({ idempotent: false, errors: [reset], settle: async () => ({ applied: false }) })).toEqual({ sent: 2, outcome: 'done' });
    const exhausted = await attempts({ idempotent: false, errors: [reset], policy: { maxRetries: 0 }, settle: async () => ({ applied: false }) });
    expect(exhausted.sent).toBe(1);
    expect((exhausted.outcome as Error).message).toMatch(/did not make the change, so it is safe to repeat/);
  });

  it('settles after a 5xx without a vendor code and after a hang, not after a vendor code', async () => {
    let settled = 0;
    const settle = async () => {
      settled += 1;
      return { applied: true as const, value: 'found' };
    };
    expect((await attempts({ idempotent: false, errors: [failing('unavailable', { vendor: { code: 'HTTP 503', message: '' } })], settle })).outcome).toBe('found');
    expect(isContactError((await attempts({ idempotent: false, errors: [failing('already-exists')], settle })).outcome, 'already-exists')).toBe(true);
    const hung = await operationRunner(policy({ timeoutMs: 30 }))('create', undefined, (scope) => scope.request(request({ idempotent: false, send: hang, settle })));
    expect(hung).toBe('found');
    expect(settled).toBe(2);
  });
});

describe('time: per-attempt timeouts and the caller signal', () => {
  it('abandons a hung attempt after timeoutMs and retries it when that is safe', async () => {
    let sent = 0;
    const outcome = await operationRunner(policy({ timeoutMs: 30 }))('get', undefined, (scope) =>
      scope.request(
        request({
          send: async (attempt) => {
            sent += 1;
            return sent === 1 ? hang(attempt) : 'second';
          },
        }),
      ),
    );
    expect({ sent, outcome }).toEqual({ sent: 2, outcome: 'second' });
  });

  it('an attempt that keeps hanging ends as a retryable timeout naming the action', async () => {
    const error = await expectContactError(operationRunner(policy({ timeoutMs: 20, maxRetries: 1 }))('get', undefined, (scope) => scope.request(request({ action: 'ListThings', send: hang }))), 'timeout');
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(/ListThings got no answer within 20 ms/);
  });

  it('a signal aborted before the call sends nothing and says so', async () => {
    let sent = 0;
    const error = await expectContactError(
      operationRunner(policy())('create', { signal: AbortSignal.abort() }, (scope) => scope.request(request({ idempotent: false, send: async () => String(++sent) }))),
      'timeout',
    );
    expect(sent).toBe(0);
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/before anything was sent/);
  });

  it('an abort during a non-idempotent attempt abandons it at once and says the outcome is unknown', async () => {
    const controller = new AbortController();
    let abandoned = false;
    setTimeout(() => controller.abort(), 20);
    const error = await expectContactError(
      operationRunner(policy())('create', { signal: controller.signal }, (scope) =>
        scope.request(request({ action: 'CreateThing', idempotent: false, send: (attempt) => hang(attempt).finally(() => (abandoned = attempt.signal.aborted)) })),
      ),
      'timeout',
    );
    expect(abandoned).toBe(true);
    expect(error.message).toMatch(/cancelled by the caller's AbortSignal; CreateThing was in flight, so the change may or may not have been made/);
  });

  it('an AbortSignal.timeout deadline is a retryable timeout', async () => {
    const error = await expectContactError(operationRunner(policy())('get', { signal: AbortSignal.timeout(20) }, (scope) => scope.request(request({ send: hang }))), 'timeout');
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(/timed out/);
  });

  it('many calls sharing one signal add one listener to it, not one each', async () => {
    const controller = new AbortController();
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    try {
      await Promise.all(Array.from({ length: 50 }, () => operationRunner(policy())('get', { signal: controller.signal }, (scope) => scope.request(request({ send: async () => 'ok' })))));
      const hanging = Array.from({ length: 50 }, () => operationRunner(policy())('get', { signal: controller.signal }, (scope) => scope.request(request({ send: hang }))).catch((e: unknown) => e));
      await new Promise((resolve) => setTimeout(resolve, 10));
      controller.abort();
      expect((await Promise.all(hanging)).every((e) => isContactError(e, 'timeout'))).toBe(true);
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings).not.toContain('MaxListenersExceededWarning');
    } finally {
      process.off('warning', onWarning);
    }
  });
});

describe('the rate limiter', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('spaces requests evenly at the rate, never more than perSecond in any second', async () => {
    vi.useFakeTimers();
    const pacer = new Pacer(10, () => Date.now());
    const started: number[] = [];
    const start = Date.now();
    const all = Array.from({ length: 25 }, () => pacer.acquire(false).then(() => started.push(Date.now() - start)));
    await vi.runAllTimersAsync();
    await Promise.all(all);
    const interval = 100 * PACING_MARGIN;
    started.forEach((at, index) => expect(at).toBeGreaterThanOrEqual(Math.floor(index * interval)));
    for (const at of started) expect(started.filter((other) => other >= at && other < at + 1000).length).toBeLessThanOrEqual(10);
    expect(started.at(-1)).toBeLessThanOrEqual(Math.ceil(24 * interval) + 1);
  });

  it('serves follow-up requests before new operations, and frees the slot of an aborted wait', async () => {
    vi.useFakeTimers();
    const pacer = new Pacer(10, () => Date.now());
    const order: string[] = [];
    await pacer.acquire(false);
    const controller = new AbortController();
    const waits = [
      pacer.acquire(false).then(() => order.push('new-1')),
      pacer.acquire(false, controller.signal).then(() => order.push('cancelled'), () => order.push('aborted')),
      pacer.acquire(false).then(() => order.push('new-2')),
      pacer.acquire(true).then(() => order.push('follow-up')),
    ];
    controller.abort();
    await vi.runAllTimersAsync();
    await Promise.all(waits);
    expect(order).toEqual(['aborted', 'follow-up', 'new-1', 'new-2']);
  });

  it('time waiting for a slot is not an attempt timeout, and a signal firing while waiting is rate-limited with nothing sent', async () => {
    const limiter = localRateLimiter();
    const limited = policy({ timeoutMs: 50, limiter, rateFor: () => 5 });
    let sent = 0;
    const send = async () => String(++sent);
    const results = await Promise.all(Array.from({ length: 3 }, () => operationRunner(limited)('get', undefined, (scope) => scope.request(request({ send })))));
    expect(results).toHaveLength(3);
    const error = await expectContactError(operationRunner(limited)('get', { signal: AbortSignal.timeout(30) }, (scope) => scope.request(request({ send }))), 'rate-limited');
    expect(error.message).toMatch(/nothing was sent/);
    expect(error.retryAfterMs).toBeGreaterThan(0);
    expect(sent).toBe(3);
  });
});

describe('events', () => {
  it('reports request, error, retry, throttle and response, without contact data', async () => {
    const events: ContactEvent[] = [];
    let sent = 0;
    await operationRunner(policy({ onEvent: (event) => events.push(event) }))('get', undefined, (scope) =>
      scope.request(
        request({
          action: 'GetThing',
          send: async () => {
            sent += 1;
            if (sent === 1) throw failing('rate-limited', { vendor: { code: 'Throttled', message: '', requestId: 'r-1', httpStatus: 429 } })();
            return 'ok';
          },
          requestIdOf: () => 'r-2',
        }),
      ),
    );
    expect(events.map((event) => event.type)).toEqual(['request', 'error', 'throttle', 'retry', 'request', 'response']);
    expect(events[1]).toMatchObject({ provider: 'tencent-cam', operation: 'get', action: 'GetThing', attempt: 1, code: 'rate-limited', vendorCode: 'Throttled', requestId: 'r-1', httpStatus: 429 });
    expect(events[5]).toMatchObject({ attempt: 2, requestId: 'r-2' });
  });

  it('a listener that throws cannot fail the call', async () => {
    const outcome = await operationRunner(policy({ onEvent: () => { throw new Error('logger down'); } }))('get', undefined, (scope) => scope.request(request({ send: async () => 'ok' })));
    expect(outcome).toBe('ok');
  });
});

describe('ContactList', () => {
  it('fetches lazily, page by page, and stops at the limit', async () => {
    const fetched: Array<number | string | undefined> = [];
    const list = createContactList(() => ({
      limit: 5,
      fetchPage: async (cursor) => {
        fetched.push(cursor);
        const page = typeof cursor === 'number' ? cursor : 0;
        return { items: [page * 2, page * 2 + 1], next: page < 4 ? page + 1 : undefined };
      },
    }));
    expect(fetched).toEqual([]);
    expect(await list.all()).toEqual([0, 1, 2, 3, 4]);
    expect(fetched).toEqual([undefined, 1, 2]);
  });

  it('ends on an empty page even when the vendor offers another', async () => {
    let calls = 0;
    const list = createContactList(() => ({
      fetchPage: async () => {
        calls += 1;
        return { items: [], next: 1 };
      },
    }));
    expect(await list.all()).toEqual([]);
    expect(calls).toBe(1);
  });

  it('a bad query rejects while iterating, never where list() was called', async () => {
    const list = createContactList<number>(() => {
      throw new ContactError({ code: 'invalid-input', message: 'bad query' });
    });
    await expectContactError(list.all(), 'invalid-input');
  });
});
