/**
 * The vendor-only side of ChatApp, as extra methods of the provider: the registration flow
 * (verification status, verify and register, register, deregister), the business profile and
 * the callbacks.
 */
import * as z from '../../src/util/zod.js';
import { plainInput } from '../../src/validation/plain-input.js';
import type { Capabilities } from '../../src/contract/provider.js';
import { errorIn, fromZodIssues, issuesError, rememberSensitive } from '../../src/errors/to-contact-error.js';
import type { ErrorContext } from '../../src/errors/to-contact-error.js';
import type { OperationRunner } from '../../src/transport/operation-runner.js';
import { validateId } from '../../src/validation/validation.js';
import { CHATAPP_VERTICALS } from './alibaba-chatapp-capabilities.js';
import type { ChatAppCaller } from './alibaba-chatapp-client.js';
import { readContact, readProfile, requireNumber, settleByListing, unregister } from './alibaba-chatapp-calls.js';
import { isRegistered, toProfileParams, toVerificationStatus, toWebhookParams } from './alibaba-chatapp-mapper.js';
import type { SpaceScope, spaceOptionsShape } from './alibaba-chatapp-settings.js';
import type { AlibabaChatAppProvider, ChatAppBusinessProfileChanges, ChatAppCallbacks } from './alibaba-chatapp-types.js';

type VendorMethods = Pick<
  AlibabaChatAppProvider,
  'verificationStatus' | 'verifyAndRegister' | 'register' | 'deregister' | 'businessProfile' | 'updateBusinessProfile' | 'updateCallbacks'
>;

const httpUrl = () => z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });
const text = (max: number) => z.string({ error: 'must be a string' }).check(z.maxLength(max, { error: `must be at most ${max} characters` }));

/** The checks of a profile change; the vendor takes `Websites` as a JSON list of http(s) URLs. */
const profileChangeFields = {
  about: () => z.optional(text(512)),
  address: () => z.optional(text(512)),
  description: () => z.optional(text(512)),
  email: () => z.optional(z.email({ error: 'must be a valid email address, such as ops@example.com' })),
  profilePictureUrl: () => z.optional(httpUrl()),
  vertical: () => z.optional(z.enum(CHATAPP_VERTICALS, { error: `must be one of ${CHATAPP_VERTICALS.join(', ')}` })),
  websites: () => z.optional(z.array(httpUrl(), { error: 'must be a list of http(s) URLs' })),
} satisfies z.FieldBuilders;

/** The checks of a callback change. */
const callbackFields = {
  statusCallbackUrl: () => z.optional(httpUrl()),
  inboundCallbackUrl: () => z.optional(httpUrl()),
  http: () => z.optional(z.boolean({ error: 'must be true or false' })),
  queue: () => z.optional(z.boolean({ error: 'must be true or false' })),
} satisfies z.FieldBuilders;

/** Builds the vendor-only methods over one provider's caller; `spaceOf` says which customer space a call works in. */
export function createVendorMethods(
  chatApp: ChatAppCaller,
  run: OperationRunner<typeof spaceOptionsShape>,
  spaceOf: (scope: SpaceScope) => string,
  capabilities: Capabilities,
): VendorMethods {
  // Every method names a number first (checked before any request); some take one more argument.
  type Body<A, T> = (scope: SpaceScope, space: string, id: string, argument: A) => Promise<T>;
  const withNumberAnd = <A, T>(operation: string, body: Body<A, T>) => (id: string, argument: A, options?: unknown) =>
    run(operation, options, (scope) => body(scope, spaceOf(scope), validateId(id, capabilities, scope.errorContext), argument));
  const withNumber = <T>(operation: string, body: Body<undefined, T>) => (id: string, options?: unknown) => withNumberAnd(operation, body)(id, undefined, options);

  return {
    verificationStatus: withNumber('verificationStatus', async (scope, space, id) => {
      const answer = await chatApp(scope, 'GetPhoneNumberVerificationStatus', { CustSpaceId: space, PhoneNumber: id });
      return toVerificationStatus(answer.Data, id);
    }),
    verifyAndRegister: withNumberAnd('verifyAndRegister', async (scope, space, id, code: string) => {
      const params = { CustSpaceId: space, PhoneNumber: id, VerifyCode: validateCode(code, scope.errorContext) };
      await chatApp(scope, 'ChatappVerifyAndRegister', params, { settle: settleByListing(chatApp, scope, space, id, (n) => n !== undefined && isRegistered(n.Status)) });
      return readContact(chatApp, scope, space, id);
    }),
    register: withNumber('register', async (scope, space, id) => {
      await chatApp(scope, 'ChatappPhoneNumberRegister', { CustSpaceId: space, PhoneNumber: id });
      return readContact(chatApp, scope, space, id);
    }),
    deregister: withNumber('deregister', async (scope, space, id) => {
      const number = await requireNumber(chatApp, scope, space, id);
      // A second request would take the number out of the space: deregister only what is registered.
      if (!isRegistered(number.Status)) {
        throw errorIn(scope.errorContext, { code: 'conflict', message: `${id} is not registered (${number.Status ?? 'no status'}): delete(id) takes it out of the customer space` });
      }
      await unregister(chatApp, scope, space, id);
      return readContact(chatApp, scope, space, id);
    }),
    businessProfile: withNumber('businessProfile', (scope, space, id) => readProfile(chatApp, scope, space, id)),
    updateBusinessProfile: withNumberAnd('updateBusinessProfile', async (scope, space, id, changes: ChatAppBusinessProfileChanges) => {
      await chatApp(scope, 'ModifyPhoneBusinessProfile', toProfileParams(space, id, validateChanges(profileChangeFields, changes, 'changes', scope.errorContext)));
      return readProfile(chatApp, scope, space, id);
    }),
    updateCallbacks: withNumberAnd('updateCallbacks', async (scope, space, id, callbacks: ChatAppCallbacks) => {
      await chatApp(scope, 'UpdatePhoneWebhook', toWebhookParams(space, id, validateChanges(callbackFields, callbacks, 'callbacks', scope.errorContext)));
      return readContact(chatApp, scope, space, id);
    }),
  };
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
function validateChanges<F extends z.FieldBuilders>(fields: F, changes: unknown, what: string, context: ErrorContext): z.output<z.ZodMiniObject<z.BuiltShape<F>>> {
  const plain = plainInput(changes, what, context);
  rememberSensitive(context, textsOf(plain));
  const result = z.strictObjectOf(fields).safeParse(plain);
  if (!result.success) throw issuesError('invalid-input', fromZodIssues(result.error.issues), context);
  if (Object.values(result.data).every((value) => value === undefined)) {
    throw issuesError('invalid-input', [{ path: '', code: 'empty_patch', message: `changes nothing: give at least one of ${Object.keys(fields).join(', ')}` }], context);
  }
  return result.data;
}

function textsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value.trim()];
  if (typeof value !== 'object' || value === null) return [];
  return Object.values(value).flatMap(textsOf);
}
