/**
 * A desired contact as one target can hold it: the roster's shared fields with the overrides of
 * its provider and then of the target itself on top, the fields it cannot store left out (each a
 * warning, never a diff), and the provider's own rules checked, so that a name it would refuse is
 * a skip with the reason.
 */
import { CONTACT_FIELDS } from '../model/contact.js';
import type { ContactField, ContactInput, ProviderId } from '../model/contact.js';
import { isContactError } from '../errors/errors.js';
import { isMasked } from '../model/masked-values.js';
import type { ContactError } from '../errors/errors.js';
import type { Capabilities } from '../contract/provider.js';
import { validateContactInput } from '../validation/validation.js';
import type { DesiredContact } from './sync-types.js';

/** The outcome of projecting: the input to send, or why the contact cannot go to this provider. */
type Projection =
  | { readonly ok: true; readonly input: ContactInput; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly name: string; readonly reason: string; readonly error?: ContactError };

/** One target: its name and its provider. */
export interface TargetRef {
  /** The target's name (its provider's id unless named otherwise). */
  readonly target: string;
  /** Its provider. */
  readonly provider: ProviderId;
}

/** Whether a name in a roster (`only`, an override's key) names this target: its own name, or its provider's id. */
export function names(ref: TargetRef, name: string): boolean {
  return name === ref.target || name === ref.provider;
}

/** The overrides a roster entry gives a target: its provider's, then the target's own on top. */
function overridesFor(desired: DesiredContact, ref: TargetRef): Array<[string, unknown]> {
  const own = ref.target === ref.provider ? undefined : desired.providers?.[ref.target];
  return [...Object.entries(desired.providers?.[ref.provider] ?? {}), ...Object.entries(own ?? {})];
}

/**
 * The fields a roster entry gives one target, before any check: its shared fields with the
 * overrides of the target's provider and then the target's own on top (`null` leaves a field out
 * there), without `only`, `providers` and `oncall`.
 */
export function mergedFor(desired: DesiredContact, ref: TargetRef): Record<string, unknown> {
  const { only: _only, providers: _overrides, oncall: _oncall, ...shared } = desired;
  const merged: Record<string, unknown> = { ...shared };
  for (const [key, value] of overridesFor(desired, ref)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

/** The email and phone of an input that hold a vendor's mask (a roster may hold one: see {@link maskedIn}). */
export function maskedIn(input: Pick<ContactInput, 'email' | 'phone'>): Array<'email' | 'phone'> {
  return (['email', 'phone'] as const).filter((field) => typeof input[field] === 'string' && isMasked(input[field]));
}

/**
 * Projects one desired contact onto one target's capabilities. A masked email or phone (a roster
 * may hold the mask a vendor shows, standing for the value behind it) is kept as it is, outside
 * the checks: it can match a contact that shows that mask, and the plan creates nothing from it.
 */
export function projectContact(desired: DesiredContact, ref: TargetRef, capabilities: Capabilities): Projection {
  const { provider } = ref;
  const merged = mergedFor(desired, ref);
  const name = typeof merged['name'] === 'string' ? merged['name'] : desired.name;
  const only = desired.only;
  if (only !== undefined && !only.some((named) => names(ref, named))) return { ok: false, name, reason: `the roster limits this contact to ${only.join(', ')}` };
  const warnings: string[] = [];
  for (const field of CONTACT_FIELDS) {
    const rule = capabilities.fields[field];
    if (rule.support !== 'unsupported' || !has(merged, field)) continue;
    drop(merged, field);
    warnings.push(`${field} is not stored by ${provider}${rule.rule === undefined ? '' : ` (${rule.rule})`}`);
  }
  const masked = maskedIn(merged);
  const checked: Record<string, unknown> = { ...merged };
  for (const field of masked) delete checked[field];
  try {
    const input = validateContactInput(checked, masked.length === 0 ? capabilities : optionalFields(capabilities, masked), { provider, ...(ref.target === provider ? {} : { target: ref.target }), operation: 'plan' });
    const kept = Object.fromEntries(masked.map((field) => [field, merged[field]]));
    return { ok: true, input: { ...input, ...kept }, warnings };
  } catch (error) {
    if (!isContactError(error)) throw error;
    return { ok: false, name, reason: error.detail, error };
  }
}

/** The capabilities with these fields optional: a masked value stands for a value the vendor holds. */
function optionalFields(capabilities: Capabilities, fields: readonly ContactField[]): Capabilities {
  const relaxed = { ...capabilities.fields };
  for (const field of fields) if (relaxed[field].support === 'required') relaxed[field] = { ...relaxed[field], support: 'optional' };
  return { ...capabilities, fields: relaxed };
}

/**
 * Whether a roster entry goes to a target: not when its `only` leaves the target out, and, on a
 * provider that takes only entries naming it (ChatApp), only when `only` or an override names
 * the target or its provider. `'unnamed'` says the entry was left out by that second rule.
 */
export function entryGoesTo(desired: DesiredContact, ref: TargetRef, capabilities: Capabilities): 'yes' | 'no' | 'unnamed' {
  const named = desired.only?.some((name) => names(ref, name));
  if (desired.only !== undefined && named !== true) return 'no';
  if (capabilities.sync?.entries !== 'named') return 'yes';
  const overridden = Object.keys(desired.providers ?? {}).some((name) => names(ref, name));
  return named === true || overridden ? 'yes' : 'unnamed';
}

/**
 * The name, and phone number, a roster entry gives a target, before any check: what keeps the
 * contact they name from being pruned even when the entry cannot be projected (a phone number
 * the provider refuses must not turn the person into a stranger).
 */
export function namedBy(desired: DesiredContact, ref: TargetRef): { readonly name?: string; readonly phone?: string } {
  const override: Record<string, unknown> = Object.fromEntries(overridesFor(desired, ref));
  const pick = (field: 'name' | 'phone'): string | undefined => {
    const value = field in override ? override[field] : (desired as unknown as Record<string, unknown>)[field];
    return typeof value === 'string' ? value : undefined;
  };
  const name = pick('name');
  const phone = pick('phone');
  return { ...(name === undefined ? {} : { name }), ...(phone === undefined ? {} : { phone }) };
}

function has(record: Record<string, unknown>, field: ContactField): boolean {
  const [top, sub] = field.split('.') as [string, string | undefined];
  const value = record[top];
  if (sub === undefined) return value !== undefined;
  return typeof value === 'object' && value !== null && (value as Record<string, unknown>)[sub] !== undefined;
}

function drop(record: Record<string, unknown>, field: ContactField): void {
  const [top, sub] = field.split('.') as [string, string | undefined];
  if (sub === undefined) {
    delete record[top];
    return;
  }
  const rest = { ...(record[top] as Record<string, unknown>) };
  delete rest[sub];
  if (Object.keys(rest).length === 0) delete record[top];
  else record[top] = rest;
}
