/**
 * The ten ways a sync could lose or expose the on-call roster (issue 17), each in its exact case,
 * against the emulators: a prune of a contact the roster still lists, ChatApp numbers matched by
 * name, a replace that deletes before it can create, people's phones sent to WhatsApp, secrets in
 * plans, bad options that do nothing, a throwing listener, changes hidden by masks, a listing
 * trusted blindly, and a prefix that owns hand-made contacts.
 */
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { applySync, localQuotaStore, planSync, syncContacts } from '../../src/index.js';
import type { ContactEvent, DesiredContact, QuotaStore, SyncPlan } from '../../src/index.js';
import { alibabaChatApp } from '../../providers/alibaba-chatapp/index.js';
import { alibabaResourceDirectory } from '../../providers/alibaba-resource-directory/index.js';
import { tencentCam } from '../../providers/tencent-cam/index.js';
import { volcengineVmp } from '../../providers/volcengine-vmp/index.js';
import { expectContactError } from '../support/expect-contact-error.js';
import { useEmulator } from '../support/use-emulator.js';

const cam = useEmulator('tencent-cam');
const rd = useEmulator('alibaba-resource-directory');
const vmp = useEmulator('volcengine-vmp');
const chatapp = useEmulator('alibaba-chatapp');

const camProvider = (settings: Parameters<typeof tencentCam>[0] = {}) => tencentCam({ endpoint: cam.endpoint, credentials: cam.credentials, rateLimit: false, maxRetries: 0, quotaStore: localQuotaStore(), ...settings });
const rdProvider = (settings: Parameters<typeof alibabaResourceDirectory>[0] = {}) =>
  alibabaResourceDirectory({ endpoint: rd.endpoint, credentials: rd.credentials, rateLimit: false, maxRetries: 0, ...settings });
const vmpProvider = (settings: Parameters<typeof volcengineVmp>[0] = {}) => volcengineVmp({ endpoint: vmp.endpoint, credentials: vmp.credentials, rateLimit: false, maxRetries: 0, ...settings });
const chatappProvider = () => alibabaChatApp({ endpoint: chatapp.endpoint, credentials: chatapp.credentials, custSpaceId: chatapp.custSpaceId, rateLimit: false, maxRetries: 0 });

const kinds = (plan: SyncPlan) => plan.providers.map((provider) => provider.entries.map((entry) => [entry.kind, entry.name]));

describe('1. prune never deletes a contact the roster still lists', () => {
  const alice: DesiredContact = { name: 'OncallAlice', email: 'alice@example.com', phone: '+8613900001234', title: 'TechnicalDirector', messageTypes: ['FaultMessage'] };

  it('an entry the China site refuses (a Hong Kong phone) is a skip, and its contact is not pruned', async () => {
    const provider = rdProvider();
    await syncContacts({ desired: [alice], providers: [provider], managed: { prefix: 'Oncall' } });
    const moved = { ...alice, phone: '+85291234567' };
    // The issue's roster, and one that owns her by name: either way she is only skipped.
    for (const managed of [{ prefix: 'Oncall' }, { prefix: 'Oncall', names: ['OncallAlice'] }]) {
      const { plan, report } = await syncContacts({ desired: [moved], providers: [provider], prune: true, managed });
      expect(kinds(plan)).toEqual([[['skip', 'OncallAlice']]]);
      expect(report.summary).toEqual({ done: 0, unchanged: 0, skipped: 1, failed: 0 });
    }
    expect((await provider.list().all()).map((contact) => contact.name)).toEqual(['OncallAlice']);
    expect(rd.requests.filter((request) => request.action === 'DeleteMessageContact')).toHaveLength(0);
  });
});

