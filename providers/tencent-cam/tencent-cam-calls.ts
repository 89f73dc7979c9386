/**
 * The CAM calls the contract methods and the sync operations share: the create with its
 * settlement, the delete by name, and the walks over ListReceiver (CAM has no get and no lookup
 * by name, so every read is a walk).
 */
import { isContactError } from '../../src/errors/errors.js';
import { findInPages } from '../../src/contract/paging.js';
import type { PagedListing } from '../../src/contract/paging.js';
import { errorIn } from '../../src/errors/to-contact-error.js';
import type { CallScope } from '../../src/transport/call-scope.js';
import { settleByLookup } from '../../src/transport/settle-by-lookup.js';
import type { ContactInput } from '../../src/model/contact.js';
import type { TencentReceiver } from './tencent-cam-api.js';
import { tencentCamCapabilities } from './tencent-cam-capabilities.js';
import type { CamCaller } from './tencent-cam-client.js';
import { sameContent, toCreateReceiverParams } from './tencent-cam-mapper.js';

/** Receivers per page when scanning: the largest page, for the fewest requests. */
const SCAN_PAGE_SIZE = tencentCamCapabilities.pageSize.max;

/**
 * CreateMessageReceiver for a checked input. A lost answer is settled by looking the name up:
 * found with the email and phone asked for (as far as CAM's masks show them), the create was
 * applied; found with others, the name is someone else's (`already-exists`); not found, it was
 * not applied and may be sent again.
 */
export async function sendCreate(cam: CamCaller, scope: CallScope, input: ContactInput): Promise<void> {
  const settle = settleByLookup(scope, {
    lookup: async () => (await findNewest(cam, scope, [input.name])).get(input.name),
    verdict: (found) => (found === undefined ? 'not-applied' : sameContent(found, input) ? { applied: {} } : 'taken'),
    taken: { field: 'name', message: `a receiver named "${input.name}" exists with other details` },
  });
  await cam(scope, 'CreateMessageReceiver', toCreateReceiverParams(input), { settle });
}

/** DeleteMessageReceiver: CAM deletes by name. */
export async function deleteByName(cam: CamCaller, scope: CallScope, name: string): Promise<void> {
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
export function receiverPages(cam: CamCaller, scope: CallScope, limit: number): PagedListing<TencentReceiver> {
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
export async function findNewest(cam: CamCaller, scope: CallScope, names: readonly string[]): Promise<Map<string, TencentReceiver>> {
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

/** The receiver with a name, scanning the pages; undefined when there is none. */
export function findByName(cam: CamCaller, scope: CallScope, name: string): Promise<TencentReceiver | undefined> {
  return findInPages(receiverPages(cam, scope, SCAN_PAGE_SIZE), (receiver) => receiver.Name === name);
}

/** The receiver with a Uid; CAM has no get, so the pages are scanned. */
export async function requireReceiver(cam: CamCaller, scope: CallScope, uid: string): Promise<TencentReceiver> {
  const found = await findInPages(receiverPages(cam, scope, SCAN_PAGE_SIZE), (receiver) => receiver.Uid === uid);
  if (found === undefined) throw errorIn(scope.errorContext, { code: 'not-found', field: 'id', message: `no message receiver has Uid ${uid}` });
  return found;
}
