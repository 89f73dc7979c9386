// Bulk against a rate limit: a roster of N contacts applied with applySync to an emulator that
// enforces R requests a second per action (R = 200): the achieved rate against R, and whether any
// throttling reached the caller.
import { performance } from 'node:perf_hooks';
import { round, TINY } from './lib.mjs';

const COUNT = TINY ? 20 : Number(process.env.BENCH_BULK ?? 1000);
const LIMIT = 200;

export async function bulk() {
  const { applySync, planSync } = await import('cloud-contacts');
  const { alibabaResourceDirectory } = await import('cloud-contacts/alibaba-resource-directory');
  const { startEmulator } = await import('cloud-contacts/testing');
  const emulator = await startEmulator('alibaba-resource-directory', { rateLimit: LIMIT, quotas: { contacts: 1_000_000 } });
  try {
    let vendorThrottles = 0;
    const provider = alibabaResourceDirectory({
      endpoint: emulator.endpoint,
      credentials: emulator.credentials,
      rateLimit: LIMIT,
      onEvent: (event) => {
        if (event.type === 'throttle' && event.source === 'vendor') vendorThrottles += 1;
      },
    });
    const letters = (n) => (n < 26 ? String.fromCharCode(97 + n) : letters(Math.floor(n / 26) - 1) + String.fromCharCode(97 + (n % 26)));
    const desired = Array.from({ length: COUNT }, (_, n) => ({ name: `Bulk${letters(n)}`, email: `bulk${n}@example.com`, title: 'Other', messageTypes: ['FaultMessage'] }));
    const plan = await planSync({ desired, providers: [provider] });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const from = emulator.requests.length;
    const started = performance.now();
    const report = await applySync(plan, { concurrency: 64 });
    const elapsedMs = performance.now() - started;
    const creates = emulator.requests.slice(from).filter((request) => request.action === 'AddMessageContact').length;
    const achieved = creates / (elapsedMs / 1000);
    return { contacts: COUNT, limitPerSecond: LIMIT, elapsedMs: round(elapsedMs, 0), achievedPerSecond: round(achieved, 1), achievedOverLimit: round(achieved / LIMIT), failed: report.summary.failed, vendorThrottles };
  } finally {
    await emulator.close();
  }
}
