import { createContactList } from '../../src/contract/contact-list.js';
import { resolveListQuery } from '../../src/validation/call-options.js';
import type { ContactInput } from '../../src/model/contact.js';
import type { PageFetcher } from '../../src/contract/paging.js';
import type { VerificationResult } from '../../src/contract/provider.js';
import { printAsProvider } from '../../src/settings/settings.js';
import { errorIn } from '../../src/errors/to-contact-error.js';
import type { ErrorContext } from '../../src/errors/to-contact-error.js';
import { runOperation } from '../../src/transport/call-scope.js';
import { replaceInScope } from '../../src/transport/replace-steps.js';
import type { CallScope, Settlement } from '../../src/transport/call-scope.js';
import { validateChannel, validateContactInput, validateContactPatch, validateId, validateName } from '../../src/validation/validation.js';
import type { VendorNumber } from './alibaba-chatapp-api.js';
import { alibabaChatAppCapabilities, CHATAPP_NUMBER_STATUSES } from './alibaba-chatapp-capabilities.js';
import { createCamsCaller } from './alibaba-chatapp-client.js';
import type { CamsCaller } from './alibaba-chatapp-client.js';
import { fromVendorNumber, idOfPhone, isRegistered, toAddParams, toContact, toProfileParams, withProfileEmail } from './alibaba-chatapp-mapper.js';
import { custSpaceIdRule, custSpaceOf, setUpAlibabaChatApp } from './alibaba-chatapp-settings.js';
import type { AlibabaChatAppSettings } from './alibaba-chatapp-settings.js';
import type { AlibabaChatAppContact, AlibabaChatAppProvider } from './alibaba-chatapp-types.js';
import { createVendorMethods, findNumber, listNumbers, readContact, readProfile, removeNumber, requireNumber, unregister } from './alibaba-chatapp-vendor-methods.js';
import type { RunInSpace } from './alibaba-chatapp-vendor-methods.js';

const capabilities = alibabaChatAppCapabilities;
const oneOf = (values: readonly string[]) => (value: unknown): string | undefined =>
  typeof value === 'string' && values.includes(value) ? undefined : `must be ${values.map((v) => JSON.stringify(v)).join(' or ')}`;
const statusRule = oneOf(CHATAPP_NUMBER_STATUSES);
const verificationRules = { method: oneOf(['SMS', 'VOICE']), locale: oneOf(['en_US', 'zh_CN']) };

/**
 * Creates the Alibaba Cloud ChatApp provider: the WhatsApp Business numbers of a customer space.
 *
 * @remarks Requests go through `@alicloud/openapi-client` (`callApi`, ACS3-HMAC-SHA256), loaded on
 * the first call, to `cams.ap-southeast-1.aliyuncs.com`. Credentials come from the settings or, on
 * the first call, from `ALIBABA_CLOUD_ACCESS_KEY_ID`, `ALIBABA_CLOUD_ACCESS_KEY_SECRET` and
 * `ALIBABA_CLOUD_SECURITY_TOKEN`. Every call works in one customer space: the `custSpaceId`
 * setting, or the call's `{ custSpaceId }` option. A 200 answer whose `Code` is not `OK` rejects.
 *
 * A contact is a number: `id` is the number without `+` as the vendor writes it, `name` its
 * verified name, `email` its business profile's. Registration: `create` adds the number
 * (`pending-verification`), `sendVerification(id, 'phone')` has a code sent, `verifyAndRegister(id,
 * code)` registers it (`active`), `deregister` / `register` switch it off and on, `delete` takes it
 * out of the space.
 *
 * Where the vendor's documentation is silent (UNCONFIRMED), this provider assumes:
 * - ChatappPhoneNumberDeregister deregisters a registered number (it stays listed, `DISCONNECTED`)
 *   and takes an unregistered one out of the customer space (it is no longer listed); so `delete`
 *   sends it twice for a registered number.
 * - The listings answer every number at once (they take no page parameters); a number just added
 *   is listed at once, and business failures come back as HTTP 200 with a `Code` other than `OK`.
 *
 * @example
 * ```ts
 * const chatapp = alibabaChatApp({ custSpaceId: 'cams-sdkj31kj32lk3j' });
 * const number = await chatapp.create({ name: 'Acme Support', phone: '+8613800001234', email: 'support@acme.example' });
 * await chatapp.sendVerification(number.id, 'phone', { method: 'SMS' });
 * await chatapp.verifyAndRegister(number.id, '123456'); // the code the number received
 * ```
 * @throws ContactError `invalid-config` for bad settings (missing credentials, or a missing
 * customer space, are reported by the first call).
 */
