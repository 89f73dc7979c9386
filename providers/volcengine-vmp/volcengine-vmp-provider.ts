import { printAsProvider } from '../../src/settings/settings.js';
import { errorIn, issuesError } from '../../src/errors/to-contact-error.js';
import { runOperation } from '../../src/transport/call-scope.js';
import { replaceInScope } from '../../src/transport/replace-steps.js';
import { collectPages } from '../../src/contract/paging.js';
import type { CallScope, Settlement } from '../../src/transport/call-scope.js';
import { validateChannel, validateContactInput, validateContactPatch, validateId, validateName } from '../../src/validation/validation.js';
import type { VmpResult } from './volcengine-vmp-api.js';
import { volcengineVmpCapabilities as capabilities } from './volcengine-vmp-capabilities.js';
import { createVmpCaller } from './volcengine-vmp-client.js';
import type { VmpCaller } from './volcengine-vmp-client.js';
import {
  applyPatch,
  emailVerificationStatus,
  fromVmpContact,
  sameContent,
  toCreatedContact,
  toCreateParams,
  toUpdateParams,
  toWebhookTestResult,
  updatedContact,
  webhookTests,
  writableOf,
  writableOfContact,
} from './volcengine-vmp-mapper.js';
import type { VmpWritable } from './volcengine-vmp-mapper.js';
import { setUpVolcengineVmp } from './volcengine-vmp-settings.js';
import type { VolcengineVmpSettings } from './volcengine-vmp-settings.js';
import type { VolcengineVmpProvider, VolcengineVmpVerificationResult } from './volcengine-vmp-types.js';
import { createGroupMethods, deleteOne, findByExactName, readContact, SCAN_PAGE_SIZE, textFilterRule, vmpListing, vmpPages } from './volcengine-vmp-vendor-methods.js';
import type { RunOperation } from './volcengine-vmp-vendor-methods.js';

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
  const run: RunOperation = (operation, options, body) => runOperation(setup.policy, operation, options, body);

  const provider: VolcengineVmpProvider = {
    id: 'volcengine-vmp',
    capabilities,
    settings: setup.settings,
    create: (input, options) => run('create', options, (scope) => createContact(vmp, scope, validateContactInput(input, capabilities, scope.errorContext))),
    get: (id, options) =>
      run('get', options, async (scope) => fromVmpContact(await readContact(vmp, scope, validateId(id, capabilities, scope.errorContext)))),
    update: (id, patch, options) =>
      run('update', options, async (scope) => {
        const validId = validateId(id, capabilities, scope.errorContext);
        const valid = validateContactPatch(patch, capabilities, scope.errorContext);
        const current = writableOf(await readContact(vmp, scope, validId));
        await vmp(scope, 'UpdateContact', toUpdateParams(validId, applyPatch(current, valid)));
        return fromVmpContact(await readContact(vmp, scope, validId));
      }),
    delete: (id, options) =>
      run('delete', options, async (scope) => deleteOne(vmp, scope, 'DeleteContacts', validateId(id, capabilities, scope.errorContext))),
    list: (query, options) =>
      vmpListing(vmp, run, { action: 'ListContacts', operation: 'list', filters: { name: textFilterRule, email: textFilterRule }, map: fromVmpContact }, query, options),
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
    // Sync reuses what its plan listed: ListContacts shows every channel, secrets included, so an
    // update writes the listed contact with the patch applied, without reading it first or after.
    syncOperations: {
      listingLacks: [],
      complete: async (listed) => [...listed],
      create: (input, options) => run('create', options, (scope) => createContact(vmp, scope, validateContactInput(input, capabilities, scope.errorContext))),
      resolveCreated: (inputs, options) =>
        run('list', options, async (scope) => {
          const byName = new Map((await collectPages(vmpPages(vmp, scope, 'ListContacts', SCAN_PAGE_SIZE))).map((contact) => [contact.Name, contact]));
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
          const steps = { delete: () => deleteOne(vmp, scope, 'DeleteContacts', validId), create: () => createContact(vmp, scope, valid) };
          return replaceInScope(scope, 'CreateContact', steps, progress);
        }),
      createsLeft: async () => undefined,
    },
  };
  return printAsProvider(provider);
}

/** CreateContact for a checked input; a lost answer is settled by looking the name up. */
async function createContact(vmp: VmpCaller, scope: CallScope, input: VmpWritable) {
  const answer = await vmp(scope, 'CreateContact', toCreateParams(input), { settle: () => settleCreate(vmp, scope, input) });
  return toCreatedContact(input, answer);
}

/**
 * After a CreateContact whose answer was lost: the contact is looked up by its name. Found with
 * the channels asked for, the create was applied; with others, the name is someone else's
 * (`already-exists`); not found, it was not applied and may be sent again.
 */
async function settleCreate(vmp: VmpCaller, scope: CallScope, input: VmpWritable): Promise<Settlement<VmpResult<'CreateContact'>>> {
  const found = await findByExactName(vmp, scope, 'ListContacts', input.name);
  if (found === undefined) return { applied: false };
  if (!sameContent(found, input)) {
    throw errorIn(scope.errorContext, { code: 'already-exists', field: 'name', message: `a contact named "${input.name}" exists with other details (the create's answer was lost, so it was looked up)` });
  }
  return { applied: true, value: { Id: found.Id, SendStatus: found.EmailActive === true ? 'AlreadyActive.Email' : undefined, Message: undefined } };
}

/** SendValidationMessage to the contact's address; a `SendStatus` that sent nothing rejects (see the errors table). */
async function verifyEmail(vmp: VmpCaller, scope: CallScope, contact: VmpWritable): Promise<VolcengineVmpVerificationResult> {
  if (contact.email === undefined) throw nothingToVerify(scope, 'email');
  const answer = await vmp(scope, 'SendValidationMessage', { Type: 'Email', Destination: contact.email });
  return { channel: 'email', status: emailVerificationStatus(answer), target: contact.email };
}

/** One Test*Webhook per webhook of the contact; each result says what the bot platform answered. */
async function verifyWebhooks(vmp: VmpCaller, scope: CallScope, contact: VmpWritable): Promise<VolcengineVmpVerificationResult> {
  const tests = webhookTests(contact.webhooks);
  if (tests.length === 0) throw nothingToVerify(scope, 'webhooks');
  const webhooks = [];
  for (const test of tests) webhooks.push(toWebhookTestResult(test.kind, await vmp(scope, test.action, test.params)));
  return { channel: 'webhook', status: 'sent', webhooks };
}

function nothingToVerify(scope: CallScope, field: 'email' | 'webhooks') {
  return issuesError('invalid-input', [{ path: field, code: 'required', message: 'is not set on the contact, so there is nothing to verify' }], scope.errorContext);
}
