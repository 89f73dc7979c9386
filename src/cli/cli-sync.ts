/**
 * `plan` and `apply`: a roster file synced to several providers, and how plans and reports print.
 */
import { readFile } from 'node:fs/promises';
import { PROVIDER_IDS } from '../model/contact.js';
import type { ProviderId } from '../model/contact.js';
import { parseRoster, rosterProviders } from '../sync/roster.js';
import type { Roster } from '../sync/roster.js';
import { applySync } from '../sync/sync-apply.js';
import { planSync } from '../sync/sync-plan.js';
import type { PlanEntry, SyncPlan, SyncProvider, SyncReport } from '../sync/sync-types.js';
import { isProviderId, loadProvider } from './cli-providers.js';
import { describeError, progressLine, table } from './cli-output.js';
import type { Output } from './cli-output.js';
import { UsageError } from './cli-usage.js';

/** One line of detail for a plan entry. */
function detailOf(entry: PlanEntry): string {
  const unstored = 'warnings' in entry ? entry.warnings.map((warning) => /^(\S+) is not stored by/.exec(warning)?.[1]).filter((field) => field !== undefined) : [];
  const warnings = unstored.length === 0 ? '' : ` (not stored here: ${unstored.join(', ')})`;
  switch (entry.kind) {
    case 'update':
      return entry.changes.map((change) => `${change.field}: ${show(change.from)} -> ${show(change.to)}`).join('; ') + warnings;
    case 'replace':
      return `${entry.changes.map((change) => `${change.field}: ${show(change.from)} -> ${show(change.to)}`).join('; ')}; ${entry.cost}${warnings}`;
    case 'skip':
      return entry.reason;
    case 'create':
    case 'unchanged':
      return warnings.trim();
    case 'delete':
      return 'no longer in the roster';
  }
}

function show(value: unknown): string {
  if (value === undefined) return '(none)';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A plan as people read it: a table per provider, then its warnings. */
export function renderPlan(plan: SyncPlan): string {
  return plan.providers
    .map((provider) => {
      const rows = provider.entries.map((entry) => [entry.kind, entry.name, detailOf(entry)]);
      const body = rows.length === 0 ? '  (nothing to do)' : table(['action', 'name', 'details'], rows, 120).replace(/^/gm, '  ');
      const warnings = provider.warnings.map((warning) => `  ! ${warning}`).join('\n');
      return [`${provider.id}`, body, warnings].filter((part) => part !== '').join('\n');
    })
    .join('\n\n');
}

/** A report as people read it: one row per entry, then the counts. */
export function renderReport(report: SyncReport): string {
  const rows = report.results.map((result) => [
    result.provider,
    result.name,
    result.kind,
    result.status,
    result.status === 'failed' ? describeError(result.error).replace(/^error: /, '') : (result.reason ?? result.requestId ?? ''),
  ]);
  const { done, unchanged, skipped, failed } = report.summary;
  return `${table(['provider', 'name', 'action', 'status', 'request id / reason'], rows, 100)}\n\n${done} done, ${unchanged} unchanged, ${skipped} skipped, ${failed} failed`;
}

/** The providers a sync covers: the flags', else the roster's, else every available one. */
async function providersFor(roster: Roster, flags: Readonly<Record<string, unknown>>): Promise<SyncProvider[]> {
  const named = flags['provider'];
  const asked = named === undefined ? undefined : Array.isArray(named) ? named : [named];
  for (const id of asked ?? []) if (!isProviderId(id)) throw new UsageError(`--provider ${JSON.stringify(id)} is not a provider`);
  const ids: ProviderId[] = (asked as ProviderId[] | undefined) ?? rosterProviders(roster) ?? [...PROVIDER_IDS];
  return Promise.all(ids.map((id) => loadProvider(id)));
}

async function rosterFrom(positionals: readonly string[]): Promise<Roster> {
  const path = positionals[0];
  if (path === undefined) throw new UsageError('name the roster file: cloud-contacts plan roster.yaml');
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
  const providers = await providersFor(roster, flags);
  const plan = await planSync({ desired: roster.contacts, providers, prune: flags['prune'] === true, ...(roster.managed === undefined ? {} : { managed: roster.managed }) });
  const planFailed = plan.providers.some((provider) => provider.error !== undefined);
  if (!apply) {
    output.out(json ? JSON.stringify(plan.providers.map(({ provider: _provider, ...rest }) => rest), null, 2) : renderPlan(plan));
    return planFailed ? 1 : 0;
  }
  if (!json) output.out(`${renderPlan(plan)}\n`);
  const progress = progressLine(output, 'applying');
  const concurrency = typeof flags['concurrency'] === 'string' ? Number(flags['concurrency']) : undefined;
  const report = await applySync(plan, { onProgress: ({ done, total }) => progress.update(done, total), ...(concurrency === undefined ? {} : { concurrency }) });
  progress.end();
  output.out(json ? JSON.stringify(report, null, 2) : renderReport(report));
  return report.ok ? 0 : 1;
}
