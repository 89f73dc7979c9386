/**
 * Loads an installed CommonJS package synchronously, from either build. Vendor SDKs are loaded
 * this way on a provider's first call: a dynamic `import()` of a CommonJS package goes through
 * Node's ESM loader, which made every cold start slower (BENCHMARKS.md, cold start).
 *
 * @remarks A bundler cannot see these loads: a service that bundles its code keeps the vendor
 * SDK of each provider it uses in `node_modules` (esbuild `--packages=external`, or the SDK named
 * in its externals).
 */
import { createRequire } from 'node:module';

let requireHere: NodeJS.Require | undefined;

/** `require(specifier)` resolved from this package. */
export function requirePackage<T>(specifier: string): T {
  requireHere ??= createRequire(import.meta.url);
  return requireHere(specifier) as T;
}
