/**
 * What VMP contacts and groups do through the public API, against the emulator: updates that
 * keep untouched webhooks, email and per-bot webhook verification, a group relation that both
 * sides agree on, partial-success deletes, and the get fallback.
 */
import { describe, expect, it } from 'vitest';
import { startEmulator } from '../../providers/testing.js';
import { expectContactError } from '../support/expect-contact-error.js';
import { useEmulator } from '../support/use-emulator.js';
import { providerFor } from './volcengine-vmp-fixtures.js';

const emulator = useEmulator('volcengine-vmp');

const lark = { url: 'https://open.feishu.cn/open-apis/bot/v2/hook/lark-1', secret: 'LarkSecret-1' };
const dingtalk = { url: 'https://oapi.dingtalk.com/robot/send?access_token=ding-1', secret: 'SECding-secret-1', atMobiles: ['13900001234'] };
const wecom = { url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=wecom-1', atUserIds: ['zhangsan'] };
const generic = { url: 'https://hooks.example.com/alert', token: 'generic-token-1' };

describe('update', () => {
  it('reads the contact and sends every channel, so webhooks the patch does not name are kept', async () => {
    const vmp = providerFor(emulator);
    const created = await vmp.create({ name: 'oncall', email: 'oncall@example.com', webhooks: { lark, dingtalk } });
    const afterCreate = emulator.requests.length;
    const updated = await vmp.update(created.id, { webhooks: { wecom } });
    expect(updated.webhooks).toEqual({ lark, dingtalk, wecom });
    const sent = JSON.parse(emulator.requests.find((r) => r.action === 'UpdateContact')!.body) as Record<string, unknown>;
    expect(sent).toMatchObject({
      Id: created.id,
      Name: 'oncall',
      Email: 'oncall@example.com',
      Webhook: { Address: '', Token: '' },
      LarkBotWebhook: { Address: lark.url, SecretKey: lark.secret },
      DingTalkBotWebhook: { Address: dingtalk.url, SecretKey: dingtalk.secret, AtMobiles: dingtalk.atMobiles, AtUserIds: [] },
      WeComBotWebhook: { Address: wecom.url, AtUserIds: wecom.atUserIds },
    });
    expect(emulator.requests.slice(afterCreate).map((r) => r.action)).toEqual(['GetContact', 'UpdateContact', 'GetContact']);
  });

  it('null removes one webhook kind, or the email, or every webhook', async () => {
    const vmp = providerFor(emulator);
    const created = await vmp.create({ name: 'oncall', email: 'oncall@example.com', webhooks: { lark, dingtalk, generic } });
    expect((await vmp.update(created.id, { webhooks: { dingtalk: null }, email: null })).webhooks).toEqual({ lark, generic });
    const cleared = await vmp.update(created.id, { webhooks: null, name: 'renamed' });
    expect(cleared).toMatchObject({ name: 'renamed', status: 'active' });
    expect(cleared.webhooks).toBeUndefined();
    expect(cleared.email).toBeUndefined();
  });

  it('refuses what VMP cannot store, and an empty patch, before any request', async () => {
    const vmp = providerFor(emulator);
    const created = await vmp.create({ name: 'oncall' });
    const before = emulator.requests.length;
    await expectContactError(vmp.update(created.id, { phone: '+8613900001234' } as never), 'unsupported');
    await expectContactError(vmp.update(created.id, {}), 'invalid-input');
    await expectContactError(vmp.update(created.id, { name: '1bad' }), 'invalid-input');
    expect(emulator.requests.length).toBe(before);
  });

  it('a taken name is already-exists, and an unknown id not-found', async () => {
    const vmp = providerFor(emulator);
    await vmp.create({ name: 'first' });
    const second = await vmp.create({ name: 'second' });
    expect((await expectContactError(vmp.update(second.id, { name: 'first' }), 'already-exists')).field).toBe('name');
    await expectContactError(vmp.update('00000000-0000-4000-8000-000000000000', { name: 'x' }), 'not-found');
  });
});

describe('sendVerification', () => {
  it("email: pending until the owner confirms; VMP's one-a-minute limit is rate-limited with retryAfterMs", async () => {
    let now = Date.now();
    const clocked = await startEmulator('volcengine-vmp', { rateLimit: false, now: () => new Date(now) });
    try {
      const vmp = providerFor(clocked);
      const created = await vmp.create({ name: 'oncall', email: 'oncall@example.com' });
      expect(created).toMatchObject({ status: 'pending-verification', verification: { email: 'pending' } });
      const tooSoon = await expectContactError(vmp.sendVerification(created.id, 'email'), 'rate-limited');
      expect(tooSoon.retryAfterMs).toBe(60_000);
      expect(tooSoon.message).toMatch(/once in 1 minute/);
      // Nothing was sent, so the error must not say a change was made.
      expect(tooSoon.message).not.toMatch(/already succeeded/);
      expect(tooSoon).toMatchObject({ field: 'email', vendor: { code: 'LimitExceeded.Email', httpStatus: 200 } });
      now += 61_000;
      expect(await vmp.sendVerification(created.id, 'email')).toEqual({ channel: 'email', status: 'sent', target: 'oncall@example.com' });
      expect(clocked.sentMails().map((mail) => mail.destination)).toEqual(['oncall@example.com', 'oncall@example.com']);
      clocked.confirmEmail('oncall@example.com');
      expect(await vmp.get(created.id)).toMatchObject({ status: 'active', verification: { email: 'verified' } });
      expect((await vmp.sendVerification(created.id, 'email')).status).toBe('already-verified');
      // A second contact with a confirmed address is active from the start.
      expect((await vmp.create({ name: 'twin', email: 'oncall@example.com' })).status).toBe('active');
    } finally {
      await clocked.close();
    }
  });

  it('email: a failed send is unavailable; a contact without an email has nothing to verify', async () => {
    const vmp = providerFor(emulator);
    emulator.failEmail('broken@example.com');
    const broken = await vmp.create({ name: 'broken', email: 'broken@example.com' });
    expect((await expectContactError(vmp.sendVerification(broken.id, 'email'), 'unavailable')).message).toMatch(/Failed to send/);
    const none = await vmp.create({ name: 'none' });
    expect((await expectContactError(vmp.sendVerification(none.id, 'email'), 'invalid-input')).field).toBe('email');
    expect((await expectContactError(vmp.sendVerification(none.id, 'webhook'), 'invalid-input')).field).toBe('webhooks');
    await expectContactError(vmp.sendVerification(none.id, 'phone'), 'unsupported');
  });

  it("webhook: each bot is tested, and each result carries the platform's own code, a 200 with an error code failing", async () => {
    const vmp = providerFor(emulator);
    emulator.setWebhookOutcome(dingtalk.url, { code: 310000, message: 'keywords not in content' });
    emulator.setWebhookOutcome(wecom.url, { error: 'dial tcp: connection refused' });
    const created = await vmp.create({ name: 'bots', webhooks: { generic, lark, dingtalk, wecom } });
    const result = await vmp.sendVerification(created.id, 'webhook');
    expect(result).toEqual({
      channel: 'webhook',
      status: 'sent',
      webhooks: [
        { kind: 'generic', delivered: true, httpStatus: 200, platformMessage: 'ok' },
        { kind: 'lark', delivered: true, httpStatus: 200, platformCode: '0', platformMessage: 'success' },
        { kind: 'dingtalk', delivered: false, httpStatus: 200, platformCode: '310000', platformMessage: 'keywords not in content' },
        { kind: 'wecom', delivered: false, error: 'dial tcp: connection refused' },
      ],
    });
    const tests = emulator.requests.filter((r) => r.action.startsWith('Test'));
    expect(tests.map((r) => r.action)).toEqual(['TestWebhook', 'TestLarkBotWebhook', 'TestDingTalkBotWebhook', 'TestWeComBotWebhook']);
    expect(JSON.parse(tests[2]!.body)).toEqual({ Address: dingtalk.url, SecretKey: dingtalk.secret, AtMobiles: dingtalk.atMobiles });
  });
});

describe('contact groups', () => {
  it('keep the relation consistent from both sides', async () => {
    const vmp = providerFor(emulator);
    const alice = await vmp.create({ name: 'alice' });
    const bob = await vmp.create({ name: 'bob' });
    const group = await vmp.createGroup({ name: 'sre', contactIds: [alice.id] });
    expect(group).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), name: 'sre', contactIds: [alice.id] });
    expect((await vmp.get(alice.id)).groupIds).toEqual([group.id]);

    await vmp.update(bob.id, { groupIds: [group.id] });
    expect((await vmp.getGroup(group.id)).contactIds).toEqual([alice.id, bob.id]);

    expect((await vmp.removeFromGroup(group.id, [alice.id])).contactIds).toEqual([bob.id]);
    expect((await vmp.get(alice.id)).groupIds).toBeUndefined();
    expect((await vmp.addToGroup(group.id, [alice.id, bob.id])).contactIds).toEqual([bob.id, alice.id]);

    await vmp.delete(bob.id);
    expect((await vmp.getGroup(group.id)).contactIds).toEqual([alice.id]);
    await vmp.deleteGroup(group.id);
    expect((await vmp.get(alice.id)).groupIds).toBeUndefined();
    await expectContactError(vmp.getGroup(group.id), 'not-found');
    await expectContactError(vmp.deleteGroup(group.id), 'not-found');
  });

  it('rename, list with a filter, refuse a taken name, and check ids before any request', async () => {
    const vmp = providerFor(emulator);
    const first = await vmp.createGroup({ name: 'team-a' });
    await vmp.createGroup({ name: 'team-b' });
    await vmp.createGroup({ name: 'other' });
    expect((await vmp.updateGroup(first.id, { name: 'team-aa' })).name).toBe('team-aa');
    expect((await vmp.listGroups({ name: 'team', pageSize: 1 }).all()).map((g) => g.name)).toEqual(['team-aa', 'team-b']);
    expect((await expectContactError(vmp.createGroup({ name: 'other' }), 'already-exists')).field).toBe('name');
    const before = emulator.requests.length;
    await expectContactError(vmp.createGroup({ name: '9' }), 'invalid-input');
    await expectContactError(vmp.createGroup({ name: 'x', contactIds: ['nope'] }), 'invalid-input');
    await expectContactError(vmp.addToGroup(first.id, []), 'invalid-input');
    await expectContactError(vmp.updateGroup(first.id, {}), 'invalid-input');
    await expectContactError(vmp.updateGroup(first.id, { nmae: 'x' } as never), 'invalid-input');
    expect(emulator.requests.length).toBe(before);
  });

  it('a group create whose answer was lost is settled by name, made once', async () => {
    const vmp = providerFor(emulator);
    emulator.failNext({ kind: 'reset-after-apply', action: 'CreateContactGroup' });
    const group = await vmp.createGroup({ name: 'lost' });
    expect((await vmp.listGroups().all()).map((g) => g.id)).toEqual([group.id]);
  });
});

