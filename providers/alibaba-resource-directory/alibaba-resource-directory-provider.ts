import { createContactList } from '../../src/contact-list.js';
import type { ContactPatch } from '../../src/contact.js';
import type { CallOptions, Capabilities, VerificationResult } from '../../src/provider.js';
import { definePrintedForm } from '../../src/redaction.js';
import { createCallPolicy, describeSettings } from '../../src/settings.js';
import { issuesError } from '../../src/to-contact-error.js';
import type { ErrorContext } from '../../src/to-contact-error.js';
import { runOperation } from '../../src/transport/call-scope.js';
import type { CallScope } from '../../src/transport/call-scope.js';
import { validateContactInput, validateContactPatch, validateId, validateName } from '../../src/validation.js';
import { capabilitiesForSite } from './alibaba-resource-directory-capabilities.js';
import { createRdCaller, createRdSender } from './alibaba-resource-directory-client.js';
import type { RdCaller } from './alibaba-resource-directory-client.js';
import { createExtraMethods, validateChannel, validateOptionalId } from './alibaba-resource-directory-extras.js';
import { fromVendorTarget, pendingTargetsOf, toAddParams, toContact, toCreatedContact, toUpdateParams } from './alibaba-resource-directory-mapper.js';
import { listVerifications, readContact, waitForDeletion } from './alibaba-resource-directory-reads.js';
import { resolveAlibabaResourceDirectorySettings } from './alibaba-resource-directory-settings.js';
import type { AlibabaResourceDirectorySettings } from './alibaba-resource-directory-settings.js';
import type {
  AlibabaResourceDirectoryContact,
  AlibabaResourceDirectoryDeleteOptions,
  AlibabaResourceDirectoryListQuery,
  AlibabaResourceDirectoryProvider,
  AlibabaVerificationChannel,
} from './alibaba-resource-directory-types.js';

const PROVIDER = 'alibaba-resource-directory';
/** Contacts per page when scanning for a name: the largest page, for the fewest requests. */
const SCAN_PAGE_SIZE = 100;

/**
 * Creates the Alibaba Cloud Resource Directory message-contact provider.
 *
 * @remarks Requests go through `@alicloud/openapi-client` (`callApi`, ACS3-HMAC-SHA256), loaded on
 * the first call. Credentials come from the settings or from `ALIBABA_CLOUD_ACCESS_KEY_ID`,
 * `ALIBABA_CLOUD_ACCESS_KEY_SECRET` and `ALIBABA_CLOUD_SECURITY_TOKEN`. A new contact, and a new
 * email or phone given to `update`, stay pending until their owner confirms them from the message
 * `sendVerification` asks the vendor to send.
 *
 * Where the vendor's documentation is silent (UNCONFIRMED), this provider assumes:
 * - GetMessageContact shows the confirmed email and phone while a change is pending, so `get`,
 *   `update` and `cancelPendingUpdate` also read ListMessageContactVerifications: a pending change
 *   shows as `verification.email: 'pending'` and `details.pendingEmail` (or the phone twins), never
 *   as the live value. `list` and `findByName` show what the listing shows: the status says
 *   whether the email is confirmed; pending changes and the phone's state need `get`.
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
 * const contact = await rd.create({ name: 'oncall', email: 'oncall@example.com', title: 'TechnicalDirector', messageTypes: ['FaultMessage'] });
 * await rd.sendVerification(contact.id, 'email');
 * await rd.associateMembers(contact.id, ['fd-ZDNPiT1234']);
 * ```
 * @throws ContactError `invalid-config` for bad settings or missing credentials.
 */
