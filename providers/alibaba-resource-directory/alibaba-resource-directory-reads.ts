/**
 * Reads several operations share: a contact with its pending targets, the verification listing,
 * and waiting out an asynchronous deletion.
 */
import { ContactError, isContactError } from '../../src/errors.js';
import type { CallScope } from '../../src/transport/call-scope.js';
import { sleep } from '../../src/transport/sleep.js';
import type { VendorVerification } from './alibaba-resource-directory-api.js';
import type { RdCaller } from './alibaba-resource-directory-client.js';
import { pendingTargetsOf, toContact, toDeletionStatus } from './alibaba-resource-directory-mapper.js';
import type { AlibabaResourceDirectoryContact, ContactDeletionStatus } from './alibaba-resource-directory-types.js';

/** Verification targets per request: the usual Resource Directory maximum. */
const VERIFICATION_PAGE_SIZE = 100;
/** First and longest pause between deletion-status polls. */
const FIRST_POLL_MS = 100;
const LONGEST_POLL_MS = 1000;

/** Every pending target, of one contact or of all, across the vendor's pages. */
export async function listVerifications(rd: RdCaller, scope: CallScope, contactId?: string): Promise<VendorVerification[]> {
  const all: VendorVerification[] = [];
  for (let page = 1; ; page += 1) {
    const answer = await rd(scope, 'ListMessageContactVerifications', { ContactId: contactId, PageNumber: page, PageSize: VERIFICATION_PAGE_SIZE });
    const items = answer.ContactVerifications ?? [];
    all.push(...items);
    if (items.length === 0 || all.length >= (answer.TotalCount ?? 0)) return all;
  }
}

/**
 * A contact as the vendor now shows it, with its pending targets.
 *
 * @remarks GetMessageContact shows the confirmed (old) email and phone while a change is pending
 * (UNCONFIRMED, the likeliest reading of "takes effect only after verification"); the pending
 * values exist only in ListMessageContactVerifications, so both are read.
 */
export async function readContact(rd: RdCaller, scope: CallScope, id: string): Promise<AlibabaResourceDirectoryContact> {
  const { Contact } = await rd(scope, 'GetMessageContact', { ContactId: id });
  return toContact(Contact, pendingTargetsOf(await listVerifications(rd, scope, id), id));
}

/** The progress of an asynchronous deletion. */
export async function readDeletionStatus(rd: RdCaller, scope: CallScope, id: string): Promise<ContactDeletionStatus> {
  const answer = await rd(scope, 'GetMessageContactDeletionStatus', { ContactId: id });
  return toDeletionStatus(answer.ContactDeletionStatus, id);
}

/**
 * Polls until an asynchronous deletion ends: resolves once the contact is gone (the status query
 * then answers `EntityNotExists.Contact`, UNCONFIRMED), rejects when the vendor reports `Failed`.
 *
 * @throws ContactError `conflict` listing the members and message types that kept the contact;
 * `timeout` (retryable) when it is still deleting as the call's time runs out.
 */
export async function waitForDeletion(rd: RdCaller, scope: CallScope, id: string): Promise<void> {
  const context = scope.errorContext;
  for (let pause = FIRST_POLL_MS; ; pause = Math.min(pause * 2, LONGEST_POLL_MS)) {
    if (scope.remainingMs() <= pause) {
      throw new ContactError({
        code: 'timeout',
        provider: context.provider,
        operation: context.operation,
        message: `${id} is still being deleted as the call's time runs out; deletionStatus(id) tells how it ends`,
      });
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
      throw new ContactError({
        code: 'conflict',
        provider: context.provider,
        operation: context.operation,
        retryable: false,
        message: `the vendor could not delete ${id}: it is still needed by ${reasons.join('; ') || 'members it did not name'}`,
      });
    }
  }
}
