/**
 * The built package as users get it: every subpath loads from both the CommonJS and the ESM
 * output (through the package's own name), the core loads no vendor SDK, each provider loads
 * neither another provider nor its SDK until it is used and works from the ESM build, the packed
 * tarball passes publint and arethetypeswrong, and a consumer's install (with the README's
 * overrides) holds none of the known advisory versions. Runs on `dist/`, which `npm test` builds
 * first. Table-driven: a provider that lands adds its row to `support/landed-providers.ts`.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { LANDED } from './support/landed-providers.js';

const run = promisify(execFile);
const root = new URL('..', import.meta.url).pathname;
const env = { ...process.env, http_proxy: '', HTTP_PROXY: '', https_proxy: '', HTTPS_PROXY: '' };
const node = (args: string[], cwd = root) => run(process.execPath, args, { cwd, env });

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

describe('the built package', () => {
  it.each(entries)('require(%s) and import() give the same exports', async (specifier, expected) => {
    const cjs = await node(['-e', `console.log(JSON.stringify(Object.keys(require(${JSON.stringify(specifier)})).sort()))`]);
    const esm = await node(['--input-type=module', '-e', `console.log(JSON.stringify(Object.keys(await import(${JSON.stringify(specifier)})).sort()))`]);
    const cjsKeys = JSON.parse(cjs.stdout) as string[];
    expect(JSON.parse(esm.stdout)).toEqual(cjsKeys);
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

  it('passes publint and arethetypeswrong on the packed tarball', async () => {
    const publint = await run(`${root}node_modules/.bin/publint`, ['--strict'], { cwd: root });
    expect(publint.stdout).toContain('All good');
    const attw = await run(`${root}node_modules/.bin/attw`, ['--pack', '.', '--profile', 'node16', '--format', 'json'], { cwd: root });
    const report = JSON.parse(attw.stdout) as { analysis: { problems: unknown[] } };
    expect(report.analysis.problems.filter((problem) => (problem as { resolutionKind?: string }).resolutionKind !== 'node10')).toEqual([]);
  }, 120_000);
});

describe("a consumer's install", () => {
  /** Versions with known high or critical advisories (the GitHub advisory database): name → first fixed version. */
  const ADVISORIES: Readonly<Record<string, string>> = { uuid: '11.1.1', protobufjs: '7.5.6', axios: '1.15.2', 'form-data': '3.0.5', 'follow-redirects': '1.16.3' };
  const folders: string[] = [];
  afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

  /** The `overrides` the README tells users to add, read from the README itself. */
  const readmeOverrides = (): Record<string, unknown> => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const block = /<!-- consumer-overrides:start -->\s*```json\n([\s\S]*?)```/.exec(readme)?.[1];
    if (block === undefined) throw new Error('the README has no consumer-overrides block');
    return (JSON.parse(block) as { overrides: Record<string, unknown> }).overrides;
  };

  const below = (version: string, fixed: string): boolean => {
    const [a, b] = [version, fixed].map((v) => v.split('.').map(Number)) as [number[], number[]];
    for (let i = 0; i < 3; i += 1) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) < (b[i] ?? 0);
    return false;
  };

  it('with the overrides the README gives, holds no version with a known advisory, and works', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'cloud-contacts-consumer-'));
    folders.push(folder);
    const packed = await run('npm', ['pack', '--silent', '--pack-destination', folder], { cwd: root, env });
    const tarball = packed.stdout.trim().split('\n').at(-1)!;
    writeFileSync(join(folder, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, dependencies: { 'cloud-contacts': `file:./${tarball}` }, overrides: readmeOverrides() }));
    await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--omit=dev'], { cwd: folder, env });
    const tree = JSON.parse((await run('npm', ['ls', '--all', '--json', '--omit=dev'], { cwd: folder, env })).stdout) as Dependency;
    const found = versionsIn(tree).filter(([name, version]) => ADVISORIES[name] !== undefined && below(version, ADVISORIES[name]!));
    expect(found).toEqual([]);
    const check = `
      const { tencentCam } = require('cloud-contacts/tencent-cam');
      const { startEmulator } = require('cloud-contacts/testing');
      startEmulator('tencent-cam').then(async (e) => {
        const cam = tencentCam({ endpoint: e.endpoint, credentials: e.credentials });
        console.log((await cam.create({ name: 'consumer', email: 'c@example.com', phone: '+8613900001234' })).name);
        await e.close();
      });`;
    expect((await node(['-e', check], folder)).stdout.trim()).toBe('consumer');
    // The consumer's own zod (the package's bundled zod/mini is another copy) composes the schema.
    const compose = `
      const { z } = require('zod');
      const { contactInputSchema } = require('cloud-contacts');
      const team = z.object({ team: z.string(), owner: contactInputSchema });
      const bad = team.safeParse({ team: 'ops', owner: { name: '' } });
      console.log(JSON.stringify([team.parse({ team: 'ops', owner: { name: ' Ann ', phone: '0086 139 0000 1234' } }).owner, bad.error.issues.map((i) => i.path.join('.') + ': ' + i.message)]));`;
    expect(JSON.parse((await node(['-e', compose], folder)).stdout)).toEqual([{ name: 'Ann', phone: '+8613900001234' }, ['owner.name: must not be empty']]);
  }, 120_000);
});

interface Dependency {
  readonly version?: string;
  readonly dependencies?: Readonly<Record<string, Dependency>>;
}

function versionsIn(tree: Dependency): Array<[string, string]> {
  return Object.entries(tree.dependencies ?? {}).flatMap(([name, dependency]) => [
    ...(dependency.version === undefined ? [] : [[name, dependency.version] as [string, string]]),
    ...versionsIn(dependency),
  ]);
}
