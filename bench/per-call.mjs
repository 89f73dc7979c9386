// Per-call overhead: each provider's create, get, update (where the vendor has one), delete and
// list of 100 against the same calls made directly with the vendor's official client, on the same
// emulator, interleaved, after a warm-up, rate limits off.
import { Agent } from 'node:http';
import { interleave, TINY } from './lib.mjs';

const ROUNDS = TINY ? 3 : Number(process.env.BENCH_ROUNDS ?? 500);
const WARMUP = TINY ? 2 : Number(process.env.BENCH_WARMUP ?? 1000);
const letters = (n) => {
  let out = '';
  let rest = n;
  do {
    out = String.fromCharCode(97 + (rest % 26)) + out;
    rest = Math.floor(rest / 26);
  } while (rest > 0);
  return out;
};

/** `@alicloud/openapi-client` as a user of the bare client loads it (CommonJS with exports.default). */
async function bareAlibaba(emulator, version) {
  const namespace = await import('@alicloud/openapi-client');
  const sdk = typeof namespace.default === 'function' ? namespace : namespace.default;
  const endpoint = new URL(emulator.endpoint);
  const client = new sdk.default(new sdk.Config({ accessKeyId: emulator.credentials.accessKeyId, accessKeySecret: emulator.credentials.accessKeySecret, endpoint: endpoint.host, protocol: 'http' }));
  const params = (action) => new sdk.Params({ action, version, protocol: 'HTTPS', pathname: '/', method: 'POST', authType: 'AK', style: 'RPC', reqBodyType: 'formData', bodyType: 'json' });
  const cache = new Map();
  return async (action, query) => {
    if (!cache.has(action)) cache.set(action, params(action));
    const answer = await client.callApi(cache.get(action), new sdk.OpenApiRequest({ query }), { readTimeout: 10_000, connectTimeout: 10_000 });
    return answer.body;
  };
}

