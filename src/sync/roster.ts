/**
 * The roster file: "these people, in these clouds". YAML or JSON with the targets (which
 * accounts, regions and customer spaces), the contacts, what differs per provider or target, and
 * which existing contacts the roster owns. Checked with messages that name the entry and the
 * field, and, read from text, the line and column.
 */
import { PROVIDER_IDS } from '../model/contact.js';
import { isMasked, maskProblem } from '../model/masked-values.js';
import { contactInputSchema, contactPatchSchema } from '../validation/contact-schema.js';
import { ContactError } from '../errors/errors.js';
import type { ContactIssue } from '../errors/errors.js';
import { fromZodIssues } from '../errors/to-contact-error.js';
import { didYouMeanNote } from '../util/did-you-mean.js';
import { locatePaths, readText } from './roster-text.js';
import { resolveWebhookVariables } from './roster-variables.js';
import type { VariableSource } from './roster-variables.js';
import { checkTargetsBlock, isProviderId, isRecord } from './roster-targets.js';
import type { RosterTarget } from './roster-targets.js';
import type { DesiredContact, ManagedContacts, TargetName } from './sync-types.js';

export type { RosterTarget } from './roster-targets.js';

/** The roster format versions this release reads; `version:` in a roster names one. */
export const ROSTER_VERSIONS = [1] as const;

/** A checked roster. */
export interface Roster {
  /** The format version the roster declares, when it declares one (this release reads 1). */
  readonly version?: (typeof ROSTER_VERSIONS)[number];
  /**
   * The targets: each a provider object to build, with its non-secret settings (`profile`,
   * `assumeRole`, `region`, `site`, `custSpaceId`, `endpoint`, ...). Absent: one target per
   * provider id, each made from the environment.
   */
  readonly targets?: readonly RosterTarget[];
  /** Which existing contacts the roster owns (only those can be pruned). */
  readonly managed?: ManagedContacts;
  /**
   * The targets (target names, or provider ids for every target of a provider) a contact goes to
   * unless its own `only` says otherwise; the roster is synced to these and to every target an
   * `only` names, unless the caller names others.
   */
  readonly providers?: readonly TargetName[];
  /** The contacts wanted. */
  readonly contacts: readonly DesiredContact[];
}

/**
 * One problem of a roster: a {@link ContactIssue} with its parts apart, so that a program (the CLI)
 * can say it in its own form without repeating any of them.
 */
export interface RosterIssue extends ContactIssue {
  /** The entry at fault, for a problem of one entry: its index in `contacts` and its name, when it has one. */
  readonly entry?: { readonly index: number; readonly name?: string };
  /** The field at fault, below the entry for an entry's problem (`providers.tencent-cam.name`), else from the top (`managed`); empty for the whole text. */
  readonly field: string;
  /** The rule broken, in words, without the place: `must be a valid email address, such as ops@example.com`. */
  readonly rule: string;
  /** Where in the text, when the roster was read from text: the line, from 1. */
  readonly line?: number;
  /** Where in the text: the column, from 1. */
  readonly column?: number;
  /** For a syntax problem: the one line at fault, secrets masked, with a caret under the column. */
  readonly excerpt?: string;
}

/** How {@link parseRoster} reads a roster. */
export interface RosterOptions {
  /** `yaml` or `json` (default: JSON when the text starts with `{`, else YAML). */
  readonly format?: 'yaml' | 'json';
  /** The file's name, for messages (`roster.yaml, line 4, column 12`). */
  readonly file?: string;
  /** Where `{ env: NAME }` values are read from (default: `process.env`). */
  readonly environment?: Readonly<Record<string, string | undefined>>;
  /**
   * Unset variables read as placeholders instead of being problems (default false): for reads
   * that send no webhook value, such as {@link reachability}, which only needs to know a webhook
   * is wanted.
   */
  readonly allowUnsetVariables?: boolean;
}

/** Problems of a key itself, placed at the key rather than its value: an unknown field, a secret's name. */
const KEY_PROBLEMS: ReadonlySet<string> = new Set(['unknown_field', 'secret_in_roster']);

