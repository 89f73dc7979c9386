/**
 * What a sync costs in vendor calls, counted on each emulator's request log: plan and apply of 10
 * creates, updates, replaces and pruned deletes per provider, each the fewest the vendor allows
 * (a listing to plan, and per contact only what the listing lacks; one mutating call per change,
 * CAM's replace two; one listing for the ids of every create that returns none). A provider of
 * one's own without `syncOperations` still syncs, through the contract methods, at their cost.
 */
import { describe, expect, it } from 'vitest';
import { applySync, planSync } from '../../src/index.js';
import type { DesiredContact, SyncProvider } from '../../src/index.js';
import type { Emulator } from '../../src/testing/emulator-types.js';
import { alibabaChatApp } from '../../providers/alibaba-chatapp/index.js';
import { alibabaResourceDirectory } from '../../providers/alibaba-resource-directory/index.js';
import { tencentCam } from '../../providers/tencent-cam/index.js';
import { volcengineVmp } from '../../providers/volcengine-vmp/index.js';
import { expectContactError } from '../support/expect-contact-error.js';
import { useEmulator } from '../support/use-emulator.js';

const N = 10;
const cam = useEmulator('tencent-cam', { rateLimit: false, quotas: { createsPerDay: 1000, receivers: 1000 } });
const rd = useEmulator('alibaba-resource-directory');
const vmp = useEmulator('volcengine-vmp');
const chatapp = useEmulator('alibaba-chatapp');
const letters = (n: number) => String.fromCharCode(97 + n);

/** Vendor actions a plan and its apply sent, counted by action. */
async function costOf(emulator: Emulator, desired: DesiredContact[], provider: SyncProvider, extra: object = {}) {
  const start = emulator.requests.length;
  const plan = await planSync({ desired, providers: [provider], ...extra });
  const planned = emulator.requests.length;
  const report = await applySync(plan);
  expect(report.summary.failed).toBe(0);
  const count = (from: number, to: number) => {
    const counts: Record<string, number> = {};
    for (const request of emulator.requests.slice(from, to)) counts[request.action] = (counts[request.action] ?? 0) + 1;
    return counts;
  };
  return { kinds: plan.providers[0]!.entries.map((entry) => entry.kind), plan: count(start, planned), apply: count(planned, emulator.requests.length), report };
}

async function seed(provider: SyncProvider, people: readonly DesiredContact[]): Promise<void> {
  for (const { only: _only, ...input } of people) await provider.create(input);
}

const prune = (people: readonly DesiredContact[]) => ({ prune: true, managed: { names: people.map((person) => person.name) }, deletionGuard: { maxShare: 1 } });
const all = (kind: string) => Array.from({ length: N }, () => kind);

describe('tencent-cam', () => {
  const provider = () => tencentCam({ endpoint: cam.endpoint, credentials: cam.credentials, rateLimit: false, quotas: { createsPerDay: 1000 } });
  const people: DesiredContact[] = Array.from({ length: N }, (_, n) => ({ name: `oncall-${n}`, email: `p${n}@example.com`, phone: `+86 139 0000 ${1000 + n}`, remark: 'first' }));

  it('10 creates: one listing to plan, one CreateMessageReceiver each, one listing for every new Uid', async () => {
    const cost = await costOf(cam, people, provider());
    expect(cost.kinds).toEqual(all('create'));
    expect(cost.plan).toEqual({ ListReceiver: 1 });
    expect(cost.apply).toEqual({ CreateMessageReceiver: N, ListReceiver: 1 });
    // Creates run side by side, so the Uids come in any order: each result holds its own receiver.
    expect(cost.report.results.map((result) => result.contact?.id).sort()).toEqual(Array.from({ length: N }, (_, n) => String(100012345 + n)));
    for (const result of cost.report.results) expect(result.contact?.name).toBe(result.name);
  });

  it('10 replaces: a delete by the listed name and a create each, one listing for the new Uids', async () => {
    await seed(provider(), people);
    const cost = await costOf(cam, people.map((person) => ({ ...person, remark: 'second' })), provider());
    expect(cost.kinds).toEqual(all('replace'));
    expect(cost.plan).toEqual({ ListReceiver: 1 });
    expect(cost.apply).toEqual({ DeleteMessageReceiver: N, CreateMessageReceiver: N, ListReceiver: 1 });
  });

  it('10 pruned deletes: one DeleteMessageReceiver each, by the listed name', async () => {
    await seed(provider(), people);
    const cost = await costOf(cam, [], provider(), prune(people));
    expect(cost.kinds).toEqual(all('delete'));
    expect(cost.plan).toEqual({ ListReceiver: 1 });
    expect(cost.apply).toEqual({ DeleteMessageReceiver: N });
  });
});