describe('2. ChatApp matches a number by the number, never by its display name', () => {
  it('two numbers named AcmeSupport: the roster naming one leaves the other alone, with or without prune', async () => {
    const provider = chatappProvider();
    await provider.create({ name: 'AcmeSupport', phone: '+8613800001234' });
    await provider.create({ name: 'AcmeSupport', phone: '+8613800005678' });
    const desired: DesiredContact[] = [{ name: 'AcmeSupport', phone: '+8613800001234', only: ['alibaba-chatapp'] }];
    const plain = await planSync({ desired, providers: [provider] });
    expect(plain.providers[0]!.entries).toMatchObject([{ kind: 'unchanged', name: 'AcmeSupport', id: '8613800001234' }]);
    const pruning = await syncContacts({ desired, providers: [provider], prune: true, managed: { names: ['AcmeSupport'] }, deletionGuard: { maxShare: 1 } });
    expect(kinds(pruning.plan)).toEqual([[['unchanged', 'AcmeSupport']]]);
    expect((await provider.list().all()).map((number) => number.id).sort()).toEqual(['8613800001234', '8613800005678']);
    expect(chatapp.requests.filter((request) => request.action === 'ChatappPhoneNumberDeregister')).toHaveLength(0);
  });

  it('a number whose verified name differs is a skip, never a replace that would deregister it', async () => {
    const provider = chatappProvider();
    await provider.create({ name: 'Acme Desk', phone: '+8613800001234' });
    const plan = await planSync({ desired: [{ name: 'AcmeSupport', phone: '+8613800001234', only: ['alibaba-chatapp'] }], providers: [provider] });
    expect(plan.providers[0]!.entries).toMatchObject([{ kind: 'skip', name: 'AcmeSupport', reason: expect.stringMatching(/cannot change name in place .* does not replace/) }]);
  });
});

describe("3. a replace keeps the old contact while its create cannot follow", () => {
  const receivers = Array.from({ length: 8 }, (_, n) => ({ name: `oncall-${n}`, email: `oncall${n}@example.com`, phone: `+86 139 0000 ${1000 + n}`, remark: 'first' }));
  const changed = receivers.map((receiver) => ({ ...receiver, remark: 'second' }));

  it('8 of the 10 daily creates used: the plan replaces 2, skips 6 saying why, and no receiver is lost', async () => {
    const provider = camProvider();
    for (const receiver of receivers) await provider.create(receiver);
    const { plan, report } = await syncContacts({ desired: changed, providers: [provider] });
    expect(plan.providers[0]!.entries.map((entry) => entry.kind)).toEqual(['replace', 'replace', 'skip', 'skip', 'skip', 'skip', 'skip', 'skip']);
    expect(plan.providers[0]!.warnings.join(' ')).toMatch(/needs 8 creates but 2 of the 10 CreateMessageReceiver calls per account per day are left today/);
    expect(report.summary).toEqual({ done: 2, unchanged: 0, skipped: 6, failed: 0 });
    expect(await provider.list().all()).toHaveLength(8);
  });

  it('a quota the plan could not see stops each replace before its delete', async () => {
    const shared = localQuotaStore();
    // A store that cannot say what is left: the plan goes by the limit, the reservation still holds.
    const blind: QuotaStore = { reserve: (request) => shared.reserve(request), exhaust: (request) => shared.exhaust(request) };
    const provider = camProvider({ quotaStore: blind });
    for (const receiver of receivers) await provider.create(receiver);
    const { plan, report } = await syncContacts({ desired: changed, providers: [provider], concurrency: 1 });
    expect(plan.providers[0]!.entries.filter((entry) => entry.kind === 'replace')).toHaveLength(8);
    expect(report.summary).toEqual({ done: 2, unchanged: 0, skipped: 0, failed: 6 });
    for (const result of report.results.filter((r) => r.status === 'failed')) {
      expect(result.error?.code).toBe('quota-exceeded');
      expect(result.restore).toBeUndefined();
    }
    expect(await provider.list().all()).toHaveLength(8);
    expect(cam.requests.filter((request) => request.action === 'DeleteMessageReceiver')).toHaveLength(2);
  });

  it('a create the vendor refuses after the delete leaves a result that restores the old receiver', async () => {
    const provider = camProvider({ quotas: false });
    await provider.create(receivers[0]!);
    cam.failNext({ kind: 'vendor-error', code: 'LimitExceeded.Uin', action: 'CreateMessageReceiver' });
    const { report } = await syncContacts({ desired: [changed[0]!], providers: [provider] });
    const [result] = report.results;
    expect(result).toMatchObject({ kind: 'replace', status: 'failed', error: { code: 'quota-exceeded' } });
    expect(result!.error!.message).toMatch(/the old contact was deleted/);
    // The vendor shows email and phone masked: the roster's values fit the masks, so they restore them.
    expect(result!.restore).toMatchObject({ input: { name: 'oncall-0', email: 'oncall0@example.com', phone: '+8613900001000', remark: 'first' }, unknown: [] });
    await provider.create(result!.restore!.input as typeof receivers[0]);
    expect((await provider.list().all()).map((receiver) => [receiver.name, receiver.remark])).toEqual([['oncall-0', 'first']]);
  });
});