/** Each provider: a setup that returns, per operation, our call and the vendor client's. */
const PROVIDERS = {
  async 'tencent-cam'(testing) {
    const { tencentCam } = await import('cloud-contacts/tencent-cam');
    const { CommonClient } = await import('tencentcloud-sdk-nodejs-common');
    const emulator = await testing.startEmulator('tencent-cam', { rateLimit: false, quotas: { createsPerDay: 1_000_000, receivers: 1_000_000 } });
    const ours = tencentCam({ endpoint: emulator.endpoint, credentials: emulator.credentials, rateLimit: false, quotas: false });
    const host = new URL(emulator.endpoint).host;
    const vendor = new CommonClient(host, '2019-01-16', {
      credential: { secretId: emulator.credentials.accessKeyId, secretKey: emulator.credentials.accessKeySecret },
      profile: { httpProfile: { endpoint: host, protocol: 'http://', agent: new Agent({ keepAlive: true }) } },
    });
    const input = (side, n) => ({ name: `${side}-${n}`, email: `${side}${n}@example.com`, phone: '+8613900001234' });
    const ids = [];
    const seed = await ours.create(input('seed', 0));
    return {
      emulator,
      operations: {
        create: [async (n) => ids.push((await ours.create(input('o', n))).id), (n) => vendor.request('CreateMessageReceiver', { Name: `v-${n}`, CountryCode: '86', PhoneNumber: '13900001234', Email: `v${n}@example.com` })],
        get: [() => ours.get(seed.id), async () => (await vendor.request('ListReceiver', { Offset: 0, Limit: 100 })).Receivers.find((r) => String(r.Uid) === seed.id)],
        'list of 100': [() => ours.list({ pageSize: 100, limit: 100 }).all(), () => vendor.request('ListReceiver', { Offset: 0, Limit: 100 })],
        delete: [(n) => ours.delete(ids[n]), (n) => vendor.request('DeleteMessageReceiver', { Name: `v-${n}` })],
      },
      notes: {
        create: 'CreateMessageReceiver returns no id: ours also looks the receiver up (ListReceiver) to return it',
        get: 'CAM has no get: both sides read a ListReceiver page and find the Uid',
        delete: 'CAM deletes by name: ours resolves the name from the Uid first (ListReceiver)',
      },
    };
  },

  async 'alibaba-resource-directory'(testing) {
    const { alibabaResourceDirectory } = await import('cloud-contacts/alibaba-resource-directory');
    const emulator = await testing.startEmulator('alibaba-resource-directory', { rateLimit: false, quotas: { contacts: 1_000_000 } });
    const ours = alibabaResourceDirectory({ endpoint: emulator.endpoint, credentials: emulator.credentials, rateLimit: false });
    const vendor = await bareAlibaba(emulator, '2022-04-19');
    const ourIds = [];
    const vendorIds = [];
    const seed = await ours.create({ name: 'Seed', email: 'seed@example.com', title: 'Other', messageTypes: ['FaultMessage'] });
    return {
      emulator,
      operations: {
        create: [
          async (n) => ourIds.push((await ours.create({ name: `O${letters(n)}`, email: `o${n}@example.com`, title: 'Other', messageTypes: ['FaultMessage'] })).id),
          async (n) => vendorIds.push((await vendor('AddMessageContact', { Name: `V${letters(n)}`, EmailAddress: `v${n}@example.com`, Title: 'Other', 'MessageTypes.1': 'FaultMessage' })).Contact.ContactId),
        ],
        get: [() => ours.get(seed.id), () => vendor('GetMessageContact', { ContactId: seed.id })],
        update: [(n) => ours.update(seed.id, { title: n % 2 ? 'CEO' : 'Other' }), (n) => vendor('UpdateMessageContact', { ContactId: seed.id, Title: n % 2 ? 'CEO' : 'Other' })],
        'list of 100': [() => ours.list({ pageSize: 100, limit: 100 }).all(), () => vendor('ListMessageContacts', { PageNumber: '1', PageSize: '100' })],
        delete: [(n) => ours.delete(ourIds[n]), (n) => vendor('DeleteMessageContact', { ContactId: vendorIds[n], RetainContactInMembers: 'true' })],
      },
      notes: { update: 'UpdateMessageContact returns nothing: ours reads the contact back (GetMessageContact) to return it' },
    };
  },

  async 'volcengine-vmp'(testing) {
    const { volcengineVmp } = await import('cloud-contacts/volcengine-vmp');
    const { Service } = await import('@volcengine/openapi');
    const emulator = await testing.startEmulator('volcengine-vmp', { rateLimit: false });
    const ours = volcengineVmp({ endpoint: emulator.endpoint, credentials: emulator.credentials, rateLimit: false });
    const official = new Service({ serviceName: 'vmp', region: 'cn-beijing', defaultVersion: '2021-03-03', host: new URL(emulator.endpoint).host, protocol: 'http:', accessKeyId: emulator.credentials.accessKeyId, secretKey: emulator.credentials.accessKeySecret });
    const api = (action) => official.createJSONAPI(action, { Version: '2021-03-03' });
    const [create, get, update, list, remove] = ['CreateContact', 'GetContact', 'UpdateContact', 'ListContacts', 'DeleteContacts'].map(api);
    const lark = (tag) => ({ url: `https://open.feishu.cn/open-apis/bot/v2/hook/${tag}` });
    const vendorBody = (name) => ({ Name: name, Email: `${name}@example.com`, LarkBotWebhook: { Address: lark(name).url } });
    const ourIds = [];
    const vendorIds = [];
    const seed = await ours.create({ name: 'seed', email: 'seed@example.com', webhooks: { lark: lark('seed') } });
    return {
      emulator,
      operations: {
        create: [async (n) => ourIds.push((await ours.create({ name: `o-${n}`, email: `o-${n}@example.com`, webhooks: { lark: lark(`o-${n}`) } })).id), async (n) => vendorIds.push((await create(vendorBody(`v-${n}`))).Result.Id)],
        get: [() => ours.get(seed.id), () => get({ Id: seed.id })],
        update: [(n) => ours.update(seed.id, { email: `seed${n % 2}@example.com` }), (n) => update({ Id: seed.id, ...vendorBody('seed'), Email: `seed${n % 2}@example.com` })],
        'list of 100': [() => ours.list({ pageSize: 100, limit: 100 }).all(), () => list({ PageNumber: 1, PageSize: 100 })],
        delete: [(n) => ours.delete(ourIds[n]), (n) => remove({ Ids: [vendorIds[n]] })],
      },
      notes: { update: 'UpdateContact replaces every channel: ours reads the contact first so untouched webhooks are kept (read-modify-write)' },
    };
  },

  async 'alibaba-chatapp'(testing) {
    const { alibabaChatApp } = await import('cloud-contacts/alibaba-chatapp');
    const emulator = await testing.startEmulator('alibaba-chatapp', { rateLimit: false, quotas: { numbers: 1_000_000 } });
    const space = emulator.custSpaceId;
    const ours = alibabaChatApp({ endpoint: emulator.endpoint, credentials: emulator.credentials, custSpaceId: space, rateLimit: false });
    const vendor = await bareAlibaba(emulator, '2020-06-06');
    // Distinct valid mobile numbers: 138 + 8 digits for ours, 139 + 8 digits for the vendor's side.
    const national = (prefix, n) => `${prefix}${String(n).padStart(8, '0')}`;
    const seed = await ours.create({ name: 'Seed Desk', phone: '+86 137 0000 0000', email: 'seed@example.com' });
    for (let n = 1; n < 100; n += 1) await vendor('AddChatappPhoneNumber', { CustSpaceId: space, Cc: '86', PhoneNumber: national('137', n), VerifiedName: `Desk ${n}` });
    const listed = (answer) => {
      if (answer.Code !== 'OK') throw new Error(`vendor answered ${answer.Code}`);
      return answer;
    };
    return {
      emulator,
      operations: {
        // The reads and the update first, on a space of exactly 100 numbers: ChatApp lists a space
        // whole, so after the creates below these would measure a bigger space than their name says.
        get: [
          () => ours.get(seed.id),
          async () => [listed(await vendor('ChatappSyncPhoneNumber', { CustSpaceId: space })).PhoneNumbers.find((number) => number.PhoneNumber === seed.id), listed(await vendor('QueryPhoneBusinessProfile', { CustSpaceId: space, PhoneNumber: seed.id })).Data],
        ],
        'list of 100': [() => ours.list({ limit: 100 }).all(), async () => listed(await vendor('ChatappSyncPhoneNumber', { CustSpaceId: space })).PhoneNumbers],
        update: [
          (n) => ours.update(seed.id, { email: `seed${n % 2}@example.com` }),
          async (n) => listed(await vendor('ModifyPhoneBusinessProfile', { CustSpaceId: space, PhoneNumber: seed.id, Email: `seed${n % 2}@example.com` })),
        ],
        create: [
          (n) => ours.create({ name: `Ours ${n}`, phone: `+86${national('138', n)}` }),
          async (n) => listed(await vendor('AddChatappPhoneNumber', { CustSpaceId: space, Cc: '86', PhoneNumber: national('139', n), VerifiedName: `Theirs ${n}` })),
        ],
        delete: [(n) => ours.delete(`86${national('138', n)}`), async (n) => listed(await vendor('ChatappPhoneNumberDeregister', { CustSpaceId: space, PhoneNumber: `86${national('139', n)}` }))],
      },
      notes: {
        create: 'ours lists the space after AddChatappPhoneNumber (which returns nothing) to return the number as stored',
        get: 'ChatApp has no get: both sides list the space of 100 numbers (ChatappSyncPhoneNumber) and read the business profile for the email',
        update: 'ModifyPhoneBusinessProfile returns nothing: ours reads the number and its profile back to return it',
        delete: 'ours lists the space first: a registered number is deregistered before it is taken out',
      },
    };
  },
};

