/**
 * The VMP calls the contract methods, the sync operations and the group methods share: the
 * reads of one record, the walks over the two listings (and a lazy listing built on them), the
 * lookup by name, the contact create with its settlement, the batch delete of one id, and the
 * verification sends.
 */
import { createContactList } from '../../src/contract/contact-list.js';
import { collectPages, findInPages, numberedPages } from '../../src/contract/paging.js';
import type { PagedListing } from '../../src/contract/paging.js';
import type { ContactList } from '../../src/contract/provider.js';
import { isContactError } from '../../src/errors/errors.js';
import { errorIn, issuesError } from '../../src/errors/to-contact-error.js';
import type { ContactError } from '../../src/errors/errors.js';
import type { CallScope } from '../../src/transport/call-scope.js';
import type { OperationRunner } from '../../src/transport/operation-runner.js';
import { settleByLookup } from '../../src/transport/settle-by-lookup.js';
import { resolveListQuery } from '../../src/validation/call-options.js';
import type { NoOptions, OptionsShape } from '../../src/validation/call-options.js';
import type { VmpContact, VmpGroup, VmpResult } from './volcengine-vmp-api.js';
import { volcengineVmpCapabilities as capabilities } from './volcengine-vmp-capabilities.js';
import type { VmpCaller } from './volcengine-vmp-client.js';
import { emailVerificationStatus, sameContent, toCreateParams, toWebhookTestResult, webhookTests } from './volcengine-vmp-mapper.js';
import type { VmpWritable } from './volcengine-vmp-mapper.js';
import type { VolcengineVmpVerificationResult } from './volcengine-vmp-types.js';

/** Records per page when scanning: the largest page, for the fewest requests. */
const SCAN_PAGE_SIZE = capabilities.pageSize.max;

type Listing = 'ListContacts' | 'ListContactGroups';
type ItemOf<A extends Listing> = NonNullable<VmpResult<A>['Items']>[number];

/** Pages of a VMP listing, oldest first, optionally filtered (`Filter` as the vendor takes it). */
function vmpPages<A extends Listing>(vmp: VmpCaller, scope: CallScope, action: A, pageSize: number, filter?: Record<string, unknown>): PagedListing<ItemOf<A>> {
  return numberedPages({
    pageSize,
    idOf: (item) => item.Id,
    action,
    context: scope.errorContext,
    fetchNumber: async (page) => {
      const params = { PageNumber: page, PageSize: pageSize, SortBy: 'CreatedAt', SortOrder: 'Asc', ...(filter === undefined ? {} : { Filter: filter }) };
      const answer = (await vmp(scope, action, params)) as VmpResult<Listing>;
      return { items: (answer.Items ?? []) as Array<ItemOf<A>>, total: answer.Total ?? undefined };
    },
  });
}

/** Every contact, across the pages. */
export function allContacts(vmp: VmpCaller, scope: CallScope): Promise<VmpContact[]> {
  return collectPages(vmpPages(vmp, scope, 'ListContacts', SCAN_PAGE_SIZE));
}

/**
 * A lazy listing of contacts or groups: the query is checked (with the listing's own filters)
 * when iteration starts, and each page is one operation of its own.
 */
export function vmpListing<A extends Listing, T>(
  vmp: VmpCaller,
  run: OperationRunner<NoOptions>,
  listing: { readonly action: A; readonly operation: string; readonly filters: OptionsShape; readonly map: (item: ItemOf<A>) => T },
  query: unknown,
  options: unknown,
): ContactList<T> {
  return createContactList(() => {
    const context = { provider: 'volcengine-vmp', operation: listing.operation } as const;
    const valid = resolveListQuery(query, capabilities, context, listing.filters);
    // The neutral filter names are the vendor's, lower-cased: { name } is Filter.Name.
    const given = Object.entries(valid).filter(([key, value]) => Object.hasOwn(listing.filters, key) && value !== undefined);
    const filter = given.length === 0 ? undefined : Object.fromEntries(given.map(([key, value]) => [key.charAt(0).toUpperCase() + key.slice(1), value]));
    return {
      limit: valid.limit,
      pageSize: valid.pageSize,
      action: listing.action,
      context,
      fetchPage: (cursor) =>
        run(listing.operation, options, async (scope) => {
          const page = await vmpPages(vmp, scope, listing.action, valid.pageSize, filter).fetchPage(cursor);
          return { ...page, items: page.items.map(listing.map) };
        }),
    };
  });
}

