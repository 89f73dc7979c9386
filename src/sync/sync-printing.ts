/**
 * How plans, results and reports print and serialise: with webhook secrets masked as a printed
 * contact shows them (`util.inspect`, `console.log`, `JSON.stringify`), while the objects keep
 * the real values for `applySync` to send. A plan's provider object and the contacts an entry
 * read are left out of the printed form; errors print as they always do (secret-free).
 */
import { maskedHookValue, maskedWebhooks } from '../model/contact-printing.js';
import { definePrintedForm } from '../util/redaction.js';
import type { FieldChange, PlanEntry, ProviderPlan, SyncReport, SyncResult } from './sync-types.js';

/** A change as it prints: a webhook's secrets masked. */
export function printedChange(change: FieldChange): FieldChange {
  if (!change.field.startsWith('webhooks.')) return change;
  return {
    field: change.field,
    ...('from' in change ? { from: maskedHookValue(change.from) } : {}),
    ...('to' in change ? { to: maskedHookValue(change.to) } : {}),
  };
}

/** An input or a patch as it prints: its webhooks' secrets masked. */
function printedInput<T extends object>(input: T): T {
  const webhooks = (input as { webhooks?: unknown }).webhooks;
  return webhooks === undefined ? input : { ...input, webhooks: maskedWebhooks(webhooks) };
}

/** Gives a plan entry its printed form (without `current`, secrets masked); returns the entry. */
export function printableEntry<E extends PlanEntry>(entry: E): E {
  return definePrintedForm(entry, () => {
    const { current: _current, ...rest } = entry as PlanEntry & { current?: unknown };
    const view: Record<string, unknown> = { ...rest };
    if ('input' in rest) view['input'] = printedInput(rest.input);
    if ('patch' in rest) view['patch'] = printedInput(rest.patch);
    if ('changes' in rest) view['changes'] = rest.changes.map(printedChange);
    return view;
  });
}

/** Gives a provider's plan its printed form (its id instead of the provider object); returns it. */
export function printablePlan<P extends ProviderPlan>(plan: P): P {
  return definePrintedForm(plan, () => {
    const { provider: _provider, ...rest } = plan;
    return rest;
  });
}

/** Gives a result its printed form (the contact and the restore input masked); returns it. */
export function printableResult<R extends SyncResult>(result: R): R {
  return definePrintedForm(result, () => ({
    ...result,
    ...(result.contact === undefined ? {} : { contact: printedInput(result.contact) }),
    ...(result.restore === undefined ? {} : { restore: { ...result.restore, contact: printedInput(result.restore.contact), input: printedInput(result.restore.input) } }),
  }));
}

/** Gives a report its printed form (each result's); returns it. */
export function printableReport(report: SyncReport): SyncReport {
  for (const result of report.results) printableResult(result);
  return report;
}
