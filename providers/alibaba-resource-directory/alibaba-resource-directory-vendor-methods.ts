/**
 * The vendor-only side of Resource Directory, as extra methods of the provider: verification
 * targets waiting for confirmation, member bindings and deletion progress.
 */
import { isContactError, withNote } from '../../src/errors/errors.js';
import type { Capabilities } from '../../src/contract/provider.js';
import { errorIn, issuesError } from '../../src/errors/to-contact-error.js';
import type { ErrorContext } from '../../src/errors/to-contact-error.js';
import type { OperationRunner } from '../../src/transport/operation-runner.js';
import type { NoOptions } from '../../src/validation/call-options.js';
import { validateChannel, validateId } from '../../src/validation/validation.js';
import type { RdCaller } from './alibaba-resource-directory-client.js';
import { listVerifications, readContact, readDeletionStatus } from './alibaba-resource-directory-calls.js';
import { pendingTargetsOf, toMemberBinding, toPendingVerification } from './alibaba-resource-directory-mapper.js';
import type { AlibabaResourceDirectoryProvider, AlibabaVerificationChannel, MemberBinding } from './alibaba-resource-directory-types.js';

/** The vendor takes at most five members per AssociateMembers or DisassociateMembers call. */
const MEMBERS_PER_CALL = 5;

type VendorMethods = Pick<
  AlibabaResourceDirectoryProvider,
  'listPendingVerifications' | 'cancelPendingUpdate' | 'associateMembers' | 'disassociateMembers' | 'deletionStatus'
>;

/** Builds the vendor-only methods over one provider's caller. */
export function createVendorMethods(rd: RdCaller, run: OperationRunner<NoOptions>, capabilities: Capabilities): VendorMethods {
  const bindings = (operation: 'associateMembers' | 'disassociateMembers', action: 'AssociateMembers' | 'DisassociateMembers') =>
    (id: string, members: readonly string[], options?: unknown) =>
      run(operation, options, async (scope) => {
        const validId = validateId(id, capabilities, scope.errorContext);
        const batches = chunk(validateMembers(members, scope.errorContext), MEMBERS_PER_CALL);
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
      run('listPendingVerifications', options, async (scope) => {
        const contactId = optionalContactId(query, capabilities, scope.errorContext);
        return (await listVerifications(rd, scope, contactId)).map(toPendingVerification);
      }),
    cancelPendingUpdate: (id, channel, options) =>
      run('cancelPendingUpdate', options, async (scope) => {
        const validId = validateId(id, capabilities, scope.errorContext);
        const validChannel = validateChannel(channel, capabilities, scope.errorContext) as AlibabaVerificationChannel;
        const target = pendingTargetsOf(await listVerifications(rd, scope, validId), validId)[validChannel];
        if (target === undefined) throw errorIn(scope.errorContext, { code: 'conflict', message: `no ${validChannel} change of ${validId} is waiting for confirmation` });
        await rd(scope, 'CancelMessageContactUpdate', { ContactId: validId, [validChannel === 'email' ? 'EmailAddress' : 'PhoneNumber']: target });
        return readContact(rd, scope, validId, true);
      }),
    associateMembers: bindings('associateMembers', 'AssociateMembers'),
    disassociateMembers: bindings('disassociateMembers', 'DisassociateMembers'),
    deletionStatus: (id, options) =>
      run('deletionStatus', options, async (scope) => readDeletionStatus(rd, scope, validateId(id, capabilities, scope.errorContext))),
  };
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