const TOP_KEYS = ['version', 'targets', 'managed', 'providers', 'contacts', '$comment'];
const ENTRY_KEYS = ['only', 'providers', 'oncall', '$comment'];
const CONTACT_KEYS = ['name', 'email', 'phone', 'title', 'messageTypes', 'remark', 'webhooks', 'groupIds'];
const WEBHOOK_KEYS: Readonly<Record<string, readonly string[]>> = {
  '': ['generic', 'lark', 'dingtalk', 'wecom'],
  generic: ['url', 'token'],
  lark: ['url', 'secret'],
  dingtalk: ['url', 'secret', 'atMobiles', 'atUserIds'],
  wecom: ['url', 'atUserIds'],
};

/**
 * Parses and checks a roster. YAML is read with the `yaml` package, loaded only when needed; JSON
 * needs nothing. Every problem is reported at once, each at its line and column.
 *
 * @remarks The format: `version: 1` (optional; another version is refused, saying which this
 * release reads), `managed`, `providers`, and `contacts`, each entry a contact (`name`, `email`,
 * `phone`, `title`, `messageTypes`, `remark`, `webhooks`, `groupIds`) with `only` (the providers
 * it goes to), `providers` (what differs per provider), `oncall: true` (someone who must be
 * reachable: see {@link reachability}) and `$comment` (a note, ignored). Entry names are unique.
 * A webhook's `url`, `secret` or `token` may be `{ env: NAME }`, read from the environment. An
 * email or phone may be the masked value a vendor shows (`alic****@example.com`): it matches the
 * contact that shows that mask, and cannot create one.
 *
 * @throws ContactError `invalid-input` (`invalid-config` when the `targets:` block is at fault)
 * whose `issues` are {@link RosterIssue}s, one per problem,
 * each naming the entry and field (`contacts[2] ("Bob Li"): field email must be a valid email
 * address (line 9, column 12)`).
 *
 * @example
 * ```ts
 * const roster = await parseRoster(await readFile('roster.yaml', 'utf8'), { file: 'roster.yaml' });
 * await syncContacts({ desired: roster.contacts, managed: roster.managed, prune: true, providers: [cam, rd] });
 * ```
 */
