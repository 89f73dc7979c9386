/**
 * What sync uses of Resource Directory instead of the contract methods: an update is one
 * UpdateMessageContact, and the pending changes of many contacts are one verification listing.
 */
import type { Capabilities } from '../../src/contract/provider.js';
import type { SyncOperations } from '../../src/contract/sync-operations.js';
import type { OperationRunner } from '../../src/transport/operation-runner.js';
import { replaceInScope } from '../../src/transport/replace-steps.js';
import type { NoOptions } from '../../src/validation/call-options.js';
import { validateContactInput, validateContactPatch, validateId } from '../../src/validation/validation.js';
import type { RdCaller } from './alibaba-resource-directory-client.js';
import { addContact, allContacts, deleteContact, listVerifications } from './alibaba-resource-directory-calls.js';
import { pendingTargetsOf, toContact, toUpdateParams, updatedContact, withPendingTargets } from './alibaba-resource-directory-mapper.js';
import type { AlibabaResourceDirectoryContact } from './alibaba-resource-directory-types.js';

/** Builds the sync operations over one provider's caller. */
export function createSyncOperations(rd: RdCaller, run: OperationRunner<NoOptions>, capabilities: Capabilities): SyncOperations<AlibabaResourceDirectoryContact> {
  return {
    listingLacks: ['email', 'phone'],
    complete: (listed, options) =>
      listed.length === 0
        ? Promise.resolve([])
        : run('list', options, async (scope) => {
            const verifications = await listVerifications(rd, scope);
            return listed.map((contact) => withPendingTargets(contact, pendingTargetsOf(verifications, contact.id)));
          }),
    create: (input, options) => run('create', options, (scope) => addContact(rd, scope, validateContactInput(input, capabilities, scope.errorContext))),
    resolveCreated: (inputs, options) =>
      run('list', options, async (scope) => {
        const byName = new Map((await allContacts(rd, scope)).map((contact) => [contact.Name, contact]));
        return inputs.map((input) => {
          const found = byName.get(input.name);
          return found === undefined ? undefined : toContact(found);
        });
      }),
    update: (current, patch, options) =>
      run('update', options, async (scope) => {
        const validId = validateId(current.id, capabilities, scope.errorContext);
        const valid = validateContactPatch(patch, capabilities, scope.errorContext);
        await rd(scope, 'UpdateMessageContact', toUpdateParams(validId, valid));
        return updatedContact(current, valid);
      }),
    delete: (current, options) => run('delete', options, (scope) => deleteContact(rd, scope, validateId(current.id, capabilities, scope.errorContext), true)),
    replace: (current, input, options, progress) =>
      run('replace', options, async (scope) => {
        const validId = validateId(current.id, capabilities, scope.errorContext);
        const valid = validateContactInput(input, capabilities, scope.errorContext);
        const steps = { delete: () => deleteContact(rd, scope, validId, true), create: () => addContact(rd, scope, valid) };
        return replaceInScope(scope, 'AddMessageContact', steps, progress);
      }),
    createsLeft: async () => undefined,
  };
}
