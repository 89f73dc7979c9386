// `node bench/volcengine-vmp.mjs` (after `npm run build`): the VMP provider's `get` against the
// official `@volcengine/openapi` Service doing the same read (GetContact) on the same emulator,
// interleaved A B A B so both see the same machine, rate limits off. Goal: median ratio <= 0.6.
import { performance } from 'node:perf_hooks';

// The official client's axios sends even 127.0.0.1 through a proxy from the environment.
for (const name of ['http_proxy', 'HTTP_PROXY', 'https_proxy', 'HTTPS_PROXY']) delete process.env[name];

const { Service } = await import('@volcengine/openapi');
const { volcengineVmp } = await import('cloud-contacts/volcengine-vmp');
const { startEmulator } = await import('cloud-contacts/testing');

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 500);
// Long enough for V8 to optimise both clients' hot paths: a short warm-up measures the JIT, not the client.
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2000);
const sorted = (values) => [...values].sort((a, b) => a - b);
const median = (values) => sorted(values)[Math.floor(values.length / 2)];
const p95 = (values) => sorted(values)[Math.floor(values.length * 0.95)];

const emulator = await startEmulator('volcengine-vmp', { rateLimit: false });
try {
  const ours = volcengineVmp({ endpoint: emulator.endpoint, credentials: emulator.credentials, rateLimit: false });
  // The official client as its README sets it up, pointed at the emulator.
  const official = new Service({
    serviceName: 'vmp',
    region: 'cn-beijing',
    defaultVersion: '2021-03-03',
    host: new URL(emulator.endpoint).host,
    protocol: 'http:',
    accessKeyId: emulator.credentials.accessKeyId,
    secretKey: emulator.credentials.accessKeySecret,
  });
  const getContact = official.createJSONAPI('GetContact', { Version: '2021-03-03' });
  const { id } = await ours.create({ name: 'bench', email: 'bench@example.com', webhooks: { lark: { url: 'https://open.feishu.cn/open-apis/bot/v2/hook/bench' } } });

  const runs = {
    'cloud-contacts get()': async () => {
      await ours.get(id);
    },
    '@volcengine/openapi Service GetContact': async () => {
      const answer = await getContact({ Id: id });
      if (answer.ResponseMetadata.Error) throw new Error(answer.ResponseMetadata.Error.Code);
    },
  };
  const samples = Object.fromEntries(Object.keys(runs).map((name) => [name, []]));
  for (let round = 0; round < WARMUP + ROUNDS; round += 1) {
    for (const [name, run] of Object.entries(runs)) {
      const start = performance.now();
      await run();
      if (round >= WARMUP) samples[name].push(performance.now() - start);
    }
  }
  console.log(`volcengine-vmp get over loopback, ${ROUNDS} interleaved rounds after ${WARMUP} warm-up rounds, rate limits off:`);
  for (const [name, values] of Object.entries(samples)) {
    console.log(`  ${name.padEnd(40)} median ${median(values).toFixed(3)} ms   p95 ${p95(values).toFixed(3)} ms`);
  }
  const [a, b] = Object.values(samples);
  const ratio = median(a) / median(b);
  console.log(`  median ratio (ours / official): ${ratio.toFixed(2)} (goal <= 0.6: ${ratio <= 0.6 ? 'met' : 'NOT met'})`);
} finally {
  await emulator.close();
}
