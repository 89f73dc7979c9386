/**
 * The vendor-only side of VMP: contact groups, as extra methods of the provider, and the reads
 * the contract methods share with them (one record by id, paged listings, a lookup by name).
 */
import * as z from '../../src/util/zod.js';
import { createContactList } from '../../src/contract/contact-list.js';
import { resolveListQuery } from '../../src/validation/call-options.js';
import type { KeyRule } from '../../src/validation/call-options.js';
import { isContactError } from '../../src/errors/errors.js';
import { findInPages, numberedPages } from '../../src/contract/paging.js';
import type { ContactList } from '../../src/contract/provider.js';
import type { PagedListing } from '../../src/contract/paging.js';
import { plainInput } from '../../src/validation/plain-input.js';
import { errorIn, fromZodIssues, issuesError } from '../../src/errors/to-contact-error.js';
import type { ErrorContext } from '../../src/errors/to-contact-error.js';
import type { CallScope, Settlement } from '../../src/transport/call-scope.js';
import { validateId, validateName } from '../../src/validation/validation.js';
import type { VmpContact, VmpGroup, VmpResult } from './volcengine-vmp-api.js';
import { volcengineVmpCapabilities as capabilities } from './volcengine-vmp-capabilities.js';
import type { VmpCaller } from './volcengine-vmp-client.js';
import { fromVmpGroup } from './volcengine-vmp-mapper.js';
import type { VolcengineVmpGroupInput, VolcengineVmpGroupPatch, VolcengineVmpProvider } from './volcengine-vmp-types.js';

/** Runs one public operation with its scope. */
export type RunOperation = <T>(operation: string, options: unknown, body: (scope: CallScope) => Promise<T>) => Promise<T>;

/** Records per page when scanning: the largest page, for the fewest requests. */
export const SCAN_PAGE_SIZE = capabilities.pageSize.max;

/** A filter value of a listing: a non-empty string. */
export const textFilterRule: KeyRule = (value) => (typeof value === 'string' && value.trim() !== '' ? undefined : 'must be a non-empty string');

type Listing = 'ListContacts' | 'ListContactGroups';
type ItemOf<A extends Listing> = NonNullable<VmpResult<A>['Items']>[number];

