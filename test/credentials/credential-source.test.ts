/**
 * The cache in front of every provider's keys, on its own: when it fetches again, what it does
 * when a refresh fails, and what dropping refused keys means.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CredentialSource, refreshTime } from '../../src/credentials/credential-source.js';
import { functionKeys, staticKeys } from '../../src/credentials/key-providers.js';
import type { TemporaryCredentials } from '../../src/credentials/credentials.js';
import { isContactError } from '../../src/errors/errors.js';

afterEach(() => vi.useRealTimers());

const MINUTE = 60_000;

describe('refreshTime', () => {
  it('is five minutes before expiry, halfway through a shorter life, never for keys that do not expire', () => {
    expect(refreshTime(new Date(60 * MINUTE), 0)).toBe(55 * MINUTE);
    expect(refreshTime(new Date(6 * MINUTE), 0)).toBe(3 * MINUTE);
    expect(refreshTime(new Date(0), 10 * MINUTE)).toBe(0);
    expect(refreshTime(undefined, 0)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('CredentialSource', () => {
  /** A function source whose answers the test scripts, one per call. */
  function scripted(...answers: Array<TemporaryCredentials | Error>) {
    const fn = vi.fn(async () => {
      const next = answers.shift();
      if (next === undefined || next instanceof Error) throw next ?? new Error('no more answers');
      return next;
    });
    return { fn, source: new CredentialSource(functionKeys(fn, 'tencent-cam')) };
  }
  const keys = (id: string, expiresAt?: number): TemporaryCredentials => ({ accessKeyId: id, accessKeySecret: `${id}-secret`, ...(expiresAt === undefined ? {} : { expiration: new Date(expiresAt) }) });

  it('says how it will find keys, then where they came from', async () => {
    const { source } = scripted(keys('AK1'));
    expect(source.describe()).toBe('credentials function (not resolved yet)');
    expect(JSON.parse(JSON.stringify(source))).toEqual({ source: 'credentials function (not resolved yet)' });
    await source.resolve();
    expect(source.describe()).toBe('credentials function');
    expect(JSON.parse(JSON.stringify(source))).toEqual({ source: 'credentials function', accessKeyId: '***', accessKeySecret: '[redacted]' });
  });

  it('keeps using keys that still work when their refresh fails, and fails once they have expired', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: 0 });
    const { fn, source } = scripted(keys('AK1', 60 * MINUTE), new Error('STS is down'), new Error('STS is still down'));
    expect((await source.resolve()).accessKeyId).toBe('AK1');
    vi.setSystemTime(56 * MINUTE);
    expect((await source.resolve()).accessKeyId).toBe('AK1');
    vi.setSystemTime(61 * MINUTE);
    const error = await source.resolve().catch((caught: unknown) => caught);
    expect(isContactError(error, 'invalid-config')).toBe(true);
    expect(fn).toHaveBeenCalledTimes(3);
  });

  it('drops keys the vendor refused: asks again, and never falls back to them', async () => {
    const { fn, source } = scripted(keys('AK1', Date.now() + 60 * MINUTE), new Error('vault sealed'), keys('AK2'));
    const first = await source.resolve();
    expect(source.invalidate(first)).toBe(true);
    expect(source.current()).toBeUndefined();
    await expect(source.resolve()).rejects.toMatchObject({ code: 'invalid-config' });
    expect((await source.resolve()).accessKeyId).toBe('AK2');
    // Keys already replaced by a concurrent call are left alone.
    expect(source.invalidate(first)).toBe(true);
    expect(source.current()?.accessKeyId).toBe('AK2');
    expect(fn).toHaveBeenCalledTimes(3);
  });

  it('static keys are never asked again, and a caller that stops waiting does not stop the shared fetch', async () => {
    const fixed = new CredentialSource(staticKeys({ accessKeyId: 'AKSTATIC', accessKeySecret: 'secret-static' }));
    expect(fixed.invalidate(await fixed.resolve())).toBe(false);
    let release: (value: TemporaryCredentials) => void = () => undefined;
    const slow = new CredentialSource(functionKeys(() => new Promise<TemporaryCredentials>((resolve) => (release = resolve)), 'volcengine-vmp'));
    const controller = new AbortController();
    const waiting = slow.resolve(controller.signal);
    const other = slow.resolve();
    controller.abort(new Error('caller gave up'));
    await expect(waiting).rejects.toThrow('caller gave up');
    release(keys('AKSLOW'));
    expect((await other).accessKeyId).toBe('AKSLOW');
  });
});
