import { createContactList } from '../../src/contract/contact-list.js';
import { collectPages, findInPages, numberedPages } from '../../src/contract/paging.js';
import { resolveListQuery } from '../../src/validation/call-options.js';
import type { PagedListing } from '../../src/contract/paging.js';
import type { VerificationResult } from '../../src/contract/provider.js';
import { printAsProvider } from '../../src/settings/settings.js';
import { errorIn, issuesError } from '../../src/errors/to-contact-error.js';
import type { ErrorContext } from '../../src/errors/to-contact-error.js';
import { runOperation } from '../../src/transport/call-scope.js';
import { replaceInScope } from '../../src/transport/replace-steps.js';
import type { CallScope, Settlement } from '../../src/transport/call-scope.js';
import { validateChannel, validateContactInput, validateContactPatch, validateId, validateName } from '../../src/validation/validation.js';
import type { ContactInput } from '../../src/model/contact.js';
import type { RdResponse, VendorContact } from './alibaba-resource-directory-api.js';
import { capabilitiesForSite } from './alibaba-resource-directory-capabilities.js';
import { createRdCaller } from './alibaba-resource-directory-client.js';
import type { RdCaller } from './alibaba-resource-directory-client.js';
import {
  fromVendorTarget,
  pendingTargetsOf,
  sameContent,
  toAddParams,
  toContact,
  toCreatedContact,
  toUpdateParams,
  updatedContact,
  withPendingTargets,
} from './alibaba-resource-directory-mapper.js';
import { setUpAlibabaResourceDirectory } from './alibaba-resource-directory-settings.js';
import type { AlibabaResourceDirectorySettings } from './alibaba-resource-directory-settings.js';
import type { AlibabaResourceDirectoryContact, AlibabaResourceDirectoryProvider, AlibabaVerificationChannel } from './alibaba-resource-directory-types.js';
import { createVendorMethods, listVerifications, readContact, waitForDeletion } from './alibaba-resource-directory-vendor-methods.js';
import type { RunOperation } from './alibaba-resource-directory-vendor-methods.js';

/** Contacts per page when scanning for a name: the largest page, for the fewest requests. */
const SCAN_PAGE_SIZE = 100;

const retainRule = (value: unknown): string | undefined => (typeof value === 'boolean' ? undefined : 'must be true or false');
const memberRule = (value: unknown): string | undefined =>
  typeof value === 'string' && /^\S{1,64}$/.test(value) ? undefined : 'must be a resource directory, folder or member account id';

/**
 * Creates the Alibaba Cloud Resource Directory message-contact provider.
 *
 * @remarks Requests go through `@alicloud/openapi-client` (`callApi`, ACS3-HMAC-SHA256), loaded on
 * the first call. Credentials come from the settings or, on the first call, from
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
  const run: RunOperation = (operation, options, body, extras) =>
    runOperation(setup.policy, operation, options, (scope) => body(scope, scope.errorContext), extras);

  const provider: AlibabaResourceDirectoryProvider = {
    id: 'alibaba-resource-directory',
    capabilities,
    settings: setup.settings,
    create: (input, options) => run('create', options, (scope, context) => addContact(rd, scope, validateContactInput(input, capabilities, context))),
    get: (id, options) => run('get', options, (scope, context) => readContact(rd, scope, validateId(id, capabilities, context), scope.options.includePending)),
    update: (id, patch, options) =>
      run('update', options, async (scope, context) => {
        const validId = validateId(id, capabilities, context);
        const valid = validateContactPatch(patch, capabilities, context);
        await rd(scope, 'UpdateMessageContact', toUpdateParams(validId, valid));
        // A new email or phone may now wait for confirmation: then the read shows it.
        return readContact(rd, scope, validId, scope.options.includePending || valid.email !== undefined || valid.phone !== undefined);
      }),
    delete: (id, options) =>
      run(
        'delete',
        options,
        async (scope, context) => {
          const retain = (scope.options.extras['retainInMembers'] as boolean | undefined) ?? true;
          await deleteContact(rd, scope, validateId(id, capabilities, context), retain);
        },
        { retainInMembers: retainRule },
      ),
    list: (query, options) =>
      createContactList(() => {
        const context: ErrorContext = { provider: 'alibaba-resource-directory', operation: 'list' };
        const valid = resolveListQuery(query, capabilities, context, { member: memberRule });
        const member = valid.extras['member'] as string | undefined;
        return {
          limit: valid.limit,
          pageSize: valid.pageSize,
          action: 'ListMessageContacts',
          context,
          fetchPage: (cursor) =>
            run('list', options, async (scope) => {
              const page = await contactPages(rd, scope, valid.pageSize, member).fetchPage(cursor);
              return { ...page, items: page.items.map((contact) => toContact(contact)) };
            }),
        };
      }),
    findByName: (name, options) =>
      run('findByName', options, async (scope, context) => {
        const found = await scanForName(rd, scope, validateName(name, capabilities, context));
        return found === undefined ? undefined : toContact(found);
      }),
    sendVerification: (id, channel, options) =>
      run('sendVerification', options, async (scope, context) =>
        sendVerification(rd, scope, validateId(id, capabilities, context), validateChannel(channel, capabilities, context) as AlibabaVerificationChannel),
      ),
    ...createVendorMethods(rd, run, capabilities),
    // Sync reuses what its plan listed: an update is one UpdateMessageContact, the pending
    // changes of many contacts are one verification listing.
    syncOperations: {
      listingLacks: ['email', 'phone'],
      complete: (listed, options) =>
        listed.length === 0
          ? Promise.resolve([])
          : run('list', options, async (scope) => {
              const verifications = await listVerifications(rd, scope);
              return listed.map((contact) => withPendingTargets(contact, pendingTargetsOf(verifications, contact.id)));
            }),
      create: (input, options) => run('create', options, (scope, context) => addContact(rd, scope, validateContactInput(input, capabilities, context))),
      resolveCreated: (inputs, options) =>
        run('list', options, async (scope) => {
          const byName = new Map((await collectPages(contactPages(rd, scope, SCAN_PAGE_SIZE))).map((contact) => [contact.Name, contact]));
          return inputs.map((input) => {
            const found = byName.get(input.name);
            return found === undefined ? undefined : toContact(found);
          });
        }),
      update: (current, patch, options) =>
        run('update', options, async (scope, context) => {
          const validId = validateId(current.id, capabilities, context);
          const valid = validateContactPatch(patch, capabilities, context);
          await rd(scope, 'UpdateMessageContact', toUpdateParams(validId, valid));
          return updatedContact(current, valid);
        }),
      delete: (current, options) => run('delete', options, (scope, context) => deleteContact(rd, scope, validateId(current.id, capabilities, context), true)),
      replace: (current, input, options, progress) =>
        run('replace', options, async (scope, context) => {
          const validId = validateId(current.id, capabilities, context);
          const valid = validateContactInput(input, capabilities, context);
          return replaceInScope(scope, 'AddMessageContact', { delete: () => deleteContact(rd, scope, validId, true), create: () => addContact(rd, scope, valid) }, progress);
        }),
      createsLeft: async () => undefined,
    },
  };
  return printAsProvider(provider);
}

/** AddMessageContact for a checked input; a lost answer is settled by looking the name up. */
async function addContact(rd: RdCaller, scope: CallScope, input: ContactInput): Promise<AlibabaResourceDirectoryContact> {
  const answer = await rd(scope, 'AddMessageContact', toAddParams(input), { settle: () => settleCreate(rd, scope, input) });
  return toCreatedContact(input, answer.Contact);
}

