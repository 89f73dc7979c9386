import { printAsProvider } from '../../src/settings/settings.js';
import { operationRunner } from '../../src/transport/operation-runner.js';
import { validateChannel, validateContactInput, validateContactPatch, validateId, validateName } from '../../src/validation/validation.js';
import { volcengineVmpCapabilities as capabilities } from './volcengine-vmp-capabilities.js';
import { createVmpCaller } from './volcengine-vmp-client.js';
import { createContact, deleteOne, findByExactName, readContact, verifyEmail, verifyWebhooks, vmpListing } from './volcengine-vmp-calls.js';
import { applyPatch, fromVmpContact, toUpdateParams, writableOf } from './volcengine-vmp-mapper.js';
import { contactFiltersShape, setUpVolcengineVmp } from './volcengine-vmp-settings.js';
import type { VolcengineVmpSettings } from './volcengine-vmp-settings.js';
import { createSyncOperations } from './volcengine-vmp-sync-operations.js';
import type { VolcengineVmpProvider } from './volcengine-vmp-types.js';
import { createGroupMethods } from './volcengine-vmp-vendor-methods.js';

/**
 * Creates the Volcengine VMP provider: alert contacts with an email and generic, Lark, DingTalk
 * and WeCom webhooks, and the contact groups notify policies send to.
 *
 * @remarks
 * - Requests are signed in-house (Volcengine HMAC-SHA256) and sent over `node:http(s)` with a
 *   keep-alive agent; `@volcengine/openapi` is not needed at run time.
 * - Credentials come from the settings or, on the first call, from `VOLCENGINE_ACCESS_KEY` /
 *   `VOLCENGINE_SECRET_KEY` / `VOLCENGINE_SESSION_TOKEN` (or the older `VOLC_ACCESSKEY` / `VOLC_SECRETKEY`).
 * - UpdateContact replaces the whole channel set, so `update` reads the contact and applies the
 *   patch to it: webhooks the patch does not name are kept.
 * - CreateContact answers only the new id, so `create` reads the contact back (GetContact) to
 *   return it as `get` does, `createdAt` included.
 * - Where the vendor is silent (UNCONFIRMED), this provider assumes: GetContact and ListContacts
 *   return webhook tokens and secrets as stored (so a read-modify-write keeps them); a gateway
 *   without GetContact answers `InvalidActionOrVersion`; a throttled call carries
 *   `FlowLimitExceeded` in its code; 20 requests per second per action.
 *
 * @example
 * ```ts
 * import { volcengineVmp } from 'cloud-contacts/volcengine-vmp';
 * const vmp = volcengineVmp({ region: 'cn-beijing' });
 * const contact = await vmp.create({ name: 'oncall', email: 'oncall@example.com',
 *   webhooks: { lark: { url: 'https://open.feishu.cn/open-apis/bot/v2/hook/…', secret: '…' } } });
 * const { webhooks } = await vmp.sendVerification(contact.id, 'webhook');
 * ```
 * @throws ContactError `invalid-config` when settings are bad (missing credentials are reported by the first call).
 */
export function volcengineVmp(settings?: VolcengineVmpSettings): VolcengineVmpProvider {
  const setup = setUpVolcengineVmp(settings);
  const vmp = createVmpCaller({ ...setup.settings, credentials: setup.credentials });
  const run = operationRunner(setup.policy);

  const provider: VolcengineVmpProvider = {
    id: 'volcengine-vmp',
    capabilities,
    settings: setup.settings,
    create: (input, options) =>
      run('create', options, async (scope) => {
        const { Id } = await createContact(vmp, scope, validateContactInput(input, capabilities, scope.errorContext));
        return fromVmpContact(await readContact(vmp, scope, Id));
      }),
    get: (id, options) => run('get', options, async (scope) => fromVmpContact(await readContact(vmp, scope, validateId(id, capabilities, scope.errorContext)))),
    update: (id, patch, options) =>
      run('update', options, async (scope) => {
        const validId = validateId(id, capabilities, scope.errorContext);
        const valid = validateContactPatch(patch, capabilities, scope.errorContext);
        const current = writableOf(await readContact(vmp, scope, validId));
        await vmp(scope, 'UpdateContact', toUpdateParams(validId, applyPatch(current, valid)));
        return fromVmpContact(await readContact(vmp, scope, validId));
      }),
    delete: (id, options) => run('delete', options, (scope) => deleteOne(vmp, scope, 'DeleteContacts', validateId(id, capabilities, scope.errorContext))),
    list: (query, options) => vmpListing(vmp, run, { action: 'ListContacts', operation: 'list', filters: contactFiltersShape, map: fromVmpContact }, query, options),
    findByName: (name, options) =>
      run('findByName', options, async (scope) => {
        const found = await findByExactName(vmp, scope, 'ListContacts', validateName(name, capabilities, scope.errorContext));
        return found === undefined ? undefined : fromVmpContact(found);
      }),
    sendVerification: (id, channel, options) =>
      run('sendVerification', options, async (scope) => {
        const validId = validateId(id, capabilities, scope.errorContext);
        const validChannel = validateChannel(channel, capabilities, scope.errorContext);
        const contact = writableOf(await readContact(vmp, scope, validId));
        return validChannel === 'email' ? verifyEmail(vmp, scope, contact) : verifyWebhooks(vmp, scope, contact);
      }),
    ...createGroupMethods(vmp, run),
    syncOperations: createSyncOperations(vmp, run),
  };
  return printAsProvider(provider);
}