export async function parseRoster(text: string, options: RosterOptions = {}): Promise<Roster> {
  const format = options.format ?? (text.trimStart().startsWith('{') ? 'json' : 'yaml');
  const read = await readText(text, format);
  if (!read.ok) {
    const issues = read.problems.map((problem): RosterIssue => ({ path: '', code: 'syntax', field: '', rule: problem.message, line: problem.line, column: problem.column, excerpt: problem.excerpt, message: '' }));
    throw rosterError(issues.map((issue) => withMessage(issue, options.file)), options.file);
  }
  try {
    return checkRoster(read.value, options);
  } catch (error) {
    const issues = (error as ContactError).issues as readonly RosterIssue[] | undefined;
    if (issues === undefined) throw error;
    const places = await locatePaths(text, issues.map((issue) => ({ path: issue.path, key: KEY_PROBLEMS.has(issue.code) })));
    const located = issues.map((issue, index) => withMessage({ ...issue, ...places[index] }, options.file));
    throw rosterError(located, options.file, (error as ContactError).code === 'invalid-config' ? 'invalid-config' : 'invalid-input');
  }
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
 * @throws ContactError `invalid-input`, as {@link parseRoster} (without lines and columns).
 */
export function checkRoster(value: unknown, options: Pick<RosterOptions, 'environment' | 'allowUnsetVariables'> = {}): Roster {
  const issues: RosterIssue[] = [];
  const top = (field: string, code: string, rule: string): void => void issues.push(withMessage({ path: field, code, field, rule, message: '' }));
  if (!isRecord(value)) {
    top('', 'invalid_type', 'must be an object with a contacts list');
    throw rosterError(issues);
  }
  const source: VariableSource = { environment: options.environment ?? process.env, allowUnset: options.allowUnsetVariables === true };
  for (const key of Object.keys(value)) if (!TOP_KEYS.includes(key)) top(key, 'unknown_field', `is not a roster key${knownNote(key, TOP_KEYS)}`);
  const version = checkVersion(value['version'], top);
  const before = issues.length;
  const targets = checkTargetsBlock(value['targets'], (path, code, rule) => top(path, code, rule));
  // The targets block is the roster's provider settings: a problem there is one of configuration.
  const configProblems = issues.length - before;
  const names = knownNames(targets);
  const providers = checkNameList(value['providers'], names, (code, rule) => top('providers', code, rule));
  const managed = checkManaged(value['managed'], top);
  if (value['$comment'] !== undefined && typeof value['$comment'] !== 'string') top('$comment', 'invalid_type', 'must be a text (a note for people, ignored)');
  const contacts = Array.isArray(value['contacts']) ? value['contacts'] : [];
  if (value['contacts'] === undefined) top('contacts', 'required', 'is missing: a roster lists its people under contacts:');
  else if (!Array.isArray(value['contacts'])) top('contacts', 'invalid_type', 'must be a list of contacts');
  const checked = contacts.map((entry, index) => checkEntry(entry, index, names, issues, source));
  uniqueNames(contacts, issues);
  if (issues.length > 0) throw rosterError(issues, undefined, configProblems > 0 ? 'invalid-config' : 'invalid-input');
  // A contact without `only` goes where the roster says contacts go.
  const placed = (checked as DesiredContact[]).map((contact) => (providers === undefined || contact.only !== undefined ? contact : { ...contact, only: [...providers] }));
  return {
    ...(version === undefined ? {} : { version }),
    ...(targets === undefined ? {} : { targets }),
    ...(managed === undefined ? {} : { managed }),
    ...(providers === undefined ? {} : { providers }),
    contacts: placed,
  };
}

/** The names a roster's `only`, overrides and `providers` may use. */
interface KnownNames {
  readonly has: (name: string) => boolean;
  /** Every name, for "did you mean". */
  readonly all: readonly string[];
  /** How to list them when one is unknown. */
  readonly listed: string;
  /** Targets or providers, for messages. */
  readonly what: 'targets' | 'providers';
}

/** With a targets block: its targets and their providers; without: the provider ids. */
function knownNames(targets: readonly RosterTarget[] | undefined): KnownNames {
  if (targets === undefined) return { has: isProviderId, all: PROVIDER_IDS, listed: PROVIDER_IDS.join(', '), what: 'providers' };
  const providers = [...new Set(targets.map((target) => target.provider))];
  const all = [...targets.map((target) => target.name), ...providers];
  const known = new Set<string>(all);
  return { has: (name) => known.has(name), all, listed: `targets ${targets.map((target) => target.name).join(', ')}; providers ${providers.join(', ')}`, what: 'targets' };
}

/** ` (did you mean "cam-prod"?)`, else every name the roster knows. */
function namesNote(word: string, names: KnownNames): string {
  const guess = didYouMeanNote(word, names.all);
  return guess !== '' ? guess : ` (known: ${names.listed})`;
}

type Problem = (field: string, code: string, rule: string) => void;

function checkEntry(entry: unknown, index: number, names: KnownNames, issues: RosterIssue[], source: VariableSource): DesiredContact | undefined {
  const name = isRecord(entry) && typeof entry['name'] === 'string' ? entry['name'] : undefined;
  const at = { index, ...(name === undefined ? {} : { name }) };
  const problem: Problem = (field, code, rule) => void issues.push(withMessage({ path: `contacts[${index}]${field === '' ? '' : `.${field}`}`, code, entry: at, field, rule, message: '' }));
  if (!isRecord(entry)) {
    problem('', 'invalid_type', 'must be an object with at least a name');
    return undefined;
  }
  const { only, providers, oncall, $comment, ...fields } = entry;
  const shared = contactFields(fields, '', 'input', source, problem);
  const onlyList = checkNameList(only, names, (code, rule) => problem('only', code, rule));
  const overrides = checkOverrides(providers, names, source, problem);
  if (oncall !== undefined && typeof oncall !== 'boolean') problem('oncall', 'invalid_type', 'must be true or false (true: this person must be reachable; cloud-contacts status checks it)');
  if ($comment !== undefined && typeof $comment !== 'string') problem('$comment', 'invalid_type', 'must be a text (a note for people, ignored)');
  return {
    ...(shared as unknown as DesiredContact),
    ...(onlyList === undefined ? {} : { only: onlyList }),
    ...(overrides === undefined ? {} : { providers: overrides }),
    ...(oncall === true ? { oncall: true } : {}),
  };
}

/**
 * The contact fields of an entry or an override, checked: variables read, masked values checked as
 * masks (and kept), everything else by the neutral schema. Returns the fields with variables read.
 */
function contactFields(fields: Record<string, unknown>, prefix: string, schema: 'input' | 'patch', source: VariableSource, problem: Problem): Record<string, unknown> {
  const resolved: Record<string, unknown> = { ...fields };
  if (fields['webhooks'] !== undefined) {
    resolved['webhooks'] = resolveWebhookVariables(fields['webhooks'], `${prefix}webhooks`, source, (path, rule) => problem(path, 'unset_variable', rule));
  }
  const checked: Record<string, unknown> = { ...resolved };
  for (const field of ['email', 'phone'] as const) {
    const value = checked[field];
    if (typeof value !== 'string' || !isMasked(value)) continue;
    const wrong = maskProblem(field, value);
    if (wrong !== undefined) problem(`${prefix}${field}`, 'invalid_mask', wrong);
    delete checked[field];
  }
  const parsed = (schema === 'input' ? contactInputSchema : contactPatchSchema).safeParse(checked);
  if (!parsed.success) {
    for (const issue of fromZodIssues(parsed.error.issues)) {
      problem(`${prefix}${issue.path}`, issue.code, issue.code === 'unknown_field' ? unknownFieldRule(issue.path, schema) : issue.message);
    }
  }
  return resolved;
}

/** An unknown key of a contact, with the known one it may be a slip for. */
function unknownFieldRule(path: string, schema: 'input' | 'patch'): string {
  const segments = path.split('.');
  const key = segments.at(-1) ?? path;
  const parent = segments.slice(0, -1);
  const known =
    parent.length === 0 ? (schema === 'input' ? [...CONTACT_KEYS, ...ENTRY_KEYS] : CONTACT_KEYS) : parent[0] === 'webhooks' ? (WEBHOOK_KEYS[parent[1] ?? ''] ?? []) : [];
  return `is not a known field${knownNote(key, known)}`;
}

function checkOverrides(value: unknown, names: KnownNames, source: VariableSource, problem: Problem): DesiredContact['providers'] | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) {
    problem('providers', 'invalid_type', `must map ${names.what === 'targets' ? 'target names or provider ids' : 'provider ids'} to the fields that differ there`);
    return undefined;
  }
  const out: Record<string, unknown> = {};
  for (const [id, override] of Object.entries(value)) {
    if (!names.has(id)) {
      const rule = names.what === 'targets' ? `is not one of the roster's targets${namesNote(id, names)}` : `is not a provider${namesNote(id, names)}`;
      problem(`providers.${id}`, names.what === 'targets' ? 'unknown_target' : 'unknown_provider', rule);
    }
    if (!isRecord(override)) {
      problem(`providers.${id}`, 'invalid_type', 'must be the fields that differ there, such as { name: OncallAlice }');
      continue;
    }
    out[id] = contactFields(override, `providers.${id}.`, 'patch', source, problem);
  }
  return out as DesiredContact['providers'];
}

