/**
 * The roster file: "these people, in these clouds". YAML or JSON with the targets (which
 * accounts, regions and customer spaces), the contacts, what differs per provider or target, and
 * which existing contacts the roster owns. Checked with messages that name the entry and the
 * field (and, for a key that looks like a secret, its line).
 */
import { PROVIDER_IDS } from '../model/contact.js';
import { contactInputSchema, contactPatchSchema } from '../validation/contact-schema.js';
import type { ContactIssue } from '../errors/errors.js';
import { fromZodIssues, issuesError } from '../errors/to-contact-error.js';
import { checkTargetsBlock, isProviderId, isRecord } from './roster-targets.js';
import type { Locate, RosterTarget } from './roster-targets.js';
import type { DesiredContact, ManagedContacts, TargetName } from './sync-types.js';

export type { RosterTarget } from './roster-targets.js';

/** A checked roster. */
export interface Roster {
  /**
   * The targets: each a provider object to build, with its non-secret settings (`profile`,
   * `assumeRole`, `region`, `site`, `custSpaceId`, `endpoint`, ...). Absent: one target per
   * provider id, each made from the environment, as before targets.
   */
  readonly targets?: readonly RosterTarget[];
  /** Which existing contacts the roster owns (only those can be pruned). */
  readonly managed?: ManagedContacts;
  /**
   * The targets (or providers) a contact goes to unless its own `only` says otherwise; the
   * roster is synced to these and to every one an `only` names, unless the caller names others.
   */
  readonly providers?: readonly TargetName[];
  /** The contacts wanted. */
  readonly contacts: readonly DesiredContact[];
}

const TOP_KEYS = ['targets', 'managed', 'providers', 'contacts'];

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
    throw issuesError('invalid-input', [{ path: '', code: 'unparseable', message: `is not valid ${format.toUpperCase()}: ${parseProblem(error)}` }], { operation: 'roster' });
  }
  // Lines are looked up only for a refusal that names one: JSON is YAML too, so one parser finds both.
  const yaml = isRecord(value) && value['targets'] !== undefined ? await import('yaml') : undefined;
  let document: { lines: import('yaml').LineCounter; doc: import('yaml').Document } | undefined;
  const locate: Locate = (path) => {
    if (yaml === undefined) return undefined;
    document ??= (() => {
      const lines = new yaml.LineCounter();
      return { lines, doc: yaml.parseDocument(text, { lineCounter: lines, uniqueKeys: false }) };
    })();
    const parent = document.doc.getIn(path.slice(0, -1), true);
    const pair = yaml.isMap(parent) ? parent.items.find((item) => yaml.isScalar(item.key) && item.key.value === path.at(-1)) : undefined;
    const offset = yaml.isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
    return offset === undefined ? undefined : document.lines.linePos(offset).line;
  };
  return checkRosterValue(value, locate);
}

/** The first line of a parser's complaint; a key given twice (two targets of one name) says so. */
function parseProblem(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const line = (error as { linePos?: Array<{ line: number }> }).linePos?.[0]?.line;
  if ((error as { code?: unknown }).code === 'DUPLICATE_KEY') {
    return `a key is given twice${line === undefined ? '' : ` (line ${line})`}: two targets, or two fields of one entry, cannot share a name`;
  }
  return error.message.split('\n')[0] ?? error.message;
}

/**
 * Every target a roster sends contacts to, by name (or provider id): its `providers` and every
 * name an `only` gives; undefined when the roster says none (then every target is synced).
 */
export function rosterProviders(roster: Roster): TargetName[] | undefined {
  if (roster.providers === undefined) return undefined;
  return [...new Set([...roster.providers, ...roster.contacts.flatMap((contact) => contact.only ?? [])])];
}

/**
 * Checks a roster given as data.
 *
 * @throws ContactError as {@link parseRoster}.
 */
export function checkRoster(value: unknown): Roster {
  return checkRosterValue(value, () => undefined);
}