export function alibabaChatApp(settings?: AlibabaChatAppSettings): AlibabaChatAppProvider {
  const setup = setUpAlibabaChatApp(settings);
  const cams = createCamsCaller(setup.settings.endpoint, setup.credentials, setup.settings.agent);
  const run: RunInSpace = (operation, options, body, extras) =>
    runOperation(
      setup.policy,
      operation,
      options,
      (scope) => body(scope, custSpaceOf(scope.options.extras, setup.settings, scope.errorContext), scope.errorContext),
      { custSpaceId: custSpaceIdRule, ...extras },
    );

  const provider: AlibabaChatAppProvider = {
    id: 'alibaba-chatapp',
    capabilities,
    settings: setup.settings,
    create: (input, options) =>
      run('create', options, async (scope, space, context) => {
        const valid = validateContactInput(input, capabilities, context);
        const id = await addNumber(cams, scope, space, valid);
        return asListed(await findNumber(cams, scope, space, id), space, valid);
      }),
    get: (id, options) => run('get', options, (scope, space, context) => readContact(cams, scope, space, validateId(id, capabilities, context))),
    update: (id, patch, options) =>
      run('update', options, async (scope, space, context) => {
        const validId = validateId(id, capabilities, context);
        const valid = validateContactPatch(patch, capabilities, context);
        // Validation leaves the email as the one field update can change.
        await cams(scope, 'ModifyPhoneBusinessProfile', toProfileParams(space, validId, { email: valid.email ?? undefined }));
        return readContact(cams, scope, space, validId);
      }),
    delete: (id, options) =>
      run('delete', options, async (scope, space, context) => {
        const validId = validateId(id, capabilities, context);
        await deleteNumber(cams, scope, space, validId, isRegistered((await requireNumber(cams, scope, space, validId)).Status));
      }),
    list: (query, options) =>
      createContactList(() => {
        const context: ErrorContext = { provider: 'alibaba-chatapp', operation: 'list' };
        const valid = resolveListQuery(query, capabilities, context, { status: statusRule });
        const status = valid.extras['status'] as string | undefined;
        const fetchAll = () => run('list', options, async (scope, space) => ({ space, numbers: await listNumbers(cams, scope, space, status) }));
        return { limit: valid.limit, pageSize: valid.pageSize, action: 'ChatappSyncPhoneNumber', context, fetchPage: pagesOfWhole(fetchAll, valid.pageSize) };
      }),
    findByName: (name, options) =>
      run('findByName', options, async (scope, space, context) => {
        const validName = validateName(name, capabilities, context);
        const found = (await listNumbers(cams, scope, space)).find((number) => number.VerifiedName?.trim() === validName);
        return found === undefined ? undefined : toContact(found, space, (await readProfile(cams, scope, space, found.PhoneNumber)).email);
      }),
    sendVerification: (id, channel, options) =>
      run(
        'sendVerification',
        options,
        async (scope, space, context) => {
          const validId = validateId(id, capabilities, context);
          validateChannel(channel, capabilities, context);
          return sendCode(cams, scope, space, validId);
        },
        verificationRules,
      ),
    ...createVendorMethods(cams, run, capabilities),
    // Sync reuses what its plan listed: whether a number is registered, its profile email read
    // only where the roster gives one, and one listing for every number it added.
    syncOperations: {
      listingLacks: ['email'],
      complete: (listed, options) =>
        run('get', options, (scope, space) =>
          Promise.all(listed.map(async (contact) => withProfileEmail(contact, (await readProfile(cams, scope, space, validateId(contact.id, capabilities, scope.errorContext))).email))),
        ),
      create: (input, options) =>
        run('create', options, async (scope, space, context) => {
          await addNumber(cams, scope, space, validateContactInput(input, capabilities, context));
          return undefined;
        }),
      resolveCreated: (inputs, options) =>
        run('list', options, async (scope, space) => {
          const numbers = new Map((await listNumbers(cams, scope, space)).map((number) => [number.PhoneNumber, number]));
          return inputs.map((input) => {
            const found = numbers.get(idOfPhone(input.phone ?? ''));
            return found === undefined ? undefined : asListed(found, space, input);
          });
        }),
      update: (current, patch, options) =>
        run('update', options, async (scope, space, context) => {
          const validId = validateId(current.id, capabilities, context);
          const valid = validateContactPatch(patch, capabilities, context);
          await cams(scope, 'ModifyPhoneBusinessProfile', toProfileParams(space, validId, { email: valid.email ?? undefined }));
          return withProfileEmail(current, valid.email ?? current.email);
        }),
      delete: (current, options) =>
        run('delete', options, (scope, space, context) =>
          deleteNumber(cams, scope, space, validateId(current.id, capabilities, context), isRegistered(current.details?.vendorStatus)),
        ),
      replace: (current, input, options, progress) =>
        run('replace', options, async (scope, space, context) => {
          const validId = validateId(current.id, capabilities, context);
          const valid = validateContactInput(input, capabilities, context);
          const steps = {
            delete: () => deleteNumber(cams, scope, space, validId, isRegistered(current.details?.vendorStatus)),
            create: async () => void (await addNumber(cams, scope, space, valid)),
          };
          return replaceInScope(scope, 'AddChatappPhoneNumber', steps, progress);
        }),
      createsLeft: async () => undefined,
    },
  };
  return printAsProvider(provider);
}