/** Pages of a VMP listing, oldest first, optionally filtered (`Filter` as the vendor takes it). */
export function vmpPages<A extends Listing>(vmp: VmpCaller, scope: CallScope, action: A, pageSize: number, filter?: Record<string, unknown>): PagedListing<ItemOf<A>> {
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

/**
 * A lazy listing of contacts or groups: the query is checked (with the provider's own filters)
 * when iteration starts, and each page is one operation of its own.
 */
export function vmpListing<A extends Listing, T>(
  vmp: VmpCaller,
  run: RunOperation,
  listing: { readonly action: A; readonly operation: string; readonly filters: Readonly<Record<string, KeyRule>>; readonly map: (item: ItemOf<A>) => T },
  query: unknown,
  options: unknown,
): ContactList<T> {
  return createContactList(() => {
    const valid = resolveListQuery(query, capabilities, { provider: 'volcengine-vmp', operation: listing.operation }, listing.filters);
    // The neutral filter names are the vendor's, lower-cased: { name } is Filter.Name.
    const given = Object.entries(valid.extras).map(([key, value]) => [key.charAt(0).toUpperCase() + key.slice(1), value]);
    const filter = given.length === 0 ? undefined : Object.fromEntries(given);
    return {
      limit: valid.limit,
      pageSize: valid.pageSize,
      action: listing.action,
      context: { provider: 'volcengine-vmp', operation: listing.operation },
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

type GroupMethods = Pick<VolcengineVmpProvider, 'createGroup' | 'getGroup' | 'updateGroup' | 'deleteGroup' | 'listGroups' | 'addToGroup' | 'removeFromGroup'>;

/** Builds the contact-group methods over one provider's caller. */
export function createGroupMethods(vmp: VmpCaller, run: RunOperation): GroupMethods {
  /** Writes a group's whole state (UpdateContactGroup replaces the member list) and returns it. */
  const writeGroup = async (scope: CallScope, group: VmpGroup): Promise<ReturnType<typeof fromVmpGroup>> => {
    await vmp(scope, 'UpdateContactGroup', { Id: group.Id, Name: group.Name ?? '', ContactIds: group.ContactIds ?? [] });
    return fromVmpGroup(group);
  };
  const membership = (operation: 'addToGroup' | 'removeFromGroup') => (groupId: string, contactIds: readonly string[], options?: unknown) =>
    run(operation, options, async (scope) => {
      const id = validateId(groupId, capabilities, scope.errorContext, 'groupId');
      const changed = validateIds(contactIds, scope.errorContext, { allowEmpty: false });
      const group = await readGroup(vmp, scope, id);
      const current = group.ContactIds ?? [];
      const next = operation === 'addToGroup' ? [...new Set([...current, ...changed])] : current.filter((member) => !changed.includes(member));
      return writeGroup(scope, { ...group, ContactIds: next });
    });

  return {
    createGroup: (input, options) =>
      run('createGroup', options, async (scope) => {
        const valid = validateGroupInput(input, scope.errorContext);
        const params = { Name: valid.name, ContactIds: valid.contactIds };
        const answer = await vmp(scope, 'CreateContactGroup', params, { settle: () => settleGroupCreate(vmp, scope, params) });
        return fromVmpGroup({ Id: answer.Id, Name: valid.name, ContactIds: valid.contactIds });
      }),
    getGroup: (id, options) =>
      run('getGroup', options, async (scope) => fromVmpGroup(await readGroup(vmp, scope, validateId(id, capabilities, scope.errorContext)))),
    updateGroup: (id, patch, options) =>
      run('updateGroup', options, async (scope) => {
        const validId = validateId(id, capabilities, scope.errorContext);
        const valid = validateGroupPatch(patch, scope.errorContext);
        const group = await readGroup(vmp, scope, validId);
        return writeGroup(scope, { ...group, Name: valid.name ?? group.Name, ContactIds: valid.contactIds ?? group.ContactIds });
      }),
    deleteGroup: (id, options) =>
      run('deleteGroup', options, async (scope) => deleteOne(vmp, scope, 'DeleteContactGroups', validateId(id, capabilities, scope.errorContext))),
    listGroups: (query, options) =>
      vmpListing(vmp, run, { action: 'ListContactGroups', operation: 'listGroups', filters: { name: textFilterRule }, map: fromVmpGroup }, query, options),
    addToGroup: membership('addToGroup'),
    removeFromGroup: membership('removeFromGroup'),
  };
}

/**
 * After a CreateContactGroup whose answer was lost: the group is looked up by its name. Found
 * with the members asked for, the create was applied; with others, the name is taken.
 */
async function settleGroupCreate(vmp: VmpCaller, scope: CallScope, params: { Name: string; ContactIds: string[] }): Promise<Settlement<{ Id: string }>> {
  const found = await findByExactName(vmp, scope, 'ListContactGroups', params.Name);
  if (found === undefined) return { applied: false };
  if ([...(found.ContactIds ?? [])].sort().join() !== [...params.ContactIds].sort().join()) {
    throw errorIn(scope.errorContext, { code: 'already-exists', field: 'name', message: `a contact group named "${params.Name}" exists with other members (the create's answer was lost, so it was looked up)` });
  }
  return { applied: true, value: { Id: found.Id } };
}

const groupInputSchema = z.strictObject({ name: z.unknown(), contactIds: z.optional(z.unknown()) });
const groupPatchSchema = z.strictObject({ name: z.optional(z.unknown()), contactIds: z.optional(z.unknown()) });

function validateGroupInput(input: VolcengineVmpGroupInput, context: ErrorContext): { name: string; contactIds: string[] } {
  const record = parseRecord(groupInputSchema, input, 'input', context);
  return { name: validateName(record.name, capabilities, context), contactIds: validateIds(record.contactIds ?? [], context, { allowEmpty: true }) };
}

function validateGroupPatch(patch: VolcengineVmpGroupPatch, context: ErrorContext): { name?: string; contactIds?: string[] } {
  const record = parseRecord(groupPatchSchema, patch, 'patch', context);
  if (record.name === undefined && record.contactIds === undefined) {
    throw issuesError('invalid-input', [{ path: '', code: 'empty_patch', message: 'changes nothing: give name or contactIds' }], context);
  }
  return {
    ...(record.name === undefined ? {} : { name: validateName(record.name, capabilities, context) }),
    ...(record.contactIds === undefined ? {} : { contactIds: validateIds(record.contactIds, context, { allowEmpty: true }) }),
  };
}

function parseRecord<T>(schema: z.ZodMiniType<T>, value: unknown, what: string, context: ErrorContext): T {
  const result = schema.safeParse(plainInput(value, what, context));
  if (!result.success) throw issuesError('invalid-input', fromZodIssues(result.error.issues), context);
  return result.data;
}

/** A list of contact ids, each checked against the id format, duplicates dropped. */
function validateIds(ids: unknown, context: ErrorContext, { allowEmpty }: { allowEmpty: boolean }): string[] {
  if (!Array.isArray(ids) || (!allowEmpty && ids.length === 0)) {
    throw issuesError('invalid-input', [{ path: 'contactIds', code: 'invalid_type', message: `must be a ${allowEmpty ? '' : 'non-empty '}list of contact ids` }], context);
  }
  return [...new Set(ids.map((id) => validateId(id, capabilities, context, 'contactIds')))];
}