describe("4. a person's phone never becomes a WhatsApp business number by default", () => {
  it("the README's roster (no providers list, no only) sends nothing to ChatApp and says why", async () => {
    const readme: DesiredContact = { name: 'Oncall-Alice', email: 'alice.zhang@example.com', phone: '+86 139 0000 1234', title: 'TechnicalDirector', messageTypes: ['FaultMessage'] };
    const { plan } = await syncContacts({ desired: [readme], providers: [chatappProvider(), camProvider()] });
    expect(kinds(plan)).toEqual([[], [['create', 'Oncall-Alice']]]);
    expect(plan.providers[0]!.warnings.join(' ')).toMatch(/takes only roster entries that name it .*1 that do not are not sent there/);
    expect(chatapp.requests.filter((request) => request.action === 'AddChatappPhoneNumber')).toHaveLength(0);
  });

  it('an entry that names ChatApp, in only or with an override, goes there', async () => {
    const desk: DesiredContact = { name: 'Support Desk', phone: '+65 8123 4567', only: ['alibaba-chatapp'] };
    const line: DesiredContact = { name: 'Sales Line', phone: '+65 8123 4568', providers: { 'alibaba-chatapp': { email: 'sales@acme.example' } } };
    const plan = await planSync({ desired: [desk, line], providers: [chatappProvider()] });
    expect(kinds(plan)).toEqual([[['create', 'Support Desk'], ['create', 'Sales Line']]]);
  });
});

describe('5. plans, entries, results and reports never show a secret', () => {
  const secrets = ['GENERICTOKEN444', 'VENDORTOKEN999', 'LARKSECRET777', 'abcdefACCESS'];

  it('what the vendor stores and what the roster wants print masked; applySync still sends the real values', async () => {
    const provider = vmpProvider();
    await provider.create({ name: 'oncall-hook', webhooks: { generic: { url: 'https://hooks.example.com/alert', token: 'VENDORTOKEN999' } } });
    const desired: DesiredContact[] = [
      { name: 'oncall-hook', webhooks: { generic: { url: 'https://hooks.example.com/alert', token: 'GENERICTOKEN444' } } },
      { name: 'oncall-new', webhooks: { lark: { url: 'https://open.feishu.cn/open-apis/bot/v2/hook/abcdefACCESS', secret: 'LARKSECRET777' } } },
    ];
    const plan = await planSync({ desired, providers: [provider] });
    expect(plan.providers[0]!.entries.map((entry) => entry.kind)).toEqual(['update', 'create']);
    const report = await applySync(plan);
    expect(report.ok).toBe(true);
    for (const printed of [JSON.stringify(plan), inspect(plan, { depth: 30 }), JSON.stringify(report), inspect(report, { depth: 30 }), JSON.stringify(plan.providers[0]!.entries[0])]) {
      for (const secret of secrets) expect(printed).not.toContain(secret);
    }
    expect(JSON.stringify(plan)).toContain('GEN***');
    const stored = await provider.list().all();
    expect(stored.find((contact) => contact.name === 'oncall-hook')!.webhooks!.generic!.token).toBe('GENERICTOKEN444');
    expect(stored.find((contact) => contact.name === 'oncall-new')!.webhooks!.lark!.secret).toBe('LARKSECRET777');
  });
});

describe('6. bad options are refused, never a sync that does nothing', () => {
  it('applySync refuses a concurrency that is not a whole number from 1, and unknown keys, before anything is sent', async () => {
    const plan = await planSync({ desired: [{ name: 'oncall-a', email: 'a@example.com' }], providers: [vmpProvider()] });
    const before = vmp.requests.length;
    for (const concurrency of [Number.NaN, 0, -1, 1.5, Number.POSITIVE_INFINITY]) {
      const error = await expectContactError(applySync(plan, { concurrency }), 'invalid-input');
      expect(error.issues?.[0]?.path).toBe('options.concurrency');
    }
    const unknown = await expectContactError(applySync(plan, { concurency: 2 } as never), 'invalid-input');
    expect(unknown.message).toMatch(/concurency/);
    await expectContactError(applySync({} as SyncPlan), 'invalid-input');
    await expectContactError(planSync({ desired: [], providers: [], prunne: true } as never), 'invalid-input');
    await expectContactError(syncContacts({ desired: [], providers: [], concurrency: 'abc' } as never), 'invalid-input');
    expect(vmp.requests.length).toBe(before);
  });
});

