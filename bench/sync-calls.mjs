// Vendor calls per change of a sync, counted on each emulator's request log: planSync and
// applySync of 10 creates, 10 updates, 10 replaces and 10 pruned deletes per provider (where the
// vendor has that kind of change), divided by 10. Then the achieved changes a second of a larger
// sync against a rate limit the emulator enforces and the provider paces itself at. Counting is
// exact and needs no timing; the rate is measured here, never in a test.
//   node bench/sync-calls.mjs            (after npm run build)
import { performance } from 'node:perf_hooks';
import { round, TINY } from './lib.mjs';

const CHANGES = 10;
const RATE_CHANGES = TINY ? 10 : Number(process.env.BENCH_SYNC_CHANGES ?? 200);
const RATE_LIMIT = 20;

const letters = (n) => (n < 26 ? String.fromCharCode(97 + n) : letters(Math.floor(n / 26) - 1) + String.fromCharCode(97 + (n % 26)));

/** Per provider: how to start its emulator and provider, a contact n, and the change each kind makes. */
const TARGETS = {
  'tencent-cam': {
    factory: ['cloud-contacts/tencent-cam', 'tencentCam'],
    emulatorOptions: { quotas: { createsPerDay: 1_000_000, receivers: 1_000_000 } },
    settings: { quotas: { createsPerDay: 1_000_000 } },
    contact: (n) => ({ name: `oncall-${n}`, email: `person${n}@example.com`, phone: `+86 139 ${String(n).padStart(4, '0')} 1234`, remark: 'on call' }),
    replace: (contact) => ({ ...contact, remark: 'on call, primary' }),
  },
  'alibaba-resource-directory': {
    factory: ['cloud-contacts/alibaba-resource-directory', 'alibabaResourceDirectory'],
    emulatorOptions: { quotas: { contacts: 1_000_000 } },
    settings: {},
    contact: (n) => ({ name: `Oncall${letters(n)}`, email: `person${n}@example.com`, phone: `+86 139 ${String(n).padStart(4, '0')} 1234`, title: 'TechnicalDirector', messageTypes: ['FaultMessage'] }),
    update: (contact) => ({ ...contact, title: 'CEO' }),
    // Resource Directory cannot clear a phone number: leaving it out is a replace.
    replace: ({ phone: _phone, ...contact }) => contact,
  },
  'volcengine-vmp': {
    factory: ['cloud-contacts/volcengine-vmp', 'volcengineVmp'],
    emulatorOptions: {},
    settings: {},
    contact: (n) => ({ name: `oncall-${n}`, email: `person${n}@example.com`, webhooks: { lark: { url: `https://open.feishu.cn/open-apis/bot/v2/hook/hook-${n}`, secret: `lark-secret-${n}` } } }),
    update: (contact) => ({ ...contact, email: contact.email.replace('person', 'oncall') }),
  },
  'alibaba-chatapp': {
    factory: ['cloud-contacts/alibaba-chatapp', 'alibabaChatApp'],
    emulatorOptions: { quotas: { numbers: 1_000_000 } },
    settings: (emulator) => ({ custSpaceId: emulator.custSpaceId }),
    contact: (n) => ({ name: `Oncall Desk ${n}`, phone: `+86138${String(n).padStart(8, '0')}`, email: `desk${n}@acme.example` }),
    update: (contact) => ({ ...contact, email: contact.email.replace('desk', 'help') }),
  },
};

async function providerFor(id, emulator, extra = {}) {
  const target = TARGETS[id];
  const module = await import(target.factory[0]);
  const settings = typeof target.settings === 'function' ? target.settings(emulator) : target.settings;
  return module[target.factory[1]]({ endpoint: emulator.endpoint, credentials: emulator.credentials, rateLimit: false, ...settings, ...extra });
}

/** Plans and applies one sync; returns the vendor requests each step made. */
async function counted(emulator, sync, request, applyOptions = {}) {
  const before = emulator.requests.length;
  const plan = await sync.planSync(request);
  const planned = emulator.requests.length;
  const report = await sync.applySync(plan, applyOptions);
  const applied = emulator.requests.length;
  return { plan: planned - before, apply: applied - planned, failed: report.summary.failed, done: report.summary.done, kinds: plan.providers.flatMap((p) => p.entries.map((e) => e.kind)) };
}

