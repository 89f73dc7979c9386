/**
 * Which existing contacts a roster owns (see {@link ManagedContacts}): a name it lists, or its
 * prefix followed by a separator. A name that merely starts with the prefix's letters
 * (`OncallManager` under `Oncall`) is someone else's: owning it would let a prune delete a
 * contact a person made by hand.
 */
import type { ManagedContacts } from './sync-types.js';

/** Any character but a letter or a digit, in any script. */
const SEPARATOR = /^[^\p{L}\p{N}]/u;

/** Whether the roster owns a contact of this name. */
export function owns(managed: ManagedContacts | undefined, name: string): boolean {
  if (managed === undefined) return false;
  if (managed.names?.includes(name) === true) return true;
  const prefix = managed.prefix;
  if (prefix === undefined || prefix === '' || name.length <= prefix.length || !name.startsWith(prefix)) return false;
  return SEPARATOR.test(prefix.slice(-1)) || SEPARATOR.test(name.slice(prefix.length));
}

/** Whether a name starts with the roster's prefix without being owned by it (`OncallManager` under `Oncall`). */
export function nearPrefix(managed: ManagedContacts | undefined, name: string): boolean {
  const prefix = managed?.prefix;
  return prefix !== undefined && prefix !== '' && name.startsWith(prefix) && !owns(managed, name);
}
