/**
 * `plan` and `apply`: a roster file synced to its targets, with the flags that raise the
 * deletion guard, force the change of values a mask hides, and set the apply's concurrency.
 */
import type { Roster } from '../sync/roster.js';
import { applySync } from '../sync/sync-apply.js';
import { planSync } from '../sync/sync-plan.js';
import type { DeletionGuard, PlanRequest, SyncProvider } from '../sync/sync-types.js';
import { profileSettings } from './cli-providers.js';
import { targetProviders } from './cli-targets.js';
import { progressLine } from './cli-output.js';
import { isRosterError, readRosterFile, rosterProblems } from './cli-roster.js';
import { renderPlan, renderReport } from './cli-sync-output.js';
import type { Output } from './cli-output.js';
import { UsageError } from './cli-usage.js';

/**
 * The targets a roster command covers, one provider object each: those `--target` and
 * `--provider` pick, else the roster's `providers`, else all of them (without a `targets:` block,
 * or without a roster, one per provider id, built from the environment).
 */
export async function providersFor(roster: Roster | undefined, flags: Readonly<Record<string, unknown>>): Promise<SyncProvider[]> {
  return targetProviders(roster ?? { contacts: [] }, flags, profileSettings(flags['profile']));
}

/** `plan` (apply false) or `apply`; resolves to the exit code. */
export async function syncCommand(apply: boolean, positionals: readonly string[], flags: Readonly<Record<string, unknown>>, output: Output, json: boolean): Promise<number> {
  let roster: Roster;
  try {
    roster = await readRosterFile(positionals[0], apply ? 'apply' : 'plan');
  } catch (error) {
    if (!isRosterError(error)) throw error;
    output.err(rosterProblems(error, positionals[0]!));
    return 1;
  }
  // Every flag is checked before anything is read: a bad value is a usage error (exit 2).
  const concurrency = wholeNumberFlag(flags, 'concurrency', 1, 1000);
  const options = planOptions(flags);
  const providers = await providersFor(roster, flags);
  const plan = await planSync({ desired: roster.contacts, providers, prune: flags['prune'] === true, ...(roster.managed === undefined ? {} : { managed: roster.managed }), ...options });
  const planFailed = plan.providers.some((provider) => provider.error !== undefined);
  if (!apply) {
    // Each provider's plan serialises without its provider object, secrets masked.
    output.out(json ? JSON.stringify(plan.providers, null, 2) : renderPlan(plan, output.columns));
    if (planFailed) return 1;
    const changes = plan.providers.some((provider) => provider.entries.some((entry) => CHANGES.has(entry.kind)));
    return flags['detailed-exitcode'] === true && changes ? 3 : 0;
  }
  if (!json) output.out(`${renderPlan(plan, output.columns)}\n`);
  const progress = progressLine(output, 'applying');
  const report = await applySync(plan, { onProgress: ({ done, total }) => progress.update(done, total), ...(concurrency === undefined ? {} : { concurrency }) });
  progress.end();
  output.out(json ? JSON.stringify(report, null, 2) : renderReport(report, output.columns, { roster: positionals[0] }));
  return report.ok ? 0 : 1;
}

/** The plan entries that change a cloud: what `plan --detailed-exitcode` exits 3 for. */
const CHANGES: ReadonlySet<string> = new Set(['create', 'update', 'replace', 'delete']);

/** The plan's own options from the flags: the deletion guard raised, masked values to change anyway. */
function planOptions(flags: Readonly<Record<string, unknown>>): Pick<PlanRequest, 'deletionGuard' | 'replaceMasked'> {
  const maxCount = wholeNumberFlag(flags, 'max-deletes', 0);
  const maxShare = shareFlag(flags, 'max-delete-share');
  const guard: DeletionGuard = { ...(maxCount === undefined ? {} : { maxCount }), ...(maxShare === undefined ? {} : { maxShare }) };
  const masked = flags['replace-masked'];
  const names = Array.isArray(masked) ? (masked as string[]) : typeof masked === 'string' ? [masked] : [];
  return {
    ...(Object.keys(guard).length === 0 ? {} : { deletionGuard: guard }),
    ...(names.length === 0 ? {} : { replaceMasked: names.includes('*') ? true : names }),
  };
}

/** A flag holding a whole number from `min` (to `max`), or undefined when absent. */
function wholeNumberFlag(flags: Readonly<Record<string, unknown>>, name: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  const value = flags[name];
  if (value === undefined) return undefined;
  const number = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < min || number > max) {
    throw new UsageError(`--${name} must be a whole number from ${min}${max === Number.MAX_SAFE_INTEGER ? '' : ` to ${max}`}, not ${JSON.stringify(value)}`);
  }
  return number;
}

/** A flag holding a share: `0.3` or `30%`, from 0 to 1. */
function shareFlag(flags: Readonly<Record<string, unknown>>, name: string): number | undefined {
  const value = flags[name];
  if (value === undefined) return undefined;
  const text = String(value).trim();
  const number = text.endsWith('%') ? Number(text.slice(0, -1)) / 100 : Number(text);
  if (text === '' || text === '%' || !Number.isFinite(number) || number < 0 || number > 1) throw new UsageError(`--${name} must be a share from 0 to 1 (0.3) or a percentage (30%), not ${JSON.stringify(value)}`);
  return number;
}
