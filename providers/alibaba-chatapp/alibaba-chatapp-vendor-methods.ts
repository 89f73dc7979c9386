/**
 * The vendor-only side of ChatApp: the registration flow (verification status, verify and
 * register, register, deregister), the business profile and the callbacks, as extra methods of
 * the provider, and the reads the contract methods share with them.
 */
import * as z from '../../src/util/zod.js';
import type { KeyRule } from '../../src/validation/call-options.js';
import { plainInput } from '../../src/validation/plain-input.js';
import type { Capabilities } from '../../src/contract/provider.js';
import { errorIn, fromZodIssues, issuesError, rememberSensitive } from '../../src/errors/to-contact-error.js';
import type { ErrorContext } from '../../src/errors/to-contact-error.js';
import type { CallScope, Settlement } from '../../src/transport/call-scope.js';
import { validateId } from '../../src/validation/validation.js';
import type { VendorNumber } from './alibaba-chatapp-api.js';
import { CHATAPP_VERTICALS } from './alibaba-chatapp-capabilities.js';
import type { CamsCaller } from './alibaba-chatapp-client.js';
import { isRegistered, toBusinessProfile, toContact, toProfileParams, toVerificationStatus, toWebhookParams } from './alibaba-chatapp-mapper.js';
import type { AlibabaChatAppContact, AlibabaChatAppProvider, ChatAppBusinessProfile, ChatAppBusinessProfileChanges, ChatAppCallbacks } from './alibaba-chatapp-types.js';

/** Runs one public operation with its scope, its customer space and its error context. */
export type RunInSpace = <T>(
  operation: string,
  options: unknown,
  body: (scope: CallScope, space: string, context: ErrorContext) => Promise<T>,
  extras?: Readonly<Record<string, KeyRule>>,
) => Promise<T>;

type VendorMethods = Pick<
  AlibabaChatAppProvider,
  'verificationStatus' | 'verifyAndRegister' | 'register' | 'deregister' | 'businessProfile' | 'updateBusinessProfile' | 'updateCallbacks'
>;

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });
const text = (max: number) => z.string({ error: 'must be a string' }).check(z.maxLength(max, { error: `must be at most ${max} characters` }));

/** The checks of a profile change; the vendor takes `Websites` as a JSON list of http(s) URLs. */
const profileChangesSchema = z.strictObject({
  about: z.optional(text(512)),
  address: z.optional(text(512)),
  description: z.optional(text(512)),
  email: z.optional(z.email({ error: 'must be a valid email address, such as ops@example.com' })),
  profilePictureUrl: z.optional(httpUrl),
  vertical: z.optional(z.enum(CHATAPP_VERTICALS, { error: `must be one of ${CHATAPP_VERTICALS.join(', ')}` })),
  websites: z.optional(z.array(httpUrl, { error: 'must be a list of http(s) URLs' })),
});

const callbacksSchema = z.strictObject({
  statusCallbackUrl: z.optional(httpUrl),
  inboundCallbackUrl: z.optional(httpUrl),
  http: z.optional(z.boolean({ error: 'must be true or false' })),
  queue: z.optional(z.boolean({ error: 'must be true or false' })),
});

/** Builds the vendor-only methods over one provider's caller. */
export function createVendorMethods(cams: CamsCaller, run: RunInSpace, capabilities: Capabilities): VendorMethods {
  // Every method names a number first (checked before any request); some take one more argument.
  const withNumberAnd = <A, T>(operation: string, body: (scope: CallScope, space: string, id: string, argument: A, context: ErrorContext) => Promise<T>) =>
    (id: string, argument: A, options?: unknown) =>
      run(operation, options, (scope, space, context) => body(scope, space, validateId(id, capabilities, context), argument, context));
  const withNumber = <T>(operation: string, body: (scope: CallScope, space: string, id: string, context: ErrorContext) => Promise<T>) =>
    (id: string, options?: unknown) => withNumberAnd(operation, (scope, space, validId, _none: undefined, context) => body(scope, space, validId, context))(id, undefined, options);

  return {
    verificationStatus: withNumber('verificationStatus', async (scope, space, id) => {
      const answer = await cams(scope, 'GetPhoneNumberVerificationStatus', { CustSpaceId: space, PhoneNumber: id });
      return toVerificationStatus(answer.Data, id);
    }),
    verifyAndRegister: withNumberAnd('verifyAndRegister', async (scope, space, id, code: string, context) => {
      const params = { CustSpaceId: space, PhoneNumber: id, VerifyCode: validateCode(code, context) };
      await cams(scope, 'ChatappVerifyAndRegister', params, { settle: () => settleBy(cams, scope, space, id, (n) => n !== undefined && isRegistered(n.Status)) });
      return readContact(cams, scope, space, id);
    }),
    register: withNumber('register', async (scope, space, id) => {
      await cams(scope, 'ChatappPhoneNumberRegister', { CustSpaceId: space, PhoneNumber: id });
      return readContact(cams, scope, space, id);
    }),
    deregister: withNumber('deregister', async (scope, space, id, context) => {
      const number = await requireNumber(cams, scope, space, id);
      // A second request would take the number out of the space: deregister only what is registered.
      if (!isRegistered(number.Status)) {
        throw errorIn(context, { code: 'conflict', message: `${id} is not registered (${number.Status ?? 'no status'}): delete(id) takes it out of the customer space` });
      }
      await unregister(cams, scope, space, id);
      return readContact(cams, scope, space, id);
    }),
    businessProfile: withNumber('businessProfile', (scope, space, id) => readProfile(cams, scope, space, id)),
    updateBusinessProfile: withNumberAnd('updateBusinessProfile', async (scope, space, id, changes: ChatAppBusinessProfileChanges, context) => {
      await cams(scope, 'ModifyPhoneBusinessProfile', toProfileParams(space, id, validateChanges(profileChangesSchema, changes, 'changes', context)));
      return readProfile(cams, scope, space, id);
    }),
    updateCallbacks: withNumberAnd('updateCallbacks', async (scope, space, id, callbacks: ChatAppCallbacks, context) => {
      await cams(scope, 'UpdatePhoneWebhook', toWebhookParams(space, id, validateChanges(callbacksSchema, callbacks, 'callbacks', context)));
      return readContact(cams, scope, space, id);
    }),
  };
}

