import { defineConfig } from 'vitest/config';

/**
 * `npm test` builds first, and the build checks the whole project with tsc (tsconfig.build.json), the type tests (`*.test-d.ts`)
 * included, before vitest: checking them again there would only repeat that compile. Run alone
 * (`npx vitest run`), vitest checks them itself.
 */
const typesAlreadyChecked = process.env['npm_lifecycle_event'] === 'test';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Timeouts catch hangs, they do not time: a file that starts a dozen processes one after the
    // other can take 20 s on a loaded two-core machine without anything being wrong.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Tests talk to emulators on 127.0.0.1; a caller's proxy variables must not reroute them.
    // The vendors' instance-role steps are switched off where the vendor has a switch, so a test
    // that forgets its metadataEndpoint never probes a link-local address; the credential tests
    // clear these and point every step at emulators on loopback.
    env: { http_proxy: '', HTTP_PROXY: '', https_proxy: '', HTTPS_PROXY: '', all_proxy: '', ALL_PROXY: '', no_proxy: '', NO_PROXY: '', ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true', VOLCENGINE_ECS_METADATA_DISABLED: 'true' },
    typecheck: { enabled: !typesAlreadyChecked, include: ['test/**/*.test-d.ts'] },
    // Worker threads, each running file after file on one module graph (no isolation): importing
    // the vendors' SDKs and our sources again for each of a hundred files was over a third of the
    // suite's CPU time on two cores. So what a file changes of its thread it puts back: stubbed
    // environment variables and globals are undone after each test (below), a file that fakes
    // timers makes them real again after each test, and what an import loads is checked in a
    // fresh process (packaging, bench). Shuffled file orders pass too (`--sequence.shuffle.files`).
    pool: 'threads',
    isolate: false,
    unstubEnvs: true,
    unstubGlobals: true,
    // Three files at a time on two cores: much of the suite waits (on pacing, timeouts, child
    // processes), so one worker more than the cores keeps both busy without crowding them.
    maxWorkers: 3,
  },
});
