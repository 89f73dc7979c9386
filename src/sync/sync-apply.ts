import type { Contact } from '../model/contact.js';
import { ContactError, isContactError, withNote } from '../errors/errors.js';
import type { CallOptions } from '../contract/provider.js';
import { toContactError } from '../errors/to-contact-error.js';
import type { ContactEvent } from '../contract/events.js';
import { planSync } from './sync-plan.js';
import type { ApplyOptions, PlanEntry, PlanRequest, ProviderPlan, SyncPlan, SyncReport, SyncResult } from './sync-types.js';

const DEFAULT_CONCURRENCY = 4;

/**
 * Carries out a plan: every entry of every provider, providers side by side, a few changes at a
 * time per provider (each provider paces itself at its vendor's per-action limits). One failure
 * never stops or hides the others; each result says how its entry ended and carries the vendor
 * request id of the call that made or failed it. Running a fresh plan again finishes what failed.
 *
 * @example
 * ```ts
 * const report = await applySync(plan, { onProgress: ({ done, total }) => console.log(`${done}/${total}`) });
 * if (!report.ok) for (const r of report.results) if (r.status === 'failed') console.log(r.provider, r.name, r.error?.code);
 * ```
 */
export async function applySync(plan: SyncPlan, options: ApplyOptions = {}): Promise<SyncReport> {
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? DEFAULT_CONCURRENCY));
  const total = plan.providers.reduce((sum, provider) => sum + provider.entries.length + (provider.error === undefined ? 0 : 1), 0);
  const finished: Array<{ order: number; result: SyncResult }> = [];
  const record = (order: number, result: SyncResult): void => {
    finished.push({ order, result });
    options.onProgress?.({ done: finished.length, total, result });
  };
  let offset = 0;
  await Promise.all(
    plan.providers.map((providerPlan) => {
      const first = offset;
      offset += providerPlan.entries.length + 1;
      return applyProvider(providerPlan, concurrency, options.signal, (index, result) => record(first + index, result));
    }),
  );
  // Results in the plan's order, whatever order they finished in.
  const results = finished.sort((a, b) => a.order - b.order).map(({ result }) => result);
  const summary = { done: 0, unchanged: 0, skipped: 0, failed: 0 };
  for (const result of results) summary[result.status] += 1;
  return { results, summary, ok: summary.failed === 0 };
}

/**
 * Plans and applies in one call: {@link planSync}, then {@link applySync}.
 *
 * @returns the plan and the report.
 */
export async function syncContacts(request: PlanRequest & ApplyOptions): Promise<{ readonly plan: SyncPlan; readonly report: SyncReport }> {
  const plan = await planSync(request);
  return { plan, report: await applySync(plan, request) };
}

async function applyProvider(
  plan: ProviderPlan,
  concurrency: number,
  signal: AbortSignal | undefined,
  record: (index: number, result: SyncResult) => void,
): Promise<void> {
  if (plan.error !== undefined) record(0, { provider: plan.id, name: '*', kind: 'skip', status: 'failed', error: plan.error });
  const queue = plan.entries.map((entry, index) => ({ entry, index: index + 1 }));
  const worker = async (): Promise<void> => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      const { entry, index } = next;
      if (signal?.aborted === true) {
        record(index, { provider: plan.id, name: entry.name, kind: entry.kind, status: 'skipped', reason: 'cancelled before it started' });
        continue;
      }
      record(index, await applyEntry(plan, entry, signal));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
}

async function applyEntry(plan: ProviderPlan, entry: PlanEntry, signal: AbortSignal | undefined): Promise<SyncResult> {
  const base = { provider: plan.id, name: entry.name, kind: entry.kind } as const;
  if (entry.kind === 'unchanged') return { ...base, status: 'unchanged' };
  if (entry.kind === 'skip') return { ...base, status: 'skipped', reason: entry.reason, ...(entry.error === undefined ? {} : { error: entry.error }) };
  let requestId: string | undefined;
  const options: CallOptions = {
    ...(signal === undefined ? {} : { signal }),
    onEvent: (event: ContactEvent) => {
      if ((event.type === 'response' || event.type === 'error') && event.requestId !== undefined) requestId = event.requestId;
    },
  };
  const provider = plan.provider;
  try {
    let contact: Contact<object> | undefined;
    switch (entry.kind) {
      case 'create':
        contact = await provider.create(entry.input, options);
        break;
      case 'update':
        contact = await provider.update(entry.id, entry.patch, options);
        break;
      case 'delete':
        await provider.delete(entry.id, options);
        break;
      case 'replace':
        await provider.delete(entry.id, options);
        contact = await provider.create(entry.input, options).catch((error: unknown) => {
          throw isContactError(error) ? withNote(error, 'the old contact was deleted and the new one not created: run the sync again to create it') : error;
        });
        break;
    }
    return { ...base, status: 'done', ...(contact === undefined ? {} : { contact }), ...(requestId === undefined ? {} : { requestId }) };
  } catch (error) {
    const failure = error instanceof ContactError || isContactError(error) ? error : toContactError(error, { provider: plan.id, operation: 'sync' });
    const id = failure.vendor?.requestId ?? requestId;
    return { ...base, status: 'failed', error: failure, ...(id === undefined ? {} : { requestId: id }) };
  }
}
