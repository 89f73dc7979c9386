/**
 * The public API changes only on purpose: each entry's surface, printed from the built `.d.ts`
 * files (`npm test` builds first), must equal its committed report in `api/`. An intended change
 * is accepted with `npm run api:update` (UPDATE_API_REPORT=1 rewrites the reports instead of
 * failing), reviewed in the diff, and named in CHANGELOG.md.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { apiReports } from './support/api-report.js';
import { packageEntries, packageRoot, type PackageEntry } from './support/package-entries.js';

const folder = join(packageRoot, 'api');
const entries = packageEntries();
const fileOf = (specifier: string): string => `${specifier === 'cloud-contacts' ? 'cloud-contacts' : specifier.slice('cloud-contacts/'.length)}.api.md`;
const update = process.env['UPDATE_API_REPORT'] === '1';

describe('the API report', () => {
  const built = apiReports(packageRoot, entries);

  it.each(entries.map((entry) => entry.specifier))('%s: the built surface is the committed one', (specifier) => {
    const path = join(folder, fileOf(specifier));
    const generated = built.get(specifier)!.text;
    const committed = existsSync(path) ? readFileSync(path, 'utf8') : '';
    if (update && committed !== generated) {
      mkdirSync(folder, { recursive: true });
      writeFileSync(path, generated);
      return;
    }
    // Expected is the committed report, received the build: "+" lines are what the build adds.
    expect(
      generated,
      `The public API of ${specifier} differs from api/${fileOf(specifier)}. If the change is intended, run \`npm run api:update\`, review the diff of api/, commit it, and say what changed in CHANGELOG.md (a removed or changed export is a breaking change: README, "Versions").`,
    ).toBe(committed);
  });

  it('has no report for an entry that is gone', () => {
    const expected = entries.map((entry) => fileOf(entry.specifier)).sort();
    const present = existsSync(folder) ? readdirSync(folder).filter((file) => file.endsWith('.api.md')).sort() : [];
    if (update) for (const stale of present.filter((file) => !expected.includes(file))) rmSync(join(folder, stale));
    else expect(present).toEqual(expected);
  });

  it('the CommonJS types give the same surface as the ESM types', () => {
    const cjs = apiReports(packageRoot, entries, 'cjsTypes');
    for (const entry of entries) expect(cjs.get(entry.specifier)!.text.replace(entry.cjsTypes, entry.types), entry.specifier).toBe(built.get(entry.specifier)!.text);
  });
});

describe('the report generator', () => {
  const roots: string[] = [];
  afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

  /** A built package in miniature: an entry that re-exports from a shared chunk, as tsup emits. */
  const reportFor = (chunk: string, entry: string, other = "export { S as Shared } from './chunk-A.js';\n"): string => {
    const root = mkdtempSync(join(tmpdir(), 'api-report-'));
    roots.push(root);
    mkdirSync(join(root, 'dist'));
    writeFileSync(join(root, 'dist/chunk-A.d.ts'), chunk);
    writeFileSync(join(root, 'dist/main.d.ts'), entry);
    writeFileSync(join(root, 'dist/other.d.ts'), other);
    const mini: PackageEntry[] = [
      { specifier: 'mini', stem: 'main', types: 'dist/main.d.ts', cjsTypes: 'dist/main.d.cts' },
      { specifier: 'mini/other', stem: 'other', types: 'dist/other.d.ts', cjsTypes: 'dist/other.d.cts' },
    ];
    return apiReports(root, mini).get('mini')!.text;
  };
  const chunk = (field: string): string => `
    import { Agent } from 'node:http';
    /** Hidden. */
    interface Hidden { readonly ${field}: string; readonly agent?: Agent }
    interface Shared { readonly id: string }
    /** Used. @advanced */
    interface Options { readonly hidden: Hidden; readonly shared: Shared }
    /** Makes one. @deprecated use make2 */
    declare function make(options?: Options): Shared;
    export { type Options as O, type Shared as S, make as m };`;
  const entry = "export { type O as Options, m as make } from './chunk-A.js';\n";

  it('prints exports with their tags, names the types other entries export, and prints the ones no entry exports', () => {
    const text = reportFor(chunk('name'), entry);
    expect(text).toContain('1 values and 1 types exported; 2 more types used by them (1 exported by no entry).');
    expect(text).toContain('// @deprecated\ndeclare function make(options?: Options): Shared;');
    expect(text).toContain('// @advanced\ninterface Options {');
    expect(text).toContain('- `Shared` from `mini/other`');
    expect(text).toContain('## Used but exported by no entry');
    expect(text).toContain('interface Hidden {\n    readonly name: string;');
    expect(text).toContain('- `node:http`: `Agent`');
    expect(text).not.toContain('Makes one');
  });

  it('changes when a type that no entry exports changes, and not when only a comment does', () => {
    const before = reportFor(chunk('name'), entry);
    expect(reportFor(chunk('title'), entry)).not.toBe(before);
    expect(reportFor(chunk('name').replace('/** Hidden. */', '/** Hidden, and now explained. */'), entry)).toBe(before);
  });

  it('changes when an export is added or goes', () => {
    const before = reportFor(chunk('name'), entry);
    expect(reportFor(chunk('name'), "export { type O as Options } from './chunk-A.js';\n")).not.toBe(before);
    expect(reportFor(chunk('name'), "export { type O as Options, m as make, type S as Shared } from './chunk-A.js';\n")).not.toBe(before);
  });
});
