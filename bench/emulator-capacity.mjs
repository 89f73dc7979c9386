// Emulator capacity: requests a second each emulator serves to 50 concurrent clients (our
// providers, rate limits off), so users know it will not be their tests' bottleneck.
import { performance } from 'node:perf_hooks';
import { round, TINY } from './lib.mjs';

const CLIENTS = 50;
const DURATION_MS = TINY ? 300 : Number(process.env.BENCH_CAPACITY_MS ?? 3000);

const READS = {
  'tencent-cam': async (e) => (await import('cloud-contacts/tencent-cam')).tencentCam({ endpoint: e.endpoint, credentials: e.credentials, rateLimit: false }),
  'alibaba-resource-directory': async (e) => (await import('cloud-contacts/alibaba-resource-directory')).alibabaResourceDirectory({ endpoint: e.endpoint, credentials: e.credentials, rateLimit: false }),
  'volcengine-vmp': async (e) => (await import('cloud-contacts/volcengine-vmp')).volcengineVmp({ endpoint: e.endpoint, credentials: e.credentials, rateLimit: false }),
  'alibaba-chatapp': async (e) => (await import('cloud-contacts/alibaba-chatapp')).alibabaChatApp({ endpoint: e.endpoint, credentials: e.credentials, rateLimit: false, custSpaceId: e.custSpaceId }),
};

export async function emulatorCapacity() {
  const testing = await import('cloud-contacts/testing');
  const { PROVIDER_IDS } = await import('cloud-contacts');
  const rows = [];
  for (const id of PROVIDER_IDS) {
    const make = READS[id];
    if (make === undefined) continue;
    const emulator = await testing.startEmulator(id, { rateLimit: false });
    try {
      const provider = await make(emulator);
      let served = 0;
      const until = performance.now() + DURATION_MS;
      const client = async () => {
        while (performance.now() < until) {
          await provider.list({ limit: 1 }).all();
          served += 1;
        }
      };
      const started = performance.now();
      await Promise.all(Array.from({ length: CLIENTS }, client));
      rows.push({ provider: id, clients: CLIENTS, requestsPerSecond: round(served / ((performance.now() - started) / 1000), 0) });
    } finally {
      await emulator.close();
    }
  }
  return rows;
}
