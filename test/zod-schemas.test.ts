/**
 * The schema kinds src/util/zod.ts builds for speed behave as the zod/mini ones they stand for: the
 * compiled object, and nullishString for nullish(string()).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as mini from 'zod/mini';
import * as z from '../src/util/zod.js';

const issuesOf = (result: { success: boolean; error?: { issues: readonly { code: string; path: readonly PropertyKey[] }[] } }) =>
  result.success ? [] : result.error!.issues.map((issue) => ({ code: issue.code, path: issue.path }));

describe('nullishString', () => {
  it('accepts and refuses what nullish(string()) does, with the same issues, alone and in an object', () => {
    const ours = z.object({ a: z.nullishString(), b: z.string() });
    const theirs = mini.object({ a: mini.nullish(mini.string()), b: mini.string() });
    fc.assert(
      fc.property(fc.anything(), fc.option(fc.anything(), { nil: undefined }), (a, b) => {
        expect(z.nullishString().safeParse(a).success).toBe(mini.nullish(mini.string()).safeParse(a).success);
        const input = a === undefined ? { b } : { a, b };
        const [left, right] = [ours.safeParse(input), theirs.safeParse(input)];
        expect(left.success).toBe(right.success);
        expect(issuesOf(left)).toEqual(issuesOf(right));
        if (left.success && right.success) {
          expect(left.data).toEqual(right.data);
          expect('a' in left.data).toBe('a' in right.data);
        }
      }),
    );
  });

  it('says what it expected, in words', () => {
    const result = z.object({ Name: z.nullishString() }).safeParse({ Name: 5 });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]).toMatchObject({ code: 'invalid_type', expected: 'string', path: ['Name'], message: expect.stringMatching(/expected string, received number/) });
  });

  it('types its key as optional and its value as string | null | undefined', () => {
    const value: { a?: string | null | undefined } = z.object({ a: z.nullishString() }).parse({});
    expect(value).toEqual({});
  });
});

describe('the compiled object schemas', () => {
  it('parse as zod/mini objects do: stripped, strict and loose', () => {
    const shape = { id: mini.string(), n: mini.optional(mini.number()) };
    const pairs = [
      [z.object(shape), mini.object(shape)],
      [z.strictObject(shape), mini.strictObject(shape)],
      [z.looseObject(shape), mini.looseObject(shape)],
    ] as const;
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.record({ id: fc.oneof(fc.string(), fc.integer()), n: fc.option(fc.integer(), { nil: undefined }), extra: fc.anything() }, { requiredKeys: [] })), (input) => {
        for (const [ours, theirs] of pairs) {
          const [left, right] = [ours.safeParse(input), theirs.safeParse(input)];
          expect(left.success).toBe(right.success);
          expect(issuesOf(left)).toEqual(issuesOf(right));
          if (left.success && right.success) expect(left.data).toEqual(right.data);
        }
      }),
    );
  });
});
