import type { ContactInput } from '../../src/model/contact.js';
import { createContactList } from '../../src/contract/contact-list.js';
import { resolveListQuery } from '../../src/validation/call-options.js';
import { isContactError } from '../../src/errors/errors.js';
import { findInPages } from '../../src/contract/paging.js';
import type { PagedListing } from '../../src/contract/paging.js';
import { printAsProvider } from '../../src/settings/settings.js';
import { errorIn } from '../../src/errors/to-contact-error.js';
import { runOperation } from '../../src/transport/call-scope.js';
import { quotaLeft } from '../../src/transport/pacing.js';
import { replaceInScope } from '../../src/transport/replace-steps.js';
import type { CallScope, Settlement } from '../../src/transport/call-scope.js';
import { unsupportedOperation, validateContactInput, validateId, validateName } from '../../src/validation/validation.js';
import type { TencentReceiver } from './tencent-cam-api.js';
import { tencentCamCapabilities as capabilities } from './tencent-cam-capabilities.js';
import { createCamCaller } from './tencent-cam-client.js';
import type { CamCaller } from './tencent-cam-client.js';
import { fromReceiver, sameContent, toCreateReceiverParams } from './tencent-cam-mapper.js';
import { setUpTencentCam } from './tencent-cam-settings.js';
import type { TencentCamSettings } from './tencent-cam-settings.js';
import type { TencentCamProvider } from './tencent-cam-types.js';

/** Receivers per page when scanning: the largest page, for the fewest requests. */
const SCAN_PAGE_SIZE = capabilities.pageSize.max;

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
  const run = <T>(operation: string, options: unknown, body: (scope: CallScope) => Promise<T>) => runOperation(setup.policy, operation, options, body);

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
    update: (_id, _patch, options) =>
      run('update', options, (scope) => Promise.reject(unsupportedOperation(capabilities, 'update', scope.errorContext))),
    delete: (id, options) =>
      run('delete', options, async (scope) => {
        const uid = validateId(id, capabilities, scope.errorContext);
        await deleteByName(cam, scope, (await requireReceiver(cam, scope, uid)).Name);
      }),
    list: (query, options) =>
      createContactList(() => {
        const valid = resolveListQuery(query, capabilities, { provider: 'tencent-cam', operation: 'list' });
        return {
          limit: valid.limit,
          pageSize: valid.pageSize,
          action: 'ListReceiver',
          context: { provider: 'tencent-cam', operation: 'list' },
          fetchPage: (cursor) =>
            run('list', options, async (scope) => {
              const page = await receiverPages(cam, scope, valid.pageSize).fetchPage(cursor);
              return { ...page, items: page.items.map(fromReceiver) };
            }),
        };
      }),
    findByName: (name, options) =>
      run('findByName', options, async (scope) => {
        const valid = validateName(name, capabilities, scope.errorContext);
        const found = await findInPages(receiverPages(cam, scope, SCAN_PAGE_SIZE), (receiver) => receiver.Name === valid);
        return found === undefined ? undefined : fromReceiver(found);
      }),
    sendVerification: (_id, _channel, options) =>
      run('sendVerification', options, (scope) => Promise.reject(unsupportedOperation(capabilities, 'sendVerification', scope.errorContext))),
    // Sync reuses what its plan listed: a delete by the listed name, creates whose Uids one
    // listing resolves together (CreateMessageReceiver answers none).
    syncOperations: {
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
      update: (_current, _patch, options) =>
        run('update', options, (scope) => Promise.reject(unsupportedOperation(capabilities, 'update', scope.errorContext))),
      delete: (current, options) =>
        run('delete', options, (scope) => deleteByName(cam, scope, validateName(current.name, capabilities, scope.errorContext))),
      replace: (current, input, options, progress) =>
        run('replace', options, async (scope) => {
          const name = validateName(current.name, capabilities, scope.errorContext);
          const valid = validateContactInput(input, capabilities, scope.errorContext);
          return replaceInScope(scope, 'CreateMessageReceiver', { delete: () => deleteByName(cam, scope, name), create: async () => void (await sendCreate(cam, scope, valid)) }, progress);
        }),
      createsLeft: () => quotaLeft(setup.policy, 'CreateMessageReceiver'),
    },
  };
  return printAsProvider(provider);
}

