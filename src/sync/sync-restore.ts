/**
 * What a failed replace leaves to put the old contact back: the input that creates it as the
 * plan read it. A value the vendor only ever showed masked is taken from the roster when the
 * roster's fits the mask (it is then the likeliest value), and is otherwise left for a person to
 * complete, with what the vendor showed.
 */
import { CONTACT_FIELDS } from '../model/contact.js';
import type { Contact, ContactField, ContactInput } from '../model/contact.js';
import { maskShows } from '../model/masked-values.js';
import type { Capabilities } from '../contract/provider.js';
import type { RestoreInfo, UnknownField } from './sync-types.js';

/** The restore of a contact a replace deleted (or may have), given what the roster wanted in its place. */
export function restoreOf(current: Contact<object>, wanted: ContactInput, capabilities: Capabilities, deleted: boolean): RestoreInfo {
  const input: Record<string, unknown> = { name: current.name };
  const unknown: UnknownField[] = [];
  for (const field of CONTACT_FIELDS) {
    if (field === 'name' || capabilities.fields[field].support === 'unsupported') continue;
    const value = read(current, field);
    if (value === undefined) continue;
    if (typeof value === 'string' && current.masked?.includes(field as 'email' | 'phone') === true) {
      const roster = read(wanted, field);
      if (typeof roster === 'string' && maskShows(value, roster)) write(input, field, roster);
      else unknown.push({ field, shown: value });
      continue;
    }
    write(input, field, value);
  }
  return { deleted, contact: current, input: input as unknown as ContactInput, unknown };
}

function read(record: object, field: ContactField): unknown {
  const [top, sub] = field.split('.') as [string, string | undefined];
  const value = (record as Record<string, unknown>)[top];
  if (sub === undefined) return value;
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[sub] : undefined;
}

function write(record: Record<string, unknown>, field: ContactField, value: unknown): void {
  const [top, sub] = field.split('.') as [string, string | undefined];
  if (sub === undefined) record[top] = value;
  else record[top] = { ...(record[top] as object | undefined), [sub]: value };
}
