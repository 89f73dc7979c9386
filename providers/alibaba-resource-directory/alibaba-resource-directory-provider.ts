import { createContactList } from '../../src/contract/contact-list.js';
import { resolveListQuery } from '../../src/validation/call-options.js';
import { printAsProvider } from '../../src/settings/settings.js';
import { operationRunner } from '../../src/transport/operation-runner.js';
import { validateChannel, validateContactInput, validateContactPatch, validateId, validateName } from '../../src/validation/validation.js';
import { capabilitiesForSite } from './alibaba-resource-directory-capabilities.js';
import { createRdCaller } from './alibaba-resource-directory-client.js';
import { addContact, contactPages, deleteContact, readContact, scanForName, sendVerification } from './alibaba-resource-directory-calls.js';
import { toContact, toUpdateParams } from './alibaba-resource-directory-mapper.js';
import { deleteOptionsShape, listFiltersShape, setUpAlibabaResourceDirectory } from './alibaba-resource-directory-settings.js';
import type { AlibabaResourceDirectorySettings } from './alibaba-resource-directory-settings.js';
import { createSyncOperations } from './alibaba-resource-directory-sync-operations.js';
import type { AlibabaResourceDirectoryProvider, AlibabaVerificationChannel } from './alibaba-resource-directory-types.js';
import { createVendorMethods } from './alibaba-resource-directory-vendor-methods.js';

/**
 * Creates the Alibaba Cloud Resource Directory message-contact provider.
 *
 * @remarks Requests are signed by the vendor's `@alicloud/openapi-client` signer
 * (`@alicloud/openapi-util`, ACS3-HMAC-SHA256), loaded on the first call, and sent as `callApi` sends them. Credentials come from the settings or, on the first call, from
 * `ALIBABA_CLOUD_ACCESS_KEY_ID`, `ALIBABA_CLOUD_ACCESS_KEY_SECRET` and `ALIBABA_CLOUD_SECURITY_TOKEN`.
 * A new contact, and a new email or phone given to `update`, stay pending until their owner
 * confirms them from the message `sendVerification` asks the vendor to send.
 *
 * Where the vendor's documentation is silent (UNCONFIRMED), this provider assumes:
 * - GetMessageContact shows the confirmed email and phone while a change is pending; the pending
 *   values are in ListMessageContactVerifications, which `get` reads too with
 *   `{ includePending: true }` (and `update`, when it changed the email or phone, and
 *   `cancelPendingUpdate`): a pending change shows as `verification.email: 'pending'` and
 *   `details.pendingEmail` (or the phone twins), never as the live value. Otherwise, like `list` and
 *   `findByName`, a contact shows what the status says: whether the email is confirmed.
 * - DeleteMessageContact answers `Deleted` when members retain the contact and `Deleting` when
 *   they lose it; `delete` resolves only once the contact is gone (the status query then answers
 *   `EntityNotExists.Contact`), and a `Failed` status becomes `conflict` naming the reasons.
 * - `ContactStatusMismatchAction` (`conflict`) answers changes while deleting, binding members
 *   before the email is verified, and cancelling when nothing can be cancelled.
 * - Pages hold up to 100 contacts; `x-acs-retry-after` is in milliseconds, as the vendor's SDKs
 *   read it; on the international site the vendor alone decides which phone numbers it takes.
 *
 * @example
 * ```ts
 * const rd = alibabaResourceDirectory({ site: 'china' });
 * const contact = await rd.create({ name: 'Oncall', email: 'oncall@example.com', title: 'TechnicalDirector', messageTypes: ['FaultMessage'] });
 * await rd.sendVerification(contact.id, 'email');
 * await rd.associateMembers(contact.id, ['fd-ZDNPiT1234']);
 * ```
 * @throws ContactError `invalid-config` for bad settings (missing credentials are reported by the first call).
 */
export function alibabaResourceDirectory(settings?: AlibabaResourceDirectorySettings): AlibabaResourceDirectoryProvider {
  const setup = setUpAlibabaResourceDirectory(settings);
  const capabilities = capabilitiesForSite(setup.settings.site);
  const rd = createRdCaller(setup.settings.endpoint, setup.credentials, setup.settings.agent);
  const run = operationRunner(setup.policy);

  const provider: AlibabaResourceDirectoryProvider = {
    id: 'alibaba-resource-directory',
    capabilities,
    settings: setup.settings,
    create: (input, options) => run('create', options, (scope) => addContact(rd, scope, validateContactInput(input, capabilities, scope.errorContext))),
    get: (id, options) => run('get', options, (scope) => readContact(rd, scope, validateId(id, capabilities, scope.errorContext), scope.options.includePending)),
    update: (id, patch, options) =>
      run('update', options, async (scope) => {
        const validId = validateId(id, capabilities, scope.errorContext);
        const valid = validateContactPatch(patch, capabilities, scope.errorContext);
        await rd(scope, 'UpdateMessageContact', toUpdateParams(validId, valid));
        // A new email or phone may now wait for confirmation: then the read shows it.
        return readContact(rd, scope, validId, scope.options.includePending || valid.email !== undefined || valid.phone !== undefined);
      }),
    delete: (id, options) =>
      run(
        'delete',
        options,
        (scope) => deleteContact(rd, scope, validateId(id, capabilities, scope.errorContext), scope.options.retainInMembers ?? true),
        deleteOptionsShape,
      ),
    list: (query, options) =>
      createContactList(() => {
        const context = { provider: 'alibaba-resource-directory', operation: 'list' } as const;
        const valid = resolveListQuery(query, capabilities, context, listFiltersShape);
        return {
          limit: valid.limit,
          pageSize: valid.pageSize,
          action: 'ListMessageContacts',
          context,
          fetchPage: (cursor) =>
            run('list', options, async (scope) => {
              const page = await contactPages(rd, scope, valid.pageSize, valid.member).fetchPage(cursor);
              return { ...page, items: page.items.map((contact) => toContact(contact)) };
            }),
        };
      }),
    findByName: (name, options) =>
      run('findByName', options, async (scope) => {
        const found = await scanForName(rd, scope, validateName(name, capabilities, scope.errorContext));
        return found === undefined ? undefined : toContact(found);
      }),
    sendVerification: (id, channel, options) =>
      run('sendVerification', options, (scope) =>
        sendVerification(rd, scope, validateId(id, capabilities, scope.errorContext), validateChannel(channel, capabilities, scope.errorContext) as AlibabaVerificationChannel),
      ),
    ...createVendorMethods(rd, run, capabilities),
    syncOperations: createSyncOperations(rd, run, capabilities),
  };
  return printAsProvider(provider);
}
