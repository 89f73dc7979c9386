/**
 * Who is who across clouds, over clouds fast-check makes up: people with their contacts scattered
 * over four targets under name variants, some shown masked, some held twice in one target,
 * strangers in between. Whatever the mix, every contact lands in exactly one person, no person
 * holds two contacts of one target, no two contacts are put together without a link (a shared
 * email or phone, or a mask that fits and a name that matches), and in clean clouds (nothing
 * masked, nothing held twice) everyone sharing an address is together. `EXPORT_PEOPLE_RUNS` raises
 * the number of runs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Contact } from '../src/index.js';
import { groupPeople, namesMatch } from '../src/export/export-people.js';
import type { Held } from '../src/export/export-people.js';
import { isMasked, maskShows } from '../src/model/masked-values.js';

const runs = Number(process.env['EXPORT_PEOPLE_RUNS'] ?? 150);
const TARGETS = ['cam', 'rd', 'vmp', 'chatapp'] as const;

/** How CAM masks: the first four characters of an email, the middle of a phone. */
const maskEmail = (email: string): string => `${email.slice(0, 4)}****${email.slice(email.indexOf('@'))}`;
const maskPhone = (phone: string): string => `+86 ${phone.slice(3, 6)}****${phone.slice(-4)}`;

interface Spec {
  readonly person: number;
  readonly target: (typeof TARGETS)[number];
  readonly nameStyle: number;
  readonly withEmail: boolean;
  readonly withPhone: boolean;
  readonly masked: boolean;
}

const spec = fc.record({
  person: fc.nat(5),
  target: fc.constantFrom(...TARGETS),
  nameStyle: fc.nat(3),
  withEmail: fc.boolean(),
  withPhone: fc.boolean(),
  masked: fc.boolean(),
});

function contactOf(item: Spec, index: number, allowMasks: boolean): Held {
  const first = ['alice', 'bob', 'chen', 'dana', 'erik', 'fay'][item.person]!;
  const name = [`${first} zhang`, `${first[0]!.toUpperCase()}${first.slice(1)}Zhang`, `${first}_zhang`, `Oncall-${first}`][item.nameStyle]!;
  const email = `${first}.zhang@example.com`;
  const phone = `+861390000${String(1000 + item.person)}`;
  const masked = allowMasks && item.masked;
  const contact: Contact<object> = {
    provider: 'tencent-cam',
    id: `c${index}`,
    name,
    status: 'active',
    ...(item.withEmail ? { email: masked ? maskEmail(email) : email } : {}),
    ...(item.withPhone ? { phone: masked ? maskPhone(phone) : phone } : {}),
  };
  return { target: item.target, contact };
}

/** Whether two contacts share a full (unmasked) email or phone. */
function shareValue(a: Contact<object>, b: Contact<object>): boolean {
  return (['email', 'phone'] as const).some((field) => {
    const x = a[field];
    const y = b[field];
    return x !== undefined && y !== undefined && !isMasked(x) && !isMasked(y) && x.toLowerCase() === y.toLowerCase();
  });
}

const maskedOnly = (contact: Contact<object>): boolean => [contact.email, contact.phone].some((value) => value !== undefined && isMasked(value));

/**
 * Whether a person's contacts belong together: those shown in full are connected by shared
 * values, and each masked one fits the person's values (at least one mask fits, none is
 * contradicted) and matches one of the person's names.
 */
function justified(members: readonly Held[]): boolean {
  if (members.length === 1) return true;
  const full = members.filter((member) => !maskedOnly(member.contact));
  const reached = new Set(full.slice(0, 1));
  for (let grew = true; grew; ) {
    grew = false;
    for (const member of full) {
      if (reached.has(member) || ![...reached].some((other) => shareValue(member.contact, other.contact))) continue;
      reached.add(member);
      grew = true;
    }
  }
  if (reached.size !== full.length) return false;
  return members
    .filter((member) => maskedOnly(member.contact))
    .every((member) => {
      const named = full.some((other) => namesMatch(other.contact.name, member.contact.name));
      let fits = 0;
      for (const field of ['email', 'phone'] as const) {
        const mask = member.contact[field];
        const values = full.map((other) => other.contact[field]).filter((value): value is string => value !== undefined);
        if (mask === undefined || values.length === 0) continue;
        if (!values.some((value) => maskShows(mask, value))) return false;
        fits += 1;
      }
      return named && fits > 0;
    });
}

/** Whether two contacts are linked by a shared full value (what clean clouds group by). */
const linked = shareValue;

describe('groupPeople', () => {
  it('puts every contact in exactly one person, one per target, and nothing together without a link (property)', () => {
    fc.assert(
      fc.property(fc.array(spec, { maxLength: 24 }), (specs) => {
        const held = specs.map((item, index) => contactOf(item, index, true));
        const people = groupPeople(held);
        const placed = people.flatMap((person) => person.members);
        expect(placed).toHaveLength(held.length);
        expect(new Set(placed)).toEqual(new Set(held));
        for (const person of people) {
          expect(new Set(person.members.map((member) => member.target)).size).toBe(person.members.length);
          expect(justified(person.members)).toBe(true);
        }
      }),
      { numRuns: runs },
    );
  });

  it('in clean clouds (no masks, no address held twice by one target), everyone sharing an address is one person (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(spec, { selector: (item) => `${item.person} ${item.target}`, maxLength: 24 }), (specs) => {
        const held = specs.map((item, index) => contactOf(item, index, false));
        const people = groupPeople(held);
        const personOf = new Map(people.flatMap((person, index) => person.members.map((member) => [member, index] as const)));
        for (const a of held) for (const b of held) if (a !== b && linked(a.contact, b.contact)) expect(personOf.get(a)).toBe(personOf.get(b));
        expect(people.every((person) => person.notes.length === 0)).toBe(true);
      }),
      { numRuns: runs },
    );
  });
});

describe('namesMatch', () => {
  it('matches one name written several ways, and not two people', () => {
    expect(namesMatch('Alice Zhang', 'AliceZhang')).toBe(true);
    expect(namesMatch('Alice Zhang', 'alice_zhang')).toBe(true);
    expect(namesMatch('Zhang Alice', 'Alice Zhang')).toBe(true);
    expect(namesMatch('Oncall-Alice', 'OncallAlice')).toBe(true);
    expect(namesMatch('Chen Wei', 'Chen Wen')).toBe(false);
    expect(namesMatch('li', 'alice')).toBe(false);
  });
});
