import { z } from 'zod';
import { CONTACT_TITLES, MESSAGE_TYPES } from './contact.js';
import type { ContactInput, ContactPatch } from './contact.js';
import { describePhoneProblem, parsePhone } from './phone.js';
import { fromZodIssues, issuesError } from './to-contact-error.js';

const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

const nameSchema = z
  .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') })
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(128, { error: 'must be at most 128 characters' })
  .refine((value) => !CONTROL_CHARACTERS.test(value), { error: 'must not contain control characters' });

/** An email address, trimmed, with its domain lower-cased (the local part is case-sensitive by RFC 5321). */
const emailSchema = z
  .string({ error: 'must be a string' })
  .trim()
  .max(254, { error: 'must be at most 254 characters' })
  .pipe(z.email({ error: 'must be a valid email address, such as ops@example.com' }))
  .transform((value) => {
    const at = value.lastIndexOf('@');
    return value.slice(0, at) + value.slice(at).toLowerCase();
  });

/** A phone number with its country code, normalised to E.164. */
const phoneSchema = z.string({ error: 'must be a string' }).transform((value, context) => {
  const parsed = parsePhone(value);
  if (typeof parsed === 'string') {
    context.addIssue({ code: 'custom', message: describePhoneProblem(parsed), params: { rule: parsed } });
    return z.NEVER;
  }
  return parsed.e164;
});

const webhookUrlSchema = z.url({
  protocol: /^https?$/,
  error: 'must be an http(s) URL',
});

const idListSchema = (what: string) =>
  z
    .array(z.string().trim().min(1, { error: `each ${what} must be a non-empty string` }), { error: 'must be a list' })
    .max(100, { error: 'must have at most 100 entries' })
    .transform((values) => [...new Set(values)]);

/** A webhook object whose URL is required, with a clear message when only its secret was given. */
function webhookSchema<Shape extends z.ZodRawShape>(extra: Shape) {
  return z.strictObject({
    url: z.unknown().pipe(webhookUrlSchema).optional(),
    ...extra,
  }).transform((hook, context) => {
    if ((hook as { url?: string }).url === undefined) {
      const secretGiven = Object.keys(hook).length > 0;
      context.addIssue({
        code: 'custom',
        path: ['url'],
        message: secretGiven ? 'is required: a secret or token without its webhook URL is useless' : 'is required',
        params: { rule: 'required' },
      });
      return z.NEVER;
    }
    return hook as typeof hook & { url: string };
  });
}

const secretSchema = z.string({ error: 'must be a string' }).min(1, { error: 'must not be empty' }).max(512);

const webhooksSchema = z.strictObject({
  generic: webhookSchema({ token: secretSchema.optional() }).optional(),
  lark: webhookSchema({ secret: secretSchema.optional() }).optional(),
  dingtalk: webhookSchema({
    secret: secretSchema.optional(),
    atMobiles: idListSchema('mobile number').optional(),
    atUserIds: idListSchema('user id').optional(),
  }).optional(),
  wecom: webhookSchema({ atUserIds: idListSchema('user id').optional() }).optional(),
});

/** A change to webhooks: each kind may also be `null`, which removes it. */
const webhooksPatchSchema = z.strictObject(
  Object.fromEntries(Object.entries(webhooksSchema.shape).map(([kind, schema]) => [kind, schema.unwrap().nullable().optional()])) as {
    [K in keyof typeof webhooksSchema.shape]: z.ZodOptional<z.ZodNullable<ReturnType<(typeof webhooksSchema.shape)[K]['unwrap']>>>;
  },
);

const fieldSchemas = {
  email: emailSchema,
  phone: phoneSchema,
  title: z.enum(CONTACT_TITLES, { error: `must be one of ${CONTACT_TITLES.join(', ')}` }),
  messageTypes: z
    .array(z.enum(MESSAGE_TYPES, { error: `each must be one of ${MESSAGE_TYPES.join(', ')}` }), {
      error: 'must be a list of message types',
    })
    .transform((values) => [...new Set(values)]),
  remark: z.string({ error: 'must be a string' }).max(1024, { error: 'must be at most 1024 characters' }),
  webhooks: webhooksSchema,
  groupIds: idListSchema('group id'),
};

/**
 * The provider-neutral rules for a new contact, as a zod schema; parsing normalises the phone
 * number to E.164, trims the name, lower-cases the email domain and removes duplicate list entries.
 *
 * @remarks Each provider adds its own rules on top (name length and charset, phone regions,
 * required and unsupported fields); `provider.create` applies both.
 *
 * @example
 * ```ts
 * const input = contactInputSchema.parse({ name: 'oncall', phone: '0086 139-0000-1234' });
 * input.phone; // '+8613900001234'
 * ```
 */
export const contactInputSchema: z.ZodType<ContactInput, unknown> = z.strictObject({
  name: nameSchema,
  email: fieldSchemas.email.optional(),
  phone: fieldSchemas.phone.optional(),
  title: fieldSchemas.title.optional(),
  messageTypes: fieldSchemas.messageTypes.optional(),
  remark: fieldSchemas.remark.optional(),
  webhooks: fieldSchemas.webhooks.optional(),
  groupIds: fieldSchemas.groupIds.optional(),
}) as z.ZodType<ContactInput, unknown>;

/** The neutral rules for a change: every field optional, `null` clears it (except `name`). */
export const contactPatchSchema: z.ZodType<ContactPatch, unknown> = z.strictObject({
  name: nameSchema.optional(),
  email: fieldSchemas.email.nullable().optional(),
  phone: fieldSchemas.phone.nullable().optional(),
  title: fieldSchemas.title.nullable().optional(),
  messageTypes: fieldSchemas.messageTypes.nullable().optional(),
  remark: fieldSchemas.remark.nullable().optional(),
  webhooks: webhooksPatchSchema.nullable().optional(),
  groupIds: fieldSchemas.groupIds.nullable().optional(),
}) as z.ZodType<ContactPatch, unknown>;

/**
 * Checks and normalises a contact input by the neutral rules, like `contactInputSchema.parse`, but
 * throwing a {@link ContactError} (`invalid-input`, listing every issue) instead of a `ZodError`.
 *
 * @throws ContactError `invalid-input`
 */
export function parseContactInput(value: unknown): ContactInput {
  const result = contactInputSchema.safeParse(value);
  if (result.success) return result.data;
  throw issuesError('invalid-input', fromZodIssues(result.error.issues), { operation: 'parseContactInput' });
}