/** Deletes one id through a batch delete; a retry that finds it gone (its earlier answer lost) is done. */
export async function deleteOne(vmp: VmpCaller, scope: CallScope, action: 'DeleteContacts' | 'DeleteContactGroups', id: string): Promise<void> {
  await vmp(scope, action, { Ids: [id] }, { goneOnRetry: { value: {} } });
}

/** The record with an exact name: `Filter.Name` matches parts of names, so the matches are checked. */
export function findByExactName<A extends Listing>(vmp: VmpCaller, scope: CallScope, action: A, name: string): Promise<ItemOf<A> | undefined> {
  return findInPages(vmpPages(vmp, scope, action, SCAN_PAGE_SIZE, { Name: name }), (item) => item.Name === name);
}

/**
 * One record by id: GetContact or GetContactGroup, or, where the gateway does not offer those
 * (they are in the vendor's SDKs but not its API catalogue), the listing filtered by the id.
 */
async function readOne<T extends { Id: string }>(scope: CallScope, id: string, what: string, get: () => Promise<T>, list: () => Promise<readonly T[]>): Promise<T> {
  try {
    return await get();
  } catch (error) {
    if (!isContactError(error, 'unsupported') || error.vendor?.code !== 'InvalidActionOrVersion') throw error;
  }
  const found = (await list()).find((item) => item.Id === id);
  if (found === undefined) throw errorIn(scope.errorContext, { code: 'not-found', field: 'id', message: `no ${what} has id ${id}` });
  return found;
}

/** A contact by id, as VMP holds it. */
export function readContact(vmp: VmpCaller, scope: CallScope, id: string): Promise<VmpContact> {
  return readOne(scope, id, 'contact', () => vmp(scope, 'GetContact', { Id: id }), async () =>
    (await vmp(scope, 'ListContacts', { PageNumber: 1, PageSize: 1, Filter: { Ids: [id] } })).Items ?? [],
  );
}

/** A contact group by id, as VMP holds it. */
export function readGroup(vmp: VmpCaller, scope: CallScope, id: string): Promise<VmpGroup> {
  return readOne(scope, id, 'contact group', () => vmp(scope, 'GetContactGroup', { Id: id }), async () =>
    (await vmp(scope, 'ListContactGroups', { PageNumber: 1, PageSize: 1, Filter: { Ids: [id] } })).Items ?? [],
  );
}

/**
 * CreateContact for a checked input; resolves to the vendor's answer (the new id). A lost
 * answer is settled by looking the name up: found with the channels asked for, the create was
 * applied; with others, the name is someone else's (`already-exists`); not found, it was not
 * applied and may be sent again.
 */
export async function createContact(vmp: VmpCaller, scope: CallScope, input: VmpWritable): Promise<VmpResult<'CreateContact'>> {
  const settle = settleByLookup(scope, {
    lookup: () => findByExactName(vmp, scope, 'ListContacts', input.name),
    verdict: (found) =>
      found === undefined
        ? 'not-applied'
        : sameContent(found, input)
          ? { applied: { Id: found.Id, SendStatus: found.EmailActive === true ? 'AlreadyActive.Email' : undefined, Message: undefined } }
          : 'taken',
    taken: { field: 'name', message: `a contact named "${input.name}" exists with other details` },
  });
  return vmp(scope, 'CreateContact', toCreateParams(input), { settle });
}

/** SendValidationMessage to the contact's address; a `SendStatus` that sent nothing rejects (see the errors table). */
export async function verifyEmail(vmp: VmpCaller, scope: CallScope, contact: VmpWritable): Promise<VolcengineVmpVerificationResult> {
  if (contact.email === undefined) throw nothingToVerify(scope, 'email');
  const answer = await vmp(scope, 'SendValidationMessage', { Type: 'Email', Destination: contact.email });
  return { channel: 'email', status: emailVerificationStatus(answer), target: contact.email };
}

/** One Test*Webhook per webhook of the contact; each result says what the bot platform answered. */
export async function verifyWebhooks(vmp: VmpCaller, scope: CallScope, contact: VmpWritable): Promise<VolcengineVmpVerificationResult> {
  const tests = webhookTests(contact.webhooks);
  if (tests.length === 0) throw nothingToVerify(scope, 'webhooks');
  const webhooks = [];
  for (const test of tests) webhooks.push(toWebhookTestResult(test.kind, await vmp(scope, test.action, test.params)));
  return { channel: 'webhook', status: 'sent', webhooks };
}

function nothingToVerify(scope: CallScope, field: 'email' | 'webhooks'): ContactError {
  return issuesError('invalid-input', [{ path: field, code: 'required', message: 'is not set on the contact, so there is nothing to verify' }], scope.errorContext);
}