describe('alibaba-resource-directory', () => {
  const provider = () => alibabaResourceDirectory({ endpoint: rd.endpoint, credentials: rd.credentials, rateLimit: false });
  const people: DesiredContact[] = Array.from({ length: N }, (_, n) => ({
    name: `Oncall${letters(n)}`,
    email: `p${n}@example.com`,
    phone: `+86 139 0000 ${1000 + n}`,
    title: 'TechnicalDirector',
    messageTypes: ['FaultMessage'],
  }));

  it('10 creates, updates and deletes: one listing to plan, one call each', async () => {
    expect(await costOf(rd, people, provider())).toMatchObject({ kinds: all('create'), plan: { ListMessageContacts: 1 }, apply: { AddMessageContact: N } });
    const updates = await costOf(rd, people.map((person) => ({ ...person, title: 'CEO' })), provider());
    expect(updates).toMatchObject({ kinds: all('update'), plan: { ListMessageContacts: 1 }, apply: { UpdateMessageContact: N } });
    expect(updates.report.results[0]!.contact).toMatchObject({ title: 'CEO', email: 'p0@example.com' });
    const deletes = await costOf(rd, [], provider(), prune(people));
    expect(deletes).toMatchObject({ kinds: all('delete'), plan: { ListMessageContacts: 1 }, apply: { DeleteMessageContact: N } });
  });

  it('a changed email: one verification listing for every contact, not a read of each; its update says the new email is pending', async () => {
    await seed(provider(), people);
    const cost = await costOf(rd, people.map((person) => ({ ...person, email: person.email!.replace('p', 'q') })), provider());
    expect(cost).toMatchObject({ kinds: all('update'), plan: { ListMessageContacts: 1, ListMessageContactVerifications: 1 }, apply: { UpdateMessageContact: N } });
    expect(cost.report.results[0]!.contact).toMatchObject({ email: 'q0@example.com', details: { pendingEmail: 'q0@example.com' } });
    expect(Object.keys(cost.plan)).toHaveLength(2);
    expect(Object.keys(cost.apply)).toHaveLength(1);
  });

  it('10 replaces (a phone Resource Directory cannot clear): a delete and a create each', async () => {
    await seed(provider(), people);
    const cost = await costOf(rd, people.map(({ phone: _phone, ...person }) => person), provider());
    expect(cost).toMatchObject({ kinds: all('replace'), apply: { DeleteMessageContact: N, AddMessageContact: N } });
    expect(Object.keys(cost.apply)).toHaveLength(2);
  });

  it("a provider without syncOperations (one's own) syncs through the contract methods, at their cost", async () => {
    const own: SyncProvider = { ...provider(), syncOperations: undefined } as unknown as SyncProvider;
    await seed(own, people);
    const cost = await costOf(rd, people.map((person) => ({ ...person, title: 'CEO' })), own);
    expect(cost).toMatchObject({ kinds: all('update'), plan: { ListMessageContacts: 1, GetMessageContact: N, ListMessageContactVerifications: N }, apply: { UpdateMessageContact: N, GetMessageContact: N } });
  });
});

