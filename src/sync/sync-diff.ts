/**
 * Field-level differences between what a provider holds and what the roster wants. Lists compare
 * without order, a value waiting for its owner's confirmation counts as the value, and a field
 * the provider cannot store is never a difference. A value the vendor only shows masked cannot
 * be compared: when its visible parts fit the wanted value it is reported apart, as a difference
 * the mask may hide, never as silence.
 */
import { CONTACT_FIELDS } from '../model/contact.js';
import type { Contact, ContactField, ContactInput, ContactPatch } from '../model/contact.js';
import { maskShows } from '../model/masked-values.js';
import type { Capabilities } from '../contract/provider.js';
import type { FieldChange } from './sync-types.js';

/** A field the vendor shows masked whose visible parts fit the wanted value: whether it changed cannot be seen. */
interface MaskedField {
  /** The field. */
  readonly field: ContactField;
  /** What the vendor shows (`alic****@example.com`). */
  readonly shown: string;
  /** What the roster wants. */
  readonly wanted: string;
}

/** How a contact compares with what the roster wants. */
export interface Comparison {
  /** Each field the provider stores whose value differs from the one wanted. */
  readonly changes: FieldChange[];
  /** Each field whose difference, if any, the vendor's mask hides. */
  readonly masked: MaskedField[];
}

/** Compares a contact a provider holds with the one the roster wants (the name too: a contact matched by its number may differ in it). */
export function compareContact(existing: Contact<object>, wanted: ContactInput, capabilities: Capabilities): Comparison {
  const changes: FieldChange[] = [];
  const masked: MaskedField[] = [];
  for (const field of CONTACT_FIELDS) {
    if (capabilities.fields[field].support === 'unsupported') continue;
    const have = normalise(read(existing, field));
    const want = normalise(read(wanted, field));
    if (equal(have, want) || isPending(existing, field, want)) continue;
    if (typeof have === 'string' && typeof want === 'string' && existing.masked?.includes(field as 'email' | 'phone') === true && maskShows(have, want)) {
      masked.push({ field, shown: have, wanted: want });
      continue;
    }
    changes.push({ field, ...(have === undefined ? {} : { from: have }), ...(want === undefined ? {} : { to: want }) });
  }
  return { changes, masked };
}

/** The differences a mask may hide, as changes: what a caller who asked to replace masked values gets. */
export function maskedChanges(masked: readonly MaskedField[]): FieldChange[] {
  return masked.map(({ field, shown, wanted }) => ({ field, from: shown, to: wanted }));
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

/** A field's value as a plan compares it: absent, empty and `[]` are all undefined, lists sorted. */
export function fieldValue(record: object, field: ContactField): unknown {
  return normalise(read(record, field));
}

/** Whether two values of a field are the same to a plan (see {@link fieldValue}). */
export function sameValue(a: unknown, b: unknown): boolean {
  return equal(normalise(a), normalise(b));
}

/** A changed email or phone waiting for its owner's confirmation is already the wanted value. */
function isPending(existing: Contact<object>, field: ContactField, want: unknown): boolean {
  if (field !== 'email' && field !== 'phone') return false;
  const pending = (existing.details as Record<string, unknown> | undefined)?.[field === 'email' ? 'pendingEmail' : 'pendingPhone'];
  return typeof want === 'string' && pending === want;
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
