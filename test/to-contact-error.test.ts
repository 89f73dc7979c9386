import { inspect } from 'node:util';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { ContactError } from '../src/errors/errors.js';
import { toContactError } from '../src/errors/to-contact-error.js';

const context = { provider: 'tencent-cam', operation: 'create', secrets: ['CANARY-secret-abcdef0123'] } as const;

describe('toContactError: nothing thrown escapes raw', () => {
  it('passes a ContactError through unchanged', () => {
    const error = new ContactError({ code: 'not-found', message: 'gone' });
    expect(toContactError(error, context)).toBe(error);
  });

  it('turns a zod error into invalid-input with every issue and the first field', () => {
    const result = z.object({ email: z.email(), age: z.number() }).safeParse({ email: 'x', age: 'y' });
    const error = toContactError(result.error, context);
    expect(error).toMatchObject({ code: 'invalid-input', field: 'email', provider: 'tencent-cam', operation: 'create' });
    expect(error.issues?.map((issue) => issue.path)).toEqual(['email', 'age']);
  });

  it.each([
    ['a socket reset', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }), 'network'],
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }), 'network'],
    ['a DNS failure', Object.assign(new Error('getaddrinfo ENOTFOUND x.invalid'), { code: 'ENOTFOUND' }), 'network'],
    ['fetch failing with a cause', new TypeError('fetch failed', { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) }), 'network'],
    ['a wrapper that kept only the text', new Error('request to http://127.0.0.1:9/ failed, reason: connect ECONNREFUSED 127.0.0.1:9'), 'network'],
    ['a socket timeout', Object.assign(new Error('connect ETIMEDOUT'), { code: 'ETIMEDOUT' }), 'timeout'],
    ['an AbortError', new DOMException('The operation was aborted', 'AbortError'), 'timeout'],
    ['a JSON syntax error', new SyntaxError('Unexpected token < in JSON at position 0'), 'invalid-response'],
    ['something else', new RangeError('odd'), 'unknown'],
  ])('%s', (_label, thrown, code) => {
    const error = toContactError(thrown, context);
    expect(error.code).toBe(code);
    expect(error.cause).not.toBe(thrown);
    expect(error.message).toContain('tencent-cam create');
  });

  it.each([['a string', 'boom'], ['a number', 42], ['undefined', undefined], ['null', null], ['a plain object', { secret: 'x' }]])(
    'wraps a thrown non-Error (%s) as unknown',
    (_label, thrown) => {
      const error = toContactError(thrown, context);
      expect(error.code).toBe('unknown');
      expect(error.cause).toBeInstanceOf(Error);
    },
  );

  it('keeps only a scrubbed copy of the cause: no secret values, signatures or extra properties', () => {
    const thrown = Object.assign(new Error('POST /?AccessKeyId=LTAI&Signature=abc%2Fdef failed with CANARY-secret-abcdef0123'), {
      code: 'ECONNRESET',
      config: { headers: { authorization: 'ACS3-HMAC-SHA256 Credential=LTAI,Signature=deadbeef' }, secret: 'CANARY-secret-abcdef0123' },
    });
    const error = toContactError(thrown, context);
    const printed = [error.message, inspect(error, { depth: 10, showHidden: true }), JSON.stringify(error)].join('\n');
    expect(printed).not.toContain('CANARY-secret-abcdef0123');
    expect(printed).not.toContain('abc%2Fdef');
    expect(printed).not.toContain('deadbeef');
    expect(Object.keys(error.cause as object).sort()).toEqual(['code', 'name']);
  });
});
