import type * as z from '../util/zod.js';
import type { ContactField, ContactInput, ContactPatch } from '../model/contact.js';
import { CONTACT_FIELDS } from '../model/contact.js';
import { contactInputSchema, contactPatchSchema } from './contact-schema.js';
import type { ContactError } from '../errors/errors.js';
import type { ContactIssue } from '../errors/errors.js';
import { parsePhone } from '../model/phone.js';
import { plainInput } from './plain-input.js';
import type { Capabilities, ContactOperation, FieldCapability, VerificationChannel } from '../contract/provider.js';
import { errorIn, fromZodIssues, issuesError, rememberSensitive } from '../errors/to-contact-error.js';
import type { ErrorContext } from '../errors/to-contact-error.js';

/**
 * Validates a new contact for one provider, before any request: unsupported fields first
 * (`unsupported`), then every other problem at once (`invalid-input`): the neutral rules, the
 * provider's required fields and its rules. Resolves to the normalised input (E.164 phone,
 * trimmed name).
 */
export function validateContactInput(input: unknown, capabilities: Capabilities, context: ErrorContext): ContactInput {
  const record = requireObject(plainInput(input, 'input', context), 'contact input', context);
  rememberSensitive(context, personalValues(record));
  rejectUnsupported(record, capabilities, 'create', context);
  const result = contactInputSchema.safeParse(record);
  const issues: ContactIssue[] = result.success ? [] : fromZodIssues(result.error.issues);
  const values: object = result.success ? result.data : record;
  for (const field of CONTACT_FIELDS) {
    if (issues.some((issue) => issue.path === field || issue.path.startsWith(`${field}.`))) continue;
    const rule = capabilities.fields[field];
    const value = readField(values, field);
    if (isMissing(value)) {
      if (rule.support === 'required') issues.push(requiredIssue(field, rule));
    } else {
      issues.push(...checkRule(field, value, rule));
    }
  }
  if (issues.length > 0) throw issuesError('invalid-input', issues, context);
  return (result as { data: ContactInput }).data;
}

/**
 * Validates a change for one provider, before any request: fields it cannot store, change or
 * clear are `unsupported`; clearing a required field, breaking a rule or changing nothing is
 * `invalid-input`.
 */
export function validateContactPatch(patch: unknown, capabilities: Capabilities, context: ErrorContext): ContactPatch {
  const record = requireObject(plainInput(patch, 'patch', context), 'patch', context);
  rememberSensitive(context, personalValues(record));
  rejectUnsupported(record, capabilities, 'update', context);
  const parsed = parseWith(contactPatchSchema, record, context);
  const issues: ContactIssue[] = [];
  let given = 0;
  for (const field of CONTACT_FIELDS) {
    const value = readField(parsed, field);
    if (value === undefined) continue;
    given += 1;
    const rule = capabilities.fields[field];
    if (isMissing(value) && rule.support === 'required') {
      issues.push({ path: field, code: 'required', message: 'is required and cannot be cleared' });
    } else if (!isMissing(value)) {
      issues.push(...checkRule(field, value, rule));
    }
  }
  if (given === 0) issues.push({ path: '', code: 'empty_patch', message: 'changes nothing: give at least one field' });
  if (issues.length > 0) throw issuesError('invalid-input', issues, context);
  return parsed;
}

/** Longest id checked against a pattern: longer ones are refused without running it. */
const MAX_ID_LENGTH = 256;

/**
 * Validates a contact id against the provider's id format (`capabilities.id`), so an id the
 * vendor would refuse is refused here, before any request.
 */
export function validateId(id: unknown, capabilities: Capabilities, context: ErrorContext, path = 'id'): string {
  const rule = capabilities.id;
  if (typeof id === 'string' && id.length <= MAX_ID_LENGTH && rule.pattern.test(id)) return id;
  const got = typeof id === 'string' ? `got ${JSON.stringify(id.length > 40 ? `${id.slice(0, 40)}…` : id)}` : `got ${id === null ? 'null' : typeof id}`;
  throw issuesError('invalid-input', [{ path, code: 'invalid_id', message: `must be ${rule.rule}, such as ${rule.example} (${got})` }], context);
}

/**
 * Validates a name to search for: a non-empty string that the provider's name rules allow
 * (a name the provider would refuse cannot exist there, and saying so beats "not found").
 */
export function validateName(name: unknown, capabilities: Capabilities, context: ErrorContext): string {
  if (typeof name !== 'string' || name.trim() === '') {
    throw issuesError('invalid-input', [{ path: 'name', code: 'required', message: 'must be a non-empty string' }], context);
  }
  const trimmed = name.trim();
  const issues = checkRule('name', trimmed, capabilities.fields.name);
  if (issues.length > 0) throw issuesError('invalid-input', issues, context);
  return trimmed;
}

/**
 * Checks a verification channel against the capabilities: a channel of the neutral model that
 * this provider lacks is `unsupported`, anything else `invalid-input`.
 */
export function validateChannel(channel: unknown, capabilities: Capabilities, context: ErrorContext): VerificationChannel {
  const supported: readonly unknown[] = capabilities.verificationChannels;
  if (supported.includes(channel)) return channel as VerificationChannel;
  if (channel === 'email' || channel === 'phone' || channel === 'webhook') {
    const by = supported.length === 0 ? 'no channel' : supported.join(' or ');
    throw errorIn(context, { code: 'unsupported', field: 'channel', message: `${capabilities.provider} verifies by ${by}, not by ${channel}` });
  }
  throw issuesError('invalid-input', [{ path: 'channel', code: 'invalid_value', message: `must be ${supported.map((c) => JSON.stringify(c)).join(' or ')}` }], context);
}

