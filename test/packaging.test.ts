/**
 * The built package as users get it: every subpath loads from both the CommonJS and the ESM
 * output (through the package's own name), the core loads no vendor SDK, each provider loads
 * neither another provider nor its SDK until it is used and works from the ESM build, the packed
 * tarball passes publint and arethetypeswrong. Runs on `dist/`, which `npm test` builds first.
 * Table-driven: a provider that lands adds its row to `support/landed-providers.ts`. What a
 * user's install of the tarball holds and does is `package-install.test.ts`.
 *
 * The package is packed once ({@link tarball}) for the checks that read the tarball. Checks that
 * need no fresh process of their own share one (all the entries' exports are read in one
 * CommonJS and one ESM process), and the tests run side by side.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { LANDED } from './support/landed-providers.js';

const run = promisify(execFile);
const root = new URL('..', import.meta.url).pathname;
const env = { ...process.env, http_proxy: '', HTTP_PROXY: '', https_proxy: '', HTTPS_PROXY: '' };
const node = (args: string[], cwd = root) => run(process.execPath, args, { cwd, env });
const scratch = mkdtempSync(join(tmpdir(), 'cloud-contacts-pack-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let packing: Promise<string> | undefined;
/** The package as `npm pack` makes it, packed once for every check in this file: the tarball's path. */
function tarball(): Promise<string> {
  packing ??= run('npm', ['pack', '--silent', '--pack-destination', scratch], { cwd: root, env }).then(({ stdout }) => join(scratch, stdout.trim().split('\n').at(-1)!));
  return packing;
}

/** Each entry's export names, read once through require() and once through import(), in one process each. */
let exporting: Promise<{ cjs: Record<string, string[]>; esm: Record<string, string[]> }> | undefined;
function exportsOfEntries(): Promise<{ cjs: Record<string, string[]>; esm: Record<string, string[]> }> {
  const specifiers = JSON.stringify(entries.map(([specifier]) => specifier));
  exporting ??= Promise.all([
    node(['-e', `console.log(JSON.stringify(Object.fromEntries(${specifiers}.map((s) => [s, Object.keys(require(s)).sort()]))))`]),
    node(['--input-type=module', '-e', `const out = {}; for (const s of ${specifiers}) out[s] = Object.keys(await import(s)).sort(); console.log(JSON.stringify(out));`]),
  ]).then(([cjs, esm]) => ({ cjs: JSON.parse(cjs.stdout) as Record<string, string[]>, esm: JSON.parse(esm.stdout) as Record<string, string[]> }));
  return exporting;
}

const entries: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['cloud-contacts', ['ContactError', 'isContactError', 'contactInputSchema', 'CONTACT_ERROR_CODES']],
  ['cloud-contacts/testing', ['startEmulator', 'startEmulators']],
  ['cloud-contacts/redis', ['redisRateLimiter', 'redisQuotaStore']],
  ...LANDED.map((provider) => [provider.entry, [provider.factory, `${provider.factory}Capabilities`]] as const),
];

/**
 * Which vendor SDKs and other providers' entries a script has loaded, by name. An SDK is named by
 * its pattern, because two providers may share one (both Alibaba providers use `@alicloud`):
 * loading it is then that SDK, not the other provider's code, which shows as `<id> code`.
 */
const loadedProbe = (own: string) => `
  const sdks = ${JSON.stringify([...new Set(LANDED.flatMap((p) => (p.sdk ? [p.sdk.source] : [])))])};
  const others = ${JSON.stringify(LANDED.filter((p) => p.id !== own).map((p) => p.id))};
  const loaded = () => [...new Set(Object.keys(require.cache).flatMap((path) => [
    ...sdks.filter((pattern) => new RegExp(pattern).test(path)).map((pattern) => pattern + ' sdk'),
    ...others.filter((id) => path.endsWith('/dist/' + id + '.cjs')).map((id) => id + ' code'),
  ]))];`;
/** What a provider needs against its emulator besides endpoint and credentials. */
const settingsFor = (provider: (typeof LANDED)[number]): string => `{ endpoint: emulator.endpoint, credentials: emulator.credentials, ...${provider.emulatorSettings ?? '{}'} }`;

