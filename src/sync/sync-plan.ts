import type { Contact, ContactInput } from '../model/contact.js';
import type { CallOptions } from '../contract/provider.js';
import type { SyncOperations } from '../contract/sync-operations.js';
import { toContactError } from '../errors/to-contact-error.js';
import { compareContact, maskedChanges, needsReplace, patchOf } from './sync-diff.js';
import type { Comparison } from './sync-diff.js';
import { replaceCost, withinDailyQuota, withinDeletionGuard } from './sync-limits.js';
import { indexByKey, keyOfContact, keyOfInput, matchKeyOf, phoneKey } from './sync-matching.js';
import { checkPlanRequest } from './sync-options.js';
import { nearPrefix, owns } from './sync-ownership.js';
import { printableEntry, printablePlan } from './sync-printing.js';
import { entryGoesTo, maskedIn, namedBy, projectContact } from './sync-projection.js';
import type { TargetRef } from './sync-projection.js';
import { checkTargets, DEFAULT_TARGET_CONCURRENCY } from './sync-targets.js';
import { targetNameOf } from '../settings/target.js';
import { boundedMap } from '../util/bounded-map.js';
import type { PlanEntry, PlanRequest, ProviderPlan, SyncPlan, SyncProvider } from './sync-types.js';

/**
 * Compares the contacts a roster wants with what each target (provider object) holds, matched by
 * the provider's natural key (the name, after the overrides of its provider and its target; the
 * phone number on ChatApp), and returns a plan per target, up to `targetConcurrency` read at once: create, update (with the field-level changes), replace (the vendor
 * cannot update; the plan says what it costs), delete (only with `prune`), unchanged, and skip
 * with its reason. Nothing is changed.
 *
 * @remarks The rules no plan breaks:
 * - nothing is deleted without `prune`, and then only a contact `managed` owns (see
 *   {@link ManagedContacts} for the ownership rule) that no roster entry names for that provider,
 *   whatever became of the entry (planned, skipped, or refused by the provider's rules);
 * - a contact is changed or replaced only when a roster entry matched it; two contacts under one
 *   key are a skip, never a guess;
 * - more deletes than the deletion guard allows (default 10, and half the managed contacts, per
 *   provider) plan none, saying why;
 * - a change a vendor's mask may hide is a warning on the entry, never silence (`replaceMasked`
 *   forces it); a change waiting for its owner's confirmation is not a change;
 * - a plan needing more creates than the day's quota has left (CAM's 10, or the account's own
 *   from the `quotas` setting, less what the provider counted today) plans what fits.
 *
 * Cost: a plan reads each provider's listing, and per contact only what the listing lacks (with a
 * provider's `syncOperations`, in one call for all; without, a `get` per differing contact).
 * Printed or serialised, a plan masks webhook secrets.
 *
 * @throws ContactError `invalid-input` for a request that breaks a rule (an unknown key, a bad
 * guard), before anything is read; `invalid-config` for two providers of one target name, or of
 * one account and place (provider, endpoint, region or customer space, and keys). A target
 * whose listing fails gets a plan with that error and no entries; the others are planned as usual.
 *
 * @example
 * ```ts
 * const plan = await planSync({ desired: roster.contacts, providers: [cam, rd], prune: true, managed: roster.managed });
 * for (const p of plan.providers) for (const entry of p.entries) console.log(p.target, p.id, entry.kind, entry.name);
 * ```
 */
export async function planSync(request: PlanRequest): Promise<SyncPlan> {
  const checked = checkPlanRequest(request);
  checkTargets(checked.providers, 'planSync');
  const providers = await boundedMap(checked.providers, checked.targetConcurrency ?? DEFAULT_TARGET_CONCURRENCY, (provider) => planProvider(provider, checked));
  return { providers };
}

/**
 * The target a plan makes of a provider object: the name its `target` setting gives it (default:
 * its provider id), and its provider. Decided here alone: plans, results, messages and the
 * roster's `only` and overrides all go by it.
 */
export function targetOf(provider: SyncProvider): TargetRef {
  return { target: targetNameOf(provider), provider: provider.id };
}

/** A provider's sync operations, when it offers them (see {@link SyncOperations}). */
export function syncOperationsOf(provider: SyncProvider): SyncOperations<Contact<object>> | undefined {
  const operations = provider.syncOperations;
  return typeof operations === 'object' && operations !== null && typeof operations.complete === 'function' ? operations : undefined;
}

/** One roster entry matched to the contact its provider holds, waiting for the comparison. */
interface Match {
  readonly slot: number;
  readonly input: ContactInput;
  readonly warnings: readonly string[];
  listed: Contact<object>;
}

