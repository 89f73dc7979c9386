/**
 * The package's entry points as users import them, read from `package.json` `exports` (the one
 * list users see), with the built type files behind each. The API report, the documentation
 * checks and the packaging checks all start here, so an entry added there is covered everywhere.
 */
import { readFileSync } from 'node:fs';

/** One subpath export of the package. */
export interface PackageEntry {
  /** The import specifier, `cloud-contacts` or `cloud-contacts/tencent-cam`. */
  readonly specifier: string;
  /** The file name stem of its build output in `dist/` (tsup's entry name): `index`, `tencent-cam`. */
  readonly stem: string;
  /** Its ESM type file, relative to the package root: `dist/tencent-cam.d.ts`. */
  readonly types: string;
  /** Its CommonJS type file: `dist/tencent-cam.d.cts`. */
  readonly cjsTypes: string;
}

interface Conditions {
  readonly import?: { readonly types?: string };
  readonly require?: { readonly types?: string };
}

export const packageRoot = new URL('../..', import.meta.url).pathname;

/** Every subpath export but `./package.json`, in the order `package.json` gives. */
export function packageEntries(root = packageRoot): PackageEntry[] {
  const manifest = JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as { name: string; exports: Record<string, Conditions | string> };
  return Object.entries(manifest.exports).flatMap(([subpath, conditions]) => {
    if (typeof conditions === 'string') return [];
    const types = conditions.import?.types;
    const cjsTypes = conditions.require?.types;
    if (types === undefined || cjsTypes === undefined) throw new Error(`package.json exports ${subpath} lacks import or require types`);
    const specifier = subpath === '.' ? manifest.name : `${manifest.name}/${subpath.slice(2)}`;
    const stem = types.replace(/^\.\/dist\//, '').replace(/\.d\.ts$/, '');
    return [{ specifier, stem, types: types.slice(2), cjsTypes: cjsTypes.slice(2) }];
  });
}
