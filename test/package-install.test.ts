/**
 * The package as a user installs it: `npm pack` of the built package, installed into an empty
 * project with the README's overrides, holds only what a user needs (the build, README,
 * CHANGELOG, LICENSE, package.json; no tests, sources, source maps or paths of the machine that
 * built it) and none of the dependency versions with a known advisory, runs the README's Quick
 * start, as plain JavaScript, against the emulator, and loads with require() too, where the
 * user's own zod composes its schema. One install serves every check: it is the slow part.
 * `.ci/run` runs this file on every supported Node line (scripts/node-lines.sh), where `node` and
 * the `npm` it runs are that line's.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageEntries, packageRoot as root } from './support/package-entries.js';
import { quickStartModule, readmeOverrides } from './support/readme-code.js';

const run = promisify(execFile);
const env = { ...process.env, http_proxy: '', HTTP_PROXY: '', https_proxy: '', HTTPS_PROXY: '' };

/** Every file under a folder, relative to it. */
const filesUnder = (folder: string): string[] =>
  readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path).map((file) => `${name}/${file}`) : [name];
  });

describe('the packed package, installed into an empty project', () => {
  const project = mkdtempSync(join(tmpdir(), 'cloud-contacts-install-'));
  const installed = join(project, 'node_modules', 'cloud-contacts');
  let files: string[] = [];
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  beforeAll(async () => {
    const packed = await run('npm', ['pack', '--silent', '--pack-destination', project], { cwd: root, env });
    const tarball = packed.stdout.trim().split('\n').at(-1)!;
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'quick-start', version: '1.0.0', private: true, type: 'module', dependencies: { 'cloud-contacts': `file:./${tarball}` }, overrides: readmeOverrides() }));
    await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--omit=dev'], { cwd: project, env });
    files = filesUnder(installed);
  }, 120_000);

  it('holds only the build, README, CHANGELOG, LICENSE and package.json', () => {
    const outside = files.filter((file) => !file.startsWith('dist/') && !['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE'].includes(file));
    expect(outside).toEqual([]);
    expect(files).toEqual(expect.arrayContaining(['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE']));
    expect(files.filter((file) => /\.(test|spec)\.|\.map$|\.tsx?$|(^|\/)tsconfig/.test(file) && !/\.d\.c?ts$/.test(file))).toEqual([]);
  });

  it('holds every file its package.json points to', () => {
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { main: string; module: string; types: string; bin: Record<string, string> };
    const targets = [manifest.main, manifest.module, manifest.types, ...Object.values(manifest.bin), ...packageEntries().flatMap((entry) => [entry.types, entry.cjsTypes, `dist/${entry.stem}.js`, `dist/${entry.stem}.cjs`])];
    expect(targets.map((target) => target.replace(/^\.\//, '')).filter((target) => !files.includes(target))).toEqual([]);
  });

  it('names no path of the machine that built it and links no source map', () => {
    const machinePaths = [root.replace(/\/$/, ''), tmpdir()];
    const leaks = files.flatMap((file) => {
      const text = readFileSync(join(installed, file), 'utf8');
      return [...machinePaths.filter((path) => text.includes(path)).map((path) => `${file}: ${path}`), ...(text.includes('sourceMappingURL') ? [`${file}: sourceMappingURL`] : [])];
    });
    expect(leaks).toEqual([]);
  });

  it('holds no dependency version with a known advisory', async () => {
    const tree = JSON.parse((await run('npm', ['ls', '--all', '--json', '--omit=dev'], { cwd: project, env })).stdout) as Dependency;
    expect(versionsIn(tree).filter(([name, version]) => ADVISORIES[name] !== undefined && below(version, ADVISORIES[name]!))).toEqual([]);
  }, 30_000);

  it("loads with require() too, and the user's own zod (another copy than the bundled zod/mini) composes contactInputSchema", async () => {
    const compose = `
      const { z } = require('zod');
      const { contactInputSchema } = require('cloud-contacts');
      const team = z.object({ team: z.string(), owner: contactInputSchema });
      const bad = team.safeParse({ team: 'ops', owner: { name: '' } });
      console.log(JSON.stringify([team.parse({ team: 'ops', owner: { name: ' Ann ', phone: '0086 139 0000 1234' } }).owner, bad.error.issues.map((i) => i.path.join('.') + ': ' + i.message)]));`;
    const { stdout } = await run(process.execPath, ['-e', compose], { cwd: project, env });
    expect(JSON.parse(stdout)).toEqual([{ name: 'Ann', phone: '+8613900001234' }, ['owner.name: must not be empty']]);
  }, 30_000);

  it("runs the README's Quick start against the emulator", async () => {
    writeFileSync(join(project, 'quick-start.mjs'), quickStartModule());
    const { stdout, stderr } = await run(process.execPath, ['quick-start.mjs'], { cwd: project, env });
    expect(stderr).toBe('');
    const [created, listed, ...rest] = stdout.trim().split('\n');
    expect(created).toMatch(/^\d+ pending-verification$/);
    expect(listed).toBe('oncall +86 139****1234');
    expect(rest).toEqual([]);
    expect(relative(project, installed)).toBe(join('node_modules', 'cloud-contacts'));
  }, 30_000);
});

/** Versions with known high or critical advisories (the GitHub advisory database): name → first fixed version. */
const ADVISORIES: Readonly<Record<string, string>> = { uuid: '11.1.1', protobufjs: '7.5.6', axios: '1.15.2', 'form-data': '3.0.5', 'follow-redirects': '1.16.3' };

/** Whether `version` comes before `fixed` (plain x.y.z). */
function below(version: string, fixed: string): boolean {
  const [a, b] = [version, fixed].map((v) => v.split('.').map(Number)) as [number[], number[]];
  for (let i = 0; i < 3; i += 1) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) < (b[i] ?? 0);
  return false;
}

interface Dependency {
  readonly version?: string;
  readonly dependencies?: Readonly<Record<string, Dependency>>;
}

/** Every installed name and version under an `npm ls --json` tree. */
function versionsIn(tree: Dependency): Array<[string, string]> {
  return Object.entries(tree.dependencies ?? {}).flatMap(([name, dependency]) => [
    ...(dependency.version === undefined ? [] : [[name, dependency.version] as [string, string]]),
    ...versionsIn(dependency),
  ]);
}