describe('delete, get and list', () => {
  it('an id DeleteContacts reports unsuccessful is its own error, never a success; a retry that finds it gone is done', async () => {
    const vmp = providerFor(emulator, { maxRetries: 1 });
    const missing = await expectContactError(vmp.delete('00000000-0000-4000-8000-000000000000'), 'not-found');
    expect(missing.vendor).toMatchObject({ code: 'NotFound.Ids', httpStatus: 200 });
    const created = await vmp.create({ name: 'gone' });
    emulator.reset();
    const again = await vmp.create({ name: 'gone' });
    emulator.failNext({ kind: 'reset-after-apply', action: 'DeleteContacts' });
    await vmp.delete(again.id);
    expect(emulator.requests.filter((r) => r.action === 'DeleteContacts')).toHaveLength(2);
    await expectContactError(vmp.get(created.id), 'not-found');
  });

  it('get falls back to ListContacts filtered by id where the gateway has no GetContact', async () => {
    const vmp = providerFor(emulator);
    const created = await vmp.create({ name: 'fallback', webhooks: { lark } });
    emulator.failNext({ kind: 'vendor-error', code: 'InvalidActionOrVersion', action: 'GetContact', times: 2 });
    expect((await vmp.get(created.id)).webhooks).toEqual({ lark });
    expect(JSON.parse(emulator.requests.at(-1)!.body)).toMatchObject({ Filter: { Ids: [created.id] } });
    await expectContactError(vmp.get('00000000-0000-4000-8000-000000000000'), 'not-found');
  });

  it('list filters by parts of names and emails; findByName picks the exact name among the matches', async () => {
    const vmp = providerFor(emulator);
    await vmp.create({ name: 'oncall', email: 'a@ops.example.com' });
    await vmp.create({ name: 'oncall-backup', email: 'b@dev.example.com' });
    expect((await vmp.list({ name: 'oncall' }).all()).map((c) => c.name)).toEqual(['oncall', 'oncall-backup']);
    expect((await vmp.list({ email: 'dev.' }).all()).map((c) => c.name)).toEqual(['oncall-backup']);
    expect((await vmp.findByName('oncall'))?.email).toBe('a@ops.example.com');
    expect(await vmp.findByName('oncal')).toBeUndefined();
    await expectContactError(vmp.list({ name: '' }).all(), 'invalid-input');
  });
});
