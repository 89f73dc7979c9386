import type { ContactField, ContactInput, ContactPatch } from './contact.js';
import { CONTACT_FIELDS } from './contact.js';
import { contactInputSchema, contactPatchSchema } from './contact-schema.js';
import { ContactError } from './errors.js';
import type { ContactIssue } from './errors.js';
import { parsePhone } from './phone.js';
import type { Capabilities, ContactOperation, FieldCapability } from './provider.js';
import { fromZodIssues, issuesError } from './to-contact-error.js';
import type { ErrorContext } from './to-contact-error.js';
import type { z } from 'zod';

/**
 * Validates a new contact for one provider, before any request: unsupported fields first
 * (`unsupported`), then the neutral rules, then the provider's required fields and rules
 * (`invalid-input`). Resolves to the normalised input (E.164 phone, trimmed name).
 */
export function validateContactInput(input: unknown, capabilities: Capabilities, context: ErrorContext): ContactInput {
  const record = requireObject(input, 'contact input', context);
  rejectUnsupported(record, capabilities, 'create', context);
  const parsed = parseWith(contactInputSchema, record, context);
  const issues: ContactIssue[] = [];
  for (const field of CONTACT_FIELDS) {
    const rule = capabilities.fields[field];
    const value = readField(parsed, field);
    if (isMissing(value)) {
      if (rule.support === 'required') issues.push(requiredIssue(field, rule));
    } else {
      issues.push(...checkRule(field, value, rule));
    }
  }
  if (issues.length > 0) throw issuesError('invalid-input', issues, context);
  return parsed;
}

/**
 * Validates a change for one provider, before any request: fields it cannot store or change
 * are `unsupported`, clearing a required field or breaking a rule is `invalid-input`, and an
 * empty patch is `invalid-input`.
 */
export function validateContactPatch(patch: unknown, capabilities: Capabilities, context: ErrorContext): ContactPatch {
  const record = requireObject(patch, 'patch', context);
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

/** Validates a contact id: a non-empty string without surrounding spaces. */
export function validateId(id: unknown, context: ErrorContext): string {
  if (typeof id !== 'string' || id.trim() === '' || id.trim() !== id) {
    throw issuesError('invalid-input', [{ path: 'id', code: 'invalid_id', message: 'must be a non-empty string without surrounding spaces' }], context);
  }
  return id;
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
 * Rejects an operation the provider marks unsupported, with the capability's note as the advice.
 *
 * @throws ContactError `unsupported`
 */
export function assertOperationSupported(capabilities: Capabilities, operation: ContactOperation, context: ErrorContext): void {
  if (capabilities.operations[operation].support === 'unsupported') throw unsupportedOperation(capabilities, operation, context);
}

/** The `unsupported` error for an operation the provider lacks, with the capability's note as the advice. */
export function unsupportedOperation(capabilities: Capabilities, operation: ContactOperation, context: ErrorContext): ContactError {
  const capability = capabilities.operations[operation];
  return new ContactError({
    code: 'unsupported',
    provider: context.provider,
    operation: context.operation ?? operation,
    message: `${operation} is not supported${capability.note === undefined ? '' : `: ${capability.note}`}`,
  });
}

function rejectUnsupported(record: Record<string, unknown>, capabilities: Capabilities, operation: 'create' | 'update', context: ErrorContext): void {
  const issues: ContactIssue[] = [];
  for (const field of CONTACT_FIELDS) {
    if (readField(record, field) === undefined) continue;
    const rule = capabilities.fields[field];
    if (rule.support === 'unsupported') {
      issues.push({ path: field, code: 'unsupported', message: `is not supported${rule.rule === undefined ? '' : ` (${rule.rule})`}` });
    } else if (operation === 'update' && rule.updatable === false) {
      issues.push({ path: field, code: 'not_updatable', message: `cannot be changed by update${rule.rule === undefined ? '' : ` (${rule.rule})`}` });
    }
  }
  if (issues.length > 0) throw issuesError('unsupported', issues, context);
}

function checkRule(field: ContactField, value: unknown, rule: FieldCapability): ContactIssue[] {
  const because = rule.rule === undefined ? '' : ` (${rule.rule})`;
  const issues: ContactIssue[] = [];
  if (typeof value === 'string') {
    const length = [...value].length;
    if (rule.minLength !== undefined && length < rule.minLength) {
      issues.push({ path: field, code: 'too_small', message: `must be at least ${rule.minLength} characters${because}` });
    }
    if (rule.maxLength !== undefined && length > rule.maxLength) {
      issues.push({ path: field, code: 'too_big', message: `must be at most ${rule.maxLength} characters${because}` });
    }
    if (rule.pattern !== undefined && !rule.pattern.test(value)) {
      issues.push({ path: field, code: 'invalid_format', message: `has characters this provider refuses${because}` });
    }
    if (field === 'phone' && rule.phoneRegions !== undefined) {
      const parts = parsePhone(value);
      const region = typeof parts === 'string' ? undefined : parts.country;
      if (region === undefined || !rule.phoneRegions.includes(region)) {
        issues.push({ path: field, code: 'unsupported_region', message: `must be a number in ${rule.phoneRegions.join(' or ')}${because}` });
      }
    }
  }
  return issues;
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

function parseWith<T>(schema: z.ZodType<T, unknown>, value: unknown, context: ErrorContext): T {
  const result = schema.safeParse(value);
  if (!result.success) throw issuesError('invalid-input', fromZodIssues(result.error.issues), context);
  return result.data;
}
