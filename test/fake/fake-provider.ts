/**
 * A test-only provider for the Fake vendor: the same four steps a real adapter takes
 * (validate → map → call → map back) on the shared machinery, so the harness and the contract
 * suite can be tested without any vendor.
 */
import { z } from 'zod';
import type { Contact, ContactInput, ContactPatch } from '../../src/contact.js';
import { createContactList } from '../../src/contact-list.js';
import type { CallOptions, Capabilities, ContactProvider, ListQuery } from '../../src/provider.js';
import { baseSettingsShape, createCallPolicy, parseSettings, resolveBaseSettings } from '../../src/settings.js';
import type { BaseProviderSettings } from '../../src/settings.js';
import { runOperation } from '../../src/transport/call-scope.js';
import type { CallScope } from '../../src/transport/call-scope.js';
import { sendHttp } from '../../src/transport/http-request.js';
import { unsupportedOperation, validateContactInput, validateContactPatch, validateId, validateName } from '../../src/validation.js';
import { httpStatusError, vendorCodeError } from '../../src/vendor-errors.js';
import type { VendorCodeTable } from '../../src/vendor-errors.js';
import { toContactError } from '../../src/to-contact-error.js';
import { FAKE_PROVIDER, fakeSignature } from './fake-emulator.js';

const unsupported = { support: 'unsupported' } as const;
export const fakeCapabilities: Capabilities = {
  provider: FAKE_PROVIDER,
  api: 'Fake 1.0',
  operations: {
    create: { support: 'native', vendorOperations: ['CreateContact'] },
    get: { support: 'native', vendorOperations: ['GetContact'] },
    update: { support: 'native', vendorOperations: ['UpdateContact'] },
    delete: { support: 'native', vendorOperations: ['DeleteContact'] },
    list: { support: 'native', vendorOperations: ['ListContacts'] },
    findByName: { support: 'emulated', vendorOperations: ['ListContacts'] },
    sendVerification: { support: 'unsupported', vendorOperations: [], note: 'Fake verifies nothing' },
  },
  fields: {
    name: { support: 'required', maxLength: 32, rule: '1-32 characters' },
    email: { support: 'optional' },
    phone: { support: 'optional' },
    remark: { support: 'optional', maxLength: 64 },
    title: { ...unsupported, rule: 'Fake has no titles' },
    messageTypes: unsupported,
    'webhooks.generic': unsupported,
    'webhooks.lark': unsupported,
    'webhooks.dingtalk': unsupported,
    'webhooks.wecom': unsupported,
    groupIds: unsupported,
  },
  verificationChannels: [],
  pageSize: { default: 10, max: 50 },
  rateLimits: [{ operations: ['*'], perSecond: 20 }],
  quotas: [{ name: 'contacts', limit: 50, period: 'total', vendorCode: 'QuotaExceeded' }],
};

const fakeCodes: VendorCodeTable = {
  exact: {
    NotFound: 'not-found',
    NameTaken: 'already-exists',
    Throttled: 'rate-limited',
    AuthFailed: 'unauthenticated',
    QuotaExceeded: 'quota-exceeded',
    Internal: 'unavailable',
    Forbidden: 'permission-denied',
    NotSubscribed: 'not-subscribed',
    Busy: { code: 'conflict', retryable: true, explanation: 'another call on this contact is in progress' },
    WrongState: { code: 'conflict', explanation: 'the contact is in a state that forbids this' },
  },
  prefixes: { 'Invalid.': 'invalid-input' },
};

const recordSchema = z.object({
  Id: z.string(),
  Name: z.string(),
  Email: z.string().nullish(),
  Phone: z.string().nullish(),
  Remark: z.string().nullish(),
  CreatedAt: z.string().nullish(),
});
const envelopeSchema = z.object({ RequestId: z.string().nullish(), Code: z.string().nullish(), Message: z.string().nullish() });

export type FakeProvider = ContactProvider;

