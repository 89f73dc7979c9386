/**
 * The vendor-only operations of the Resource Directory provider: verification targets, member
 * bindings and deletion progress, plus the input checks they share with the contract methods.
 */
import { ContactError } from '../../src/errors.js';
import type { CallOptions, Capabilities } from '../../src/provider.js';
import { issuesError } from '../../src/to-contact-error.js';
import type { ErrorContext } from '../../src/to-contact-error.js';
import type { CallScope } from '../../src/transport/call-scope.js';
import { validateId } from '../../src/validation.js';
import type { RdCaller } from './alibaba-resource-directory-client.js';
import { pendingTargetsOf, toMemberBinding, toPendingVerification } from './alibaba-resource-directory-mapper.js';
import { listVerifications, readContact, readDeletionStatus } from './alibaba-resource-directory-reads.js';
import type { AlibabaResourceDirectoryProvider, AlibabaVerificationChannel, MemberBinding } from './alibaba-resource-directory-types.js';

/** Runs one public operation with its scope and error context. */
export type RunOperation = <T>(operation: string, options: CallOptions | undefined, body: (scope: CallScope, context: ErrorContext) => Promise<T>) => Promise<T>;

/** The vendor takes at most five members per AssociateMembers or DisassociateMembers call. */
const MEMBERS_PER_CALL = 5;

type ExtraMethods = Pick<
  AlibabaResourceDirectoryProvider,
  'listPendingVerifications' | 'cancelPendingUpdate' | 'associateMembers' | 'disassociateMembers' | 'deletionStatus'
>;

/** Builds the vendor-only methods over one provider's caller. */
export function createExtraMethods(rd: RdCaller, run: RunOperation, capabilities: Capabilities): ExtraMethods {
  const bindings = (operation: 'associateMembers' | 'disassociateMembers', action: 'AssociateMembers' | 'DisassociateMembers') =>
    (id: string, members: readonly string[], options?: CallOptions) =>
      run(operation, options, async (scope, context) => {
        const validId = validateId(id, context);
        const batches = chunk(validateMembers(members, context), MEMBERS_PER_CALL);
        const done: MemberBinding[] = [];
        for (const batch of batches) {
          try {
            const answer = await rd(scope, action, { ContactId: validId, Members: batch });
            done.push(...(answer.Members ?? []).map((binding) => toMemberBinding(binding, validId)));
          } catch (error) {
            throw done.length === 0 ? error : withNote(error, `the earlier calls did bind or unbind ${done.map((b) => b.memberId).join(', ')}`);
          }
        }
        return done;
      });

  return {
    listPendingVerifications: (query = {}, options) =>
      run('listPendingVerifications', options, async (scope, context) => {
        const contactId = validateOptionalId(query.contactId, 'contactId', context);
        return (await listVerifications(rd, scope, contactId)).map(toPendingVerification);
      }),
    cancelPendingUpdate: (id, channel, options) =>
      run('cancelPendingUpdate', options, async (scope, context) => {
        const validId = validateId(id, context);
        const validChannel = validateChannel(channel, capabilities, context);
        const target = pendingTargetsOf(await listVerifications(rd, scope, validId), validId)[validChannel];
        if (target === undefined) {
          throw new ContactError({ code: 'conflict', provider: context.provider, operation: context.operation, message: `no ${validChannel} change of ${validId} is waiting for confirmation` });
        }
        await rd(scope, 'CancelMessageContactUpdate', { ContactId: validId, [validChannel === 'email' ? 'EmailAddress' : 'PhoneNumber']: target });
        return readContact(rd, scope, validId);
      }),
    associateMembers: bindings('associateMembers', 'AssociateMembers'),
    disassociateMembers: bindings('disassociateMembers', 'DisassociateMembers'),
    deletionStatus: (id, options) =>
      run('deletionStatus', options, async (scope, context) => readDeletionStatus(rd, scope, validateId(id, context))),
  };
}

/**
 * Checks a verification channel against the capabilities: a channel of the neutral model that
 * this provider lacks is `unsupported`, anything else `invalid-input`.
 */
export function validateChannel(channel: unknown, capabilities: Capabilities, context: ErrorContext): AlibabaVerificationChannel {
  const supported: readonly unknown[] = capabilities.verificationChannels;
  if (supported.includes(channel)) return channel as AlibabaVerificationChannel;
  if (channel === 'webhook') {
    throw new ContactError({ code: 'unsupported', provider: context.provider, operation: context.operation, message: `${capabilities.provider} verifies by ${supported.join(' or ')}, not by webhook` });
  }
  throw issuesError('invalid-input', [{ path: 'channel', code: 'invalid_value', message: `must be ${supported.map((c) => JSON.stringify(c)).join(' or ')}` }], context);
}

/** An optional id filter: absent, or a non-empty string without surrounding spaces. */
export function validateOptionalId(value: unknown, path: string, context: ErrorContext): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && value.trim() !== '' && value.trim() === value) return value;
  throw issuesError('invalid-input', [{ path, code: 'invalid_id', message: 'must be a non-empty string without surrounding spaces' }], context);
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

/** The same error with a note on what earlier calls of the operation already changed. */
function withNote(error: unknown, note: string): unknown {
  if (!(error instanceof ContactError)) return error;
  const prefix = `${error.provider ?? ''} ${error.operation ?? ''}: `;
  const message = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
  return new ContactError({
    code: error.code,
    message: `${message} (${note})`,
    provider: error.provider,
    operation: error.operation,
    retryable: error.retryable,
    field: error.field,
    issues: error.issues,
    retryAfterMs: error.retryAfterMs,
    resetsAt: error.resetsAt,
    vendor: error.vendor,
    cause: error.cause,
  });
}
