/**
 * The roster file: "these people, in these clouds". YAML or JSON with the contacts, what differs
 * per provider, and which existing contacts the roster owns. Checked with messages that name the
 * entry and the field.
 */
import { PROVIDER_IDS } from '../model/contact.js';
import type { ProviderId } from '../model/contact.js';
import { contactInputSchema, contactPatchSchema } from '../validation/contact-schema.js';
import type { ContactIssue } from '../errors/errors.js';
import { fromZodIssues, issuesError } from '../errors/to-contact-error.js';
import type { DesiredContact, ManagedContacts } from './sync-types.js';

/** A checked roster. */
export interface Roster {
  /** Which existing contacts the roster owns (only those can be pruned). */
  readonly managed?: ManagedContacts;
  /**
   * The providers a contact goes to unless its own `only` says otherwise; the roster is synced to
   * these and to every provider an `only` names, unless the caller names others.
   */
  readonly providers?: readonly ProviderId[];
  /** The contacts wanted. */
  readonly contacts: readonly DesiredContact[];
}

const TOP_KEYS = ['managed', 'providers', 'contacts'];

/**
 * Parses and checks a roster. YAML is read with the `yaml` package, loaded only here; JSON
 * needs nothing. The format follows `format`, else the text (a roster starting with `{` is JSON).
 *
 * @throws ContactError `invalid-input` listing every problem, each naming the entry and field
 * (`contacts[2] ("Bob Li"): field email must be a valid email address`).
 *
 * @example
 * ```ts
 * const roster = await parseRoster(await readFile('roster.yaml', 'utf8'));
 * await syncContacts({ desired: roster.contacts, managed: roster.managed, prune: true, providers: [cam, rd] });
 * ```
 */
export async function parseRoster(text: string, options: { readonly format?: 'yaml' | 'json' } = {}): Promise<Roster> {
  const format = options.format ?? (text.trimStart().startsWith('{') ? 'json' : 'yaml');
  let value: unknown;
  try {
    value = format === 'json' ? JSON.parse(text) : (await import('yaml')).parse(text);
  } catch (error) {
    throw issuesError('invalid-input', [{ path: '', code: 'unparseable', message: `is not valid ${format.toUpperCase()}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` }], { operation: 'roster' });
  }
  return checkRoster(value);
}

/** Every provider a roster sends contacts to: its `providers` and every provider an `only` names. */
export function rosterProviders(roster: Roster): ProviderId[] | undefined {
  if (roster.providers === undefined) return undefined;
  return [...new Set([...roster.providers, ...roster.contacts.flatMap((contact) => contact.only ?? [])])];
}

/**
 * Checks a roster given as data.
 *
 * @throws ContactError `invalid-input`, as {@link parseRoster}.
 */
export function checkRoster(value: unknown): Roster {
  const issues: ContactIssue[] = [];
  const problem = (path: string, message: string): void => void issues.push({ path, code: 'invalid_roster', message: `${path} ${message}` });
  if (!isRecord(value)) throw issuesError('invalid-input', [{ path: '', code: 'invalid_type', message: 'must be an object with a contacts list' }], { operation: 'roster' });
  for (const key of Object.keys(value)) if (!TOP_KEYS.includes(key)) problem(key, `is not a roster key (known: ${TOP_KEYS.join(', ')})`);
  const providers = checkProviderList(value['providers'], 'providers', problem);
  const managed = checkManaged(value['managed'], problem);
  const contacts = Array.isArray(value['contacts']) ? value['contacts'] : [];
  if (!Array.isArray(value['contacts'])) problem('contacts', 'must be a list of contacts');
  const checked = contacts.map((entry, index) => checkEntry(entry, index, issues));
  if (issues.length > 0) throw issuesError('invalid-input', issues, { operation: 'roster' });
  // A contact without `only` goes where the roster says contacts go.
  const placed = providers === undefined ? checked : checked.map((contact) => (contact.only === undefined ? { ...contact, only: [...providers] } : contact));
  return { ...(managed === undefined ? {} : { managed }), ...(providers === undefined ? {} : { providers }), contacts: placed };
}

function checkEntry(entry: unknown, index: number, issues: ContactIssue[]): DesiredContact {
  const where = `contacts[${index}]`;
  if (!isRecord(entry)) {
    issues.push({ path: where, code: 'invalid_type', message: 'must be an object with at least a name' });
    return { name: '' };
  }
  const label = typeof entry['name'] === 'string' ? `${where} (${JSON.stringify(entry['name'])})` : where;
  const add = (path: string, code: string, message: string): void => void issues.push({ path: `${where}.${path}`, code, message: `${label}: field ${path} ${message}` });
  const { only, providers, ...shared } = entry;
  const parsed = contactInputSchema.safeParse(shared);
  if (!parsed.success) for (const issue of fromZodIssues(parsed.error.issues)) add(issue.path, issue.code, issue.message);
  checkProviderList(only, 'only', (path, message) => add(path, 'invalid_roster', message));
  if (providers !== undefined) {
    if (!isRecord(providers)) add('providers', 'invalid_type', 'must map provider ids to the fields that differ there');
    else {
      for (const [id, override] of Object.entries(providers)) {
        if (!(PROVIDER_IDS as readonly string[]).includes(id)) add(`providers.${id}`, 'unknown_provider', `is not a provider (known: ${PROVIDER_IDS.join(', ')})`);
        const overrideCheck = contactPatchSchema.safeParse(override);
        if (!overrideCheck.success) for (const issue of fromZodIssues(overrideCheck.error.issues)) add(`providers.${id}.${issue.path}`, issue.code, issue.message);
      }
    }
  }
  return entry as unknown as DesiredContact;
}

function checkProviderList(value: unknown, path: string, problem: (path: string, message: string) => void): ProviderId[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length === 0) {
    problem(path, `must be a non-empty list of provider ids (${PROVIDER_IDS.join(', ')})`);
    return undefined;
  }
  const unknown = value.filter((id) => !(PROVIDER_IDS as readonly unknown[]).includes(id));
  if (unknown.length > 0) problem(path, `names unknown providers ${unknown.map((id) => JSON.stringify(id)).join(', ')} (known: ${PROVIDER_IDS.join(', ')})`);
  return value as ProviderId[];
}

function checkManaged(value: unknown, problem: (path: string, message: string) => void): ManagedContacts | undefined {
  if (value === undefined) return undefined;
  const valid =
    isRecord(value) &&
    Object.keys(value).every((key) => key === 'prefix' || key === 'names') &&
    (value['prefix'] === undefined || (typeof value['prefix'] === 'string' && value['prefix'] !== '')) &&
    (value['names'] === undefined || (Array.isArray(value['names']) && value['names'].every((name) => typeof name === 'string' && name !== '')));
  if (!valid) {
    problem('managed', 'must be { prefix: "oncall-" } and/or { names: [...] }: the contacts the roster owns');
    return undefined;
  }
  return value as ManagedContacts;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
