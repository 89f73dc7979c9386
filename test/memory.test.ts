/**
 * Bounded memory: sequential gets on each provider, in a fresh process against its emulator in
 * this one (so the emulator's request log is not counted), keep nothing per request. Counted two
 * ways once garbage is collected: the process holds the same handles (no timer, socket or
 * listener left by a call) after 1,000 gets as before them, and its heap has grown by less than
 * 2 KB a get (2 MB), where a request object, a timer with its closure or a growing table kept
 * per call would pass that. The providers run side by side, each in its own process.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { startEmulator } from '../providers/testing.js';
import { LANDED } from './support/landed-providers.js';
import { sized } from './support/long-runs.js';

const run = promisify(execFile);
const root = new URL('..', import.meta.url).pathname;
const GETS = sized(1000, 10_000);
const BUDGET_MB = (GETS * 2) / 1024;

describe.concurrent('bounded memory', () => {
  it.each(LANDED)(`$id: ${GETS} sequential gets leave no handle behind and grow the heap by under ${BUDGET_MB} MB`, async (provider) => {
    const emulator = await startEmulator(provider.id as 'tencent-cam', { rateLimit: false });
    const script = `
      const { ${provider.factory} } = require('${provider.entry}');
      const heap = () => { global.gc(); global.gc(); return process.memoryUsage().heapUsed; };
      const handles = () => process.getActiveResourcesInfo().sort();
      (async () => {
        const emulator = ${JSON.stringify({ endpoint: emulator.endpoint, credentials: emulator.credentials, custSpaceId: (emulator as { custSpaceId?: string }).custSpaceId })};
        const instance = ${provider.factory}({ endpoint: emulator.endpoint, credentials: emulator.credentials, ...${provider.emulatorSettings ?? '{}'}, rateLimit: false });
        const { id } = await instance.create(${provider.sampleInput});
        for (let i = 0; i < 500; i += 1) await instance.get(id);
        const before = { heap: heap(), handles: handles() };
        for (let i = 0; i < ${GETS}; i += 1) await instance.get(id);
        const after = { heap: heap(), handles: handles() };
        console.log(JSON.stringify({ growthMb: (after.heap - before.heap) / 1048576, before: before.handles, after: after.handles }));
      })();`;
    const { stdout } = await run(process.execPath, ['--expose-gc', '-e', script], { cwd: root, env: { ...process.env, http_proxy: '', HTTP_PROXY: '' } }).finally(() => emulator.close());
    const { growthMb, before, after } = JSON.parse(stdout) as { growthMb: number; before: string[]; after: string[] };
    console.log(`${provider.id}: heap grew ${growthMb.toFixed(2)} MB over ${GETS} gets; handles ${JSON.stringify(after)}`);
    expect(after).toEqual(before);
    expect(growthMb).toBeLessThan(BUDGET_MB);
  }, 120_000);
});
