/**
 * The layers ARCHITECTURE.md describes, checked on the source: `src/` never imports a provider;
 * a provider imports no other provider (only `alibaba-common/`); the folders of `src/` depend on
 * each other without a cycle; every file of a provider folder has one of the canonical roles,
 * named with its vendor's prefix. A change that breaks a layer fails here, naming the import.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** The relative imports of a file (static, `import type`, `export ... from` and `import()`), as paths from the root. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((match) => relative(root, normalize(join(dirname(file), match[1]!))));
}

const at = (path: string): string[] => path.split(sep);

describe('the layers', () => {
  it('src/ never imports from providers/', () => {
    const crossing = filesUnder(join(root, 'src')).flatMap((file) => importsOf(file).filter((target) => at(target)[0] === 'providers').map((target) => `${relative(root, file)} -> ${target}`));
    expect(crossing).toEqual([]);
  });

  it('a provider imports no other provider: only src/ and alibaba-common/', () => {
    const crossing = filesUnder(join(root, 'providers')).flatMap((file) => {
      const [, own] = at(relative(root, file));
      return importsOf(file)
        .filter((target) => {
          const [top, folder] = at(target);
          // testing.ts knows every emulator (lazily), as DESIGN.md says; alibaba-common serves both Alibaba products.
          if (top !== 'providers' || own === 'testing.ts' || folder === own) return false;
          return !(folder === 'alibaba-common' && own?.startsWith('alibaba-'));
        })
        .map((target) => `${relative(root, file)} -> ${target}`);
    });
    expect(crossing).toEqual([]);
  });

  it('the folders of src/ depend on each other without a cycle', () => {
    const folderOf = (path: string): string => {
      const parts = at(path);
      return parts.length > 2 ? parts[1]! : '(entry)';
    };
    const edges = new Map<string, Set<string>>();
    for (const file of filesUnder(join(root, 'src'))) {
      const from = folderOf(relative(root, file));
      for (const target of importsOf(file)) {
        const to = folderOf(target);
        if (to !== from) edges.set(from, new Set([...(edges.get(from) ?? []), to]));
      }
    }
    const cycles: string[] = [];
    const done = new Set<string>();
    const visit = (folder: string, path: string[]): void => {
      if (path.includes(folder)) {
        cycles.push([...path.slice(path.indexOf(folder)), folder].join(' -> '));
        return;
      }
      if (done.has(folder)) return;
      for (const next of edges.get(folder) ?? []) visit(next, [...path, folder]);
      done.add(folder);
    };
    for (const folder of edges.keys()) visit(folder, []);
    expect(cycles).toEqual([]);
    // The lowest rooms depend on nothing above them.
    expect([...(edges.get('util') ?? [])]).toEqual([]);
    expect([...(edges.get('model') ?? [])].filter((to) => to !== 'util')).toEqual([]);
  });
});

/** The roles a provider folder's files may have (ARCHITECTURE.md's table): the name after the vendor prefix. */
const ROLES = [
  'provider',
  'vendor-methods',
  'types',
  'settings',
  'capabilities',
  'api',
  'client',
  'calls',
  'errors',
  'mapper',
  'sync-operations',
  'credential-chain',
  'instance-role',
  'sts-client',
  'emulator',
  'emulator-actions',
  'emulator-state',
  'emulator-errors',
  'emulator-signature',
  'sts-emulator',
  'metadata-emulator',
] as const;

/** Roles a vendor may add, by pattern: its request signer, and a guarded workaround on its SDK. */
const VENDOR_ROLES = [/^([a-z0-9]+-)?signer$/, /^[a-z0-9-]+-workaround$/];

describe('the provider folders', () => {
  const providers = ['tencent-cam', 'alibaba-resource-directory', 'volcengine-vmp', 'alibaba-chatapp'];

  it.each(providers)('%s: every file has a canonical role, named with the vendor prefix', (provider) => {
    const names = readdirSync(join(root, 'providers', provider)).filter((name) => name.endsWith('.ts'));
    const strays = names.filter((name) => {
      if (name === 'index.ts') return false;
      if (!name.startsWith(`${provider}-`)) return true;
      const role = name.slice(provider.length + 1, -'.ts'.length);
      return !(ROLES as readonly string[]).includes(role) && !VENDOR_ROLES.some((pattern) => pattern.test(role));
    });
    expect(strays).toEqual([]);
    // The roles every vendor has: a provider is these at least.
    for (const role of ['provider', 'types', 'settings', 'capabilities', 'api', 'client', 'errors', 'mapper', 'emulator', 'sync-operations']) {
      expect(names, `${provider} has no ${role} file`).toContain(`${provider}-${role}.ts`);
    }
  });
});
