/**
 * The zod the library builds its schemas with (src/util/zod.ts): zod/mini through its public entry
 * points, speaking English, and nothing built on zod's core internals.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as z from '../src/util/zod.js';

const root = new URL('..', import.meta.url).pathname;

function sourceFiles(folder: string): string[] {
  return readdirSync(join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('the schemas', () => {
  it("say what they expected, in zod's English (zod/mini alone only says 'Invalid input')", () => {
    const result = z.object({ Name: z.nullishString() }).safeParse({ Name: 5 });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]).toMatchObject({ code: 'invalid_type', expected: 'string', path: ['Name'], message: expect.stringMatching(/expected string, received number/) });
  });

  it('nullishString takes a string, null or nothing, and its key is optional', () => {
    const schema = z.object({ a: z.nullishString() });
    const value: { a?: string | null | undefined } = schema.parse({});
    expect(value).toEqual({});
    expect(schema.parse({ a: null })).toEqual({ a: null });
    expect(schema.parse({ a: 'x' })).toEqual({ a: 'x' });
    expect(schema.safeParse({ a: 0 }).success).toBe(false);
  });

  it("are built from zod's public API only: no source file reaches into zod's core", () => {
    const files = [...sourceFiles('src'), ...sourceFiles('providers')];
    expect(files.length).toBeGreaterThan(50);
    const reaching = files.filter((file) => /from ['"]zod\/(v4\/)?core/.test(readFileSync(join(root, file), 'utf8')));
    expect(reaching).toEqual([]);
  });
});