export function alibabaResourceDirectory(settings: AlibabaResourceDirectorySettings = {}): AlibabaResourceDirectoryProvider {
  const resolved = resolveAlibabaResourceDirectorySettings(settings);
  const capabilities = capabilitiesForSite(resolved.site);
  const policy = createCallPolicy(PROVIDER, resolved);
  const rd = createRdCaller(createRdSender(resolved));
  const run = <T>(operation: string, options: CallOptions | undefined, body: (scope: CallScope, context: ErrorContext) => Promise<T>) =>
    runOperation(policy, operation, options, (scope) => body(scope, scope.errorContext));

  const provider: AlibabaResourceDirectoryProvider = {
    id: PROVIDER,
    capabilities,
    create: (input, options) =>
      run('create', options, async (scope, context) => {
        const valid = validateContactInput(input, capabilities, context);
        const answer = await rd(scope, 'AddMessageContact', toAddParams(valid));
        return toCreatedContact(valid, answer.Contact);
      }),
    get: (id, options) =>
      run('get', options, async (scope, context) => readContact(rd, scope, validateId(id, context))),
    update: (id, patch, options) =>
      run('update', options, async (scope, context) => {
        const validId = validateId(id, context);
        const valid = validatePatch(patch, capabilities, context);
        await rd(scope, 'UpdateMessageContact', toUpdateParams(validId, valid));
        return readContact(rd, scope, validId);
      }),
    delete: (id, options?: AlibabaResourceDirectoryDeleteOptions) =>
      run('delete', options, async (scope, context) => {
        const validId = validateId(id, context);
        const retain = validateRetain(options?.retainInMembers, context);
        const params = { ContactId: validId, RetainContactInMembers: retain };
        const answer = await rd(scope, 'DeleteMessageContact', params, { goneOnRetry: { Status: 'Deleted' } });
        if (answer.Status === 'Deleting') await waitForDeletion(rd, scope, validId);
      }),
    list: (query: AlibabaResourceDirectoryListQuery = {}, options?: CallOptions) =>
      createContactList(
        (cursor) =>
          run('list', options, async (scope, context) => {
            const pageSize = validatePageSize(query.pageSize, capabilities, context);
            const member = validateOptionalId(query.member, 'member', context);
            const page = typeof cursor === 'number' ? cursor : 1;
            const answer = await rd(scope, 'ListMessageContacts', { Member: member, PageNumber: page, PageSize: pageSize });
            const contacts = (answer.Contacts ?? []).map((contact) => toContact(contact));
            return { contacts, next: page * pageSize < (answer.TotalCount ?? 0) ? page + 1 : undefined };
          }),
        query.limit,
      ),
    findByName: (name, options) =>
      run('findByName', options, async (scope, context) => findByName(rd, scope, validateName(name, capabilities, context))),
    sendVerification: (id, channel, options) =>
      run('sendVerification', options, async (scope, context) =>
        sendVerification(rd, scope, validateId(id, context), validateChannel(channel, capabilities, context)),
      ),
    ...createExtraMethods(rd, run, capabilities),
  };
  return definePrintedForm(provider, () => ({ provider: PROVIDER, site: resolved.site, ...describeSettings(resolved) }));
}

/**
 * The neutral patch rules, plus one of the vendor's: UpdateMessageContact cannot remove a phone
 * number (it has no way to say "none"), so clearing it is refused rather than silently ignored.
 */
function validatePatch(patch: ContactPatch, capabilities: Capabilities, context: ErrorContext): ContactPatch {
  const valid = validateContactPatch(patch, capabilities, context);
  if (valid.phone === null) {
    throw issuesError('unsupported', [{ path: 'phone', code: 'unsupported', message: 'cannot be removed by UpdateMessageContact: delete and re-create the contact' }], context);
  }
  return valid;
}

function validateRetain(retain: unknown, context: ErrorContext): boolean {
  if (retain === undefined || typeof retain === 'boolean') return retain ?? true;
  throw issuesError('invalid-input', [{ path: 'options.retainInMembers', code: 'invalid_type', message: 'must be true or false' }], context);
}

function validatePageSize(pageSize: unknown, capabilities: Capabilities, context: ErrorContext): number {
  if (pageSize === undefined) return capabilities.pageSize.default;
  if (typeof pageSize === 'number' && Number.isInteger(pageSize) && pageSize > 0) return Math.min(pageSize, capabilities.pageSize.max);
  throw issuesError('invalid-input', [{ path: 'pageSize', code: 'invalid_type', message: 'must be a positive whole number' }], context);
}

/** The API has no name filter: scan the pages; names are unique in a resource directory. */
async function findByName(rd: RdCaller, scope: CallScope, name: string): Promise<AlibabaResourceDirectoryContact | undefined> {
  for (let page = 1; ; page += 1) {
    const answer = await rd(scope, 'ListMessageContacts', { PageNumber: page, PageSize: SCAN_PAGE_SIZE });
    const contacts = answer.Contacts ?? [];
    const found = contacts.find((contact) => contact.Name === name);
    if (found !== undefined) return toContact(found);
    if (contacts.length === 0 || page * SCAN_PAGE_SIZE >= (answer.TotalCount ?? 0)) return undefined;
  }
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