/** DeleteMessageContact, and the wait for an asynchronous deletion to end. */
async function deleteContact(rd: RdCaller, scope: CallScope, id: string, retainInMembers: boolean): Promise<void> {
  const answer = await rd(scope, 'DeleteMessageContact', { ContactId: id, RetainContactInMembers: retainInMembers }, { goneOnRetry: { value: { Status: 'Deleted' } } });
  if (answer.Status === 'Deleting') await waitForDeletion(rd, scope, id);
}

/** Pages of the vendor's contact listing, optionally of one member's contacts. */
export function contactPages(rd: RdCaller, scope: CallScope, pageSize: number, member?: string): PagedListing<VendorContact> {
  return numberedPages({
    pageSize,
    idOf: (contact) => contact.ContactId,
    action: 'ListMessageContacts',
    context: scope.errorContext,
    fetchNumber: async (page) => {
      const answer = await rd(scope, 'ListMessageContacts', { Member: member, PageNumber: page, PageSize: pageSize });
      return { items: answer.Contacts ?? [], total: answer.TotalCount ?? undefined };
    },
  });
}

/** The API has no name filter: scan the pages; names are unique in a resource directory. */
function scanForName(rd: RdCaller, scope: CallScope, name: string): Promise<VendorContact | undefined> {
  return findInPages(contactPages(rd, scope, SCAN_PAGE_SIZE), (contact) => contact.Name === name);
}

/**
 * After an AddMessageContact whose answer was lost: the contact is looked up by its name. Found
 * with the fields asked for, the create was applied; found with others, the name belongs to
 * someone else (`already-exists`); not found, it was not applied and may be sent again.
 */
async function settleCreate(rd: RdCaller, scope: CallScope, input: ContactInput): Promise<Settlement<RdResponse<'AddMessageContact'>>> {
  const found = await scanForName(rd, scope, input.name);
  if (found === undefined) return { applied: false };
  if (!sameContent(found, input)) {
    throw errorIn(scope.errorContext, { code: 'already-exists', field: 'name', message: `a contact named "${input.name}" exists with other details (the create's answer was lost, so it was looked up)` });
  }
  return { applied: true, value: { Contact: { ContactId: found.ContactId, CreateDate: found.CreateDate } } };
}

/**
 * Sends a verification message to the target waiting on a channel. The vendor only sends to a
 * pending target, so the target is read first; a contact whose original email is not listed
 * (UNCONFIRMED whether the vendor lists it) is sent to its own address while it is unverified.
 */
async function sendVerification(rd: RdCaller, scope: CallScope, id: string, channel: AlibabaVerificationChannel): Promise<VerificationResult> {
  let target = pendingTargetsOf(await listVerifications(rd, scope, id), id)[channel];
  if (target === undefined) {
    const { Contact } = await rd(scope, 'GetMessageContact', { ContactId: id });
    const own = (channel === 'email' ? Contact.EmailAddress : Contact.PhoneNumber) ?? undefined;
    if (own === undefined) {
      throw issuesError('invalid-input', [{ path: channel, code: 'required', message: `is not set on ${id}, so there is nothing to verify` }], scope.errorContext);
    }
    // The status speaks for the email: Verifying means the email was never confirmed.
    if (channel === 'phone' || Contact.Status !== 'Verifying') return { channel, status: 'already-verified', target: fromVendorTarget(own) };
    target = own;
  }
  const answer =
    channel === 'email'
      ? await rd(scope, 'SendEmailVerificationForMessageContact', { ContactId: id, EmailAddress: target })
      : await rd(scope, 'SendPhoneVerificationForMessageContact', { ContactId: id, PhoneNumber: target });
  return { channel, status: 'sent', target: fromVendorTarget(target), ...(answer.RequestId ? { requestId: answer.RequestId } : {}) };
}
