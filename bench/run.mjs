// `npm run bench`: what tests never time. Cold import of each entry (median of fresh processes,
// minus an empty `node -e`), and loopback round trips of the Tencent provider against its emulator.
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

const runs = Number(process.env.BENCH_RUNS ?? 10);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const timeNode = (args) => {
  const start = performance.now();
  execFileSync(process.execPath, args, { stdio: 'ignore', env: { ...process.env, http_proxy: '', HTTP_PROXY: '' } });
  return performance.now() - start;
};
const coldMs = (args) => median(Array.from({ length: runs }, () => timeNode(args)));

const empty = coldMs(['-e', '0']);
console.log(`cold import, median of ${runs} fresh processes minus an empty node -e (${empty.toFixed(0)} ms):`);
for (const entry of ['cloud-contacts', 'cloud-contacts/tencent-cam', 'cloud-contacts/testing']) {
  const cjs = coldMs(['-e', `require(${JSON.stringify(entry)})`]) - empty;
  const esm = coldMs(['--input-type=module', '-e', `await import(${JSON.stringify(entry)})`]) - empty;
  console.log(`  ${entry.padEnd(32)} CJS ${cjs.toFixed(0).padStart(4)} ms   ESM ${esm.toFixed(0).padStart(4)} ms`);
}
const firstCall = coldMs([
  '-e',
  `const { tencentCam } = require('cloud-contacts/tencent-cam'); const { startEmulator } = require('cloud-contacts/testing');
   startEmulator('tencent-cam').then(async (e) => { await tencentCam({ endpoint: e.endpoint, credentials: e.credentials }).list().all(); await e.close(); });`,
]) - empty;
console.log(`  tencent-cam import + emulator + first call (loads the vendor SDK): ${firstCall.toFixed(0)} ms`);

const { tencentCam } = await import('cloud-contacts/tencent-cam');
const { startEmulator } = await import('cloud-contacts/testing');
const emulator = await startEmulator('tencent-cam', { rateLimit: false, quotas: { createsPerDay: 100_000, receivers: 100_000 } });
const cam = tencentCam({ endpoint: emulator.endpoint, credentials: emulator.credentials, rateLimit: false });
await cam.list().all();
const samples = [];
for (let i = 0; i < 300; i += 1) {
  const start = performance.now();
  await cam.list({ pageSize: 10 }).all();
  samples.push(performance.now() - start);
}
console.log(`tencent-cam list() of an empty account over loopback: median ${median(samples).toFixed(2)} ms, p95 ${[...samples].sort((a, b) => a - b)[Math.floor(samples.length * 0.95)].toFixed(2)} ms (300 calls)`);
const creates = [];
for (let i = 0; i < 100; i += 1) {
  const start = performance.now();
  await cam.create({ name: `bench-${i}`, email: `b${i}@example.com`, phone: '+8613900001234' });
  creates.push(performance.now() - start);
}
console.log(`tencent-cam create() (CreateMessageReceiver + ListReceiver lookup, growing to 100 receivers): median ${median(creates).toFixed(2)} ms`);
await emulator.close();
await import('./alibaba-chatapp.mjs');
