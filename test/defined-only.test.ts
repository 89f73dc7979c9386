import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { definedOnly } from '../src/util/defined-only.js';

describe('definedOnly', () => {
  it('drops exactly the undefined properties and keeps the others, in order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string().filter((key) => key !== '__proto__'), fc.oneof(fc.constant(undefined), fc.constant(null), fc.anything())), (record) => {
        const result = definedOnly(record) as Record<string, unknown>;
        const expected = Object.entries(record).filter(([, value]) => value !== undefined);
        expect(Object.entries(result)).toEqual(expected);
        expect(Object.keys(result)).toEqual(expected.map(([key]) => key));
      }),
    );
  });

  it('keeps falsy values that are not undefined', () => {
    expect(definedOnly({ a: 0, b: '', c: false, d: null, e: undefined, f: Number.NaN })).toEqual({ a: 0, b: '', c: false, d: null, f: Number.NaN });
    expect('e' in definedOnly({ e: undefined })).toBe(false);
  });

  it('copies: the record given is left as it was', () => {
    const record = { a: 1, b: undefined };
    const result = definedOnly(record);
    expect(result).not.toBe(record);
    expect(record).toEqual({ a: 1, b: undefined });
    expect('b' in record).toBe(true);
  });
});
