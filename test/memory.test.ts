/**
 * Bounded memory: 5,000 sequential gets on each provider, in a fresh process against its
 * emulator in this one (so the emulator's request log is not counted), grow the heap by under 10 MB once garbage is collected (nothing per request is kept:
 * no timer holding a request, no listener on a signal, no growing table).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { startEmulator } from '../providers/testing.js';
import { LANDED } from './support/landed-providers.js';

const run = promisify(execFile);
const root = new URL('..', import.meta.url).pathname;
const GETS = 5000;

it.each(LANDED)('$id: 5,000 sequential gets grow the heap by under 10 MB', async (provider) => {
  const emulator = await startEmulator(provider.id as 'tencent-cam', { rateLimit: false });
  const script = `
    const { ${provider.factory} } = require('${provider.entry}');
    const heap = () => { global.gc(); global.gc(); return process.memoryUsage().heapUsed; };
    (async () => {
      const emulator = ${JSON.stringify({ endpoint: emulator.endpoint, credentials: emulator.credentials, custSpaceId: (emulator as { custSpaceId?: string }).custSpaceId })};
      const instance = ${provider.factory}({ endpoint: emulator.endpoint, credentials: emulator.credentials, ...${provider.emulatorSettings ?? '{}'}, rateLimit: false });
      const { id } = await instance.create(${provider.sampleInput});
      for (let i = 0; i < 200; i += 1) await instance.get(id);
      const before = heap();
      for (let i = 0; i < ${GETS}; i += 1) await instance.get(id);
      const after = heap();
      console.log(JSON.stringify({ growthMb: (after - before) / 1048576 }));
    })();`;
  const { stdout } = await run(process.execPath, ['--expose-gc', '-e', script], { cwd: root, env: { ...process.env, http_proxy: '', HTTP_PROXY: '' } }).finally(() => emulator.close());
  const { growthMb } = JSON.parse(stdout) as { growthMb: number };
  console.log(`${provider.id}: heap grew ${growthMb.toFixed(2)} MB over ${GETS} gets`);
  expect(growthMb).toBeLessThan(10);
}, 120_000);