/** Entry names are the roster's handles for its people: in plans, status and messages. */
function uniqueNames(contacts: readonly unknown[], issues: RosterIssue[]): void {
  const first = new Map<string, number>();
  contacts.forEach((entry, index) => {
    if (!isRecord(entry) || typeof entry['name'] !== 'string') return;
    const name = entry['name'].trim();
    const earlier = first.get(name);
    if (earlier === undefined) {
      first.set(name, index);
      return;
    }
    const rule = `is the name of contacts[${earlier}] too: names are unique in a roster (two ChatApp numbers that share a display name take it as an override: providers: { alibaba-chatapp: { name: ... } })`;
    issues.push(withMessage({ path: `contacts[${index}].name`, code: 'duplicate_name', entry: { index, name }, field: 'name', rule, message: '' }));
  });
}

function checkVersion(value: unknown, problem: Problem): Roster['version'] {
  if (value === undefined) return undefined;
  if ((ROSTER_VERSIONS as readonly unknown[]).includes(value)) return value as Roster['version'];
  problem('version', 'unknown_version', `${JSON.stringify(value)} is not a roster version this release reads: it reads version ${ROSTER_VERSIONS.join(', ')} (or a roster without version:)`);
  return undefined;
}

/** A list of targets (`providers`, an entry's `only`): target names or provider ids the roster knows. */
function checkNameList(value: unknown, names: KnownNames, problem: (code: string, rule: string) => void): TargetName[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length === 0) {
    problem('invalid_type', `must be a non-empty list of ${names.what === 'targets' ? 'target names or provider ids' : 'provider ids'} (${names.listed})`);
    return undefined;
  }
  for (const name of value.filter((item) => typeof item !== 'string' || !names.has(item))) {
    const what = names.what === 'targets' ? "one of the roster's targets" : 'a provider';
    problem(names.what === 'targets' ? 'unknown_target' : 'unknown_provider', `names ${JSON.stringify(name)}, which is not ${what}${namesNote(String(name), names)}`);
  }
  return value as TargetName[];
}

