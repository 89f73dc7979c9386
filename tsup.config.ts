import { defineConfig } from 'tsup';
import type { Options } from 'tsup';

/**
 * One entry per subpath export (DESIGN.md section 2). ESM output is code-split so the shared core
 * is one chunk; the CommonJS output bundles the core into each entry (one file per entry: a
 * `require` of a provider reads one file, not a dozen chunks), which is why `ContactError` is
 * recognised by a `Symbol.for` marker rather than identity.
 */
const shared: Options = {
  entry: {
    index: 'src/index.ts',
    'tencent-cam': 'providers/tencent-cam/index.ts',
    'alibaba-resource-directory': 'providers/alibaba-resource-directory/index.ts',
    'volcengine-vmp': 'providers/volcengine-vmp/index.ts',
    'alibaba-chatapp': 'providers/alibaba-chatapp/index.ts',
    testing: 'providers/testing.ts',
    redis: 'src/redis/index.ts',
    cli: 'src/cli/cli.ts',
  },
  dts: true,
  sourcemap: true,
  target: 'node20',
  platform: 'node',
  treeshake: true,
  // zod/mini is bundled: only the schema kinds in use, not all of zod (BENCHMARKS.md has the
  // import costs). zod stays a dependency for the types of `contactInputSchema`.
  noExternal: ['zod'],
  // import.meta.url in the CommonJS output, for the lazy require of the phone metadata (src/model/phone.ts).
  shims: true,
};

export default defineConfig([
  // The ESM build cleans dist/ first; the CommonJS build writes other names (.cjs, .d.cts).
  { ...shared, format: ['esm'], splitting: true, clean: true },
  { ...shared, format: ['cjs'], splitting: false },
]);