describe('7. a throwing listener stops, hides and reorders nothing', () => {
  const people = Array.from({ length: 12 }, (_, n) => ({ name: `oncall-${n}`, email: `oncall${n}@example.com` }));
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown): void => void rejections.push(reason);
  afterEach(() => {
    process.off('unhandledRejection', onRejection);
  });

  it('an onProgress that throws at the 4th of 12 creates: all 12 are made and reported, in order', async () => {
    let calls = 0;
    const { report } = await syncContacts({
      desired: people,
      providers: [vmpProvider()],
      onProgress: () => {
        calls += 1;
        if (calls >= 4) throw new Error('progress bar broke');
      },
    });
    expect(calls).toBe(12);
    expect(report.summary).toEqual({ done: 12, unchanged: 0, skipped: 0, failed: 0 });
    expect(report.results.map((result) => result.name)).toEqual(people.map((person) => person.name));
  });

  it('an onEvent and an onProgress returning rejected promises never reach the process', async () => {
    process.on('unhandledRejection', onRejection);
    const provider = vmpProvider({ onEvent: async (_event: ContactEvent) => Promise.reject(new Error('log shipper down')) });
    const { report } = await syncContacts({ desired: people.slice(0, 3), providers: [provider], onProgress: async () => Promise.reject(new Error('ui down')) });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(report.summary.done).toBe(3);
    expect(rejections).toEqual([]);
  });
});

describe('8. a change a mask hides is a warning, and can be forced', () => {
  it("CAM's alice@ -> alice.new@ (same mask) and a phone of the same mask plan unchanged with a warning each; replaceMasked replaces", async () => {
    const provider = camProvider();
    await provider.create({ name: 'oncall-alice', email: 'alice@example.com', phone: '+8613900001234' });
    const moved = { name: 'oncall-alice', email: 'alice.new@example.com', phone: '+8613955551234' };
    const plan = await planSync({ desired: [moved], providers: [provider] });
    const [entry] = plan.providers[0]!.entries;
    expect(entry).toMatchObject({ kind: 'unchanged' });
    expect(entry!.kind === 'unchanged' && entry!.warnings).toEqual([
      expect.stringMatching(/^cannot tell whether the email changed: tencent-cam shows it masked \(alic\*\*\*\*@example\.com\)/),
      expect.stringMatching(/^cannot tell whether the phone changed: tencent-cam shows it masked \(\+86 139\*\*\*\*1234\)/),
    ]);
    const forced = await syncContacts({ desired: [moved], providers: [provider], replaceMasked: ['oncall-alice'] });
    expect(forced.plan.providers[0]!.entries).toMatchObject([{ kind: 'replace', changes: [{ field: 'email', to: 'alice.new@example.com' }, { field: 'phone', to: '+8613955551234' }] }]);
    expect(forced.report.summary.done).toBe(1);
    expect(forced.report.results[0]!.contact).toMatchObject({ name: 'oncall-alice', email: 'alic****@example.com' });
  });
});

