/**
 * The provider table (src/model/provider-table.ts) is the one list of providers: the build's
 * entries, the package's exports, the testing entry and the test suites' rows must all agree with it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import tsupConfig from '../tsup.config.js';
import { PROVIDER_IDS } from '../src/model/contact.js';
import { PROVIDER_TABLE } from '../src/model/provider-table.js';
import { LANDED } from './support/landed-providers.js';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { exports: Record<string, unknown> };
const entries = (tsupConfig as { entry: Record<string, string> }).entry;

describe('the provider table', () => {
  it('names every provider id, each with its own entry and factory', () => {
    expect(Object.keys(PROVIDER_TABLE)).toEqual([...PROVIDER_IDS]);
    for (const id of PROVIDER_IDS) expect(PROVIDER_TABLE[id].entry).toBe(`cloud-contacts/${id}`);
    expect(new Set(Object.values(PROVIDER_TABLE).map((row) => row.factory)).size).toBe(PROVIDER_IDS.length);
  });

  it('is what the build makes: one tsup entry per provider, from its folder', () => {
    for (const id of PROVIDER_IDS) expect(entries[id]).toBe(`providers/${id}/index.ts`);
    const providerEntries = Object.values(entries).filter((path) => /^providers\/[^/]+\/index\.ts$/.test(path));
    expect(providerEntries).toHaveLength(PROVIDER_IDS.length);
  });

  it('is what the package exports: one subpath per provider, besides the core, testing and redis', () => {
    const subpaths = Object.keys(pkg.exports).filter((key) => key !== './package.json');
    expect(subpaths.sort()).toEqual(['.', './redis', './testing', ...PROVIDER_IDS.map((id) => `./${id}`)].sort());
  });

  it('is what the tests cover: one row per provider, with its entry and factory', () => {
    expect(LANDED.map((row) => row.id)).toEqual([...PROVIDER_IDS]);
    for (const row of LANDED) expect({ entry: row.entry, factory: row.factory }).toEqual({ entry: PROVIDER_TABLE[row.id].entry, factory: PROVIDER_TABLE[row.id].factory });
  });

  it('names factories the built entries export (dist/, which npm test builds first)', async () => {
    for (const id of PROVIDER_IDS) {
      const module = (await import(/* @vite-ignore */ PROVIDER_TABLE[id].entry)) as Record<string, unknown>;
      expect(typeof module[PROVIDER_TABLE[id].factory]).toBe('function');
    }
  });
});
