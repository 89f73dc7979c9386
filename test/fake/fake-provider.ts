/**
 * A test-only provider for the Fake vendor: the same shape a real adapter has (settings set up
 * once, an action table, one caller over a transport, validate → map → call → map back) on the
 * shared machinery, so the harness and the contract suite can be tested without any vendor.
 */
import { signingKeys } from '../../src/credentials/credentials.js';
import { staticKeys } from '../../src/credentials/key-providers.js';
import type { VendorCredentials } from '../../src/credentials/vendor-credentials.js';
import { z } from 'zod';
import type { Contact, ContactInput, ContactPatch } from '../../src/model/contact.js';
import { createContactList } from '../../src/contract/contact-list.js';
import { resolveListQuery } from '../../src/validation/call-options.js';
import type { Capabilities, ContactProvider } from '../../src/contract/provider.js';
import { baseSettingFields, printAsProvider, settingsSchema, setUpProvider } from '../../src/settings/settings.js';
import type { BaseProviderSettings, ResolvedBaseSettings } from '../../src/settings/settings.js';
import { operationRunner } from '../../src/transport/operation-runner.js';
import type { CallScope } from '../../src/transport/call-scope.js';
import { sendHttp } from '../../src/transport/http-request.js';
import { createVendorCaller } from '../../src/transport/vendor-caller.js';
import { toContactError } from '../../src/errors/to-contact-error.js';
import { unsupportedOperation, validateContactInput, validateContactPatch, validateId, validateName } from '../../src/validation/validation.js';
import { httpStatusError, vendorCodeError } from '../../src/errors/vendor-errors.js';
import type { VendorCodeTable } from '../../src/errors/vendor-errors.js';
import { isContactError } from '../../src/errors/errors.js';
import { FAKE_PROVIDER, fakeSignature } from './fake-emulator.js';

const unsupported = { support: 'unsupported' } as const;
export const fakeCapabilities = {
  provider: FAKE_PROVIDER,
  api: 'Fake 1.0',
  id: { pattern: /^f-\d+$/, rule: 'a Fake id (f- and digits)', example: 'f-1' },
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
} as const satisfies Capabilities;