/** The `unsupported` error for an operation the provider lacks, with the capability's note as the advice. */
export function unsupportedOperation(capabilities: Capabilities, operation: ContactOperation, context: ErrorContext): ContactError {
  const capability = capabilities.operations[operation];
  return errorIn({ ...context, operation: context.operation ?? operation }, {
    code: 'unsupported',
    message: `${operation} is not supported${capability.note === undefined ? '' : `: ${capability.note}`}`,
  });
}

function rejectUnsupported(record: Record<string, unknown>, capabilities: Capabilities, operation: 'create' | 'update', context: ErrorContext): void {
  const issues: ContactIssue[] = [];
  const because = (rule: FieldCapability): string => (rule.rule === undefined ? '' : ` (${rule.rule})`);
  for (const field of CONTACT_FIELDS) {
    const value = readField(record, field);
    if (value === undefined) continue;
    const rule = capabilities.fields[field];
    if (rule.support === 'unsupported') {
      issues.push({ path: field, code: 'unsupported', message: `is not supported${because(rule)}` });
    } else if (operation === 'update' && rule.updatable === false) {
      issues.push({ path: field, code: 'not_updatable', message: `cannot be changed by update${because(rule)}` });
    } else if (operation === 'update' && value === null && rule.clearable === false) {
      issues.push({ path: field, code: 'not_clearable', message: 'cannot be cleared by update (the vendor has no way to remove it): delete and re-create the contact' });
    }
  }
  if (issues.length > 0) throw issuesError('unsupported', issues, context);
}

/**
 * The provider's rules for one value. A rule given in words (`capabilities.fields.x.rule`)
 * describes the whole constraint, so the message is "must be <rule>"; without one, the message
 * says the limit that was broken.
 */
function checkRule(field: ContactField, value: unknown, rule: FieldCapability): ContactIssue[] {
  const issues: ContactIssue[] = [];
  if (typeof value !== 'string') return issues;
  const length = [...value].length;
  const broken = (code: string, generated: string): void =>
    void issues.push({ path: field, code, message: rule.rule === undefined ? generated : `must be ${rule.rule}` });
  if (rule.minLength !== undefined && length < rule.minLength) broken('too_small', `must be at least ${rule.minLength} characters`);
  else if (rule.maxLength !== undefined && length > rule.maxLength) broken('too_big', `must be at most ${rule.maxLength} characters`);
  else if (rule.pattern !== undefined && !rule.pattern.test(value)) broken('invalid_format', 'has characters this provider refuses');
  if (field === 'phone' && rule.phoneRegions !== undefined) {
    const parts = parsePhone(value);
    const region = typeof parts === 'string' ? undefined : parts.country;
    if (region === undefined || !rule.phoneRegions.includes(region)) {
      issues.push({ path: field, code: 'unsupported_region', message: `must be a number in ${rule.phoneRegions.join(' or ')}${rule.rule === undefined ? '' : ` (${rule.rule})`}` });
    }
  }
  return issues;
}

/**
 * The personal values an input carries, in every notation a vendor might echo: the email, the
 * phone as given, in E.164, national and `86-…` forms, webhook URLs, secrets, tokens and mentions.
 */
function personalValues(record: Record<string, unknown>): string[] {
  const values: string[] = [];
  const add = (value: unknown): void => {
    if (typeof value === 'string') values.push(value.trim());
    else if (Array.isArray(value)) value.forEach(add);
    else if (typeof value === 'object' && value !== null) Object.values(value).forEach(add);
  };
  add(record['email']);
  add(record['webhooks']);
  if (typeof record['phone'] === 'string') {
    add(record['phone']);
    const parts = parsePhone(record['phone']);
    if (typeof parts !== 'string') add([parts.e164, parts.nationalNumber, `${parts.countryCallingCode}-${parts.nationalNumber}`]);
  }
  return values;
}

function requiredIssue(field: ContactField, rule: FieldCapability): ContactIssue {
  return { path: field, code: 'required', message: `is required${rule.rule === undefined ? '' : ` (${rule.rule})`}` };
}

function isMissing(value: unknown): boolean {
  return value === undefined || value === null || (Array.isArray(value) && value.length === 0);
}

/** Reads a field of the neutral model, where `webhooks.lark` is the `lark` entry of `webhooks`. */
function readField(record: object, field: ContactField): unknown {
  const [top, sub] = field.split('.') as [string, string | undefined];
  const value = (record as Record<string, unknown>)[top];
  if (sub === undefined) return value;
  if (value === null) return null;
  return typeof value === 'object' && value !== undefined ? (value as Record<string, unknown>)[sub] : undefined;
}

function requireObject(value: unknown, what: string, context: ErrorContext): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw issuesError('invalid-input', [{ path: '', code: 'invalid_type', message: `must be an object (the ${what})` }], context);
  }
  return value as Record<string, unknown>;
}

function parseWith<T>(schema: z.ZodMiniType<T, unknown>, value: unknown, context: ErrorContext): T {
  const result = schema.safeParse(value);
  if (!result.success) throw issuesError('invalid-input', fromZodIssues(result.error.issues), context);
  return result.data;
}