function checkRosterValue(value: unknown, locate: Locate): Roster {
  const issues: ContactIssue[] = [];
  const problem = (path: string, message: string): void => void issues.push({ path, code: 'invalid_roster', message: `${path} ${message}` });
  if (!isRecord(value)) throw issuesError('invalid-input', [{ path: '', code: 'invalid_type', message: 'must be an object with a contacts list' }], { operation: 'roster' });
  for (const key of Object.keys(value)) if (!TOP_KEYS.includes(key)) problem(key, `is not a roster key (known: ${TOP_KEYS.join(', ')})`);
  const before = issues.length;
  const targets = checkTargetsBlock(value['targets'], problem, locate);
  // The targets block is the roster's provider settings: a problem there is one of configuration.
  const configProblems = issues.length - before;
  const names = knownNames(targets);
  const providers = checkNameList(value['providers'], 'providers', names, problem);
  const managed = checkManaged(value['managed'], problem);
  const contacts = Array.isArray(value['contacts']) ? value['contacts'] : [];
  if (!Array.isArray(value['contacts'])) problem('contacts', 'must be a list of contacts');
  const checked = contacts.map((entry, index) => checkEntry(entry, index, names, issues));
  if (issues.length > 0) throw issuesError(configProblems > 0 ? 'invalid-config' : 'invalid-input', issues, { operation: 'roster' });
  // A contact without `only` goes where the roster says contacts go.
  const placed = providers === undefined ? checked : checked.map((contact) => (contact.only === undefined ? { ...contact, only: [...providers] } : contact));
  return {
    ...(targets === undefined ? {} : { targets }),
    ...(managed === undefined ? {} : { managed }),
    ...(providers === undefined ? {} : { providers }),
    contacts: placed,
  };
}

/** The names a roster's `only`, overrides and `providers` may use, and how to list them when one is unknown. */
interface KnownNames {
  readonly has: (name: string) => boolean;
  readonly listed: string;
  /** Targets or providers, for messages. */
  readonly what: 'targets' | 'providers';
}

/** With a targets block: its targets and their providers; without: the provider ids. */
function knownNames(targets: readonly RosterTarget[] | undefined): KnownNames {
  if (targets === undefined) return { has: isProviderId, listed: PROVIDER_IDS.join(', '), what: 'providers' };
  const providers = [...new Set(targets.map((target) => target.provider))];
  const known = new Set<string>([...targets.map((target) => target.name), ...providers]);
  return { has: (name) => known.has(name), listed: `targets ${targets.map((target) => target.name).join(', ')}; providers ${providers.join(', ')}`, what: 'targets' };
}

function checkEntry(entry: unknown, index: number, names: KnownNames, issues: ContactIssue[]): DesiredContact {
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
  checkNameList(only, 'only', names, (path, message) => add(path, 'invalid_roster', message));
  if (providers !== undefined) {
    if (!isRecord(providers)) add('providers', 'invalid_type', `must map ${names.what === 'targets' ? 'target names or provider ids' : 'provider ids'} to the fields that differ there`);
    else {
      for (const [id, override] of Object.entries(providers)) {
        if (!names.has(id)) add(`providers.${id}`, names.what === 'targets' ? 'unknown_target' : 'unknown_provider', `is not one of the roster's ${names.what} (known: ${names.listed})`);
        const overrideCheck = contactPatchSchema.safeParse(override);
        if (!overrideCheck.success) for (const issue of fromZodIssues(overrideCheck.error.issues)) add(`providers.${id}.${issue.path}`, issue.code, issue.message);
      }
    }
  }
  return entry as unknown as DesiredContact;
}

function checkNameList(value: unknown, path: string, names: KnownNames, problem: (path: string, message: string) => void): TargetName[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length === 0) {
    problem(path, `must be a non-empty list of ${names.what === 'targets' ? 'target names or provider ids' : 'provider ids'} (${names.listed})`);
    return undefined;
  }
  const unknown = value.filter((name) => typeof name !== 'string' || !names.has(name));
  if (unknown.length > 0) problem(path, `names unknown ${names.what} ${unknown.map((name) => JSON.stringify(name)).join(', ')} (known: ${names.listed})`);
  return value as TargetName[];
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