const fakeCodes: VendorCodeTable = {
  exact: {
    NotFound: { code: 'not-found', field: 'id' },
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
const contactAnswer = z.object({ Contact: recordSchema });

const FAKE_ACTIONS = {
  CreateContact: { idempotent: false, response: contactAnswer },
  GetContact: { idempotent: true, response: contactAnswer },
  UpdateContact: { idempotent: true, response: contactAnswer },
  DeleteContact: { idempotent: true, response: z.object({}) },
  ListContacts: { idempotent: true, response: z.object({ Contacts: z.array(recordSchema), Total: z.number() }) },
} as const;

/** A failed Fake answer: its status and body, translated by {@link translateFake}. */
class FakeAnswer {
  constructor(
    readonly status: number,
    readonly text: string,
  ) {}
}

function translateFake(error: unknown, context: Parameters<typeof toContactError>[1]) {
  if (isContactError(error) || !(error instanceof FakeAnswer)) return toContactError(error, context);
  let json: unknown;
  try {
    json = JSON.parse(error.text);
  } catch {
    return httpStatusError(error.status === 200 ? undefined : error.status, error.text, context);
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success || !envelope.data.Code) return httpStatusError(error.status === 200 ? undefined : error.status, error.text, context);
  const requestId = envelope.data.RequestId ?? undefined;
  return vendorCodeError(fakeCodes, { vendor: { code: envelope.data.Code, message: envelope.data.Message ?? '', httpStatus: error.status, ...(requestId ? { requestId } : {}) } }, context);
}

/** The fake vendor's chain: its own key variables only. */
const fakeVendorCredentials: VendorCredentials = {
  chain: (options) => [
    {
      looksAt: 'environment (FAKE_KEY_ID, FAKE_KEY_SECRET)',
      async find() {
        const accessKeyId = options.environment['FAKE_KEY_ID'];
        const accessKeySecret = options.environment['FAKE_KEY_SECRET'];
        return accessKeyId === undefined || accessKeySecret === undefined ? { notFound: 'not set' } : staticKeys({ accessKeyId, accessKeySecret }, 'environment');
      },
    },
  ],
  assumeRole: () => Promise.reject(new Error('the fake vendor has no STS')),
};

export type FakeProvider = ContactProvider & { readonly settings: ResolvedBaseSettings };

const fakeSettingsSchema = settingsSchema(baseSettingFields);

export function fakeProvider(settings: BaseProviderSettings = {}): FakeProvider {
  const setup = setUpProvider(fakeSettingsSchema, settings, {
    provider: FAKE_PROVIDER,
    capabilities: fakeCapabilities,
    vendorCredentials: async () => fakeVendorCredentials,
    endpoint: 'https://fake.invalid',
  });
  const fake = createVendorCaller(FAKE_ACTIONS, {
    ready: (signal) => (setup.credentials.current() === undefined ? setup.credentials.resolve(signal).then(() => undefined) : undefined),
    async send(action, params: object, attempt) {
      const credentials = signingKeys(setup.credentials.current() ?? (await setup.credentials.resolve()));
      const body = JSON.stringify(params);
      const date = new Date().toISOString();
      const answer = await sendHttp({
        url: new URL(setup.settings.endpoint),
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-fake-action': action,
          'x-fake-date': date,
          authorization: `FAKE-HMAC key=${credentials.accessKeyId}, signature=${fakeSignature(credentials.accessKeySecret, action, date, body)}`,
        },
        body,
        signal: attempt.signal,
      });
      if (answer.status !== 200) throw new FakeAnswer(answer.status, answer.text);
      let json: unknown;
      try {
        json = JSON.parse(answer.text);
      } catch {
        throw new FakeAnswer(answer.status, answer.text);
      }
      return { body: json, requestId: (json as { RequestId?: string }).RequestId };
    },
    translate: translateFake,
  });

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
  const toParams = (input: ContactInput | ContactPatch) => ({ Name: input.name, Email: input.email, Phone: input.phone, Remark: input.remark });
  const run = operationRunner(setup.policy);
  const findByName = async (scope: CallScope, name: string) => (await fake(scope, 'ListContacts', { Name: name, Page: 1, PageSize: 1 })).Contacts[0];

  const provider: FakeProvider = {
    id: FAKE_PROVIDER,
    capabilities: fakeCapabilities,
    settings: setup.settings,
    create: (input, options) =>
      run('create', options, async (scope) => {
        const valid = validateContactInput(input, fakeCapabilities, scope.errorContext);
        const settle = async () => {
          const found = await findByName(scope, valid.name);
          return found === undefined ? ({ applied: false } as const) : ({ applied: true, value: { Contact: found } } as const);
        };
        return toContact((await fake(scope, 'CreateContact', toParams(valid), { settle })).Contact);
      }),
    get: (id, options) =>
      run('get', options, async (scope) => toContact((await fake(scope, 'GetContact', { Id: validateId(id, fakeCapabilities, scope.errorContext) })).Contact)),
    update: (id, patch, options) =>
      run('update', options, async (scope) => {
        const validId = validateId(id, fakeCapabilities, scope.errorContext);
        const valid = validateContactPatch(patch, fakeCapabilities, scope.errorContext);
        return toContact((await fake(scope, 'UpdateContact', { Id: validId, ...toParams(valid) })).Contact);
      }),
    delete: (id, options) =>
      run('delete', options, async (scope) => {
        await fake(scope, 'DeleteContact', { Id: validateId(id, fakeCapabilities, scope.errorContext) });
      }),
    list: (query, options) =>
      createContactList(() => {
        const valid = resolveListQuery(query, fakeCapabilities, { provider: FAKE_PROVIDER, operation: 'list' });
        return {
          limit: valid.limit,
          fetchPage: (cursor) =>
            run('list', options, async (scope) => {
              const page = typeof cursor === 'number' ? cursor : 1;
              const answer = await fake(scope, 'ListContacts', { Page: page, PageSize: valid.pageSize });
              return { items: answer.Contacts.map(toContact), next: page * valid.pageSize < answer.Total ? page + 1 : undefined };
            }),
        };
      }),
    findByName: (name, options) =>
      run('findByName', options, async (scope) => {
        const found = await findByName(scope, validateName(name, fakeCapabilities, scope.errorContext));
        return found === undefined ? undefined : toContact(found);
      }),
    sendVerification: (_id, _channel, options) =>
      run('sendVerification', options, (scope) => Promise.reject(unsupportedOperation(fakeCapabilities, 'sendVerification', scope.errorContext))),
  };
  return printAsProvider(provider);
}