async function planProvider(provider: SyncProvider, request: PlanRequest): Promise<ProviderPlan> {
  const ref = targetOf(provider);
  const id = ref.target;
  const read: CallOptions = request.signal === undefined ? {} : { signal: request.signal };
  let listed: Array<Contact<object>>;
  try {
    listed = await provider.list({}, read).all();
  } catch (error) {
    const failure = toContactError(error, { provider: ref.provider, ...(id === ref.provider ? {} : { target: id }), operation: 'plan' });
    return printablePlan({ provider, id: ref.provider, target: id, entries: [], warnings: [`could not list its contacts: ${failure.message}`], error: failure });
  }
  const capabilities = provider.capabilities;
  const key = matchKeyOf(capabilities);
  const index = indexByKey(listed, key);
  const warnings: string[] = [];
  const slots: Array<PlanEntry | undefined> = [];
  const matches: Match[] = [];
  const wantedKeys = new Set<string>();
  // Everything any entry aimed here names: none of it is ever pruned, whatever became of the entry.
  const namedNames = new Set<string>();
  const namedPhones = new Set<string>();
  let unnamed = 0;
  for (const desired of request.desired) {
    const goes = entryGoesTo(desired, ref, capabilities);
    if (goes === 'unnamed') unnamed += 1;
    if (goes !== 'yes') continue;
    const named = namedBy(desired, ref);
    if (named.name !== undefined) namedNames.add(named.name);
    const phone = key === 'phone' ? phoneKey(named.phone) : undefined;
    if (phone !== undefined) namedPhones.add(phone);
    const projection = projectContact(desired, ref, capabilities);
    if (!projection.ok) {
      slots.push({ kind: 'skip', name: projection.name, reason: projection.reason, ...(projection.error === undefined ? {} : { error: projection.error }) });
      continue;
    }
    const { input, warnings: entryWarnings } = projection;
    namedNames.add(input.name);
    const inputKey = keyOfInput(input, key);
    if (inputKey === undefined || wantedKeys.has(inputKey)) {
      const what = key === 'name' ? `the name "${input.name}"` : `the number ${input.phone ?? '(none)'}`;
      slots.push({ kind: 'skip', name: input.name, reason: inputKey === undefined ? `has no ${key} to match it by on ${id}` : `another roster entry already has ${what} on ${id}` });
      continue;
    }
    wantedKeys.add(inputKey);
    const found = index.get(inputKey) ?? [];
    if (found.length > 1) {
      const ids = found.map((contact) => contact.id).join(', ');
      slots.push({ kind: 'skip', name: input.name, reason: `${found.length} contacts on ${id} have the ${key} of this entry (${ids}): the roster cannot tell which is its own, so none is changed` });
      continue;
    }
    const [current] = found;
    const masked = maskedIn(input);
    if (current === undefined && masked.length > 0) slots.push({ kind: 'skip', name: input.name, reason: `${maskedReason(input, masked)} to create it on ${id}` });
    else if (current === undefined) slots.push({ kind: 'create', name: input.name, input, warnings: entryWarnings });
    else {
      matches.push({ slot: slots.length, input, warnings: entryWarnings, listed: current });
      slots.push(undefined);
    }
  }
  if (unnamed > 0) warnings.push(`${id} takes only roster entries that name it or ${ref.provider} (in only, or with an override): ${unnamed} that do not are not sent there`);
  for (const match of await completed(provider, matches, read)) slots[match.slot] = entryFor(provider, match, request);
  const matchedIds = new Set(matches.map((match) => match.listed.id));
  const isNamed = (contact: Contact<object>): boolean => matchedIds.has(contact.id) || namedNames.has(contact.name) || namedPhones.has(keyOfContact(contact, 'phone') ?? '');
  const entries = slots.filter((slot): slot is PlanEntry => slot !== undefined);
  entries.push(...deletesOf(listed, isNamed, request, warnings));
  // The contacts the roster manages there: those it owns or matched, and those the plan creates
  // (counted in so that the share is the same before the creates are made and after).
  const creates = entries.filter((entry) => entry.kind === 'create').length;
  const managedThere = creates + listed.filter((contact) => matchedIds.has(contact.id) || owns(request.managed, contact.name)).length;
  const guarded = withinDeletionGuard(entries, managedThere, request.deletionGuard, id, warnings);
  const left = await syncOperationsOf(provider)?.createsLeft().catch(() => undefined);
  const planned = withinDailyQuota(guarded, provider, left, warnings);
  return printablePlan({ provider, id: ref.provider, target: id, entries: planned.map(printableEntry), warnings });
}

/**
 * The matched contacts with what their listing lacks read in, where the listing differs from
 * the roster in a field it may lack: with the provider's sync operations, one call for all; else
 * a `get` (with pending values) per such contact. A read that fails leaves the listing's view.
 */
