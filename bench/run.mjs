// `npm run bench`: what the abstraction costs, side by side with the vendors' own clients, in one
// run on one machine (ratios of interleaved medians, never absolute times alone). Writes
// bench/results.json and the "Latest run" section of BENCHMARKS.md. `BENCH_TINY=1` runs every
// benchmark at the smallest size (what `npm test` does, so the harness cannot rot) and writes only
// the JSON, to BENCH_OUT when given.
import { readFileSync, writeFileSync } from 'node:fs';
import { bulk } from './bulk.mjs';
import { coldStart } from './cold-start.mjs';
import { emulatorCapacity } from './emulator-capacity.mjs';
import { machine, TINY } from './lib.mjs';
import { perCall } from './per-call.mjs';
import { planning } from './planning.mjs';

const started = Date.now();
const step = async (name, run) => {
  process.stderr.write(`bench: ${name}...\n`);
  return run();
};
const results = {
  machine: machine(),
  date: new Date().toISOString(),
  tiny: TINY,
  perCall: await step('per-call overhead', perCall),
  coldStart: await step('cold start', coldStart),
  bulk: await step('bulk against a rate limit', bulk),
  planning: await step('scale of planning', planning),
  emulators: await step('emulator capacity', emulatorCapacity),
};
results.durationS = Math.round((Date.now() - started) / 1000);

const out = process.env.BENCH_OUT ?? new URL('./results.json', import.meta.url).pathname;
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
const report = render(results);
console.log(report);
if (!TINY && process.env.BENCH_OUT === undefined) {
  const path = new URL('../BENCHMARKS.md', import.meta.url);
  const text = readFileSync(path, 'utf8');
  const [start, end] = ['<!-- latest-run:start -->', '<!-- latest-run:end -->'];
  writeFileSync(path, `${text.slice(0, text.indexOf(start) + start.length)}\n${report}\n${text.slice(text.indexOf(end))}`);
}

/** The results as Markdown tables, ratios first. */
function render(r) {
  const lines = [];
  const table = (header, rows) => [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
  lines.push(`Run on ${r.date.slice(0, 10)}: ${r.machine.cpus} × ${r.machine.model}, Node ${r.machine.node}, ${r.durationS} s in all.`, '');
  lines.push(`**Per call** (median of ${r.perCall.rounds} interleaved rounds after ${r.perCall.warmup} warm-up rounds, rate limits off; ratio = ours / the vendor's client):`, '');
  lines.push(table(['provider', 'operation', 'ratio', 'ours median / p95 (ms)', 'vendor median / p95 (ms)', 'why'], r.perCall.rows.map((row) => [row.provider, row.operation, `**${row.ratio.toFixed(2)}**`, `${row.ours.median} / ${row.ours.p95}`, `${row.vendor.median} / ${row.vendor.p95}`, row.note ?? ''])));
  lines.push('', `**Cold start** (import + first get in a fresh process, emulator in another; ${r.coldStart.runs} fresh processes a side, interleaved, each side first every other run; ratio = the median of each run's ours / vendor, with its quartiles (how far one run strays), times = medians; own share = from the script's first statement to the answer, timed inside the process; whole process = as the parent sees it, Node's start-up and exit included):`, '');
  lines.push(
    table(
      ['provider', 'own share: ratio', 'quartiles', 'ours / vendor client (ms)', 'whole process: ratio', 'ours / vendor client (ms)', 'loaded by the import', 'loaded by the first get'],
      r.coldStart.providers.map((p) => [p.provider, `**${p.ownShare.ratio.toFixed(2)}**`, p.ownShare.quartiles ? `${p.ownShare.quartiles[0].toFixed(2)} to ${p.ownShare.quartiles[1].toFixed(2)}` : '', `${p.ownShare.ours} / ${p.ownShare.vendor}`, p.ratio.toFixed(2), `${p.ours} / ${p.vendor}`, p.loadedOnImport.join(', ') || 'nothing', p.loadedByFirstGet.join(', ') || 'nothing']),
    ),
  );
  lines.push('', `Core import alone, over an empty \`node -e\` (${r.coldStart.core.empty} ms): **CJS ${r.coldStart.core.cjs} ms, ESM ${r.coldStart.core.esm} ms**; it loads ${r.coldStart.core.loaded.join(', ') || 'no dependency'}.`);
  lines.push('', `**Bulk**: ${r.bulk.contacts} contacts applied with applySync to an emulator enforcing ${r.bulk.limitPerSecond}/s per action: **${r.bulk.achievedOverLimit.toFixed(2)} of the limit** (${r.bulk.achievedPerSecond}/s, ${r.bulk.elapsedMs} ms), ${r.bulk.vendorThrottles} throttled, ${r.bulk.failed} failed.`);
  lines.push('', `**Planning** (planSync, N desired against N existing, in-memory provider; growth = µs per contact at the largest size over the smallest: ${r.planning.growth}):`, '');
  lines.push(table(['contacts', 'time (ms)', 'µs per contact', 'peak RSS (MB)'], r.planning.sizes.map((s) => [s.size, s.ms, s.usPerContact, s.peakRssMb])));
  lines.push('', `**Emulator capacity** (50 concurrent clients in the same process, rate limits off):`, '');
  lines.push(table(['emulator', 'requests/s'], r.emulators.map((e) => [e.provider, e.requestsPerSecond])));
  return lines.join('\n');
}
