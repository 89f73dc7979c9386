import { createContactList } from '../../src/contract/contact-list.js';
import { resolveListQuery } from '../../src/validation/call-options.js';
import { printAsProvider } from '../../src/settings/settings.js';
import { operationRunner } from '../../src/transport/operation-runner.js';
import { validateChannel, validateContactInput, validateContactPatch, validateId, validateName } from '../../src/validation/validation.js';
import { alibabaChatAppCapabilities as capabilities } from './alibaba-chatapp-capabilities.js';
import { createChatAppCaller } from './alibaba-chatapp-client.js';
import { addNumber, deleteNumber, listNumbers, pagesOfWhole, readAdded, readContact, readProfile, requireNumber, sendCode } from './alibaba-chatapp-calls.js';
import { isRegistered, toContact, toProfileParams } from './alibaba-chatapp-mapper.js';
import { customerSpace, listFiltersShape, setUpAlibabaChatApp, spaceOptionsShape, verificationOptionsShape } from './alibaba-chatapp-settings.js';
import type { AlibabaChatAppSettings, SpaceScope } from './alibaba-chatapp-settings.js';
import { createSyncOperations } from './alibaba-chatapp-sync-operations.js';
import type { AlibabaChatAppProvider } from './alibaba-chatapp-types.js';
import { createVendorMethods } from './alibaba-chatapp-vendor-methods.js';

/**
 * Creates the Alibaba Cloud ChatApp provider: the WhatsApp Business numbers of a customer space.
 *
 * @remarks Requests are signed by the vendor's `@alicloud/openapi-client` signer
 * (`@alicloud/openapi-util`, ACS3-HMAC-SHA256), loaded on the first call, and sent as `callApi` sends them, to `cams.ap-southeast-1.aliyuncs.com`. Credentials come from the settings or, on
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
  const chatApp = createChatAppCaller(setup.settings.endpoint, setup.credentials, setup.settings.agent);
  // Every operation takes a customer space besides the neutral options.
  const run = operationRunner(setup.policy, spaceOptionsShape);
  const spaceOf = (scope: SpaceScope): string => customerSpace(scope, setup.settings);

  const provider: AlibabaChatAppProvider = {
    id: 'alibaba-chatapp',
    capabilities,
    settings: setup.settings,
    create: (input, options) =>
      run('create', options, async (scope) => {
        const space = spaceOf(scope);
        const valid = validateContactInput(input, capabilities, scope.errorContext);
        await addNumber(chatApp, scope, space, valid);
        return readAdded(chatApp, scope, space, valid);
      }),
    get: (id, options) => run('get', options, (scope) => readContact(chatApp, scope, spaceOf(scope), validateId(id, capabilities, scope.errorContext))),
    update: (id, patch, options) =>
      run('update', options, async (scope) => {
        const space = spaceOf(scope);
        const validId = validateId(id, capabilities, scope.errorContext);
        const valid = validateContactPatch(patch, capabilities, scope.errorContext);
        // Validation leaves the email as the one field update can change.
        await chatApp(scope, 'ModifyPhoneBusinessProfile', toProfileParams(space, validId, { email: valid.email ?? undefined }));
        return readContact(chatApp, scope, space, validId);
      }),
    delete: (id, options) =>
      run('delete', options, async (scope) => {
        const space = spaceOf(scope);
        const validId = validateId(id, capabilities, scope.errorContext);
        await deleteNumber(chatApp, scope, space, validId, isRegistered((await requireNumber(chatApp, scope, space, validId)).Status));
      }),
    list: (query, options) =>
      createContactList(() => {
        const context = { provider: 'alibaba-chatapp', operation: 'list' } as const;
        const valid = resolveListQuery(query, capabilities, context, listFiltersShape);
        const fetchAll = () =>
          run('list', options, async (scope) => {
            const space = spaceOf(scope);
            return { space, numbers: await listNumbers(chatApp, scope, space, valid.status) };
          });
        return { limit: valid.limit, pageSize: valid.pageSize, action: 'ChatappSyncPhoneNumber', context, fetchPage: pagesOfWhole(fetchAll, valid.pageSize) };
      }),
    findByName: (name, options) =>
      run('findByName', options, async (scope) => {
        const space = spaceOf(scope);
        const validName = validateName(name, capabilities, scope.errorContext);
        const found = (await listNumbers(chatApp, scope, space)).find((number) => number.VerifiedName?.trim() === validName);
        return found === undefined ? undefined : toContact(found, space, (await readProfile(chatApp, scope, space, found.PhoneNumber)).email);
      }),
    sendVerification: (id, channel, options) =>
      run(
        'sendVerification',
        options,
        async (scope) => {
          const validId = validateId(id, capabilities, scope.errorContext);
          validateChannel(channel, capabilities, scope.errorContext);
          return sendCode(chatApp, scope, spaceOf(scope), validId, { method: scope.options.method ?? 'SMS', locale: scope.options.locale ?? 'en_US' });
        },
        verificationOptionsShape,
      ),
    ...createVendorMethods(chatApp, run, spaceOf, capabilities),
    syncOperations: createSyncOperations(chatApp, run, spaceOf, capabilities),
  };
  return printAsProvider(provider);
}
