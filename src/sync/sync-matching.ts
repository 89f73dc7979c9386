/**
 * Matching roster entries to the contacts a provider holds, by the provider's natural key: the
 * name where the vendor keeps names unique, the phone number where a contact is a number
 * (ChatApp, whose names are display names two numbers may share).
 */
import type { Contact, ContactInput } from '../model/contact.js';
import type { Capabilities } from '../contract/provider.js';

/** What a provider's contacts are matched by. */
type MatchKey = 'name' | 'phone';

/** The key a provider's contacts are matched by (default: the name). */
export function matchKeyOf(capabilities: Capabilities): MatchKey {
  return capabilities.sync?.key ?? 'name';
}

/** A phone number as a key: its digits; undefined for none, or for one shown masked. */
export function phoneKey(phone: string | undefined): string | undefined {
  if (phone === undefined || phone.includes('*')) return undefined;
  const digits = phone.replace(/\D/g, '');
  return digits === '' ? undefined : digits;
}

/** The key of a contact a provider holds. */
export function keyOfContact(contact: Contact<object>, key: MatchKey): string | undefined {
  return key === 'name' ? contact.name : phoneKey(contact.phone);
}

/** The key of what a roster entry wants. */
export function keyOfInput(input: Pick<ContactInput, 'name' | 'phone'>, key: MatchKey): string | undefined {
  return key === 'name' ? input.name : phoneKey(input.phone);
}

/** The contacts a provider holds, by key: more than one under a key is a duplicate the plan cannot resolve. */
export function indexByKey(contacts: readonly Contact<object>[], key: MatchKey): Map<string, Array<Contact<object>>> {
  const index = new Map<string, Array<Contact<object>>>();
  for (const contact of contacts) {
    const value = keyOfContact(contact, key);
    if (value === undefined) continue;
    const same = index.get(value);
    if (same === undefined) index.set(value, [contact]);
    else same.push(contact);
  }
  return index;
}
