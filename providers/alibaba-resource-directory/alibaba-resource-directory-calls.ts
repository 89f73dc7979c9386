/**
 * The Resource Directory calls the contract methods, the sync operations and the vendor methods
 * share: the create with its settlement, the delete and the wait for it, the reads, and the walks
 * over the vendor's two listings.
 */
import { isContactError } from '../../src/errors/errors.js';
import { collectPages, findInPages, numberedPages } from '../../src/contract/paging.js';
import type { PagedListing } from '../../src/contract/paging.js';
import type { VerificationResult } from '../../src/contract/provider.js';
import { errorIn, issuesError } from '../../src/errors/to-contact-error.js';
import type { CallScope } from '../../src/transport/call-scope.js';
import { settleByLookup } from '../../src/transport/settle-by-lookup.js';
import { sleep } from '../../src/transport/sleep.js';
import type { ContactInput } from '../../src/model/contact.js';
import type { VendorContact, VendorVerification } from './alibaba-resource-directory-api.js';
import type { RdCaller } from './alibaba-resource-directory-client.js';
import { fromVendorTarget, pendingTargetsOf, sameContent, toAddParams, toContact, toCreatedContact, toDeletionStatus } from './alibaba-resource-directory-mapper.js';
import type { AlibabaResourceDirectoryContact, AlibabaVerificationChannel, ContactDeletionStatus } from './alibaba-resource-directory-types.js';

/** Contacts per page when scanning for a name: the largest page, for the fewest requests. */
const SCAN_PAGE_SIZE = 100;
/** Verification targets per request: the usual Resource Directory maximum. */
const VERIFICATION_PAGE_SIZE = 100;
/** First and longest pause between deletion-status polls. */
const FIRST_POLL_MS = 100;
const LONGEST_POLL_MS = 1000;

/**
 * AddMessageContact for a checked input. A lost answer is settled by looking the name up: found
 * with the fields asked for, the create was applied; found with others, the name belongs to
 * someone else (`already-exists`); not found, it was not applied and may be sent again.
 */
export async function addContact(rd: RdCaller, scope: CallScope, input: ContactInput): Promise<AlibabaResourceDirectoryContact> {
  const settle = settleByLookup(scope, {
    lookup: () => scanForName(rd, scope, input.name),
    verdict: (found) =>
      found === undefined ? 'not-applied' : sameContent(found, input) ? { applied: { Contact: { ContactId: found.ContactId, CreateDate: found.CreateDate } } } : 'taken',
    taken: { field: 'name', message: `a contact named "${input.name}" exists with other details` },
  });
  const answer = await rd(scope, 'AddMessageContact', toAddParams(input), { settle });
  return toCreatedContact(input, answer.Contact);
}

/** DeleteMessageContact, and the wait for an asynchronous deletion to end. */
export async function deleteContact(rd: RdCaller, scope: CallScope, id: string, retainInMembers: boolean): Promise<void> {
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

/** Every contact of the directory, across the pages. */
export function allContacts(rd: RdCaller, scope: CallScope): Promise<VendorContact[]> {
  return collectPages(contactPages(rd, scope, SCAN_PAGE_SIZE));
}

/** The API has no name filter: scan the pages; names are unique in a resource directory. */
export function scanForName(rd: RdCaller, scope: CallScope, name: string): Promise<VendorContact | undefined> {
  return findInPages(contactPages(rd, scope, SCAN_PAGE_SIZE), (contact) => contact.Name === name);
}

/** Every pending target, of one contact or of all, across the vendor's pages. */
export function listVerifications(rd: RdCaller, scope: CallScope, contactId?: string): Promise<VendorVerification[]> {
  return collectPages(
    numberedPages({
      pageSize: VERIFICATION_PAGE_SIZE,
      // A contact waits on at most one email and one phone: the pair is what a page repeats.
      idOf: (verification) => `${verification.ContactId} ${verification.Target}`,
      action: 'ListMessageContactVerifications',
      context: scope.errorContext,
      fetchNumber: async (page) => {
        const answer = await rd(scope, 'ListMessageContactVerifications', { ContactId: contactId, PageNumber: page, PageSize: VERIFICATION_PAGE_SIZE });
        return { items: answer.ContactVerifications ?? [], total: answer.TotalCount ?? undefined };
      },
    }),
  );
}

/**
 * A contact as the vendor now shows it: one GetMessageContact, and with `pending` its targets
 * waiting for confirmation too.
 *
 * @remarks GetMessageContact shows the confirmed (old) email and phone while a change is pending
 * (UNCONFIRMED, the likeliest reading of "takes effect only after verification"); the pending
 * values exist only in ListMessageContactVerifications, a second request, made only when asked
 * (`includePending`, or an update that changed the email or phone).
 */
export async function readContact(rd: RdCaller, scope: CallScope, id: string, pending: boolean): Promise<AlibabaResourceDirectoryContact> {
  const { Contact } = await rd(scope, 'GetMessageContact', { ContactId: id });
  return pending ? toContact(Contact, pendingTargetsOf(await listVerifications(rd, scope, id), id)) : toContact(Contact);
}

/** The progress of an asynchronous deletion. */
export async function readDeletionStatus(rd: RdCaller, scope: CallScope, id: string): Promise<ContactDeletionStatus> {
  const answer = await rd(scope, 'GetMessageContactDeletionStatus', { ContactId: id });
  return toDeletionStatus(answer.ContactDeletionStatus, id);
}

/**
 * Polls until an asynchronous deletion ends, for at most the call's `timeoutMs`: resolves once
 * the contact is gone (the status query then answers `EntityNotExists.Contact`, UNCONFIRMED),
 * rejects when the vendor reports `Failed`.
 *
 * @throws ContactError `conflict` listing the members and message types that kept the contact;
 * `timeout` (retryable) when it is still deleting when that time is up.
 */
async function waitForDeletion(rd: RdCaller, scope: CallScope, id: string): Promise<void> {
  const context = scope.errorContext;
  for (let pause = FIRST_POLL_MS; ; pause = Math.min(pause * 2, LONGEST_POLL_MS)) {
    if (scope.elapsedMs() + pause >= scope.options.timeoutMs) {
      throw errorIn(context, { code: 'timeout', message: `${id} is still being deleted after ${scope.options.timeoutMs} ms; deletionStatus(id) tells how it ends` });
    }
    await sleep(pause, scope.signal);
    let status: ContactDeletionStatus;
    try {
      status = await readDeletionStatus(rd, scope, id);
    } catch (error) {
      if (isContactError(error, 'not-found')) return;
      throw error;
    }
    if (status.status === 'failed') {
      const reasons = status.failures.map((failure) => `member ${failure.accountId} (${failure.messageTypes.join(', ') || 'no message types given'})`);
      throw errorIn(context, { code: 'conflict', retryable: false, message: `the vendor could not delete ${id}: it is still needed by ${reasons.join('; ') || 'members it did not name'}` });
    }
  }
}

/**
 * Sends a verification message to the target waiting on a channel. The vendor only sends to a
 * pending target, so the target is read first; a contact whose original email is not listed
 * (UNCONFIRMED whether the vendor lists it) is sent to its own address while it is unverified.
 */
export async function sendVerification(rd: RdCaller, scope: CallScope, id: string, channel: AlibabaVerificationChannel): Promise<VerificationResult> {
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
