import * as z from '../util/zod.js';
import { CONTACT_TITLES, MESSAGE_TYPES } from '../model/contact.js';
import type { ContactInput, ContactPatch } from '../model/contact.js';
import { describePhoneProblem, parsePhone } from '../model/phone.js';
import { fromZodIssues, issuesError } from '../errors/to-contact-error.js';

const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/**
 * Builds the neutral rules. They are built on their first use rather than at import: importing a
 * provider should not pay for the schemas of operations the process never calls.
 */
function buildNeutralRules() {
  const nameSchema = z.string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') }).check(
    z.trim(),
    z.minLength(1, { error: 'must not be empty' }),
    z.maxLength(128, { error: 'must be at most 128 characters' }),
    z.refine((value) => !CONTROL_CHARACTERS.test(value), { error: 'must not contain control characters' }),
  );

  /** An email address, trimmed, with its domain lower-cased (the local part is case-sensitive by RFC 5321). */
  const emailSchema = z.pipe(
    z.string({ error: 'must be a string' }).check(z.trim(), z.maxLength(254, { error: 'must be at most 254 characters' })),
    z.pipe(
      z.email({ error: 'must be a valid email address, such as ops@example.com' }),
      z.transform((value: string) => {
        const at = value.lastIndexOf('@');
        return value.slice(0, at) + value.slice(at).toLowerCase();
      }),
    ),
  );

  /** A phone number with its country code, normalised to E.164. */
  const phoneSchema = z.pipe(
    z.string({ error: 'must be a string' }),
    z.transform((value: string, context) => {
      const parsed = parsePhone(value);
      if (typeof parsed === 'string') {
        context.issues.push({ code: 'custom', message: describePhoneProblem(parsed), params: { rule: parsed }, input: value });
        return z.NEVER;
      }
      return parsed.e164;
    }),
  );

  const webhookUrlSchema = z.url({
    protocol: /^https?$/,
    error: 'must be an http(s) URL',
  });

  const uniqueEntries = <T>() => z.transform((values: T[]) => [...new Set(values)]);

  const idListSchema = (what: string) =>
    z.pipe(
      z
        .array(z.string().check(z.trim(), z.minLength(1, { error: `each ${what} must be a non-empty string` })), { error: 'must be a list' })
        .check(z.maxLength(100, { error: 'must have at most 100 entries' })),
      uniqueEntries<string>(),
    );

  /** A webhook object whose URL is required, with a clear message when only its secret was given. */
  function webhookSchema<Shape extends Record<string, z.ZodMiniType>>(extra: Shape) {
    const object = z.strictObject({ url: z.optional(z.pipe(z.unknown(), webhookUrlSchema)), ...extra });
    return z.pipe(
      object,
      z.transform((hook: z.output<typeof object>, context) => {
        if ((hook as { url?: string }).url === undefined) {
          const secretGiven = Object.keys(hook).length > 0;
          context.issues.push({
            code: 'custom',
            path: ['url'],
            message: secretGiven ? 'is required: a secret or token without its webhook URL is useless' : 'is required',
            params: { rule: 'required' },
            input: hook,
          });
          return z.NEVER;
        }
        return hook as typeof hook & { url: string };
      }),
    );
  }

  const secretSchema = z.string({ error: 'must be a string' }).check(z.minLength(1, { error: 'must not be empty' }), z.maxLength(512));

  const webhookKinds = {
    generic: webhookSchema({ token: z.optional(secretSchema) }),
    lark: webhookSchema({ secret: z.optional(secretSchema) }),
    dingtalk: webhookSchema({
      secret: z.optional(secretSchema),
      atMobiles: z.optional(idListSchema('mobile number')),
      atUserIds: z.optional(idListSchema('user id')),
    }),
    wecom: webhookSchema({ atUserIds: z.optional(idListSchema('user id')) }),
  };

  const webhooksSchema = z.strictObject({
    generic: z.optional(webhookKinds.generic),
    lark: z.optional(webhookKinds.lark),
    dingtalk: z.optional(webhookKinds.dingtalk),
    wecom: z.optional(webhookKinds.wecom),
  });

  /** A change to webhooks: each kind may also be `null`, which removes it. */
  const webhooksPatchSchema = z.strictObject({
    generic: z.optional(z.nullable(webhookKinds.generic)),
    lark: z.optional(z.nullable(webhookKinds.lark)),
    dingtalk: z.optional(z.nullable(webhookKinds.dingtalk)),
    wecom: z.optional(z.nullable(webhookKinds.wecom)),
  });

  const fieldSchemas = {
    email: emailSchema,
    phone: phoneSchema,
    title: z.enum(CONTACT_TITLES, { error: `must be one of ${CONTACT_TITLES.join(', ')}` }),
    messageTypes: z.pipe(
      z.array(z.enum(MESSAGE_TYPES, { error: `each must be one of ${MESSAGE_TYPES.join(', ')}` }), { error: 'must be a list of message types' }),
      uniqueEntries<(typeof MESSAGE_TYPES)[number]>(),
    ),
    remark: z.string({ error: 'must be a string' }).check(z.maxLength(1024, { error: 'must be at most 1024 characters' })),
    webhooks: webhooksSchema,
    groupIds: idListSchema('group id'),
  };

  const input = z.strictObject({
    name: nameSchema,
    email: z.optional(fieldSchemas.email),
    phone: z.optional(fieldSchemas.phone),
    title: z.optional(fieldSchemas.title),
    messageTypes: z.optional(fieldSchemas.messageTypes),
    remark: z.optional(fieldSchemas.remark),
    webhooks: z.optional(fieldSchemas.webhooks),
    groupIds: z.optional(fieldSchemas.groupIds),
  }) as z.ZodMiniType<ContactInput, unknown>;

  const patch = z.strictObject({
    name: z.optional(nameSchema),
    email: z.optional(z.nullable(fieldSchemas.email)),
    phone: z.optional(z.nullable(fieldSchemas.phone)),
    title: z.optional(z.nullable(fieldSchemas.title)),
    messageTypes: z.optional(z.nullable(fieldSchemas.messageTypes)),
    remark: z.optional(z.nullable(fieldSchemas.remark)),
    webhooks: z.optional(z.nullable(webhooksPatchSchema)),
    groupIds: z.optional(z.nullable(fieldSchemas.groupIds)),
  }) as z.ZodMiniType<ContactPatch, unknown>;

  return { input, patch };
}

let neutralRules: ReturnType<typeof buildNeutralRules> | undefined;
const rules = () => (neutralRules ??= buildNeutralRules());

/**
 * The provider-neutral rules for a new contact, as a zod schema; parsing normalises the phone
 * number to E.164, trims the name, lower-cases the email domain and removes duplicate list entries.
 *
 * @remarks Each provider adds its own rules on top (name length and charset, phone regions,
 * required and unsupported fields); `provider.create` applies both. Built with `zod/mini`: it
 * composes into the caller's own zod 4 schemas (`z.object({ owner: contactInputSchema })`), and
 * is wrapped rather than chained (`z.optional(contactInputSchema)`).
 *
 * @example
 * ```ts
 * const input = contactInputSchema.parse({ name: 'oncall', phone: '0086 139-0000-1234' });
 * input.phone; // '+8613900001234'
 * ```
 */
export const contactInputSchema: z.ZodMiniType<ContactInput, unknown> = z.lazy(() => rules().input);

/** The neutral rules for a change: every field optional, `null` clears it (except `name`). */
export const contactPatchSchema: z.ZodMiniType<ContactPatch, unknown> = z.lazy(() => rules().patch);

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