/** Every number of the space (ChatappSyncPhoneNumber), or those of one status (QueryChatappPhoneNumbers). */
export async function listNumbers(cams: CamsCaller, scope: CallScope, space: string, status?: string): Promise<VendorNumber[]> {
  const answer =
    status === undefined
      ? await cams(scope, 'ChatappSyncPhoneNumber', { CustSpaceId: space })
      : await cams(scope, 'QueryChatappPhoneNumbers', { CustSpaceId: space, Status: status });
  return answer.PhoneNumbers ?? [];
}

/** One number of the space as the listing shows it, or undefined. */
export async function findNumber(cams: CamsCaller, scope: CallScope, space: string, id: string): Promise<VendorNumber | undefined> {
  return (await listNumbers(cams, scope, space)).find((number) => number.PhoneNumber === id);
}

/**
 * One number of the space.
 *
 * @throws ContactError `not-found` when the listing does not have it.
 */
export async function requireNumber(cams: CamsCaller, scope: CallScope, space: string, id: string): Promise<VendorNumber> {
  const found = await findNumber(cams, scope, space, id);
  if (found === undefined) throw errorIn(scope.errorContext, { code: 'not-found', field: 'id', message: `${id} is not a number of customer space ${space}` });
  return found;
}

/**
 * A number with its business profile's email: what `get` and `update` resolve to. The listing
 * and the profile do not depend on each other, so they are read side by side (one round trip of
 * latency); a number not in the space is `not-found` whatever the profile read says.
 */
export async function readContact(cams: CamsCaller, scope: CallScope, space: string, id: string): Promise<AlibabaChatAppContact> {
  const [number, profile] = await Promise.allSettled([requireNumber(cams, scope, space, id), readProfile(cams, scope, space, id)]);
  if (number.status === 'rejected') throw number.reason;
  if (profile.status === 'rejected') throw profile.reason;
  return toContact(number.value, space, profile.value.email);
}

/** The business profile of a number. */
export async function readProfile(cams: CamsCaller, scope: CallScope, space: string, id: string): Promise<ChatAppBusinessProfile> {
  return toBusinessProfile((await cams(scope, 'QueryPhoneBusinessProfile', { CustSpaceId: space, PhoneNumber: id })).Data);
}

/** Deregisters a registered number; after a lost answer, the listing says whether it was done. */
export async function unregister(cams: CamsCaller, scope: CallScope, space: string, id: string): Promise<void> {
  await cams(scope, 'ChatappPhoneNumberDeregister', { CustSpaceId: space, PhoneNumber: id }, {
    settle: () => settleBy(cams, scope, space, id, (number) => number === undefined || !isRegistered(number.Status)),
  });
}

/** Takes an unregistered number out of the space; a retry that finds it gone is done. */
export async function removeNumber(cams: CamsCaller, scope: CallScope, space: string, id: string): Promise<void> {
  await cams(scope, 'ChatappPhoneNumberDeregister', { CustSpaceId: space, PhoneNumber: id }, {
    settle: () => settleBy(cams, scope, space, id, (number) => number === undefined),
    goneOnRetry: { value: {} },
  });
}

/** After a change whose answer was lost: the listing shows whether it was applied. */
export async function settleBy(cams: CamsCaller, scope: CallScope, space: string, id: string, done: (number: VendorNumber | undefined) => boolean): Promise<Settlement<object>> {
  return done(await findNumber(cams, scope, space, id)) ? { applied: true, value: {} } : { applied: false };
}

/** A verification code as the number received it: digits only. */
function validateCode(code: unknown, context: ErrorContext): string {
  const trimmed = typeof code === 'string' ? code.trim() : undefined;
  if (trimmed !== undefined && /^\d{4,10}$/.test(trimmed)) return trimmed;
  throw issuesError('invalid-input', [{ path: 'code', code: 'invalid_format', message: 'must be the code the number received (4-10 digits)' }], context);
}

/**
 * Checks the changes of an extra method: a non-empty plain object the schema accepts. Every text
 * given (an email, callback URLs that may carry a token) is kept out of the operation's errors.
 */
function validateChanges<T extends object>(schema: z.ZodMiniType<T, unknown> & { readonly shape: object }, changes: unknown, what: string, context: ErrorContext): T {
  const plain = plainInput(changes, what, context);
  rememberSensitive(context, textsOf(plain));
  const result = schema.safeParse(plain);
  if (!result.success) throw issuesError('invalid-input', fromZodIssues(result.error.issues), context);
  if (Object.values(result.data).every((value) => value === undefined)) {
    throw issuesError('invalid-input', [{ path: '', code: 'empty_patch', message: `changes nothing: give at least one of ${Object.keys(schema.shape).join(', ')}` }], context);
  }
  return result.data;
}

function textsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value.trim()];
  if (typeof value !== 'object' || value === null) return [];
  return Object.values(value).flatMap(textsOf);
}