/** AddChatappPhoneNumber, and the profile's email when the input has one; resolves to the number's id. */
async function addNumber(cams: CamsCaller, scope: CallScope, space: string, input: ContactInput): Promise<string> {
  const id = idOfPhone(input.phone ?? '');
  await cams(scope, 'AddChatappPhoneNumber', toAddParams(space, input), { settle: () => settleAdd(cams, scope, space, id, input) });
  if (input.email !== undefined) await cams(scope, 'ModifyPhoneBusinessProfile', toProfileParams(space, id, { email: input.email }));
  return id;
}

/** A number just added, as the listing shows it; should the listing lag behind the add, as the add left it. */
function asListed(listed: VendorNumber | undefined, space: string, input: ContactInput): AlibabaChatAppContact {
  return toContact(listed ?? { PhoneNumber: idOfPhone(input.phone ?? ''), VerifiedName: input.name, Status: 'UNVERIFIED' }, space, input.email);
}

/** Takes a number out of the space; a registered one is deregistered first (the vendor needs both requests). */
async function deleteNumber(cams: CamsCaller, scope: CallScope, space: string, id: string, registered: boolean): Promise<void> {
  if (registered) await unregister(cams, scope, space, id);
  await removeNumber(cams, scope, space, id);
}

/**
 * The listings answer every number at once: the first page costs the one request, the others are
 * cut from its answer (one request per iteration of the list). Numbers become contacts a page at
 * a time, so a listing that stops early maps only what it returns.
 */
function pagesOfWhole(fetchAll: () => Promise<{ space: string; numbers: readonly VendorNumber[] }>, pageSize: number): PageFetcher<AlibabaChatAppContact> {
  let all: Promise<{ space: string; numbers: readonly VendorNumber[] }> | undefined;
  return async (cursor) => {
    all ??= fetchAll();
    const { space, numbers } = await all;
    const start = typeof cursor === 'number' ? cursor : 0;
    const end = start + pageSize;
    return { items: numbers.slice(start, end).map((number) => toContact(number, space)), next: end < numbers.length ? end : undefined };
  };
}

/**
 * After an AddChatappPhoneNumber whose answer was lost: the number is looked up. Listed with the
 * verified name asked for, the add was applied; with another name, the number is someone else's
 * entry (`already-exists`); not listed, it was not applied and may be sent again.
 */
async function settleAdd(cams: CamsCaller, scope: CallScope, space: string, id: string, input: ContactInput): Promise<Settlement<object>> {
  const found = await findNumber(cams, scope, space, id);
  if (found === undefined) return { applied: false };
  if (found.VerifiedName?.trim() !== input.name) {
    throw errorIn(scope.errorContext, { code: 'already-exists', field: 'phone', message: 'the number is in the customer space under another verified name (the create\'s answer was lost, so it was looked up)' });
  }
  return { applied: true, value: {} };
}

/** Sends a code unless the number's code is verified already (GetPhoneNumberVerificationStatus says whether one is needed). */
async function sendCode(cams: CamsCaller, scope: CallScope, space: string, id: string): Promise<VerificationResult> {
  const target = fromVendorNumber(id) ?? `+${id}`;
  const status = await cams(scope, 'GetPhoneNumberVerificationStatus', { CustSpaceId: space, PhoneNumber: id });
  if (status.Data?.CodeVerificationStatus === 'VERIFIED') return { channel: 'phone', status: 'already-verified', target };
  const { extras } = scope.options;
  const answer = await cams(scope, 'GetChatappVerifyCode', {
    CustSpaceId: space,
    PhoneNumber: id,
    Method: (extras['method'] as string | undefined) ?? 'SMS',
    Locale: (extras['locale'] as string | undefined) ?? 'en_US',
  });
  return { channel: 'phone', status: 'sent', target, ...(answer.RequestId ? { requestId: answer.RequestId } : {}) };
}