/** Calls per change of each kind of change, for one provider. */
async function callsPerChange(id, sync, startEmulator) {
  const target = TARGETS[id];
  const emulator = await startEmulator(id, { rateLimit: false, ...target.emulatorOptions });
  try {
    const provider = await providerFor(id, emulator);
    const people = Array.from({ length: CHANGES }, (_, n) => ({ ...target.contact(n + 1), only: [id] }));
    const names = people.map((person) => person.name);
    const managed = { names };
    const rows = [];
    const seed = async () => {
      emulator.reset();
      for (const person of people) {
        const { only: _only, ...input } = person;
        await provider.create(input);
      }
    };
    const row = (kind, result) => {
      const made = result.kinds.filter((k) => k === kind).length;
      if (made !== CHANGES || result.failed !== 0) throw new Error(`${id} ${kind}: planned ${made} of ${CHANGES}, ${result.failed} failed (${result.kinds.join(',')})`);
      rows.push({ provider: id, change: kind, plan: round(result.plan / CHANGES, 1), apply: round(result.apply / CHANGES, 1), total: round((result.plan + result.apply) / CHANGES, 1) });
    };
    emulator.reset();
    row('create', await counted(emulator, sync, { desired: people, providers: [provider] }));
    if (target.update !== undefined) {
      await seed();
      row('update', await counted(emulator, sync, { desired: people.map(target.update), providers: [provider] }));
    }
    if (target.replace !== undefined) {
      await seed();
      row('replace', await counted(emulator, sync, { desired: people.map(target.replace), providers: [provider] }));
    }
    await seed();
    // A prune of every managed contact trips the deletion guard: raised here, as a caller would.
    row('delete', await counted(emulator, sync, { desired: [], providers: [provider], prune: true, managed, deletionGuard: { maxCount: Number.POSITIVE_INFINITY, maxShare: 1 } }));
    return rows;
  } finally {
    await emulator.close();
  }
}

/** Achieved updates (or, without update, creates) a second against a rate limit, for one provider. */
async function achievedRate(id, sync, startEmulator) {
  const target = TARGETS[id];
  const emulator = await startEmulator(id, { rateLimit: RATE_LIMIT, ...target.emulatorOptions });
  try {
    const seeder = await providerFor(id, emulator, { rateLimit: RATE_LIMIT });
    const people = Array.from({ length: RATE_CHANGES }, (_, n) => ({ ...target.contact(n + 1), only: [id] }));
    const kind = target.update === undefined ? 'replace' : 'update';
    const change = target.update ?? target.replace;
    await seedAll(seeder, people);
    const provider = await providerFor(id, emulator, { rateLimit: RATE_LIMIT });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const started = performance.now();
    const plan = await sync.planSync({ desired: people.map(change), providers: [provider] });
    const planned = performance.now();
    const report = await sync.applySync(plan, { concurrency: 16 });
    const applied = performance.now();
    const seconds = (applied - started) / 1000;
    const applySeconds = (applied - planned) / 1000;
    return {
      provider: id,
      change: kind,
      changes: report.summary.done,
      failed: report.summary.failed,
      limitPerSecond: RATE_LIMIT,
      seconds: round(seconds, 2),
      planSeconds: round((planned - started) / 1000, 2),
      changesPerSecond: round(report.summary.done / seconds, 1),
      applyChangesPerSecond: round(report.summary.done / applySeconds, 1),
    };
  } finally {
    await emulator.close();
  }
}

async function seedAll(provider, people) {
  const queue = people.map(({ only: _only, ...input }) => input);
  await Promise.all(Array.from({ length: 8 }, async () => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) await provider.create(next);
  }));
}

/** Both measurements for every provider. */
export async function syncCalls() {
  const sync = await import('cloud-contacts');
  const { startEmulator } = await import('cloud-contacts/testing');
  const api = sync;
  const calls = [];
  const rates = [];
  for (const id of Object.keys(TARGETS)) calls.push(...(await callsPerChange(id, api, startEmulator)));
  for (const id of Object.keys(TARGETS)) rates.push(await achievedRate(id, api, startEmulator));
  return { changes: CHANGES, calls, rates };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await syncCalls();
  console.log(JSON.stringify(result, null, 2));
}
