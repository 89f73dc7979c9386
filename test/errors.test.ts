import { inspect } from 'node:util';
/**
 * One scenario per error code, each reached through a provider's public API over loopback
 * HTTP where the code can arise that way: message, retryability, the guard's narrowing, and
 * recognition across package copies.
 */
import { createRequire } from 'node:module';
import { afterAll, beforeAll, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { CONTACT_ERROR_CODES, ContactError, DEFAULT_RETRYABLE, isContactError } from '../src/errors/errors.js';
import type { ContactErrorCode } from '../src/errors/errors.js';
import { startEmulatorServer } from '../src/testing/emulator-server.js';
import type { Emulator } from '../src/testing/emulator-types.js';
import { createFakeProtocol } from './fake/fake-emulator.js';
import { fakeProvider } from './fake/fake-provider.js';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulatorServer(createFakeProtocol(), { rateLimit: false });
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

const provider = (settings: Parameters<typeof fakeProvider>[0] = {}) =>
  fakeProvider({ endpoint: emulator.endpoint, credentials: emulator.credentials, maxRetries: 0, rateLimit: false, ...settings });
const vendor = (code: string) => async () => {
  emulator.failNext({ kind: 'vendor-error', code, action: 'GetContact' });
  await provider().get('f-1');
};

/** How each code arises, and whether it should be retryable. */
const scenarios: Record<ContactErrorCode, { run: () => Promise<unknown>; retryable: boolean; operation: string; field?: string }> = {
  'invalid-input': { run: () => provider().create({ name: 'a', email: 'not-mail' }), retryable: false, operation: 'create', field: 'email' },
  'invalid-config': {
    run: async () => fakeProvider({ endpoint: 'not a url', credentials: emulator.credentials }),
    retryable: false,
    operation: 'settings',
    field: 'settings.endpoint',
  },
  unauthenticated: { run: () => provider({ credentials: { accessKeyId: emulator.credentials.accessKeyId, accessKeySecret: 'wrong-secret-000' } }).get('f-1'), retryable: false, operation: 'get' },
  'permission-denied': { run: vendor('Forbidden'), retryable: false, operation: 'get' },
  'not-subscribed': { run: vendor('NotSubscribed'), retryable: false, operation: 'get' },
  'not-found': { run: () => provider().get('f-404'), retryable: false, operation: 'get' },
  'already-exists': {
    run: async () => {
      await provider().create({ name: 'taken' });
      await provider().create({ name: 'taken' });
    },
    retryable: false,
    operation: 'create',
  },
  conflict: { run: vendor('WrongState'), retryable: false, operation: 'get' },
  'rate-limited': { run: vendor('Throttled'), retryable: true, operation: 'get' },
  'quota-exceeded': { run: vendor('QuotaExceeded'), retryable: false, operation: 'get' },
  unsupported: { run: () => provider().create({ name: 'a', title: 'CEO' }), retryable: false, operation: 'create', field: 'title' },
  unavailable: { run: vendor('Internal'), retryable: true, operation: 'get' },
  network: {
    run: async () => {
      emulator.failNext({ kind: 'reset' });
      await provider().get('f-1');
    },
    retryable: true,
    operation: 'get',
  },
  timeout: {
    run: async () => {
      emulator.failNext({ kind: 'hang' });
      await provider().get('f-1', { timeoutMs: 100 });
    },
    retryable: true,
    operation: 'get',
  },
  'invalid-response': {
    run: async () => {
      emulator.failNext({ kind: 'malformed-body' });
      await provider().get('f-1');
    },
    retryable: false,
    operation: 'get',
  },
  unknown: { run: vendor('Brand.New'), retryable: false, operation: 'get' },
};

const cjs = createRequire(import.meta.url)('../dist/index.cjs') as typeof import('../src/index.js');
// Built outputs (`npm test` builds first); a URL keeps the typecheck, which runs before the build, off dist/.
const esm = (await import(new URL('../dist/index.js', import.meta.url).href)) as typeof import('../src/index.js');

describe('every ContactErrorCode has a scenario', () => {
  it('covers exactly the 16 codes of the design', () => {
    expect(Object.keys(scenarios).sort()).toEqual([...CONTACT_ERROR_CODES].sort());
    expect(CONTACT_ERROR_CODES).toHaveLength(16);
  });

  it.each(CONTACT_ERROR_CODES)('%s', async (code) => {
    const scenario = scenarios[code];
    const error: unknown = await scenario.run().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isContactError(error)).toBe(true);
    if (!isContactError(error)) return;
    expect(error.code).toBe(code);
    expect(error.name).toBe('ContactError');
    expect(error.retryable).toBe(scenario.retryable);
    expect(error.operation).toBe(scenario.operation);
    expect(error.message.startsWith(`fake ${scenario.operation}: `)).toBe(true);
    if (scenario.field !== undefined) {
      expect(error.field).toBe(scenario.field);
      expect(error.message).toContain(scenario.field);
    }
    // The guard narrows by code and refuses the other codes.
    expect(isContactError(error, code)).toBe(true);
    for (const other of CONTACT_ERROR_CODES.filter((c) => c !== code)) expect(isContactError(error, other)).toBe(false);
    // Another copy of the package (here: both built outputs) recognises it, and so does instanceof.
    expect(cjs.isContactError(error, code)).toBe(true);
    expect(esm.isContactError(error, code)).toBe(true);
    expect(error instanceof cjs.ContactError).toBe(true);
    expect(error).toBeInstanceOf(ContactError);
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ name: 'ContactError', code, retryable: scenario.retryable });
  });
});

describe('ContactError', () => {
  it('takes its default retryability from the table, and an override from the adapter', () => {
    for (const code of CONTACT_ERROR_CODES) expect(new ContactError({ code, message: 'x' }).retryable).toBe(DEFAULT_RETRYABLE[code]);
    expect(new ContactError({ code: 'conflict', message: 'concurrent call', retryable: true }).retryable).toBe(true);
  });

  it('is recognised when made by another copy, and refuses look-alikes without the marker', () => {
    expect(isContactError(new cjs.ContactError({ code: 'network', message: 'x' }), 'network')).toBe(true);
    expect(isContactError({ name: 'ContactError', code: 'network', message: 'x' })).toBe(false);
    expect(isContactError(new Error('x'))).toBe(false);
    expect(isContactError(null)).toBe(false);
    expect({ code: 'network' } instanceof ContactError).toBe(false);
  });

  it('prints only the fields it has, never `undefined` ones', () => {
    const error = new ContactError({ code: 'not-found', message: 'gone', provider: 'tencent-cam', operation: 'get' });
    const printed = inspect(error);
    for (const absent of ['issues', 'retryAfterMs', 'resetsAt', 'vendor', 'field']) expect(printed).not.toContain(absent);
    expect(Object.keys(error)).toEqual(['name', 'code', 'retryable', 'provider', 'operation']);
    expect(JSON.parse(JSON.stringify(error))).toEqual({ name: 'ContactError', code: 'not-found', message: 'tencent-cam get: gone', retryable: false, provider: 'tencent-cam', operation: 'get' });
  });

  it('narrows the type of code', () => {
    const error: unknown = new ContactError({ code: 'rate-limited', message: 'slow down', retryAfterMs: 500 });
    if (isContactError(error, 'rate-limited')) {
      expectTypeOf(error.code).toEqualTypeOf<'rate-limited'>();
      expect(error.retryAfterMs).toBe(500);
    } else {
      throw new Error('guard failed');
    }
  });
});
