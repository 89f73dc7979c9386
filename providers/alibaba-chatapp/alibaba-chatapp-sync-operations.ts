/**
 * What sync uses of ChatApp instead of the contract methods: whether a number is registered
 * comes from the listing, its profile email is read only where the roster gives one, and one
 * listing resolves every number sync added.
 */
import type { Capabilities } from '../../src/contract/provider.js';
import type { SyncOperations } from '../../src/contract/sync-operations.js';
import type { OperationRunner } from '../../src/transport/operation-runner.js';
import { replaceInScope } from '../../src/transport/replace-steps.js';
import { validateContactInput, validateContactPatch, validateId } from '../../src/validation/validation.js';
import type { ChatAppCaller } from './alibaba-chatapp-client.js';
import { addNumber, asListed, deleteNumber, listNumbers, readProfile } from './alibaba-chatapp-calls.js';
import { idOfPhone, isRegistered, toProfileParams, withProfileEmail } from './alibaba-chatapp-mapper.js';
import type { SpaceScope, spaceOptionsShape } from './alibaba-chatapp-settings.js';
import type { AlibabaChatAppContact } from './alibaba-chatapp-types.js';

/** Builds the sync operations over one provider's caller; `spaceOf` says which customer space a call works in. */
export function createSyncOperations(
  chatApp: ChatAppCaller,
  run: OperationRunner<typeof spaceOptionsShape>,
  spaceOf: (scope: SpaceScope) => string,
  capabilities: Capabilities,
): SyncOperations<AlibabaChatAppContact> {
  return {
    listingLacks: ['email'],
    complete: (listed, options) =>
      run('get', options, (scope) => {
        const space = spaceOf(scope);
        return Promise.all(
          listed.map(async (contact) => withProfileEmail(contact, (await readProfile(chatApp, scope, space, validateId(contact.id, capabilities, scope.errorContext))).email)),
        );
      }),
    create: (input, options) =>
      run('create', options, async (scope) => {
        await addNumber(chatApp, scope, spaceOf(scope), validateContactInput(input, capabilities, scope.errorContext));
        return undefined;
      }),
    resolveCreated: (inputs, options) =>
      run('list', options, async (scope) => {
        const space = spaceOf(scope);
        const numbers = new Map((await listNumbers(chatApp, scope, space)).map((number) => [number.PhoneNumber, number]));
        return inputs.map((input) => {
          const found = numbers.get(idOfPhone(input.phone ?? ''));
          return found === undefined ? undefined : asListed(found, space, input);
        });
      }),
    update: (current, patch, options) =>
      run('update', options, async (scope) => {
        const validId = validateId(current.id, capabilities, scope.errorContext);
        const valid = validateContactPatch(patch, capabilities, scope.errorContext);
        await chatApp(scope, 'ModifyPhoneBusinessProfile', toProfileParams(spaceOf(scope), validId, { email: valid.email ?? undefined }));
        return withProfileEmail(current, valid.email ?? current.email);
      }),
    delete: (current, options) =>
      run('delete', options, (scope) =>
        deleteNumber(chatApp, scope, spaceOf(scope), validateId(current.id, capabilities, scope.errorContext), isRegistered(current.details.vendorStatus)),
      ),
    replace: (current, input, options, progress) =>
      run('replace', options, async (scope) => {
        const space = spaceOf(scope);
        const validId = validateId(current.id, capabilities, scope.errorContext);
        const valid = validateContactInput(input, capabilities, scope.errorContext);
        const steps = {
          delete: () => deleteNumber(chatApp, scope, space, validId, isRegistered(current.details.vendorStatus)),
          create: async () => void (await addNumber(chatApp, scope, space, valid)),
        };
        return replaceInScope(scope, 'AddChatappPhoneNumber', steps, progress);
      }),
    createsLeft: async () => undefined,
  };
}
