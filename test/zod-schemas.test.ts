/**
 * The zod the library builds its schemas with (src/util/zod.ts), and the guard of its two
 * workarounds on zod's core (src/util/zod-compiled-object-workaround.ts and
 * src/util/zod-nullish-string-workaround.ts): these tests fail when the installed zod is not the
 * version they were verified against, or when the schemas they build stop behaving exactly as
 * zod/mini's own. Upgrading zod means running them, then updating the verified versions.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import fc from 'fast-check';
import * as classic from 'zod';
import * as mini from 'zod/mini';
import { describe, expect, it } from 'vitest';
import * as z from '../src/util/zod.js';
import { ZOD_COMPILED_OBJECT_VERIFIED } from '../src/util/zod-compiled-object-workaround.js';
import { ZOD_NULLISH_STRING_VERIFIED } from '../src/util/zod-nullish-string-workaround.js';

const root = new URL('..', import.meta.url).pathname;

const issuesOf = (result: { success: boolean; error?: { issues: readonly { code: string; path: readonly PropertyKey[] }[] } }) =>
  result.success ? [] : result.error!.issues.map((issue) => ({ code: issue.code, path: issue.path }));

function sourceFiles(folder: string): string[] {
  return readdirSync(join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('the zod workarounds still match the installed zod', () => {
  it('the installed zod is the version both were verified against', () => {
    const { version } = createRequire(import.meta.url)('zod/package.json') as { version: string };
    expect({ zod: version }).toEqual(ZOD_COMPILED_OBJECT_VERIFIED);
    expect({ zod: version }).toEqual(ZOD_NULLISH_STRING_VERIFIED);
  });

  it("only the workaround files reach into zod's core", () => {
    const files = [...sourceFiles('src'), ...sourceFiles('providers')];
    expect(files.length).toBeGreaterThan(50);
    const reaching = files.filter((file) => /from ['"]zod\/(v4\/)?core/.test(readFileSync(join(root, file), 'utf8')));
    expect(reaching.sort()).toEqual(['src/util/zod-compiled-object-workaround.ts', 'src/util/zod-nullish-string-workaround.ts']);
  });
});

describe('nullishString: nullish(string()) in one step', () => {
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

  it("says what it expected, in zod's English (zod/mini alone only says 'Invalid input')", () => {
    const result = z.object({ Name: z.nullishString() }).safeParse({ Name: 5 });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]).toMatchObject({ code: 'invalid_type', expected: 'string', path: ['Name'], message: expect.stringMatching(/expected string, received number/) });
  });

  it('types its key as optional and its value as string | null | undefined', () => {
    const value: { a?: string | null | undefined } = z.object({ a: z.nullishString() }).parse({});
    expect(value).toEqual({});
  });
});

describe('object: zod/mini objects on the compiled checker', () => {
  it('parses as zod/mini objects do, on the first parse (the loop) and every later one (compiled)', () => {
    const shape = { id: mini.string(), n: mini.optional(mini.number()), inner: mini.optional(mini.object({ x: mini.nullish(mini.string()) })) };
    const input = fc.oneof(
      fc.anything(),
      fc.record({ id: fc.oneof(fc.string(), fc.integer()), n: fc.option(fc.integer(), { nil: undefined }), inner: fc.anything(), extra: fc.anything() }, { requiredKeys: [] }),
    );
    fc.assert(
      fc.property(input, (value) => {
        // A fresh schema each time: its first parse runs the loop, its second the compiled checker.
        const ours = z.object(shape);
        const theirs = mini.object(shape);
        for (let round = 0; round < 2; round += 1) {
          const [left, right] = [ours.safeParse(value), theirs.safeParse(value)];
          expect(left.success).toBe(right.success);
          expect(issuesOf(left)).toEqual(issuesOf(right));
          if (left.success && right.success) expect(left.data).toEqual(right.data);
        }
      }),
    );
  });

  it("is a ZodMiniObject with its shape, and composes into the caller's own (classic) zod", () => {
    const ours = z.object({ Id: z.string() });
    expect(ours).toBeInstanceOf(mini.ZodMiniObject);
    expect(Object.keys(ours.shape)).toEqual(['Id']);
    const composed = classic.object({ answer: ours });
    expect(composed.parse({ answer: { Id: 'a', dropped: 1 } })).toEqual({ answer: { Id: 'a' } });
    expect(composed.safeParse({ answer: { Id: 1 } }).error?.issues[0]?.path).toEqual(['answer', 'Id']);
  });
});
