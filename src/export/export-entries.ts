/**
 * A person's roster entry: the values most of their contacts share, and per target what differs
 * there (its name, a value its contact lacks: `null`). Written this way, a plan of the entry finds
 * every contact as it is.
 */
import type { ContactField } from '../model/contact.js';
import type { Capabilities } from '../contract/provider.js';
import { isMasked, maskShows } from '../model/masked-values.js';
import { fieldValue, sameValue } from '../sync/sync-diff.js';
import type { Person } from './export-people.js';

/** The fields an entry carries besides its name, in the order it writes them. */
const FIELDS = ['email', 'phone', 'title', 'messageTypes', 'remark', 'webhooks.generic', 'webhooks.lark', 'webhooks.dingtalk', 'webhooks.wecom', 'groupIds'] as const satisfies readonly ContactField[];

/** An entry before its secrets are replaced by variables and its name made unique. */
export interface DraftEntry {
  /** The entry's name. */
  name: string;
  /** The shared fields (webhooks with their real values). */
  readonly shared: Record<string, unknown>;
  /** What differs per target. */
  readonly overrides: Map<string, Record<string, unknown>>;
  /** The targets holding this person, in target order. */
  readonly targets: readonly string[];
  /** Notes for people. */
  readonly notes: string[];
}

/** The draft entry of a person; `capabilitiesOf` says what each target stores. */
export function draftEntry(person: Person, capabilitiesOf: (target: string) => Capabilities): DraftEntry {
  const members = person.members;
  const name = mostCommon(members.map((member) => member.contact.name)) ?? members[0]!.contact.name;
  const shared: Record<string, unknown> = {};
  const overrides = new Map<string, Record<string, unknown>>();
  const override = (target: string): Record<string, unknown> => {
    let fields = overrides.get(target);
    if (fields === undefined) overrides.set(target, (fields = {}));
    return fields;
  };
  for (const member of members) if (member.contact.name !== name) override(member.target)['name'] = member.contact.name;
  for (const field of FIELDS) {
    const holders = members.filter((member) => capabilitiesOf(member.target).fields[field].support !== 'unsupported');
    const values = holders.map((member) => ({ target: member.target, value: fieldValue(member.contact, field) }));
    const present = values.filter((item) => item.value !== undefined).map((item) => item.value);
    if (present.length === 0) continue;
    const full = present.filter((value) => !(typeof value === 'string' && isMasked(value)));
    const chosen = mostCommon(full.length > 0 ? full : present)!;
    put(shared, field, chosen);
    for (const { target, value } of values) {
      if (value === undefined) put(override(target), field, null);
      else if (!fits(value, chosen)) put(override(target), field, value);
    }
  }
  const notes = [...person.notes, ...maskNotes(person, shared, overrides)];
  return { name, shared, overrides, targets: members.map((member) => member.target), notes };
}

/** Whether a target's value reads as the shared one to a plan: equal, or a mask the shared value fits. */
function fits(value: unknown, shared: unknown): boolean {
  if (sameValue(value, shared)) return true;
  return typeof value === 'string' && typeof shared === 'string' && isMasked(value) && !isMasked(shared) && maskShows(value, shared);
}

/** What the notes say about masks: a contact matched by its masks, or values the roster can only keep as masks. */
function maskNotes(person: Person, shared: Record<string, unknown>, overrides: Map<string, Record<string, unknown>>): string[] {
  const notes: string[] = [];
  for (const member of person.members) {
    const masked = (['email', 'phone'] as const).filter((field) => member.contact[field] !== undefined && isMasked(member.contact[field]!));
    if (masked.length === 0) continue;
    const shown = masked.map((field) => member.contact[field]).join(', ');
    const kept = masked.filter((field) => {
      const written = overrides.get(member.target)?.[field] ?? shared[field];
      return typeof written === 'string' && isMasked(written);
    });
    if (kept.length > 0) {
      notes.push(
        `${member.target} shows ${kept.join(' and ')} only masked (${kept.map((field) => member.contact[field]).join(', ')}) and no other cloud has ${kept.length > 1 ? 'them' : 'it'} in full: the roster keeps ${kept.length > 1 ? 'the masks, which match' : 'the mask, which matches'} this contact but cannot create one; write the full value${kept.length > 1 ? 's' : ''} to reach this person elsewhere`,
      );
    } else if (person.members.length > 1) {
      notes.push(`${member.target} "${member.contact.name}" shows ${shown}: matched to this person by the mask${masked.length > 1 ? 's' : ''} and the name`);
    }
  }
  return notes;
}

/** Sets a field of the neutral model in a record (`webhooks.lark` → `record.webhooks.lark`). */
function put(record: Record<string, unknown>, field: ContactField, value: unknown): void {
  const [top, sub] = field.split('.') as [string, string | undefined];
  if (sub === undefined) record[top] = value;
  else record[top] = { ...(record[top] as object | undefined), [sub]: value };
}

/** The most common value (compared as a plan compares), the earliest among equals. */
function mostCommon<T>(values: readonly T[]): T | undefined {
  let best: { value: T; count: number } | undefined;
  for (const value of values) {
    const count = values.filter((other) => sameValue(other, value)).length;
    if (best === undefined || count > best.count) best = { value, count };
  }
  return best?.value;
}
