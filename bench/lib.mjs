// Shared pieces of `npm run bench`: statistics, interleaved A/B timing, fresh-process timing.
// This machine is shared and noisy, so every comparison runs both sides side by side in one run,
// interleaved A B A B, and reports ratios of medians.
import { execFile } from 'node:child_process';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';

/** `BENCH_TINY=1`: the smallest sizes, so `npm test` can run the whole harness and it cannot rot. */
export const TINY = process.env.BENCH_TINY === '1';

const sorted = (values) => [...values].sort((a, b) => a - b);
export const median = (values) => sorted(values)[Math.floor(values.length / 2)];
export const p95 = (values) => sorted(values)[Math.min(values.length - 1, Math.floor(values.length * 0.95))];
export const stats = (values) => ({ median: round(median(values)), p95: round(p95(values)), n: values.length });
export const round = (value, digits = 3) => Number(value.toFixed(digits));

/** The machine a run was made on. */
export function machine() {
  return { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', node: process.version, platform: `${process.platform} ${process.arch}` };
}

/**
 * Times two implementations of the same call, alternating A B A B after a warm-up, and returns
 * each side's median and p95 and the ratio of medians (ours / theirs).
 */
export async function interleave(ours, theirs, { rounds, warmup }) {
  const a = [];
  const b = [];
  for (let index = 0; index < warmup + rounds; index += 1) {
    let start = performance.now();
    await ours(index);
    if (index >= warmup) a.push(performance.now() - start);
    start = performance.now();
    await theirs(index);
    if (index >= warmup) b.push(performance.now() - start);
  }
  return { ours: stats(a), vendor: stats(b), ratio: round(median(a) / median(b)) };
}

const run = promisify(execFile);
/** Proxies from the environment must not reroute loopback traffic. */
export const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^https?_proxy$/i.test(name)));

/**
 * One fresh `node` process running `args`: its wall time in ms as the parent sees it (Node's own
 * start-up and exit included) and, when the script prints one number, that number (what the
 * script measured inside itself).
 */
export async function timeProcess(args, env = {}) {
  const start = performance.now();
  const { stdout } = await run(process.execPath, args, { env: { ...cleanEnv, ...env }, cwd: new URL('..', import.meta.url).pathname });
  const wall = performance.now() - start;
  const inside = Number.parseFloat(stdout);
  return { wall, inside: Number.isFinite(inside) ? inside : undefined };
}

/**
 * Runs fresh processes of several commands interleaved, `runs` times each; returns each one's
 * median wall time and, for scripts that print their own measure, its median as `<name> inside`,
 * with every sample under `samples` (for ratios taken run by run). The order turns every run
 * (A B, then B A), so neither side always runs first.
 */
export async function coldMedians(commands, runs) {
  const samples = {};
  const entries = Object.entries(commands);
  for (let index = 0; index < runs; index += 1) {
    for (const [name, args] of index % 2 === 0 ? entries : [...entries].reverse()) {
      const { wall, inside } = await timeProcess(args);
      (samples[name] ??= []).push(wall);
      if (inside !== undefined) (samples[`${name} inside`] ??= []).push(inside);
    }
  }
  return { ...Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, round(median(values), 1)])), samples };
}

/**
 * The median of `a[i] / b[i]`: two commands timed back to back in each run share that moment's
 * load, so the ratio run by run drifts less with a shared machine than a ratio of two medians.
 */
export const medianRatio = (a, b) => round(median(a.map((value, index) => value / b[index])));

/** The first and third quartiles of `a[i] / b[i]`: how far one run's ratio strays from the median. */
export const ratioQuartiles = (a, b) => {
  const ratios = sorted(a.map((value, index) => value / b[index]));
  return [round(ratios[Math.floor(ratios.length / 4)], 2), round(ratios[Math.floor((ratios.length * 3) / 4)], 2)];
};
