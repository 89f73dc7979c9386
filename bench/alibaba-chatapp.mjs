// ChatApp `list()` against a bare `@alicloud/openapi-client` `callApi` ChatappSyncPhoneNumber on the
// same emulator: what the provider's layers (options, scope, schema check, mapping) cost over the
// vendor's own client. Interleaved A B A B after a warm-up, rate limits off on both sides.
//
//   npm run build && node bench/alibaba-chatapp.mjs     (ROUNDS=500 NUMBERS=50 to change the sizes)
import { performance } from 'node:perf_hooks';
import { alibabaChatApp } from 'cloud-contacts/alibaba-chatapp';
import { startEmulator } from 'cloud-contacts/testing';

const ROUNDS = Number(process.env.ROUNDS ?? 300);
const WARMUP = 50;
const NUMBERS = Number(process.env.NUMBERS ?? 10);
const GOAL = 1.1;

const sorted = (values) => [...values].sort((a, b) => a - b);
const median = (values) => sorted(values)[Math.floor(values.length / 2)];
const p95 = (values) => sorted(values)[Math.floor(values.length * 0.95)];

const emulator = await startEmulator('alibaba-chatapp', { rateLimit: false, quotas: { numbers: NUMBERS } });
try {
  const chatapp = alibabaChatApp({ endpoint: emulator.endpoint, credentials: emulator.credentials, custSpaceId: emulator.custSpaceId, rateLimit: false });
  for (let n = 0; n < NUMBERS; n += 1) await chatapp.create({ name: `Bench ${n}`, phone: `+86138${String(n).padStart(8, '0')}` });

  // The vendor's client as a user would set it up, pointed at the emulator (CommonJS interop as in the provider).
  const namespace = await import('@alicloud/openapi-client');
  const sdk = typeof namespace.default === 'function' ? namespace : namespace.default;
  const client = new sdk.default(new sdk.Config({ ...emulator.credentials, endpoint: new URL(emulator.endpoint).host, protocol: 'http' }));
  const params = new sdk.Params({ action: 'ChatappSyncPhoneNumber', version: '2020-06-06', protocol: 'HTTPS', pathname: '/', method: 'POST', authType: 'AK', style: 'RPC', reqBodyType: 'formData', bodyType: 'json' });
  const bare = async () => {
    const answer = await client.callApi(params, new sdk.OpenApiRequest({ query: { CustSpaceId: emulator.custSpaceId } }), { autoretry: false });
    if (answer.body.Code !== 'OK' || answer.body.PhoneNumbers.length !== NUMBERS) throw new Error('unexpected answer');
  };
  const ours = async () => {
    if ((await chatapp.list().all()).length !== NUMBERS) throw new Error('unexpected list');
  };

  const time = async (run) => {
    const start = performance.now();
    await run();
    return performance.now() - start;
  };
  for (let i = 0; i < WARMUP; i += 1) {
    await time(ours);
    await time(bare);
  }
  const samples = { ours: [], bare: [] };
  for (let i = 0; i < ROUNDS; i += 1) {
    samples.ours.push(await time(ours));
    samples.bare.push(await time(bare));
  }
  const ratio = median(samples.ours) / median(samples.bare);
  console.log(`alibaba-chatapp list() vs bare callApi ChatappSyncPhoneNumber, ${NUMBERS} numbers, ${ROUNDS} interleaved rounds after ${WARMUP} warm-up:`);
  console.log(`  list():             median ${median(samples.ours).toFixed(3)} ms, p95 ${p95(samples.ours).toFixed(3)} ms`);
  console.log(`  bare callApi:       median ${median(samples.bare).toFixed(3)} ms, p95 ${p95(samples.bare).toFixed(3)} ms`);
  console.log(`  median ratio:       ${ratio.toFixed(3)} (goal <= ${GOAL})${ratio <= GOAL ? '' : '  OVER THE GOAL'}`);
} finally {
  await emulator.close();
}