export function fakeProvider(settings: BaseProviderSettings = {}): FakeProvider {
  const parsed = parseSettings(z.strictObject(baseSettingsShape), settings, FAKE_PROVIDER);
  const resolved = resolveBaseSettings(parsed, {
    provider: FAKE_PROVIDER,
    env: { accessKeyId: 'FAKE_KEY_ID', accessKeySecret: 'FAKE_KEY_SECRET', securityToken: 'FAKE_TOKEN' },
    endpoint: 'https://fake.invalid',
    rateLimit: 20,
  });
  const policy = createCallPolicy(FAKE_PROVIDER, resolved);

  async function call<T>(scope: CallScope, action: string, params: object, schema: z.ZodType<T>, idempotent: boolean): Promise<T> {
    return scope.request({
      action,
      idempotent,
      send: async (signal) => {
        const body = JSON.stringify(params);
        const date = new Date().toISOString();
        const secret = resolved.credentials.accessKeySecret;
        const answer = await sendHttp({
          url: resolved.endpoint,
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-fake-action': action,
            'x-fake-date': date,
            authorization: `FAKE-HMAC key=${resolved.credentials.accessKeyId}, signature=${fakeSignature(secret, action, date, body)}`,
          },
          body,
          signal,
        });
        let json: unknown;
        try {
          json = JSON.parse(answer.text);
        } catch {
          throw httpStatusError(answer.status, answer.text, scope.errorContext);
        }
        const envelope = envelopeSchema.safeParse(json);
        if (answer.status !== 200) {
          if (!envelope.success || !envelope.data.Code) throw httpStatusError(answer.status, answer.text, scope.errorContext);
          throw vendorCodeError(fakeCodes, { vendor: { code: envelope.data.Code, message: envelope.data.Message ?? '', httpStatus: answer.status, ...(envelope.data.RequestId ? { requestId: envelope.data.RequestId } : {}) } }, scope.errorContext);
        }
        const result = schema.safeParse(json);
        if (!result.success) throw httpStatusError(undefined, answer.text, scope.errorContext);
        return result.data;
      },
      translate: (error, context) => toContactError(error, context),
    });
  }

  const toContact = (record: z.infer<typeof recordSchema>): Contact => ({
    provider: FAKE_PROVIDER,
    id: record.Id,
    name: record.Name,
    status: 'active',
    ...(record.Email ? { email: record.Email } : {}),
    ...(record.Phone ? { phone: record.Phone } : {}),
    ...(record.Remark ? { remark: record.Remark } : {}),
    ...(record.CreatedAt ? { createdAt: record.CreatedAt } : {}),
  });
  const contactAnswer = z.object({ Contact: recordSchema });
  const listAnswer = z.object({ Contacts: z.array(recordSchema), Total: z.number() });
  const context = (operation: string) => ({ provider: FAKE_PROVIDER, operation, secrets: policy.secrets });
  const toParams = (input: ContactInput | ContactPatch) => ({ Name: input.name, Email: input.email, Phone: input.phone, Remark: input.remark });

  const provider: FakeProvider = {
    id: FAKE_PROVIDER,
    capabilities: fakeCapabilities,
    create: (input: ContactInput, options?: CallOptions) =>
      runOperation(policy, 'create', options, async (scope) => {
        const valid = validateContactInput(input, fakeCapabilities, context('create'));
        return toContact((await call(scope, 'CreateContact', toParams(valid), contactAnswer, false)).Contact);
      }),
    get: (id, options) =>
      runOperation(policy, 'get', options, async (scope) => {
        const valid = validateId(id, context('get'));
        return toContact((await call(scope, 'GetContact', { Id: valid }, contactAnswer, true)).Contact);
      }),
    update: (id, patch, options) =>
      runOperation(policy, 'update', options, async (scope) => {
        const validId = validateId(id, context('update'));
        const valid = validateContactPatch(patch, fakeCapabilities, context('update'));
        return toContact((await call(scope, 'UpdateContact', { Id: validId, ...toParams(valid) }, contactAnswer, true)).Contact);
      }),
    delete: (id, options) =>
      runOperation(policy, 'delete', options, async (scope) => {
        const valid = validateId(id, context('delete'));
        await call(scope, 'DeleteContact', { Id: valid }, z.object({}), true);
      }),
    list: (query: ListQuery = {}, options?: CallOptions) => {
      const pageSize = Math.min(query.pageSize ?? fakeCapabilities.pageSize.default, fakeCapabilities.pageSize.max);
      return createContactList(
        (cursor) =>
          runOperation(policy, 'list', options, async (scope) => {
            const page = typeof cursor === 'number' ? cursor : 1;
            const answer = await call(scope, 'ListContacts', { Page: page, PageSize: pageSize }, listAnswer, true);
            return { contacts: answer.Contacts.map(toContact), next: page * pageSize < answer.Total ? page + 1 : undefined };
          }),
        query.limit,
      );
    },
    findByName: (name, options) =>
      runOperation(policy, 'findByName', options, async (scope) => {
        const valid = validateName(name, fakeCapabilities, context('findByName'));
        const answer = await call(scope, 'ListContacts', { Name: valid, Page: 1, PageSize: 1 }, listAnswer, true);
        const found = answer.Contacts[0];
        return found === undefined ? undefined : toContact(found);
      }),
    sendVerification: (_id, _channel, options) =>
      runOperation(policy, 'sendVerification', options, () => Promise.reject(unsupportedOperation(fakeCapabilities, 'sendVerification', context('sendVerification')))),
  };
  return provider;
}
