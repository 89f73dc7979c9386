/**
 * Who is who across clouds: the contacts every target holds, grouped into people. Contacts that
 * share an email address or a phone number (compared in full, normalised) are one person; a
 * contact a vendor shows only masked (CAM) joins the one person whose values fit its masks and
 * whose name matches its own. What cannot be decided is never guessed: two contacts of one target
 * that would be one person, and a mask that fits two people, are kept apart with a note saying why.
 */
import type { Contact } from '../model/contact.js';
import { isMasked, maskShows } from '../model/masked-values.js';
import { phoneKey } from '../sync/sync-matching.js';

/** One contact on one target. */
export interface Held {
  /** The target that holds it. */
  readonly target: string;
  /** The contact. */
  readonly contact: Contact<object>;
}

/** A person: at most one contact per target, and the notes on how they were grouped. */
export interface Person {
  /** The contacts, one per target at most. */
  readonly members: readonly Held[];
  /** Why this person is kept apart from others they may belong with. */
  readonly notes: readonly string[];
}

/** Groups the contacts into people (see the module's comment). */
export function groupPeople(held: readonly Held[]): Person[] {
  const masked = held.filter((item) => fullKeys(item.contact).length === 0 && maskedFields(item.contact).length > 0);
  const { groups, apart, noted } = groupByValues(held.filter((item) => !masked.includes(item)));
  const people: Array<{ members: Held[]; notes: string[] }> = groups.map((members) => ({ members, notes: members.flatMap((member) => noted.get(member) ?? []) }));
  people.push(...apart.map(({ item, note }) => ({ members: [item], notes: [note] })));
  const joining = new Map<number, Held[]>();
  for (const item of masked) {
    const fitting = people.map((person, index) => ({ person, index })).filter(({ person }) => !person.members.some((member) => member.target === item.target) && masksFit(item.contact, person.members));
    const named = fitting.filter(({ person }) => person.members.some((member) => namesMatch(member.contact.name, item.contact.name)));
    const shown = maskedFields(item.contact).map((field) => `${field} ${item.contact[field]}`).join(' and ');
    if (named.length === 1) {
      const index = named[0]!.index;
      joining.set(index, [...(joining.get(index) ?? []), item]);
    } else if (named.length > 1) {
      people.push({ members: [item], notes: [`kept apart: its masked ${shown} and its name fit ${named.length} people, ${named.map(({ person }) => describe(person.members)).join('; ')}: merge it by hand into the right one`] });
    } else if (fitting.length > 0) {
      people.push({ members: [item], notes: [`its masked ${shown} fit ${fitting.map(({ person }) => describe(person.members)).join('; ')}, but the names differ: if they are one person, merge them by hand`] });
    } else people.push({ members: [item], notes: [] });
  }
  for (const [index, items] of joining) {
    const person = people[index]!;
    const byTarget = new Map<string, Held[]>();
    for (const item of items) byTarget.set(item.target, [...(byTarget.get(item.target) ?? []), item]);
    for (const [target, same] of byTarget) {
      if (same.length === 1) {
        person.members.push(same[0]!);
        continue;
      }
      const note = `kept apart: ${same.length} contacts on ${target} (${same.map((item) => JSON.stringify(item.contact.name)).join(', ')}) fit ${describe(person.members)} by mask and name: merge the right one by hand`;
      people.push(...same.map((item) => ({ members: [item], notes: [note] })));
    }
  }
  return people;
}

/**
 * Contacts grouped by shared full values. A group holding two contacts of one target cannot be one
 * entry: those contacts are set apart (each alone, with a note) and the rest grouped again.
 */
