/**
 * What sync uses of CAM instead of the contract methods: a delete by the listed name, and
 * creates whose Uids one listing resolves together (CreateMessageReceiver answers none).
 */
import type { SyncOperations } from '../../src/contract/sync-operations.js';
import type { CallPolicy } from '../../src/transport/call-scope.js';
import type { OperationRunner } from '../../src/transport/operation-runner.js';
import { quotaLeft } from '../../src/transport/pacing.js';
import { replaceInScope } from '../../src/transport/replace-steps.js';
import type { NoOptions } from '../../src/validation/call-options.js';
import { unsupportedOperation, validateContactInput, validateName } from '../../src/validation/validation.js';
import { tencentCamCapabilities as capabilities } from './tencent-cam-capabilities.js';
import type { CamCaller } from './tencent-cam-client.js';
import { deleteByName, findNewest, sendCreate } from './tencent-cam-calls.js';
import { fromReceiver, sameContent } from './tencent-cam-mapper.js';
import type { TencentCamContact } from './tencent-cam-types.js';

/** Builds the sync operations over one provider's caller. */
export function createSyncOperations(cam: CamCaller, run: OperationRunner<NoOptions>, policy: CallPolicy): SyncOperations<TencentCamContact> {
  return {
    listingLacks: [],
    complete: async (listed) => [...listed],
    create: (input, options) =>
      run('create', options, async (scope) => {
        await sendCreate(cam, scope, validateContactInput(input, capabilities, scope.errorContext));
        return undefined;
      }),
    resolveCreated: (inputs, options) =>
      run('list', options, async (scope) => {
        const found = await findNewest(cam, scope, inputs.map((input) => input.name));
        return inputs.map((input) => {
          const receiver = found.get(input.name);
          return receiver === undefined || !sameContent(receiver, input) ? undefined : fromReceiver(receiver);
        });
      }),
    update: (_current, _patch, options) => run('update', options, (scope) => Promise.reject(unsupportedOperation(capabilities, 'update', scope.errorContext))),
    delete: (current, options) => run('delete', options, (scope) => deleteByName(cam, scope, validateName(current.name, capabilities, scope.errorContext))),
    replace: (current, input, options, progress) =>
      run('replace', options, async (scope) => {
        const name = validateName(current.name, capabilities, scope.errorContext);
        const valid = validateContactInput(input, capabilities, scope.errorContext);
        const steps = { delete: () => deleteByName(cam, scope, name), create: async () => void (await sendCreate(cam, scope, valid)) };
        return replaceInScope(scope, 'CreateMessageReceiver', steps, progress);
      }),
    createsLeft: () => quotaLeft(policy, 'CreateMessageReceiver'),
  };
}