describe('9. a listing that repeats itself is not trusted', () => {
  const pages = { items: 1_000_000, times: 10_000 };

  it('CAM: the same receiver with TotalCount 1000000 is one receiver, after 2 requests', async () => {
    const receiver = { Uid: 100012345, Name: 'oncall-a', Remark: '', PhoneNumber: '+86 139****1234', Email: 'onca****@example.com', PhoneFlag: 0, EmailFlag: 0, CountryCode: '86' };
    cam.failNext({ kind: 'http-status', status: 200, action: 'ListReceiver', times: pages.times, body: JSON.stringify({ Response: { TotalCount: pages.items, Receivers: [receiver], RequestId: 'r-1' } }) });
    expect(await camProvider().list().all()).toHaveLength(1);
    expect(cam.requests).toHaveLength(2);
  });

  it('Resource Directory and VMP: the same contact on every page is one contact, after 2 requests', async () => {
    const contact = { ContactId: 'c-1', Name: 'OncallA', EmailAddress: 'a@example.com', Title: 'CEO', MessageTypes: ['FaultMessage'], Status: 'Active' };
    rd.failNext({ kind: 'http-status', status: 200, action: 'ListMessageContacts', times: pages.times, body: JSON.stringify({ RequestId: 'r', TotalCount: pages.items, Contacts: [contact] }) });
    expect(await rdProvider().list().all()).toHaveLength(1);
    expect(rd.requests).toHaveLength(2);
    const item = { Id: 'e28ae750-bbb8-4ff4-abf4-1e0e0f88808c', Name: 'oncall-a', Email: 'a@example.com' };
    vmp.failNext({ kind: 'http-status', status: 200, action: 'ListContacts', times: pages.times, body: JSON.stringify({ ResponseMetadata: { RequestId: 'r', Action: 'ListContacts', Version: '2021-03-03' }, Result: { Total: pages.items, Items: [item] } }) });
    expect(await vmpProvider().list().all()).toHaveLength(1);
    expect(vmp.requests).toHaveLength(2);
  });

  it('ChatApp: a number listed twice is one number', async () => {
    const number = { PhoneNumber: '8613800001234', VerifiedName: 'Acme', Status: 'CONNECTED' };
    chatapp.failNext({ kind: 'http-status', status: 200, action: 'ChatappSyncPhoneNumber', body: JSON.stringify({ Code: 'OK', RequestId: 'r', PhoneNumbers: [number, number] }) });
    expect(await chatappProvider().list().all()).toHaveLength(1);
  });

  it('a listing that contradicts itself (more contacts than its total) is invalid-response', async () => {
    const contact = (id: string) => ({ ContactId: id, Name: `Oncall${id}`, EmailAddress: 'a@example.com', Title: 'CEO', MessageTypes: ['FaultMessage'], Status: 'Active' });
    rd.failNext({ kind: 'http-status', status: 200, action: 'ListMessageContacts', body: JSON.stringify({ RequestId: 'r', TotalCount: 1, Contacts: [contact('a'), contact('b')] }) });
    const error = await expectContactError(rdProvider().list().all(), 'invalid-response');
    expect(error.message).toMatch(/contradicts itself: ListMessageContacts listed 2 different items but says it holds 1/);
  });
});

describe('10. a prefix owns only names that continue it after a separator', () => {
  it('prefix Oncall: prune deletes Oncall-Bob, leaves the hand-made OncallManager and Oncaller alone, and says so', async () => {
    const provider = camProvider();
    for (const name of ['Oncall-Bob', 'OncallManager', 'Oncaller', 'Oncall-Keep']) {
      await provider.create({ name, email: `${name.toLowerCase()}@example.com`, phone: '+8613900001234' });
    }
    const plan = await planSync({ desired: [{ name: 'Oncall-Keep', email: 'oncall-keep@example.com', phone: '+8613900001234' }], providers: [provider], prune: true, managed: { prefix: 'Oncall' } });
    expect(kinds(plan)).toEqual([[['unchanged', 'Oncall-Keep'], ['delete', 'Oncall-Bob']]]);
    expect(plan.providers[0]!.warnings.join(' ')).toMatch(/"OncallManager", "Oncaller" start with the managed prefix "Oncall" but no separator follows it/);
    await applySync(plan);
    expect((await provider.list().all()).map((receiver) => receiver.name).sort()).toEqual(['Oncall-Keep', 'OncallManager', 'Oncaller']);
  });

  it('the deletion guard stops a prune of most of what the roster manages, until raised', async () => {
    const provider = vmpProvider();
    for (let n = 0; n < 4; n += 1) await provider.create({ name: `Oncall-${n}`, email: `o${n}@example.com` });
    const guarded = await planSync({ desired: [{ name: 'Oncall-0', email: 'o0@example.com' }], providers: [provider], prune: true, managed: { prefix: 'Oncall' } });
    expect(guarded.providers[0]!.entries.map((entry) => entry.kind)).toEqual(['unchanged', 'skip', 'skip', 'skip']);
    expect(guarded.providers[0]!.warnings.join(' ')).toMatch(/deletion guard stops 3 deletes on volcengine-vmp: more than 50% of the 4/);
    const counted = await planSync({ desired: [], providers: [provider], prune: true, managed: { prefix: 'Oncall' }, deletionGuard: { maxCount: 2, maxShare: 1 } });
    expect(counted.providers[0]!.warnings.join(' ')).toMatch(/more than 2 \(raise it/);
    const raised = await syncContacts({ desired: [{ name: 'Oncall-0', email: 'o0@example.com' }], providers: [provider], prune: true, managed: { prefix: 'Oncall' }, deletionGuard: { maxShare: 0.75 } });
    expect(raised.report.summary).toMatchObject({ done: 3, failed: 0 });
  });
});
