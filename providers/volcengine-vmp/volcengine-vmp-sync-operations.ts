/**
 * What sync uses of VMP instead of the contract methods: ListContacts shows every channel,
 * secrets included, so an update writes the listed contact with the patch applied, without
 * reading it first or after, and a create returns what it wrote without reading it back.
 */
import type { SyncOperations } from '../../src/contract/sync-operations.js';
import type { OperationRunner } from '../../src/transport/operation-runner.js';
import { replaceInScope } from '../../src/transport/replace-steps.js';
import type { NoOptions } from '../../src/validation/call-options.js';
import { validateContactInput, validateContactPatch, validateId } from '../../src/validation/validation.js';
import { volcengineVmpCapabilities as capabilities } from './volcengine-vmp-capabilities.js';
import type { VmpCaller } from './volcengine-vmp-client.js';
import { allContacts, createContact, deleteOne } from './volcengine-vmp-calls.js';
import { applyPatch, fromVmpContact, toCreatedContact, toUpdateParams, updatedContact, writableOfContact } from './volcengine-vmp-mapper.js';
import type { VolcengineVmpContact } from './volcengine-vmp-types.js';

/** Builds the sync operations over one provider's caller. */
export function createSyncOperations(vmp: VmpCaller, run: OperationRunner<NoOptions>): SyncOperations<VolcengineVmpContact> {
  return {
    listingLacks: [],
    complete: async (listed) => [...listed],
    create: (input, options) =>
      run('create', options, async (scope) => {
        const valid = validateContactInput(input, capabilities, scope.errorContext);
        return toCreatedContact(valid, await createContact(vmp, scope, valid));
      }),
    resolveCreated: (inputs, options) =>
      run('list', options, async (scope) => {
        const byName = new Map((await allContacts(vmp, scope)).map((contact) => [contact.Name, contact]));
        return inputs.map((input) => {
          const found = byName.get(input.name);
          return found === undefined ? undefined : fromVmpContact(found);
        });
      }),
    update: (current, patch, options) =>
      run('update', options, async (scope) => {
        const validId = validateId(current.id, capabilities, scope.errorContext);
        const written = applyPatch(writableOfContact(current), validateContactPatch(patch, capabilities, scope.errorContext));
        await vmp(scope, 'UpdateContact', toUpdateParams(validId, written));
        return updatedContact(current, written);
      }),
    delete: (current, options) => run('delete', options, (scope) => deleteOne(vmp, scope, 'DeleteContacts', validateId(current.id, capabilities, scope.errorContext))),
    replace: (current, input, options, progress) =>
      run('replace', options, async (scope) => {
        const validId = validateId(current.id, capabilities, scope.errorContext);
        const valid = validateContactInput(input, capabilities, scope.errorContext);
        const steps = { delete: () => deleteOne(vmp, scope, 'DeleteContacts', validId), create: async () => toCreatedContact(valid, await createContact(vmp, scope, valid)) };
        return replaceInScope(scope, 'CreateContact', steps, progress);
      }),
    createsLeft: async () => undefined,
  };
}
