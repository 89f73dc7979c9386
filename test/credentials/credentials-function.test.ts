/**
 * The credentials function (the AWS SDK v3 shape) on every provider: one invocation for a burst
 * of concurrent calls, called again a few minutes before `expiration`, a rejection typed with
 * nothing sent, and the vendor's expired-token answer answered by asking again and sending once
 * more; static keys are never asked again.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Emulator } from '../../src/testing/emulator-types.js';
import type { CredentialsFunction } from '../../src/credentials/credentials.js';
import { FAULT_TARGETS } from '../support/fault-targets.js';
import { expectContactError } from '../support/expect-contact-error.js';

/** Each product's answer to an expired security token. */
const EXPIRED_TOKEN_CODES: Readonly<Record<string, string>> = {
  'tencent-cam': 'AuthFailure.TokenFailure',
  'alibaba-resource-directory': 'InvalidSecurityToken.Expired',
  'alibaba-chatapp': 'InvalidSecurityToken.Expired',
  'volcengine-vmp': 'InvalidSecretToken',
};

describe.each(FAULT_TARGETS)('$id with a credentials function', (target) => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await target.start({ rateLimit: false });
  });
  afterAll(async () => {
    await emulator.close();
  });
  beforeEach(() => emulator.reset());
  afterEach(() => vi.useRealTimers());

  /** A function handing out the emulator's keys, after a pause so concurrent callers overlap. */
  const keysFunction = (expiresInMs?: number) =>
    vi.fn<CredentialsFunction>(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      return { ...emulator.credentials, ...(expiresInMs === undefined ? {} : { expiration: new Date(Date.now() + expiresInMs) }) };
    });

  it('20 concurrent calls share one invocation, and waiting on it adds one listener to a shared signal', async () => {
    const credentials = keysFunction();
    const provider = target.provider(emulator, { credentials, rateLimit: false });
    const warnings: Error[] = [];
    const onWarning = (warning: Error): void => void warnings.push(warning);
    process.on('warning', onWarning);
    try {
      const shutdown = new AbortController();
      await Promise.all(Array.from({ length: 20 }, () => provider.list({}, { signal: shutdown.signal }).all()));
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
    }
    expect(credentials).toHaveBeenCalledTimes(1);
    expect(emulator.requests.length).toBeGreaterThanOrEqual(20);
    expect(warnings.filter((warning) => warning.name === 'MaxListenersExceededWarning')).toEqual([]);
  });

  it('is called again a few minutes before expiration, not before', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    const credentials = keysFunction(60 * 60_000);
    const provider = target.provider(emulator, { credentials, rateLimit: false });
    await provider.list().all();
    vi.setSystemTime(Date.now() + 50 * 60_000);
    await provider.list().all();
    expect(credentials).toHaveBeenCalledTimes(1);
    vi.setSystemTime(Date.now() + 6 * 60_000);
    await provider.list().all();
    expect(credentials).toHaveBeenCalledTimes(2);
  });

  it('a rejection is invalid-config with the cause kept, and nothing is sent', async () => {
    const provider = target.provider(emulator, { credentials: () => Promise.reject(new Error('the vault is sealed')) });
    const error = await expectContactError(provider.list().all(), 'invalid-config');
    expect(error).toMatchObject({ operation: 'credentials', field: 'credentials' });
    expect(error.message).toMatch(/the credentials function failed, so nothing was sent \(Error: the vault is sealed\)/);
    expect((error.cause as Error).message).toBe('the vault is sealed');
    const empty = await expectContactError(target.provider(emulator, { credentials: async () => ({ accessKeyId: '', accessKeySecret: 'x' }) }).list().all(), 'invalid-config');
    expect(empty.field).toBe('credentials().accessKeyId');
    expect(emulator.requests).toHaveLength(0);
  });

  it("the vendor's expired-token answer: asked again, and the call sent once more (once)", async () => {
    const credentials = keysFunction();
    const provider = target.provider(emulator, { credentials });
    const code = EXPIRED_TOKEN_CODES[target.id]!;
    emulator.failNext({ kind: 'vendor-error', code, action: target.actions.list! });
    await provider.list().all();
    expect(credentials).toHaveBeenCalledTimes(2);
    emulator.failNext({ kind: 'vendor-error', code, action: target.actions.list!, times: 2 });
    const error = await expectContactError(provider.list().all(), 'unauthenticated');
    expect(error.vendor?.code).toBe(code);
    expect(credentials).toHaveBeenCalledTimes(3);
  });

  it('static keys are never asked again: the expired-token answer is the error', async () => {
    const provider = target.provider(emulator);
    emulator.failNext({ kind: 'vendor-error', code: EXPIRED_TOKEN_CODES[target.id]!, action: target.actions.list! });
    await expectContactError(provider.list().all(), 'unauthenticated');
    expect(emulator.requests.filter((request) => request.action === target.actions.list)).toHaveLength(1);
  });
});