function checkManaged(value: unknown, problem: Problem): ManagedContacts | undefined {
  if (value === undefined) return undefined;
  const valid =
    isRecord(value) &&
    Object.keys(value).every((key) => key === 'prefix' || key === 'names') &&
    (value['prefix'] === undefined || (typeof value['prefix'] === 'string' && value['prefix'] !== '')) &&
    (value['names'] === undefined || (Array.isArray(value['names']) && value['names'].every((name) => typeof name === 'string' && name !== '')));
  if (!valid) {
    problem('managed', 'invalid_value', 'must be { prefix: "oncall-" } and/or { names: [...] }: the contacts the roster owns');
    return undefined;
  }
  return value as ManagedContacts;
}

/** ` (did you mean "title"?)`, else the known words when they are few. */
function knownNote(word: string, known: readonly string[]): string {
  const guess = didYouMeanNote(word, known);
  if (guess !== '') return guess;
  return known.length === 0 ? '' : ` (known: ${known.join(', ')})`;
}

/** An issue with its message, in the library's form: `contacts[2] ("Bob"): field email must be … (roster.yaml, line 9, column 12)`. */
function withMessage(issue: RosterIssue, file?: string): RosterIssue {
  const label = issue.entry === undefined ? '' : `contacts[${issue.entry.index}]${issue.entry.name === undefined ? '' : ` (${JSON.stringify(issue.entry.name)})`}: `;
  const what = issue.field === '' ? (issue.entry === undefined ? `the roster ${issue.rule}` : issue.rule) : `${issue.entry === undefined ? '' : 'field '}${issue.field} ${issue.rule}`;
  const place = issue.line === undefined ? (file === undefined ? '' : ` (${file})`) : ` (${file === undefined ? '' : `${file}, `}line ${issue.line}, column ${issue.column ?? 1})`;
  return { ...issue, message: `${label}${what}${place}` };
}

function rosterError(issues: readonly RosterIssue[], file?: string, code: 'invalid-input' | 'invalid-config' = 'invalid-input'): ContactError {
  const first = issues[0];
  const name = file ?? 'the roster';
  // One problem says its own place (`the roster is not valid YAML`, `contacts[2] ...`): a file name is all it lacks.
  const one = first?.message ?? `${name} is not valid`;
  const message = issues.length === 1 ? (file === undefined ? one : `${file}: ${one}`) : `${name} has ${issues.length} problems; the first: ${first?.message ?? ''}`;
  return new ContactError({ code, operation: 'roster', message, field: first === undefined || first.path === '' ? undefined : first.path, issues });
}
