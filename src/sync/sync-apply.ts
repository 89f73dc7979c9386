import type { Contact, ContactInput } from '../model/contact.js';
import { ContactError, isContactError, withNote } from '../errors/errors.js';
import type { CallOptions } from '../contract/provider.js';
import type { SyncOperations } from '../contract/sync-operations.js';
import { toContactError } from '../errors/to-contact-error.js';
import { outcomeUnknown } from '../transport/retry-policy.js';
import { callListener } from '../contract/events.js';
import type { ContactEvent } from '../contract/events.js';
import { checkApply, checkSyncRequest } from './sync-options.js';
import type { CheckedApplyOptions } from './sync-options.js';
import { planSync, syncOperationsOf } from './sync-plan.js';
import { printableReport, printableResult } from './sync-printing.js';
import { restoreOf } from './sync-restore.js';
import { boundedMap } from '../util/bounded-map.js';
import type { ApplyOptions, PlanEntry, PlanRequest, ProviderPlan, SyncPlan, SyncReport, SyncResult } from './sync-types.js';

/**
 * Carries out a plan: every entry of every target, targets side by side (up to
 * `targetConcurrency` at once), a few changes at a time per target (each paces itself at its
 * vendor's per-action limits, counted per account, so targets of other accounts do not slow it
 * down). One failure
 * never stops or hides the others, and neither does a listener that throws; each result says how
 * its entry ended and carries the vendor request id of the call that made or failed it. Running a
 * fresh plan again finishes what failed.
 *
 * @remarks Cost: with a provider's `syncOperations`, each change is one mutating vendor call
 * (CAM's replace: two; a ChatApp number with a profile email: two), made with what the plan
 * read, and the new contacts whose ids a create does not return (CAM, ChatApp) are found with one
 * listing once the provider's changes are done. A replace reserves its create's daily-quota unit
 * before it deletes; one whose create still fails leaves `restore` on its result, the input that
 * puts the old contact back. Results print and serialise with webhook secrets masked.
 *
 * @throws ContactError `invalid-input` for a plan that is not one, an unknown option or a bad
 * value (`concurrency` a whole number from 1), before anything is sent.
 *
 * @example
 * ```ts
 * const report = await applySync(plan, { onProgress: ({ done, total }) => console.log(`${done}/${total}`) });
 * if (!report.ok) for (const r of report.results) if (r.status === 'failed') console.log(r.provider, r.name, r.error?.code);
 * ```
 */
export async function applySync(plan: SyncPlan, options: ApplyOptions = {}): Promise<SyncReport> {
  const checked = checkApply(plan, options);
  const total = plan.providers.reduce((sum, provider) => sum + provider.entries.length + (provider.error === undefined ? 0 : 1), 0);
  const finished: Array<{ order: number; result: SyncResult }> = [];
  const record = (order: number, result: SyncResult): void => {
    finished.push({ order, result: printableResult(result) });
    if (checked.onProgress !== undefined) callListener(checked.onProgress, { done: finished.length, total, result });
  };
  const firsts: number[] = [];
  plan.providers.reduce((offset, providerPlan) => {
    firsts.push(offset);
    return offset + providerPlan.entries.length + 1;
  }, 0);
  await boundedMap(plan.providers, checked.targetConcurrency, (providerPlan, position) =>
    applyProvider(providerPlan, checked, (index, result) => record(firsts[position]! + index, result)),
  );
  // Results in the plan's order, whatever order they finished in.
  const results = finished.sort((a, b) => a.order - b.order).map(({ result }) => result);
  const summary = { done: 0, unchanged: 0, skipped: 0, failed: 0 };
  for (const result of results) summary[result.status] += 1;
  return printableReport({ results, summary, ok: summary.failed === 0 });
}

/**
 * Plans and applies in one call: {@link planSync}, then {@link applySync}.
 *
 * @returns the plan and the report.
 * @throws ContactError `invalid-input` for a request that breaks a rule of either, before anything is read.
 */
export async function syncContacts(request: PlanRequest & ApplyOptions): Promise<{ readonly plan: SyncPlan; readonly report: SyncReport }> {
  checkSyncRequest(request);
  const { onProgress, concurrency, ...planRequest } = request;
  const plan = await planSync(planRequest);
  const applyOptions: ApplyOptions = {
    ...(onProgress === undefined ? {} : { onProgress }),
    ...(concurrency === undefined ? {} : { concurrency }),
    ...(request.targetConcurrency === undefined ? {} : { targetConcurrency: request.targetConcurrency }),
    ...(request.signal === undefined ? {} : { signal: request.signal }),
  };
  return { plan, report: await applySync(plan, applyOptions) };
}

