/**
 * `exportRoster`: the roster of what the clouds already hold, so that adopting cloud-contacts starts
 * from a file that `plan` shows as all unchanged rather than one written by hand from four consoles.
 */
import { CONTACT_FIELDS } from '../model/contact.js';
import type { Capabilities } from '../contract/provider.js';
import { issuesError, toContactError } from '../errors/to-contact-error.js';
import { maskWebhookUrl } from '../util/redaction.js';
import { readContacts } from '../sync/read-contacts.js';
import { targetOf } from '../sync/sync-plan.js';
import type { SyncProvider } from '../sync/sync-types.js';
import { SECRET_FIELDS } from '../sync/roster-variables.js';
import { draftEntry } from './export-entries.js';
import type { DraftEntry } from './export-entries.js';
import { groupPeople } from './export-people.js';
import type { Held } from './export-people.js';
import type { ExportedEntry, ExportedRoster, ExportedTarget, ExportedVariable } from './export-types.js';

/** Options of {@link exportRoster}. */
export interface ExportOptions {
  /** Cancels the reads. */
  readonly signal?: AbortSignal;
}

/**
 * Reads every target and writes the roster of what they hold: one entry per person, with the
 * values their contacts share and, per target, what differs there.
 *
 * @remarks How people are found: contacts that share an email or a phone number (normalised:
 * case, spaces, `+86`/`0086`) are one person; a contact a vendor shows only masked (CAM's
 * `alic****@example.com`) joins the one person whose values fit its masks and whose name matches
 * (`Alice Zhang`, `AliceZhang`, `alice_zhang`). What cannot be decided stays apart, with a note:
 * two contacts of one target that would be one person, a mask that fits two people.
 *
 * How entries are written: the name most of a person's contacts have, the others as overrides by
 * target (`providers: { alibaba-resource-directory: { name: AliceZhang } }`); a field a contact
 * lacks where the others have it, `null` there; `only` where a person is not on every target;
 * masks kept as masks where no cloud shows the value in full. Webhook URLs that carry a key, and
 * secrets and tokens, are never written: each is `{ env: NAME }`, listed in `variables`. A plan of
 * the roster (with those variables set) shows every contact unchanged.
 *
 * A target whose listing fails is left out, with its error in `targets`; the others are exported.
 *
 * @throws ContactError `invalid-input` when `providers` is not a list of providers.
 *
 * @example
 * ```ts
 * const exported = await exportRoster([cam, rd, vmp]);
 * await writeFile('roster.yaml', await formatRoster(exported));
 * ```
 */
export async function exportRoster(providers: readonly SyncProvider[], options: ExportOptions = {}): Promise<ExportedRoster> {
  checkProviders(providers);
  const read = options.signal === undefined ? {} : { signal: options.signal };
  const capabilities = new Map<string, Capabilities>();
  const targets: ExportedTarget[] = [];
  const held: Held[] = [];
  await Promise.all(
    providers.map(async (provider) => {
      // Entries name targets by their names: a provider's id unless its `target` setting names it otherwise.
      const target = targetOf(provider).target;
      capabilities.set(target, provider.capabilities);
      try {
        const contacts = await readContacts(provider, CONTACT_FIELDS, read);
        held.push(...contacts.map((contact) => ({ target, contact })));
        targets.push({ target, contacts: contacts.length });
      } catch (error) {
        targets.push({ target, contacts: 0, error: toContactError(error, { provider: provider.id, ...(target === provider.id ? {} : { target }), operation: 'export' }) });
      }
    }),
  );
  const order: string[] = providers.map((provider) => targetOf(provider).target);
  const rank = (target: string): number => order.indexOf(target);
  targets.sort((a, b) => rank(a.target) - rank(b.target));
  // Listings come back in any order; a stable order makes the same clouds give the same roster.
  held.sort((a, b) => rank(a.target) - rank(b.target) || a.contact.name.localeCompare(b.contact.name) || a.contact.id.localeCompare(b.contact.id));
  const exported = targets.filter((target) => target.error === undefined).map((target) => target.target);
  const drafts = groupPeople(held)
    .map((person) => draftEntry({ ...person, members: [...person.members].sort((a, b) => rank(a.target) - rank(b.target)) }, (target) => capabilities.get(target)!))
    .sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || a.targets.join().localeCompare(b.targets.join()));
  uniqueNames(drafts);
  const variables: ExportedVariable[] = [];
  const contacts = drafts.map((draft) => finalEntry(draft, exported, variables));
  // Targets named other than their provider id need a targets: block to be read back: it names
  // each exported target's provider; how to reach each account is the reader's to add.
  const named = providers.filter((provider) => exported.includes(targetOf(provider).target));
  const block = named.some((provider) => targetOf(provider).target !== provider.id)
    ? { targets: Object.fromEntries(named.map((provider) => [targetOf(provider).target, { provider: provider.id }])) }
    : {};
  return { roster: { version: 1, ...block, providers: exported, contacts }, notes: drafts.map((draft) => draft.notes), variables, targets };
}

