// Scale of planning: planSync with N desired contacts against N existing ones in an in-memory
// provider (so only the planner is measured), each size in a fresh process for its peak memory.
import { execFileSync } from 'node:child_process';
import { round, TINY } from './lib.mjs';

const SIZES = TINY ? [100, 1000] : [1000, 10_000, 100_000];

/** Runs one size; printed as JSON by the child process. */
const CHILD = `
  const { planSync } = require('cloud-contacts');
  const size = Number(process.argv[1]);
  const capabilities = require('cloud-contacts/volcengine-vmp').volcengineVmpCapabilities;
  const existing = Array.from({ length: size }, (_, n) => ({ provider: 'volcengine-vmp', id: 'id-' + n, name: 'person-' + n, email: 'p' + n + '@example.com', status: 'active' }));
  const byId = new Map(existing.map((c) => [c.id, c]));
  const provider = {
    id: 'volcengine-vmp', capabilities,
    list: () => ({ all: async () => existing, [Symbol.asyncIterator]: async function* () { yield* existing; }, pages: () => ({}) }),
    get: async (id) => byId.get(id),
  };
  // A tenth changed, a tenth new, a tenth gone.
  const desired = Array.from({ length: size }, (_, n) => ({ name: 'person-' + (n < size * 0.9 ? n : size + n), email: n % 10 === 0 ? 'new' + n + '@example.com' : 'p' + n + '@example.com' }));
  (async () => {
    const started = performance.now();
    const plan = await planSync({ desired, providers: [provider], prune: true, managed: { prefix: 'person-' } });
    const ms = performance.now() - started;
    const kinds = {};
    for (const entry of plan.providers[0].entries) kinds[entry.kind] = (kinds[entry.kind] || 0) + 1;
    console.log(JSON.stringify({ size, ms, peakRssMb: process.resourceUsage().maxRSS / 1024, kinds }));
  })();`;

export async function planning() {
  const cwd = new URL('..', import.meta.url).pathname;
  const rows = SIZES.map((size) => JSON.parse(execFileSync(process.execPath, ['-e', CHILD, String(size)], { cwd, maxBuffer: 1 << 24 }).toString()));
  const perContact = rows.map((row) => ({ size: row.size, ms: round(row.ms, 0), usPerContact: round((row.ms * 1000) / row.size, 1), peakRssMb: round(row.peakRssMb, 0), kinds: row.kinds }));
  return { sizes: perContact, growth: round(perContact.at(-1).usPerContact / perContact[0].usPerContact, 2) };
}
