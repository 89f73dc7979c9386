import { defineConfig } from 'tsup';

/**
 * One entry per subpath export of package.json (test/provider-table.test.ts checks them). ESM output is code-split so the
 * shared core is one chunk; the CommonJS output bundles the core into each entry (one file per
 * entry: a `require` of a provider reads one file, not a dozen chunks), which is why
 * `ContactError` is recognised by a `Symbol.for` marker rather than identity.
 */
const entry = {
  index: 'src/index.ts',
  'tencent-cam': 'providers/tencent-cam/index.ts',
  'alibaba-resource-directory': 'providers/alibaba-resource-directory/index.ts',
  'volcengine-vmp': 'providers/volcengine-vmp/index.ts',
  'alibaba-chatapp': 'providers/alibaba-chatapp/index.ts',
  testing: 'providers/testing.ts',
  redis: 'src/redis/index.ts',
  cli: 'src/cli/cli.ts',
};

/**
 * The declarations tsc wrote for each entry (`npm run typecheck`, tsconfig.build.json): tsup
 * bundles these rather than compiling the sources again, so `npm run build` runs tsc first.
 */
const declarations = Object.fromEntries(Object.entries(entry).map(([name, source]) => [name, `.types/${source.replace(/\.ts$/, '.d.ts')}`]));

export default defineConfig({
  entry,
  format: ['esm', 'cjs'],
  dts: { entry: declarations },
  // No source maps: the output is readable, unminified JavaScript, and maps would triple the package
  // (2.8 of its 4.1 MB unpacked) to point at `../src` files it does not ship.
  sourcemap: false,
  clean: true,
  target: 'node20',
  platform: 'node',
  splitting: true,
  // tsup's `splitting` applies to both formats; the CommonJS output is not split.
  esbuildOptions(options, { format }) {
    if (format === 'cjs') options.splitting = false;
  },
  treeshake: true,
  // zod/mini is bundled: only the schema kinds in use, not all of zod (BENCHMARKS.md has the
  // import costs). zod stays a dependency for the types of `contactInputSchema`.
  noExternal: ['zod'],
  // import.meta.url in the CommonJS output, for the lazy require of the phone metadata (src/model/phone.ts).
  shims: true,
});