/** A create whose vendor answered no id: its result gets the contact once one listing finds it. */
interface Unresolved {
  readonly input: ContactInput;
  readonly result: { contact?: Contact<object> };
}

async function applyProvider(plan: ProviderPlan, options: CheckedApplyOptions, record: (index: number, result: SyncResult) => void): Promise<void> {
  const where = { provider: plan.id, target: targetOfPlan(plan) } as const;
  if (plan.error !== undefined) record(0, { ...where, name: '*', kind: 'skip', status: 'failed', error: plan.error });
  const operations = syncOperationsOf(plan.provider);
  const unresolved: Unresolved[] = [];
  const queue = plan.entries.map((entry, index) => ({ entry, index: index + 1 }));
  const worker = async (): Promise<void> => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      const { entry, index } = next;
      if (options.signal?.aborted === true) {
        record(index, { ...where, name: entry.name, kind: entry.kind, status: 'skipped', reason: 'cancelled before it started' });
        continue;
      }
      const result = await applyEntry(plan, operations, entry, options.signal);
      if (result.status === 'done' && result.contact === undefined && (entry.kind === 'create' || entry.kind === 'replace')) unresolved.push({ input: entry.input, result });
      record(index, result);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, queue.length) }, worker));
  if (operations !== undefined && unresolved.length > 0) await resolveCreated(operations, unresolved, options.signal);
}

/** One listing finds every contact the provider created without saying its id. */
async function resolveCreated(operations: SyncOperations<Contact<object>>, unresolved: readonly Unresolved[], signal: AbortSignal | undefined): Promise<void> {
  try {
    const found = await operations.resolveCreated(
      unresolved.map((item) => item.input),
      signal === undefined ? {} : { signal },
    );
    unresolved.forEach((item, position) => {
      const contact = found[position];
      if (contact !== undefined) item.result.contact = contact;
    });
  } catch {
    // The changes were made; only their ids are unknown until the next listing shows them.
  }
}

/** A plan's target: its own, or (for a plan made before targets were named) its provider id. */
function targetOfPlan(plan: ProviderPlan): string {
  return typeof plan.target === 'string' ? plan.target : plan.id;
}

async function applyEntry(plan: ProviderPlan, operations: SyncOperations<Contact<object>> | undefined, entry: PlanEntry, signal: AbortSignal | undefined): Promise<SyncResult> {
  const target = targetOfPlan(plan);
  const base = { provider: plan.id, target, name: entry.name, kind: entry.kind } as const;
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
  let deleted = false;
  try {
    let contact: Contact<object> | undefined;
    switch (entry.kind) {
      case 'create':
        contact = operations === undefined ? await provider.create(entry.input, options) : await operations.create(entry.input, options);
        break;
      case 'update':
        contact = operations === undefined ? await provider.update(entry.id, entry.patch, options) : await operations.update(entry.current, entry.patch, options);
        break;
      case 'delete':
        await (operations === undefined ? provider.delete(entry.id, options) : operations.delete(entry.current, options));
        break;
      case 'replace':
        if (operations === undefined) {
          await provider.delete(entry.id, options);
          deleted = true;
          contact = await provider.create(entry.input, options);
        } else {
          contact = await operations.replace(entry.current, entry.input, options, { deleted: () => void (deleted = true) });
        }
        break;
    }
    return { ...base, status: 'done', ...(contact === undefined ? {} : { contact }), ...(requestId === undefined ? {} : { requestId }) };
  } catch (error) {
    let failure = error instanceof ContactError || isContactError(error) ? error : toContactError(error, { provider: plan.id, ...(target === plan.id ? {} : { target }), operation: 'sync' });
    const id = failure.vendor?.requestId ?? requestId;
    // A failure that leaves unknown whether the vendor acted may have come after the delete went through.
    const maybeDeleted = !deleted && outcomeUnknown(failure);
    if (entry.kind !== 'replace' || !(deleted || maybeDeleted)) return { ...base, status: 'failed', error: failure, ...(id === undefined ? {} : { requestId: id }) };
    const what = deleted ? 'the old contact was deleted and the new one not created' : 'whether the old contact was deleted is unknown (check it)';
    failure = withNote(failure, `${what}: the result's restore puts the old one back, or run the sync again to create the new one`);
    return { ...base, status: 'failed', error: failure, restore: restoreOf(entry.current, entry.input, provider.capabilities, deleted), ...(id === undefined ? {} : { requestId: id }) };
  }
}