function checkProviders(providers: unknown): void {
  const valid = Array.isArray(providers) && providers.every((provider) => typeof provider === 'object' && provider !== null && typeof (provider as SyncProvider).list === 'function');
  if (!valid) throw issuesError('invalid-input', [{ path: 'providers', code: 'invalid_type', message: 'must be a list of providers' }], { operation: 'exportRoster' });
}

/** Entry names are unique in a roster: a second `ops` becomes `ops-2`, keeping `ops` as its name on each target. */
function uniqueNames(drafts: DraftEntry[]): void {
  const taken = new Set(drafts.map((draft) => draft.name));
  const seen = new Set<string>();
  for (const draft of drafts) {
    if (!seen.has(draft.name)) {
      seen.add(draft.name);
      continue;
    }
    const old = draft.name;
    let n = 2;
    while (taken.has(`${old}-${n}`)) n += 1;
    draft.name = `${old}-${n}`;
    taken.add(draft.name);
    seen.add(draft.name);
    for (const target of draft.targets) {
      const fields = draft.overrides.get(target) ?? {};
      if (fields['name'] === undefined) draft.overrides.set(target, { name: old, ...fields });
    }
    draft.notes.push(`named "${old}" in the clouds, as another entry is: the roster calls it "${draft.name}" (names are unique in a roster)`);
  }
}

/** The entry as written: secrets replaced by variables, `only` where the person is not everywhere. */
function finalEntry(draft: DraftEntry, exported: readonly string[], variables: ExportedVariable[]): ExportedEntry {
  const secret = (fields: Record<string, unknown>, where: string): Record<string, unknown> => withVariables(fields, draft.name, where, variables);
  const shared = secret(draft.shared, '');
  const everywhere = exported.every((target) => draft.targets.includes(target)) && draft.targets.length === exported.length;
  const overrides = [...draft.overrides].filter(([, fields]) => Object.keys(fields).length > 0);
  return {
    name: draft.name,
    ...shared,
    ...(everywhere ? {} : { only: [...draft.targets] }),
    ...(overrides.length === 0 ? {} : { providers: Object.fromEntries(overrides.map(([target, fields]) => [target, secret(fields, target)])) }),
  } as ExportedEntry;
}

/** The fields with each webhook secret (and each URL carrying a key) replaced by `{ env: NAME }`. */
function withVariables(fields: Record<string, unknown>, entry: string, target: string, variables: ExportedVariable[]): Record<string, unknown> {
  const webhooks = fields['webhooks'];
  if (typeof webhooks !== 'object' || webhooks === null) return fields;
  const out: Record<string, unknown> = {};
  for (const [kind, hook] of Object.entries(webhooks)) {
    if (typeof hook !== 'object' || hook === null) {
      out[kind] = hook;
      continue;
    }
    const written: Record<string, unknown> = { ...hook };
    for (const part of SECRET_FIELDS[kind] ?? []) {
      const value = written[part];
      if (typeof value !== 'string' || (part === 'url' && maskWebhookUrl(value) === value)) continue;
      const name = variableName([kind, part, entry, target], variables);
      written[part] = { env: name };
      variables.push({ name, entry, field: `${target === '' ? '' : `providers.${target}.`}webhooks.${kind}.${part}` });
    }
    out[kind] = written;
  }
  return { ...fields, webhooks: out };
}

/** `LARK_SECRET_ONCALL_ALICE`: the parts in capitals, `_` between, unique among the variables. */
function variableName(parts: readonly string[], variables: readonly ExportedVariable[]): string {
  const base = parts
    .map((part) => part.toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, ''))
    .filter((part) => part !== '')
    .join('_');
  const name = /^[A-Z_]/.test(base) ? base : `CONTACT_${base}`;
  let unique = name;
  for (let n = 2; variables.some((variable) => variable.name === unique); n += 1) unique = `${name}_${n}`;
  return unique;
}