describe('volcengine-vmp', () => {
  const provider = () => volcengineVmp({ endpoint: vmp.endpoint, credentials: vmp.credentials, rateLimit: false });
  const people: DesiredContact[] = Array.from({ length: N }, (_, n) => ({
    name: `oncall-${n}`,
    email: `p${n}@example.com`,
    webhooks: { lark: { url: `https://open.feishu.cn/open-apis/bot/v2/hook/h${n}`, secret: `lark-secret-${n}` }, wecom: { url: `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k${n}` } },
  }));

  it('10 creates, updates and deletes: one listing to plan, one call each; an update keeps the webhooks it does not change', async () => {
    expect(await costOf(vmp, people, provider())).toMatchObject({ kinds: all('create'), plan: { ListContacts: 1 }, apply: { CreateContact: N } });
    const changed = people.map((person) => ({ ...person, email: person.email!.replace('p', 'q') }));
    const updates = await costOf(vmp, changed, provider());
    expect(updates).toMatchObject({ kinds: all('update'), plan: { ListContacts: 1 }, apply: { UpdateContact: N } });
    expect(Object.keys(updates.apply)).toEqual(['UpdateContact']);
    const [stored] = await provider().list({ limit: 1 }).all();
    expect(stored).toMatchObject({ email: 'q0@example.com', webhooks: { lark: { secret: 'lark-secret-0' }, wecom: { url: expect.stringContaining('key=k0') } } });
    expect(await costOf(vmp, [], provider(), prune(people))).toMatchObject({ kinds: all('delete'), plan: { ListContacts: 1 }, apply: { DeleteContacts: N } });
  });
});

describe('alibaba-chatapp', () => {
  const provider = () => alibabaChatApp({ endpoint: chatapp.endpoint, credentials: chatapp.credentials, custSpaceId: chatapp.custSpaceId, rateLimit: false });
  const people: DesiredContact[] = Array.from({ length: N }, (_, n) => ({ name: `Desk ${n}`, phone: `+86138${String(n).padStart(8, '0')}`, email: `d${n}@acme.example`, only: ['alibaba-chatapp'] }));

  it('10 creates: the add and the profile email each, one listing for all; 10 without email: the add each', async () => {
    const cost = await costOf(chatapp, people, provider());
    expect(cost).toMatchObject({ kinds: all('create'), plan: { ChatappSyncPhoneNumber: 1 }, apply: { AddChatappPhoneNumber: N, ModifyPhoneBusinessProfile: N, ChatappSyncPhoneNumber: 1 } });
    expect(cost.report.results[0]!.contact).toMatchObject({ id: '8613800000000', email: 'd0@acme.example', status: 'pending-verification' });
    chatapp.reset();
    const bare = await costOf(chatapp, people.map(({ email: _email, ...person }) => person), provider());
    expect(bare.apply).toEqual({ AddChatappPhoneNumber: N, ChatappSyncPhoneNumber: 1 });
  });

  it('10 updates: the profiles the listing lacks read to plan, one ModifyPhoneBusinessProfile each', async () => {
    await seed(provider(), people);
    const cost = await costOf(chatapp, people.map((person) => ({ ...person, email: person.email!.replace('d', 'h') })), provider());
    expect(cost.kinds).toEqual(all('update'));
    expect(cost.plan).toEqual({ ChatappSyncPhoneNumber: 1, QueryPhoneBusinessProfile: N });
    expect(cost.apply).toEqual({ ModifyPhoneBusinessProfile: N });
  });

  it('10 pruned deletes: one request each for a number never registered, two for a registered one', async () => {
    await seed(provider(), people);
    const registered = people[0]!.phone!.slice(1);
    chatapp.setStatus(registered, 'CONNECTED');
    const cost = await costOf(chatapp, [], provider(), prune(people));
    expect(cost).toMatchObject({ kinds: all('delete'), plan: { ChatappSyncPhoneNumber: 1 }, apply: { ChatappPhoneNumberDeregister: N + 1 } });
  });

  it("a get's two reads go out side by side: the profile is asked while the listing hangs", async () => {
    await seed(provider(), people.slice(0, 1));
    chatapp.failNext({ kind: 'hang', action: 'ChatappSyncPhoneNumber' });
    const before = chatapp.requests.length;
    await expectContactError(provider().get('8613800000000', { timeoutMs: 300, maxRetries: 0 }), 'timeout');
    expect(chatapp.requests.slice(before).map((request) => request.action).sort()).toEqual(['ChatappSyncPhoneNumber', 'QueryPhoneBusinessProfile']);
  });
});

