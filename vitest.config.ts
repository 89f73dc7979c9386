import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Tests talk to emulators on 127.0.0.1; a caller's proxy variables must not reroute them.
    env: { http_proxy: '', HTTP_PROXY: '', https_proxy: '', HTTPS_PROXY: '' },
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'] },
  },
});
