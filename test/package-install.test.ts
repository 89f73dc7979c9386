/**
 * The package as a user installs it: `npm pack` of the built package, installed into an empty
 * project with the README's overrides, holds only what a user needs (the build, README,
 * CHANGELOG, LICENSE, package.json; no tests, sources, source maps or paths of the machine that
 * built it), and runs the README's Quick start, as plain JavaScript, against the emulator.
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