/** CreateMessageReceiver for a checked input; a lost answer is settled by looking the name up. */
async function sendCreate(cam: CamCaller, scope: CallScope, input: ContactInput): Promise<void> {
  await cam(scope, 'CreateMessageReceiver', toCreateReceiverParams(input), { settle: () => settleCreate(cam, scope, input) });
}

/** DeleteMessageReceiver: CAM deletes by name. */
async function deleteByName(cam: CamCaller, scope: CallScope, name: string): Promise<void> {
  try {
    await cam(scope, 'DeleteMessageReceiver', { Name: name });
  } catch (error) {
    // It existed when this call began and is gone now (a retry after a lost answer, or a
    // concurrent delete): the caller's goal is met.
    if (!isContactError(error, 'not-found')) throw error;
  }
}

/** One ListReceiver page from `offset`, with the account's receiver count. */
async function receiverPage(cam: CamCaller, scope: CallScope, offset: number, limit: number): Promise<{ receivers: TencentReceiver[]; total: number }> {
  const page = await cam(scope, 'ListReceiver', { Offset: offset, Limit: limit });
  return { receivers: page.Receivers ?? [], total: page.TotalCount };
}

/** Pages of ListReceiver, by offset. */
function receiverPages(cam: CamCaller, scope: CallScope, limit: number): PagedListing<TencentReceiver> {
  return {
    pageSize: limit,
    idOf: (receiver) => receiver.Uid,
    action: 'ListReceiver',
    context: scope.errorContext,
    fetchPage: async (cursor) => {
      const offset = typeof cursor === 'number' ? cursor : 0;
      const { receivers, total } = await receiverPage(cam, scope, offset, limit);
      return { items: receivers, total, next: offset + receivers.length < total ? offset + receivers.length : undefined };
    },
  };
}

/**
 * Receivers just created, found by name newest first: ListReceiver shows receivers by Uid, which
 * grows with each create (the emulator does; UNCONFIRMED for the vendor), so after the first page,
 * which also gives the count, the last page is read, then the ones before it, until every name is
 * found. Each page is read at most once: were the order another, this costs no more than a scan
 * from the start, and in an account of N receivers it is 2 requests instead of N / 100, for one
 * new receiver or for a hundred.
 */
async function findNewest(cam: CamCaller, scope: CallScope, names: readonly string[]): Promise<Map<string, TencentReceiver>> {
  const wanted = new Set(names);
  const found = new Map<string, TencentReceiver>();
  const take = (receivers: readonly TencentReceiver[]): void => {
    for (const receiver of receivers) if (wanted.has(receiver.Name) && !found.has(receiver.Name)) found.set(receiver.Name, receiver);
  };
  const first = await receiverPage(cam, scope, 0, SCAN_PAGE_SIZE);
  take(first.receivers);
  if (found.size === wanted.size || first.receivers.length === 0) return found;
  const lastPage = Math.floor((first.total - 1) / SCAN_PAGE_SIZE) * SCAN_PAGE_SIZE;
  for (let offset = lastPage; offset >= first.receivers.length && found.size < wanted.size; offset -= SCAN_PAGE_SIZE) {
    take((await receiverPage(cam, scope, offset, SCAN_PAGE_SIZE)).receivers);
  }
  return found;
}

/** The receiver with a Uid; CAM has no get, so the pages are scanned. */
async function requireReceiver(cam: CamCaller, scope: CallScope, uid: string): Promise<TencentReceiver> {
  const found = await findInPages(receiverPages(cam, scope, SCAN_PAGE_SIZE), (receiver) => receiver.Uid === uid);
  if (found === undefined) throw errorIn(scope.errorContext, { code: 'not-found', field: 'id', message: `no message receiver has Uid ${uid}` });
  return found;
}

/**
 * After a CreateMessageReceiver whose answer was lost: the receiver is looked up by its name.
 * Found with the email and phone asked for (as far as CAM's masks show them), the create was
 * applied; found with others, the name is someone else's (`already-exists`); not found, it was
 * not applied and may be sent again.
 */
async function settleCreate(cam: CamCaller, scope: CallScope, input: ContactInput): Promise<Settlement<Record<string, never>>> {
  const found = (await findNewest(cam, scope, [input.name])).get(input.name);
  if (found === undefined) return { applied: false };
  if (!sameContent(found, input)) {
    throw errorIn(scope.errorContext, { code: 'already-exists', field: 'name', message: `a receiver named "${input.name}" exists with other details (the create's answer was lost, so it was looked up)` });
  }
  return { applied: true, value: {} };
}
