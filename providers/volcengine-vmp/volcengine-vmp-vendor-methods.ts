/**
 * The vendor-only side of VMP, as extra methods of the provider: contact groups, which notify
 * policies send to.
 */
import * as z from '../../src/util/zod.js';
import { plainInput } from '../../src/validation/plain-input.js';
import { fromZodIssues, issuesError } from '../../src/errors/to-contact-error.js';
import type { ErrorContext } from '../../src/errors/to-contact-error.js';
import type { CallScope, Settlement } from '../../src/transport/call-scope.js';
import type { OperationRunner } from '../../src/transport/operation-runner.js';
import { settleByLookup } from '../../src/transport/settle-by-lookup.js';
import type { NoOptions } from '../../src/validation/call-options.js';
import { validateId, validateName } from '../../src/validation/validation.js';
import type { VmpGroup } from './volcengine-vmp-api.js';
import { volcengineVmpCapabilities as capabilities } from './volcengine-vmp-capabilities.js';
import type { VmpCaller } from './volcengine-vmp-client.js';
import { deleteOne, findByExactName, readGroup, vmpListing } from './volcengine-vmp-calls.js';
import { fromVmpGroup } from './volcengine-vmp-mapper.js';
import { groupFiltersShape } from './volcengine-vmp-settings.js';
import type { VolcengineVmpGroupInput, VolcengineVmpGroupPatch, VolcengineVmpProvider } from './volcengine-vmp-types.js';

type GroupMethods = Pick<VolcengineVmpProvider, 'createGroup' | 'getGroup' | 'updateGroup' | 'deleteGroup' | 'listGroups' | 'addToGroup' | 'removeFromGroup'>;

/** Builds the contact-group methods over one provider's caller. */
export function createGroupMethods(vmp: VmpCaller, run: OperationRunner<NoOptions>): GroupMethods {
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
        const answer = await vmp(scope, 'CreateContactGroup', params, { settle: settleGroupCreate(vmp, scope, params) });
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
      vmpListing(vmp, run, { action: 'ListContactGroups', operation: 'listGroups', filters: groupFiltersShape, map: fromVmpGroup }, query, options),
    addToGroup: membership('addToGroup'),
    removeFromGroup: membership('removeFromGroup'),
  };
}

/**
 * After a CreateContactGroup whose answer was lost: the group is looked up by its name. Found
 * with the members asked for, the create was applied; with others, the name is taken.
 */
function settleGroupCreate(vmp: VmpCaller, scope: CallScope, params: { Name: string; ContactIds: string[] }): () => Promise<Settlement<{ Id: string }>> {
  const members = (ids: readonly string[]) => [...ids].sort().join();
  return settleByLookup(scope, {
    lookup: () => findByExactName(vmp, scope, 'ListContactGroups', params.Name),
    verdict: (found) => (found === undefined ? 'not-applied' : members(found.ContactIds ?? []) === members(params.ContactIds) ? { applied: { Id: found.Id } } : 'taken'),
    taken: { field: 'name', message: `a contact group named "${params.Name}" exists with other members` },
  });
}

// Made on first use, like every schema a provider carries.
const groupInputSchema = z.lazy(() => z.strictObject({ name: z.unknown(), contactIds: z.optional(z.unknown()) }));
const groupPatchSchema = z.lazy(() => z.strictObject({ name: z.optional(z.unknown()), contactIds: z.optional(z.unknown()) }));

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