function groupByValues(held: readonly Held[]): { groups: Held[][]; apart: Array<{ item: Held; note: string }>; noted: Map<Held, string[]> } {
  let pool = [...held];
  const apart: Array<{ item: Held; note: string }> = [];
  // The contacts a clash was about keep a note too: their person may be one of those set apart.
  const noted = new Map<Held, string[]>();
  for (;;) {
    const groups = connected(pool);
    const clashes = groups.flatMap((group) => clashesIn(group));
    if (clashes.length === 0) return { groups, apart, noted };
    for (const clash of clashes) {
      const target = clash.same[0]!.target;
      const names = clash.same.map((item) => JSON.stringify(item.contact.name)).join(', ');
      const others = clash.rest.length === 0 ? '' : `, any of which may be ${describe(clash.rest)}`;
      const note = `kept apart: ${target} holds ${clash.same.length} contacts with this email or phone (${names})${others}: an entry holds one contact per target, so put the right one together by hand`;
      apart.push(...clash.same.map((item) => ({ item, note })));
      for (const item of clash.rest) noted.set(item, [...(noted.get(item) ?? []), `${target} holds ${clash.same.length} contacts with this email or phone (${names}), kept apart: one of them may be this person's`]);
    }
    const set = new Set(clashes.flatMap((clash) => clash.same));
    pool = pool.filter((item) => !set.has(item));
  }
}

/** The contacts of one target that a group holds more than one of, and the group's other contacts. */
function clashesIn(group: readonly Held[]): Array<{ same: Held[]; rest: Held[] }> {
  const byTarget = new Map<string, Held[]>();
  for (const item of group) byTarget.set(item.target, [...(byTarget.get(item.target) ?? []), item]);
  return [...byTarget.values()].filter((same) => same.length > 1).map((same) => ({ same, rest: group.filter((item) => !same.includes(item)) }));
}

/** Connected groups: contacts linked by any shared full email or phone (union-find). */
function connected(held: readonly Held[]): Held[][] {
  const parent = held.map((_, index) => index);
  const root = (index: number): number => {
    while (parent[index] !== index) index = parent[index] = parent[parent[index]!]!;
    return index;
  };
  const owner = new Map<string, number>();
  held.forEach((item, index) => {
    for (const key of fullKeys(item.contact)) {
      const other = owner.get(key);
      if (other === undefined) owner.set(key, index);
      else parent[root(index)] = root(other);
    }
  });
  const groups = new Map<number, Held[]>();
  held.forEach((item, index) => groups.set(root(index), [...(groups.get(root(index)) ?? []), item]));
  return [...groups.values()];
}

/** A contact's full (unmasked) email and phone, normalised: the keys people are grouped by. */
function fullKeys(contact: Contact<object>): string[] {
  const keys: string[] = [];
  if (contact.email !== undefined && contact.email.trim() !== '' && !isMasked(contact.email)) keys.push(`email:${contact.email.trim().toLowerCase()}`);
  const phone = contact.phone === undefined || isMasked(contact.phone) ? undefined : phoneKey(contact.phone);
  if (phone !== undefined) keys.push(`phone:${phone}`);
  return keys;
}

function maskedFields(contact: Contact<object>): Array<'email' | 'phone'> {
  return (['email', 'phone'] as const).filter((field) => {
    const value = contact[field];
    return value !== undefined && isMasked(value);
  });
}

/**
 * Whether a masked contact's masks fit a group: at least one mask fits one of the group's full
 * values, and none is contradicted (the group has values of that field and none fits).
 */
function masksFit(contact: Contact<object>, members: readonly Held[]): boolean {
  let fits = 0;
  for (const field of maskedFields(contact)) {
    const values = members.map((member) => member.contact[field]).filter((value): value is string => value !== undefined && !isMasked(value));
    if (values.length === 0) continue;
    if (!values.some((value) => maskShows(contact[field]!, value))) return false;
    fits += 1;
  }
  return fits > 0;
}

/**
 * Whether two names may be one person's: equal once case, spaces and punctuation are dropped
 * (`Alice Zhang`, `AliceZhang`, `alice_zhang`), one holding the other (`Oncall-Alice`, `Alice`:
 * at least four letters), or the same words in another order.
 */
export function namesMatch(a: string, b: string): boolean {
  const left = compact(a);
  const right = compact(b);
  if (left === '' || right === '') return false;
  if (left === right) return true;
  if (Math.min(left.length, right.length) >= 4 && (left.includes(right) || right.includes(left))) return true;
  const words = (name: string): string => wordsOf(name).sort().join(' ');
  return words(a) === words(b);
}

function compact(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

function wordsOf(name: string): string[] {
  return name
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

/** `"ChenWei" on alibaba-resource-directory and "chen_wei" on volcengine-vmp`. */
function describe(members: readonly Held[]): string {
  return members.map((member) => `${JSON.stringify(member.contact.name)} on ${member.target}`).join(' and ');
}
