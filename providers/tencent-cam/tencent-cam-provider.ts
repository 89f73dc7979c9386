import { createContactList } from '../../src/contract/contact-list.js';
import { resolveListQuery } from '../../src/validation/call-options.js';
import { printAsProvider } from '../../src/settings/settings.js';
import { errorIn } from '../../src/errors/to-contact-error.js';
import { operationRunner } from '../../src/transport/operation-runner.js';
import { unsupportedOperation, validateContactInput, validateId, validateName } from '../../src/validation/validation.js';
import { tencentCamCapabilities as capabilities } from './tencent-cam-capabilities.js';
import { createCamCaller } from './tencent-cam-client.js';
import { deleteByName, findByName, findNewest, receiverPages, requireReceiver, sendCreate } from './tencent-cam-calls.js';
import { fromReceiver } from './tencent-cam-mapper.js';
import { setUpTencentCam } from './tencent-cam-settings.js';
import type { TencentCamSettings } from './tencent-cam-settings.js';
import { createSyncOperations } from './tencent-cam-sync-operations.js';
import type { TencentCamProvider } from './tencent-cam-types.js';

/**
 * Creates the Tencent Cloud CAM provider: message receivers (CreateMessageReceiver,
 * ListReceiver, DeleteMessageReceiver) through the vendor's official CommonClient.
 *
 * @remarks
 * - CAM returns no id on create: the new receiver is found by name, and its `Uid` is the id.
 * - CAM has no get, update or per-name lookup: `get` and `findByName` page through ListReceiver;
 *   `update` and `sendVerification` reject with `unsupported`.
 * - ListReceiver masks email and phone (`2054****@qq.com`, `+86 186****3509`); contacts keep
 *   them as given and list them in `masked`.
 * - Creating is limited to 10 calls per account per day (`quota-exceeded` with `resetsAt`).
 * - The vendor SDK loads, and the credentials are read, on the first call, not on import.
 *
 * @example
 * ```ts
 * import { tencentCam } from 'cloud-contacts/tencent-cam';
 * const cam = tencentCam(); // TENCENTCLOUD_SECRET_ID / TENCENTCLOUD_SECRET_KEY
 * const receiver = await cam.create({ name: 'oncall', email: 'oncall@example.com', phone: '+86 139 0000 1234' });
 * ```
 * @throws ContactError `invalid-config` when settings are bad (missing credentials are reported by the first call).
 */
export function tencentCam(settings?: TencentCamSettings): TencentCamProvider {
  const setup = setUpTencentCam(settings);
  const cam = createCamCaller({ ...setup.settings, credentials: setup.credentials });
  const run = operationRunner(setup.policy);

  const provider: TencentCamProvider = {
    id: 'tencent-cam',
    capabilities,
    settings: setup.settings,
    create: (input, options) =>
      run('create', options, async (scope) => {
        const valid = validateContactInput(input, capabilities, scope.errorContext);
        await sendCreate(cam, scope, valid);
        const created = (await findNewest(cam, scope, [valid.name])).get(valid.name);
        if (created === undefined) {
          throw errorIn(scope.errorContext, {
            code: 'invalid-response',
            message: `CreateMessageReceiver succeeded but ListReceiver does not show "${valid.name}" yet: look it up with findByName before creating again`,
          });
        }
        return fromReceiver(created);
      }),
    get: (id, options) =>
      run('get', options, async (scope) => {
        const uid = validateId(id, capabilities, scope.errorContext);
        return fromReceiver(await requireReceiver(cam, scope, uid));
      }),
    update: (_id, _patch, options) => run('update', options, (scope) => Promise.reject(unsupportedOperation(capabilities, 'update', scope.errorContext))),
    delete: (id, options) =>
      run('delete', options, async (scope) => {
        const uid = validateId(id, capabilities, scope.errorContext);
        await deleteByName(cam, scope, (await requireReceiver(cam, scope, uid)).Name);
      }),
    list: (query, options) =>
      createContactList(() => {
        const context = { provider: 'tencent-cam', operation: 'list' } as const;
        const valid = resolveListQuery(query, capabilities, context);
        return {
          limit: valid.limit,
          pageSize: valid.pageSize,
          action: 'ListReceiver',
          context,
          fetchPage: (cursor) =>
            run('list', options, async (scope) => {
              const page = await receiverPages(cam, scope, valid.pageSize).fetchPage(cursor);
              return { ...page, items: page.items.map(fromReceiver) };
            }),
        };
      }),
    findByName: (name, options) =>
      run('findByName', options, async (scope) => {
        const found = await findByName(cam, scope, validateName(name, capabilities, scope.errorContext));
        return found === undefined ? undefined : fromReceiver(found);
      }),
    sendVerification: (_id, _channel, options) =>
      run('sendVerification', options, (scope) => Promise.reject(unsupportedOperation(capabilities, 'sendVerification', scope.errorContext))),
    syncOperations: createSyncOperations(cam, run, setup.policy),
  };
  return printAsProvider(provider);
}