async function completed(provider: SyncProvider, matches: Match[], read: CallOptions): Promise<Match[]> {
  const operations = syncOperationsOf(provider);
  const lacking = matches.filter((match) => {
    const { changes, masked } = compareContact(match.listed, match.input, provider.capabilities);
    const differs = [...changes.map((change) => change.field), ...masked.map((hidden) => hidden.field)];
    return operations === undefined ? differs.length > 0 : differs.some((field) => operations.listingLacks.includes(field));
  });
  if (lacking.length === 0) return matches;
  try {
    const fuller =
      operations === undefined
        ? await Promise.all(lacking.map((match) => provider.get(match.listed.id, { ...read, includePending: true })))
        : await operations.complete(lacking.map((match) => match.listed), read);
    lacking.forEach((match, position) => {
      const contact = fuller[position];
      if (contact !== undefined && contact.id === match.listed.id) match.listed = contact;
    });
  } catch {
    // The listing's view is still a plan; applying it fails or succeeds on its own merits.
  }
  return matches;
}

/** The entry of a matched contact: unchanged, update, replace, or a skip when the provider must not replace it. */
function entryFor(provider: SyncProvider, match: Match, request: PlanRequest): PlanEntry {
  const capabilities = provider.capabilities;
  const current = match.listed;
  const comparison: Comparison = compareContact(current, match.input, capabilities);
  const forced = request.replaceMasked === true || (Array.isArray(request.replaceMasked) && request.replaceMasked.includes(match.input.name));
  const changes = forced ? [...comparison.changes, ...maskedChanges(comparison.masked)] : comparison.changes;
  const warnings = [
    ...match.warnings,
    ...(forced
      ? []
      : comparison.masked.map(
          ({ field, shown }) => `cannot tell whether the ${field} changed: ${provider.id} shows it masked (${shown}); replaceMasked (CLI: --replace-masked) forces the change`,
        )),
  ];
  const base = { name: match.input.name, id: current.id, warnings } as const;
  if (changes.length === 0) return { kind: 'unchanged', ...base };
  const replace = needsReplace(changes, capabilities);
  const masked = maskedIn(match.input);
  // A mask stands for a value the roster does not know: nothing can be sent from it.
  if (masked.length > 0 && (replace || changes.some((change) => masked.includes(change.field as 'email' | 'phone')))) {
    const fields = changes.map((change) => change.field).join(', ');
    return { kind: 'skip', name: match.input.name, reason: `${maskedReason(match.input, masked)} to change ${fields} on ${provider.id}` };
  }
  if (!replace) return { kind: 'update', ...base, patch: patchOf(changes), changes, current };
  if (capabilities.sync?.replace === false) {
    const fields = changes.map((change) => change.field).join(', ');
    return { kind: 'skip', name: match.input.name, reason: `${provider.id} cannot change ${fields} in place and does not replace its contacts (that would delete ${current.id}): change it in the vendor's console` };
  }
  return { kind: 'replace', ...base, input: match.input, changes, cost: replaceCost(provider), current };
}

/** Why a roster entry holding masks cannot be sent: `the roster holds only the mask of its email (alic****@example.com): write the full value`. */
function maskedReason(input: ContactInput, masked: ReadonlyArray<'email' | 'phone'>): string {
  const shown = masked.map((field) => input[field]).join(', ');
  return `the roster holds only the mask of its ${masked.join(' and ')} (${shown}): write the full value${masked.length > 1 ? 's' : ''}`;
}

/**
 * The deletes of a prune: contacts the roster owns that no entry names here. Names that start
 * with the prefix without being owned are left alone, with a warning.
 */
function deletesOf(listed: readonly Contact<object>[], isNamed: (contact: Contact<object>) => boolean, request: PlanRequest, warnings: string[]): PlanEntry[] {
  if (request.prune !== true) {
    // Without prune nothing goes, but the roster's own contacts it no longer lists are news.
    const gone = request.managed === undefined ? [] : listed.filter((contact) => !isNamed(contact) && owns(request.managed, contact.name)).map((contact) => JSON.stringify(contact.name));
    if (gone.length > 0) warnings.push(`${gone.join(', ')} ${gone.length === 1 ? 'is' : 'are'} the roster's (managed) but no longer in it: prune (CLI: --prune) deletes ${gone.length === 1 ? 'it' : 'them'}`);
    return [];
  }
  if (request.managed === undefined) {
    warnings.push('prune was asked without saying which contacts the roster manages, so nothing is deleted');
    return [];
  }
  const deletes: PlanEntry[] = [];
  const strangers: string[] = [];
  for (const contact of listed) {
    if (isNamed(contact)) continue;
    if (owns(request.managed, contact.name)) {
      deletes.push({ kind: 'delete', name: contact.name, id: contact.id, reason: 'no longer in the roster', current: contact });
    } else if (nearPrefix(request.managed, contact.name)) strangers.push(contact.name);
  }
  if (strangers.length > 0) {
    warnings.push(
      `${strangers.map((name) => JSON.stringify(name)).join(', ')} start with the managed prefix "${request.managed.prefix ?? ''}" but no separator follows it, so the roster does not own them and prune leaves them alone (list them in managed.names to own them)`,
    );
  }
  return deletes;
}
