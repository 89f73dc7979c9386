// 20 targets side by side: five accounts of each provider, each its own emulator enforcing the
// vendor's documented rate limits, and a roster of 50 contacts (40 people for CAM, Resource
// Directory and VMP, 10 WhatsApp desk numbers for ChatApp), as test/sync/sync-fleet.test.ts syncs
// it. Times planSync and applySync of each target alone, one after another, then of all 20 in one
// plan and one apply, and prints all-together against the slowest target alone and the sum.
//   node bench/targets.mjs            (after npm run build; BENCH_TARGETS_PER_PROVIDER=5)
import { performance } from 'node:perf_hooks';
import { round } from './lib.mjs';

const PER_PROVIDER = Number(process.env.BENCH_TARGETS_PER_PROVIDER ?? 5);
const PEOPLE = 40;
const DESKS = 10;

const { planSync, applySync, PROVIDER_IDS } = await import('cloud-contacts');
const { startEmulator } = await import('cloud-contacts/testing');
const FACTORIES = {
  'tencent-cam': (await import('cloud-contacts/tencent-cam')).tencentCam,
  'alibaba-resource-directory': (await import('cloud-contacts/alibaba-resource-directory')).alibabaResourceDirectory,
  'volcengine-vmp': (await import('cloud-contacts/volcengine-vmp')).volcengineVmp,
  'alibaba-chatapp': (await import('cloud-contacts/alibaba-chatapp')).alibabaChatApp,
};
/** Per provider: the emulator's quotas raised as the account's own are, and the settings a target gives. */
const SPEC = {
  'tencent-cam': { quotas: { createsPerDay: 1000, receivers: 1000 }, settings: () => ({ quotas: { createsPerDay: 1000 } }) },
  'alibaba-resource-directory': { quotas: { contacts: 1000 }, settings: () => ({}) },
  'volcengine-vmp': { settings: () => ({}) },
  'alibaba-chatapp': { quotas: { numbers: 1000 }, settings: (emulator) => ({ custSpaceId: emulator.custSpaceId }) },
};
const letters = (n) => (n < 26 ? String.fromCharCode(97 + n) : letters(Math.floor(n / 26) - 1) + String.fromCharCode(97 + (n % 26)));
const phone = (n) => `+86138${String(n).padStart(8, '0')}`;
const contacts = [
  ...Array.from({ length: PEOPLE }, (_, n) => ({
    name: `oncall-${n}`,
    email: `person${n}@example.com`,
    phone: phone(n),
    title: 'TechnicalDirector',
    messageTypes: ['FaultMessage'],
    only: ['tencent-cam', 'alibaba-resource-directory', 'volcengine-vmp'],
    providers: { 'alibaba-resource-directory': { name: `Oncall${letters(n)}` } },
  })),
  ...Array.from({ length: DESKS }, (_, n) => ({ name: `Support Desk ${n}`, phone: phone(10_000 + n), only: ['alibaba-chatapp'] })),
];

const targets = [];
for (const provider of PROVIDER_IDS) {
  for (let index = 1; index <= PER_PROVIDER; index += 1) {
    const emulator = await startEmulator(provider, SPEC[provider].quotas === undefined ? {} : { quotas: SPEC[provider].quotas });
    const settings = { endpoint: emulator.endpoint, credentials: emulator.credentials, target: `${provider}-${index}`, ...SPEC[provider].settings(emulator) };
    targets.push({ name: settings.target, emulator, provider: () => FACTORIES[provider](settings) });
  }
}

/** Plans and applies the roster to these targets; resolves to the times, in ms. */
async function sync(chosen) {
  for (const target of chosen) target.emulator.reset();
  const providers = chosen.map((target) => target.provider());
  let start = performance.now();
  const plan = await planSync({ desired: contacts, providers });
  const planMs = performance.now() - start;
  start = performance.now();
  const report = await applySync(plan);
  const applyMs = performance.now() - start;
  if (!report.ok) throw new Error(`the sync failed: ${JSON.stringify(report.summary)}`);
  return { planMs, applyMs, changes: report.summary.done };
}

const alone = [];
for (const target of targets) alone.push({ target: target.name, ...(await sync([target])) });
const together = await sync(targets);
await Promise.all(targets.map((target) => target.emulator.close()));

const slowest = (key) => Math.max(...alone.map((run) => run[key]));
const sum = (key) => alone.reduce((total, run) => total + run[key], 0);
const results = {
  targets: targets.length,
  contacts: contacts.length,
  changes: together.changes,
  plan: { together: round(together.planMs, 0), slowestAlone: round(slowest('planMs'), 0), sumAlone: round(sum('planMs'), 0), overSlowest: round(together.planMs / slowest('planMs'), 2) },
  apply: { together: round(together.applyMs, 0), slowestAlone: round(slowest('applyMs'), 0), sumAlone: round(sum('applyMs'), 0), overSlowest: round(together.applyMs / slowest('applyMs'), 2) },
  alone: alone.map((run) => ({ target: run.target, planMs: round(run.planMs, 0), applyMs: round(run.applyMs, 0) })),
};
console.log(JSON.stringify(results, null, 2));
console.log(
  `\n${results.targets} targets, ${results.contacts} contacts, ${results.changes} changes:\n` +
    `  plan:  all together ${results.plan.together} ms; the slowest target alone ${results.plan.slowestAlone} ms (${results.plan.overSlowest}x); all alone one after another ${results.plan.sumAlone} ms\n` +
    `  apply: all together ${results.apply.together} ms; the slowest target alone ${results.apply.slowestAlone} ms (${results.apply.overSlowest}x); all alone one after another ${results.apply.sumAlone} ms`,
);