describe.concurrent('the built package', () => {
  it.for(entries)('require(%s) and import() give the same exports', async ([specifier, expected], { expect }) => {
    const { cjs, esm } = await exportsOfEntries();
    const cjsKeys = cjs[specifier];
    expect(cjsKeys).toBeDefined();
    expect(esm[specifier]).toEqual(cjsKeys);
    for (const name of expected) expect(cjsKeys).toContain(name);
  });

  it('cloud-contacts/redis loads no Redis client of its own, and the core never loads it', async () => {
    const script = `require('cloud-contacts/redis'); require('cloud-contacts'); console.log(JSON.stringify(Object.keys(require.cache).filter((p) => /node_modules\\/(ioredis|redis|@redis)\\//.test(p))))`;
    expect(JSON.parse((await node(['-e', script])).stdout)).toEqual([]);
    const core = `require('cloud-contacts'); console.log(JSON.stringify(Object.keys(require.cache).filter((p) => /redis/.test(p))))`;
    expect(JSON.parse((await node(['-e', core])).stdout)).toEqual([]);
  });

  it('loads no vendor SDK with the core, in either module system', async () => {
    const sdkPattern = LANDED.flatMap((p) => (p.sdk ? [p.sdk.source] : [])).join('|');
    const script = `require('cloud-contacts'); console.log(JSON.stringify(Object.keys(require.cache).filter((p) => /${sdkPattern}|providers|emulator/.test(p))))`;
    expect(JSON.parse((await node(['-e', script])).stdout)).toEqual([]);
    const esm = `import 'cloud-contacts'; import { createRequire } from 'node:module'; console.log(JSON.stringify(Object.keys(createRequire(import.meta.url).cache).filter((p) => /${sdkPattern}/.test(p))))`;
    expect(JSON.parse((await node(['--input-type=module', '-e', esm])).stdout)).toEqual([]);
  });

  it('carries its own zod/mini and loads the phone metadata only for the first phone number', async () => {
    const script = `
      const libraries = () => [...new Set(Object.keys(require.cache).flatMap((p) => /node_modules\\/(zod|libphonenumber-js)\\//.exec(p)?.[1] ?? []))];
      const core = require('cloud-contacts');
      const atImport = libraries();
      core.parseContactInput({ name: 'Ann', email: 'ann@example.com' });
      const withoutPhone = libraries();
      core.parseContactInput({ name: 'Ann', phone: '+86 139 0000 1234' });
      console.log(JSON.stringify({ atImport, withoutPhone, withPhone: libraries() }));`;
    expect(JSON.parse((await node(['-e', script])).stdout)).toEqual({ atImport: [], withoutPhone: [], withPhone: ['libphonenumber-js'] });
    const esm = `const { parsePhone } = await import('cloud-contacts'); console.log(parsePhone('0086 139 0000 1234').e164);`;
    expect((await node(['--input-type=module', '-e', esm])).stdout.trim()).toBe('+8613900001234');
  });

  it.each(LANDED)('$id loads its SDK only when first used, and never another provider or SDK', async (provider) => {
    const script = `
      const { ${provider.factory} } = require('${provider.entry}');
      const { startEmulator } = require('cloud-contacts/testing');
      ${loadedProbe(provider.id)}
      (async () => {
        const before = loaded();
        const emulator = await startEmulator('${provider.id}');
        const instance = ${provider.factory}(${settingsFor(provider)});
        const constructed = loaded();
        await instance.list().all();
        const used = loaded();
        await emulator.close();
        console.log(JSON.stringify({ before, constructed, used }));
      })();`;
    const expected = provider.sdk === undefined ? [] : [`${provider.sdk.source} sdk`];
    expect(JSON.parse((await node(['-e', script])).stdout)).toEqual({ before: [], constructed: [], used: expected });
  });

  it.each(LANDED)('$id works from the ESM build too', async (provider) => {
    const script = `
      import { ${provider.factory} } from '${provider.entry}';
      import { startEmulator } from 'cloud-contacts/testing';
      import { isContactError } from 'cloud-contacts';
      const emulator = await startEmulator('${provider.id}');
      const instance = ${provider.factory}(${settingsFor(provider)});
      const created = await instance.create(${provider.sampleInput});
      const got = await instance.get(created.id);
      const missing = await instance.findByName('nobody').then((found) => found === undefined);
      const error = await instance.create(${provider.sampleInput}).catch((e) => e);
      await emulator.close();
      console.log(JSON.stringify({ same: got.id === created.id, missing, typed: isContactError(error, 'already-exists') }));`;
    expect(JSON.parse((await node(['--input-type=module', '-e', script])).stdout)).toEqual({ same: true, missing: true, typed: true });
  });

  it('passes publint and arethetypeswrong on the packed tarball', async ({ expect }) => {
    const packed = await tarball();
    const [publint, attw] = await Promise.all([
      run(`${root}node_modules/.bin/publint`, ['run', packed, '--strict'], { cwd: root }),
      run(`${root}node_modules/.bin/attw`, [packed, '--profile', 'node16', '--format', 'json'], { cwd: root }),
    ]);
    expect(publint.stdout).toContain('All good');
    const report = JSON.parse(attw.stdout) as { analysis: { problems: unknown[] } };
    expect(report.analysis.problems.filter((problem) => (problem as { resolutionKind?: string }).resolutionKind !== 'node10')).toEqual([]);
  }, 120_000);
});