/** Runs every landed provider's operations; resolves to one row per provider and operation. */
export async function perCall() {
  for (const name of ['http_proxy', 'HTTP_PROXY', 'https_proxy', 'HTTPS_PROXY']) delete process.env[name];
  const testing = await import('cloud-contacts/testing');
  const { PROVIDER_IDS } = await import('cloud-contacts');
  const available = new Set(PROVIDER_IDS);
  // BENCH_PROVIDERS=a,b measures only those providers (to look closer at one).
  const only = process.env.BENCH_PROVIDERS ? new Set(process.env.BENCH_PROVIDERS.split(',')) : undefined;
  const rows = [];
  for (const [provider, setup] of Object.entries(PROVIDERS)) {
    if (!available.has(provider) || (only !== undefined && !only.has(provider))) continue;
    const { emulator, operations, notes } = await setup(testing);
    try {
      // Creates run first and deletes last, each round on the contact its create round made.
      for (const [operation, [ours, theirs]] of Object.entries(operations)) {
        const result = await interleave(ours, theirs, { rounds: ROUNDS, warmup: WARMUP });
        rows.push({ provider, operation, ...result, ...(notes?.[operation] ? { note: notes[operation] } : {}) });
      }
    } finally {
      await emulator.close();
    }
  }
  return { rounds: ROUNDS, warmup: WARMUP, rows };
}
