/**
 * `plan` and `apply`: a roster file synced to several providers, with the flags that raise the
 * deletion guard, force the change of values a mask hides, and set the apply's concurrency.
 */
import { readFile } from 'node:fs/promises';
import { parseRoster } from '../sync/roster.js';
import type { Roster } from '../sync/roster.js';
import { applySync } from '../sync/sync-apply.js';
import { planSync } from '../sync/sync-plan.js';
import type { DeletionGuard, PlanRequest } from '../sync/sync-types.js';
import { profileSettings } from './cli-providers.js';
import { targetProviders } from './cli-targets.js';
import { describeError, progressLine } from './cli-output.js';
import { renderPlan, renderReport } from './cli-sync-output.js';
import type { Output } from './cli-output.js';
import { UsageError } from './cli-usage.js';

async function rosterFrom(positionals: readonly string[]): Promise<Roster> {
  const path = positionals[0];
  if (path === undefined) throw new UsageError('name the roster file: cloud-contacts plan roster.yaml');
  return readRoster(path);
}

/** Reads and checks a roster file (`.json` as JSON, anything else as YAML). */
export async function readRoster(path: string): Promise<Roster> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parseRoster(text, path.endsWith('.json') ? { format: 'json' } : {});
}

/** `plan` (apply false) or `apply`; resolves to the exit code. */
export async function syncCommand(apply: boolean, positionals: readonly string[], flags: Readonly<Record<string, unknown>>, output: Output, json: boolean): Promise<number> {
  let roster: Roster;
  try {
    roster = await rosterFrom(positionals);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    output.err(describeError(error));
    for (const issue of (error as { issues?: ReadonlyArray<{ message: string }> }).issues ?? []) output.err(`  - ${issue.message}`);
    return 1;
  }
  // Every flag is checked before anything is read: a bad value is a usage error (exit 2).
  const concurrency = wholeNumberFlag(flags, 'concurrency', 1, 1000);
  const options = planOptions(flags);
  const providers = await targetProviders(roster, flags, profileSettings(flags['profile']));
  const plan = await planSync({ desired: roster.contacts, providers, prune: flags['prune'] === true, ...(roster.managed === undefined ? {} : { managed: roster.managed }), ...options });
  const planFailed = plan.providers.some((provider) => provider.error !== undefined);
  if (!apply) {
    // Each provider's plan serialises without its provider object, secrets masked.
    output.out(json ? JSON.stringify(plan.providers, null, 2) : renderPlan(plan));
    return planFailed ? 1 : 0;
  }
  if (!json) output.out(`${renderPlan(plan)}\n`);
  const progress = progressLine(output, 'applying');
  const report = await applySync(plan, { onProgress: ({ done, total }) => progress.update(done, total), ...(concurrency === undefined ? {} : { concurrency }) });
  progress.end();
  output.out(json ? JSON.stringify(report, null, 2) : renderReport(report, { roster: positionals[0] }));
  return report.ok ? 0 : 1;
}

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
