/**
 * Field-level differences between what a provider holds and what the roster wants. Lists compare
 * without order, a value the vendor only shows masked compares by its visible parts, a value
 * waiting for its owner's confirmation counts as the value, and a field the provider cannot
 * store is never a difference.
 */
import { CONTACT_FIELDS } from '../model/contact.js';
import type { Contact, ContactField, ContactInput, ContactPatch } from '../model/contact.js';
import { maskShows } from '../model/masked-values.js';
import type { Capabilities } from '../contract/provider.js';
import type { FieldChange } from './sync-types.js';

/** Each field the provider stores whose value differs from the one wanted. */
export function diffContact(existing: Contact<object>, wanted: ContactInput, capabilities: Capabilities): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of CONTACT_FIELDS) {
    if (field === 'name' || capabilities.fields[field].support === 'unsupported') continue;
    const have = normalise(read(existing, field));
    const want = normalise(read(wanted, field));
    if (same(existing, field, have, want)) continue;
    changes.push({ field, ...(have === undefined ? {} : { from: have }), ...(want === undefined ? {} : { to: want }) });
  }
  return changes;
}

/**
 * Whether the changes need a replace (delete, then create) rather than an update: the provider
 * has no update, or cannot change or clear one of the fields.
 */
export function needsReplace(changes: readonly FieldChange[], capabilities: Capabilities): boolean {
  if (capabilities.operations.update.support === 'unsupported') return true;
  return changes.some(({ field, to }) => {
    const rule = capabilities.fields[field];
    return rule.updatable === false || (to === undefined && (rule.clearable === false || rule.support === 'required'));
  });
}

/** The patch that makes the changes: the wanted value of each, `null` to clear. */
export function patchOf(changes: readonly FieldChange[]): ContactPatch {
  const patch: Record<string, unknown> = {};
  for (const { field, to } of changes) {
    const [top, sub] = field.split('.') as [string, string | undefined];
    if (sub === undefined) patch[top] = to ?? null;
    else patch[top] = { ...(patch[top] as object | undefined), [sub]: to ?? null };
  }
  return patch as ContactPatch;
}

function same(existing: Contact<object>, field: ContactField, have: unknown, want: unknown): boolean {
  if (equal(have, want)) return true;
  if (typeof have === 'string' && typeof want === 'string' && (field === 'email' || field === 'phone')) {
    if (existing.masked?.includes(field) === true && maskShows(have, want)) return true;
    // A changed email or phone waiting for its owner's confirmation is already the wanted value.
    const pending = (existing.details as Record<string, unknown> | undefined)?.[field === 'email' ? 'pendingEmail' : 'pendingPhone'];
    if (pending === want) return true;
  }
  return false;
}

/** Absent, empty strings and empty lists are all "not set"; lists sort, so order never counts. */
function normalise(value: unknown): unknown {
  if (value === undefined || value === null || value === '') return undefined;
  if (Array.isArray(value)) return value.length === 0 ? undefined : [...value].map(normalise).sort((a, b) => (String(a) < String(b) ? -1 : 1));
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      const normalised = normalise(inner);
      if (normalised !== undefined) out[key] = normalised;
    }
    return Object.keys(out).length === 0 ? undefined : out;
  }
  return value;
}

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => equal((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

function read(record: object, field: ContactField): unknown {
  const [top, sub] = field.split('.') as [string, string | undefined];
  const value = (record as Record<string, unknown>)[top];
  if (sub === undefined) return value;
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[sub] : undefined;
}
