import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Tests talk to emulators on 127.0.0.1; a caller's proxy variables must not reroute them.
    // The vendors' instance-role steps are switched off where the vendor has a switch, so a test
    // that forgets its metadataEndpoint never probes a link-local address; the credential tests
    // clear these and point every step at emulators on loopback.
    env: { http_proxy: '', HTTP_PROXY: '', https_proxy: '', HTTPS_PROXY: '', ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true', VOLCENGINE_ECS_METADATA_DISABLED: 'true' },
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'] },
  },
});
