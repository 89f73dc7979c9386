/**
 * The benchmark harness, run once at its smallest size (`BENCH_TINY=1`) so that it cannot rot:
 * every benchmark runs against every landed provider and writes a complete results file. No
 * timing is asserted here (the figures come from `npm run bench`); what is checked is that each
 * measurement exists, is a positive number, and that every side did the work it claims.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import { LANDED } from './support/landed-providers.js';

const run = promisify(execFile);
const root = new URL('..', import.meta.url).pathname;
const folder = mkdtempSync(join(tmpdir(), 'cloud-contacts-bench-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const positive = expect.any(Number) as unknown;

interface Side {
  readonly median: number;
  readonly p95: number;
}
interface Results {
  readonly tiny: boolean;
  readonly machine: { readonly node: string; readonly cpus: number };
  readonly perCall: { readonly rows: ReadonlyArray<{ provider: string; operation: string; ratio: number; ours: Side; vendor: Side }> };
  readonly coldStart: {
    readonly core: { readonly cjs: number; readonly esm: number; readonly loaded: readonly string[] };
    readonly providers: ReadonlyArray<{
      provider: string;
      ratio: number;
      ownShare: { ours: number; vendor: number; ratio: number; quartiles: readonly [number, number] };
      loadedOnImport: readonly string[];
      loadedByFirstGet: readonly string[];
    }>;
  };
  readonly bulk: { readonly contacts: number; readonly failed: number; readonly achievedOverLimit: number };
  readonly planning: { readonly sizes: ReadonlyArray<{ size: number; ms: number; peakRssMb: number }> };
  readonly emulators: ReadonlyArray<{ provider: string; requestsPerSecond: number }>;
}

it('runs all five benchmarks on every landed provider and writes every figure', async () => {
  const out = join(folder, 'results.json');
  const { stdout } = await run(process.execPath, ['bench/run.mjs'], {
    cwd: root,
    env: { ...process.env, BENCH_TINY: '1', BENCH_OUT: out, http_proxy: '', HTTP_PROXY: '', https_proxy: '', HTTPS_PROXY: '' },
  });
  const results = JSON.parse(readFileSync(out, 'utf8')) as Results;
  expect(results.tiny).toBe(true);
  expect(results.machine.node).toBe(process.version);
  const ids = LANDED.map((provider) => provider.id).sort();

  // Per call: create, get, delete and list for every provider, update where the vendor has one.
  for (const id of ids) {
    const operations = results.perCall.rows.filter((row) => row.provider === id).map((row) => row.operation);
    expect(operations, id).toEqual(expect.arrayContaining(['create', 'get', 'list of 100', 'delete']));
  }
  for (const row of results.perCall.rows) {
    expect(row.ratio, `${row.provider} ${row.operation}`).toBeGreaterThan(0);
    expect(row.ours.median).toBeGreaterThan(0);
    expect(row.vendor.median).toBeGreaterThan(0);
  }

  // Cold start: every provider, and neither the core nor a provider's import loads an SDK.
  expect(results.coldStart.providers.map((provider) => provider.provider).sort()).toEqual(ids);
  expect(results.coldStart.core).toMatchObject({ cjs: positive, esm: positive, loaded: [] });
  for (const provider of results.coldStart.providers) {
    expect(provider.ratio).toBeGreaterThan(0);
    // The library's own share, timed inside each process (from its first statement to the answer), on both sides.
    expect(provider.ownShare, provider.provider).toMatchObject({ ours: positive, vendor: positive, ratio: positive });
    // How far one run's ratio strays: the quartiles of the run-by-run ratios, lowest first.
    expect(provider.ownShare.quartiles[0], provider.provider).toBeLessThanOrEqual(provider.ownShare.quartiles[1]);
    expect(provider.loadedOnImport, provider.provider).toEqual([]);
    expect(provider.loadedByFirstGet.filter((name) => name === 'zod'), provider.provider).toEqual([]);
  }

  expect(results.bulk.contacts).toBeGreaterThan(0);
  expect(results.bulk.failed).toBe(0);
  expect(results.bulk.achievedOverLimit).toBeGreaterThan(0);
  expect(results.planning.sizes.length).toBeGreaterThanOrEqual(2);
  expect(results.emulators.map((emulator) => emulator.provider).sort()).toEqual(ids);
  for (const emulator of results.emulators) expect(emulator.requestsPerSecond).toBeGreaterThan(0);

  // The terminal table carries the ratios.
  expect(stdout).toContain('**Per call**');
  expect(stdout).toContain('Core import alone');
}, 180_000);
