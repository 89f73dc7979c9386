/**
 * The vendor-only side of Resource Directory: verification targets, member bindings and
 * deletion progress, as extra methods of the provider and as the reads the contract methods
 * share with them.
 */
import { isContactError, withNote } from '../../src/errors/errors.js';
import type { KeyRule } from '../../src/validation/call-options.js';
import { collectPages, numberedPages } from '../../src/contract/paging.js';
import type { Capabilities } from '../../src/contract/provider.js';
import { errorIn, issuesError } from '../../src/errors/to-contact-error.js';
import type { ErrorContext } from '../../src/errors/to-contact-error.js';
import type { CallScope } from '../../src/transport/call-scope.js';
import { sleep } from '../../src/transport/sleep.js';
import { validateChannel, validateId } from '../../src/validation/validation.js';
import type { VendorVerification } from './alibaba-resource-directory-api.js';
import type { RdCaller } from './alibaba-resource-directory-client.js';
import { pendingTargetsOf, toContact, toDeletionStatus, toMemberBinding, toPendingVerification } from './alibaba-resource-directory-mapper.js';
import type {
  AlibabaResourceDirectoryContact,
  AlibabaResourceDirectoryProvider,
  AlibabaVerificationChannel,
  ContactDeletionStatus,
  MemberBinding,
} from './alibaba-resource-directory-types.js';

/** Runs one public operation with its scope and error context. */
export type RunOperation = <T>(
  operation: string,
  options: unknown,
  body: (scope: CallScope, context: ErrorContext) => Promise<T>,
  extras?: Readonly<Record<string, KeyRule>>,
) => Promise<T>;

/** The vendor takes at most five members per AssociateMembers or DisassociateMembers call. */
const MEMBERS_PER_CALL = 5;
/** Verification targets per request: the usual Resource Directory maximum. */
const VERIFICATION_PAGE_SIZE = 100;
/** First and longest pause between deletion-status polls. */
const FIRST_POLL_MS = 100;
const LONGEST_POLL_MS = 1000;

type VendorMethods = Pick<
  AlibabaResourceDirectoryProvider,
  'listPendingVerifications' | 'cancelPendingUpdate' | 'associateMembers' | 'disassociateMembers' | 'deletionStatus'
>;

/** Builds the vendor-only methods over one provider's caller. */
export function createVendorMethods(rd: RdCaller, run: RunOperation, capabilities: Capabilities): VendorMethods {
  const bindings = (operation: 'associateMembers' | 'disassociateMembers', action: 'AssociateMembers' | 'DisassociateMembers') =>
    (id: string, members: readonly string[], options?: unknown) =>
      run(operation, options, async (scope, context) => {
        const validId = validateId(id, capabilities, context);
        const batches = chunk(validateMembers(members, context), MEMBERS_PER_CALL);
        const done: MemberBinding[] = [];
        for (const batch of batches) {
          try {
            const answer = await rd(scope, action, { ContactId: validId, Members: batch });
            done.push(...(answer.Members ?? []).map((binding) => toMemberBinding(binding, validId)));
          } catch (error) {
            if (!isContactError(error)) throw error;
            const advice = isContactError(error, 'conflict') && action === 'AssociateMembers' ? 'the contact must be verified first: its owner confirms the email' : undefined;
            const earlier = done.length === 0 ? undefined : `the earlier calls did bind or unbind ${done.map((b) => b.memberId).join(', ')}`;
            const note = [advice, earlier].filter((part) => part !== undefined).join('; ');
            throw note === '' ? error : withNote(error, note);
          }
        }
        return done;
      });

  return {
    listPendingVerifications: (query = {}, options) =>
      run('listPendingVerifications', options, async (scope, context) => {
        const contactId = optionalContactId(query, capabilities, context);
        return (await listVerifications(rd, scope, contactId)).map(toPendingVerification);
      }),
    cancelPendingUpdate: (id, channel, options) =>
      run('cancelPendingUpdate', options, async (scope, context) => {
        const validId = validateId(id, capabilities, context);
        const validChannel = validateChannel(channel, capabilities, context) as AlibabaVerificationChannel;
        const target = pendingTargetsOf(await listVerifications(rd, scope, validId), validId)[validChannel];
        if (target === undefined) throw errorIn(context, { code: 'conflict', message: `no ${validChannel} change of ${validId} is waiting for confirmation` });
        await rd(scope, 'CancelMessageContactUpdate', { ContactId: validId, [validChannel === 'email' ? 'EmailAddress' : 'PhoneNumber']: target });
        return readContact(rd, scope, validId, true);
      }),
    associateMembers: bindings('associateMembers', 'AssociateMembers'),
    disassociateMembers: bindings('disassociateMembers', 'DisassociateMembers'),
    deletionStatus: (id, options) =>
      run('deletionStatus', options, async (scope, context) => readDeletionStatus(rd, scope, validateId(id, capabilities, context))),
  };
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
export async function waitForDeletion(rd: RdCaller, scope: CallScope, id: string): Promise<void> {
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

/** The `contactId` filter of `listPendingVerifications`: absent, or a contact id. */
function optionalContactId(query: unknown, capabilities: Capabilities, context: ErrorContext): string | undefined {
  if (typeof query !== 'object' || query === null || Array.isArray(query)) {
    throw issuesError('invalid-input', [{ path: 'query', code: 'invalid_type', message: 'must be an object, such as { contactId }' }], context);
  }
  const unknown = Object.keys(query).filter((key) => key !== 'contactId');
  if (unknown.length > 0) throw issuesError('invalid-input', unknown.map((key) => ({ path: key, code: 'unknown_field', message: 'is not a known filter (the one filter is contactId)' })), context);
  const contactId = (query as { contactId?: unknown }).contactId;
  return contactId === undefined ? undefined : validateId(contactId, capabilities, context, 'contactId');
}

/** A non-empty list of member ids, duplicates dropped (the vendor refuses them within one call). */
function validateMembers(members: unknown, context: ErrorContext): string[] {
  const valid = Array.isArray(members) && members.length > 0 && members.every((m) => typeof m === 'string' && /^\S+$/.test(m));
  if (!valid) {
    throw issuesError('invalid-input', [{ path: 'members', code: 'invalid_type', message: 'must be a non-empty list of resource directory, folder or account ids' }], context);
  }
  return [...new Set(members as string[])];
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, index) => items.slice(index * size, index * size + size));
}
