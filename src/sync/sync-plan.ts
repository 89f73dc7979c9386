import type { Contact, ContactInput } from '../model/contact.js';
import { accountQuotaLimit } from '../settings/settings.js';
import { toContactError } from '../errors/to-contact-error.js';
import { diffContact, needsReplace, patchOf } from './sync-diff.js';
import { projectContact } from './sync-projection.js';
import type { FieldChange, ManagedContacts, PlanEntry, PlanRequest, ProviderPlan, SyncPlan, SyncProvider } from './sync-types.js';

/**
 * Compares the contacts a roster wants with what each provider holds, matched by name (after the
 * provider's own overrides), and returns a plan per provider: create, update (with the
 * field-level changes), replace (the vendor cannot update; the plan says what it costs), delete
 * (only with `prune`, and only contacts `managed` owns), unchanged, and skip with its reason.
 * Nothing is changed: only the providers' listings are read.
 *
 * @remarks A plan that would use more of a daily quota than the vendor allows (CAM's 10 creates a
 * day, or the account's own limit from the provider's `quotas` setting) plans what fits and skips
 * the rest, saying so. A provider whose listing fails gets a plan
 * with that error and no entries; the others are planned as usual.
 *
 * @example
 * ```ts
 * const plan = await planSync({ desired: roster.contacts, providers: [cam, rd], prune: true, managed: roster.managed });
 * for (const p of plan.providers) for (const entry of p.entries) console.log(p.id, entry.kind, entry.name);
 * ```
 */
export async function planSync(request: PlanRequest): Promise<SyncPlan> {
  const providers = await Promise.all(request.providers.map((provider) => planProvider(provider, request)));
  return { providers };
}

async function planProvider(provider: SyncProvider, request: PlanRequest): Promise<ProviderPlan> {
  let existing: Array<Contact<object>>;
  try {
    existing = await provider.list({}, request.signal === undefined ? {} : { signal: request.signal }).all();
  } catch (error) {
    const failure = toContactError(error, { provider: provider.id, operation: 'plan' });
    return { provider, id: provider.id, entries: [], warnings: [`could not list its contacts: ${failure.message}`], error: failure };
  }
  const capabilities = provider.capabilities;
  const byName = new Map(existing.map((contact) => [contact.name, contact]));
  const entries: PlanEntry[] = [];
  const wantedNames = new Set<string>();
  for (const desired of request.desired) {
    // A contact the roster limits to other providers is simply not this provider's.
    if (desired.only !== undefined && !desired.only.includes(provider.id)) continue;
    const projection = projectContact(desired, provider.id, capabilities);
    if (!projection.ok) {
      entries.push({ kind: 'skip', name: projection.name, reason: projection.reason, ...(projection.error === undefined ? {} : { error: projection.error }) });
      continue;
    }
    const { input, warnings } = projection;
    if (wantedNames.has(input.name)) {
      entries.push({ kind: 'skip', name: input.name, reason: `another roster entry already has the name "${input.name}" on ${provider.id}` });
      continue;
    }
    wantedNames.add(input.name);
    const current = byName.get(input.name);
    if (current === undefined) {
      entries.push({ kind: 'create', name: input.name, input, warnings });
      continue;
    }
    const changes = await confirmedChanges(provider, current, input, request.signal);
    if (changes.length === 0) entries.push({ kind: 'unchanged', name: input.name, id: current.id, warnings });
    else if (needsReplace(changes, capabilities)) entries.push({ kind: 'replace', name: input.name, id: current.id, input, changes, cost: replaceCost(provider), warnings });
    else entries.push({ kind: 'update', name: input.name, id: current.id, patch: patchOf(changes), changes, warnings });
  }
  if (request.prune === true) {
    for (const contact of existing) {
      if (!wantedNames.has(contact.name) && owns(request.managed, contact.name)) entries.push({ kind: 'delete', name: contact.name, id: contact.id });
    }
  }
  const warnings: string[] = [];
  if (request.prune === true && request.managed === undefined) warnings.push('prune was asked without saying which contacts the roster manages, so nothing is deleted');
  return { provider, id: provider.id, entries: withinDailyQuota(entries, provider, warnings), warnings };
}

/**
 * The changes a contact needs. A listing can show less than a read (Resource Directory lists no
 * pending email): a difference found in the listing is checked against the contact itself.
 */
async function confirmedChanges(provider: SyncProvider, listed: Contact<object>, input: ContactInput, signal: AbortSignal | undefined): Promise<FieldChange[]> {
  const changes = diffContact(listed, input, provider.capabilities);
  if (changes.length === 0) return changes;
  try {
    const current = await provider.get(listed.id, { includePending: true, ...(signal === undefined ? {} : { signal }) });
    return diffContact(current, input, provider.capabilities);
  } catch {
    // The listing's view is still a plan; applying it fails or succeeds on its own merits.
    return changes;
  }
}

/** Whether the roster owns a contact of this name. */
function owns(managed: ManagedContacts | undefined, name: string): boolean {
  if (managed === undefined) return false;
  return (managed.prefix !== undefined && managed.prefix !== '' && name.startsWith(managed.prefix)) || (managed.names?.includes(name) ?? false);
}

/**
 * The daily quota each create uses, if the vendor has one, with this account's limit: the one the
 * provider's `quotas` setting gives (an account the vendor allowed more), else the documented one.
 */
function createQuota(provider: SyncProvider): { readonly name: string; readonly vendorCode: string; readonly limit: number | 'unknown' } | undefined {
  const capabilities = provider.capabilities;
  const actions = capabilities.operations.create.vendorOperations;
  const quota = capabilities.quotas.find((candidate) => candidate.period === 'day' && candidate.action !== undefined && actions.includes(candidate.action));
  if (quota === undefined) return undefined;
  // Providers built here carry their settings; a provider of the caller's own may not.
  const quotas = (provider as { readonly settings?: { readonly quotas?: Readonly<Record<string, number>> | false } }).settings?.quotas;
  return { name: quota.name, vendorCode: quota.vendorCode, limit: accountQuotaLimit(quota, quotas) };
}

function replaceCost(provider: SyncProvider): string {
  const quota = createQuota(provider);
  const base = `${provider.capabilities.provider} cannot update it in place: it is deleted, then created again`;
  return quota === undefined || quota.limit === 'unknown' ? base : `${base}, using one of the ${quota.limit} ${quota.name}`;
}

/** Keeps the creates and replaces a daily quota allows; skips the rest, saying why. */
function withinDailyQuota(entries: PlanEntry[], provider: SyncProvider, warnings: string[]): PlanEntry[] {
  const quota = createQuota(provider);
  if (quota === undefined || quota.limit === 'unknown') return entries;
  const limit = quota.limit;
  const needed = entries.filter((entry) => entry.kind === 'create' || entry.kind === 'replace').length;
  if (needed <= limit) return entries;
  warnings.push(`the plan needs ${needed} creates but the vendor allows ${limit} ${quota.name} (${quota.vendorCode}): ${needed - limit} are skipped; run it again after the quota resets`);
  let used = 0;
  return entries.map((entry) => {
    if (entry.kind !== 'create' && entry.kind !== 'replace') return entry;
    used += 1;
    return used <= limit ? entry : { kind: 'skip', name: entry.name, reason: `would exceed the ${limit} ${quota.name}` };
  });
}

