/**
 * Targets: two objects of one provider (two accounts, two regions) in one plan, each named by its
 * `target` setting in every plan, entry, result, event and error; a roster's `only` and overrides
 * naming targets or provider ids; two targets of one name or one account and place refused before
 * anything is sent; targets applied side by side up to `targetConcurrency`.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { applySync, planSync, syncContacts } from '../../src/index.js';
import type { ContactEvent, DesiredContact, SyncResult } from '../../src/index.js';
import { tencentCam } from '../../providers/tencent-cam/index.js';
import { volcengineVmp } from '../../providers/volcengine-vmp/index.js';
import { alibabaChatApp } from '../../providers/alibaba-chatapp/index.js';
import { startEmulator } from '../../providers/testing.js';
import type { EmulatorMap } from '../../providers/testing.js';
import { expectContactError } from '../support/expect-contact-error.js';
import { cleanCredentialEnvironment, NOTHING_LISTENS } from '../support/credential-environment.js';

let prod: EmulatorMap['tencent-cam'];
let test: EmulatorMap['tencent-cam'];
let vmp: EmulatorMap['volcengine-vmp'];
let chatapp: EmulatorMap['alibaba-chatapp'];
beforeAll(async () => {
  const quotas = { createsPerDay: 1000, receivers: 1000 };
  // Two CAM accounts: each emulator accepts its own keys only.
  prod = await startEmulator('tencent-cam', { rateLimit: false, quotas, credentials: { accessKeyId: 'AKIDprodaccount0001', accessKeySecret: 'prod-secret-000000000001' } });
  test = await startEmulator('tencent-cam', { rateLimit: false, quotas, credentials: { accessKeyId: 'AKIDtestaccount0002', accessKeySecret: 'test-secret-000000000002' } });
  vmp = await startEmulator('volcengine-vmp', { rateLimit: false });
  chatapp = await startEmulator('alibaba-chatapp', { rateLimit: false });
});
afterAll(async () => {
  await Promise.all([prod.close(), test.close(), vmp.close(), chatapp.close()]);
});
beforeEach(() => {
  for (const emulator of [prod, test, vmp, chatapp]) emulator.reset();
});

const cam = (emulator: EmulatorMap['tencent-cam'], target: string, extra: object = {}) =>
  tencentCam({ endpoint: emulator.endpoint, credentials: emulator.credentials, target, rateLimit: false, quotas: { createsPerDay: 1000 }, maxRetries: 0, ...extra });

const alice: DesiredContact = { name: 'oncall-alice', email: 'alice@example.com', phone: '+86 139 0000 1234', only: ['tencent-cam'] };
const bob: DesiredContact = { name: 'oncall-bob', email: 'bob@example.com', phone: '+86 139 0000 5678', only: ['cam-prod'] };
const carol: DesiredContact = {
  name: 'oncall-carol',
  email: 'carol@example.com',
  phone: '+86 139 0000 9012',
  // The provider's override first, then the target's own on top.
  providers: { 'tencent-cam': { remark: 'every CAM account' }, 'cam-test': { remark: 'staging only', name: 'oncall-carol-test' } },
};

const byTarget = (results: readonly SyncResult[]) => results.map((result) => [result.target, result.provider, result.name, result.status]);

describe('two accounts of one provider are two targets', () => {
  it('plans and applies each target on its own, every plan, entry and result saying target and provider', async () => {
    const providers = [cam(prod, 'cam-prod'), cam(test, 'cam-test')];
    const plan = await planSync({ desired: [alice, bob, carol], providers });
    expect(plan.providers.map((p) => [p.target, p.id])).toEqual([
      ['cam-prod', 'tencent-cam'],
      ['cam-test', 'tencent-cam'],
    ]);
    expect(plan.providers.map((p) => p.entries.map((entry) => [entry.kind, entry.name]))).toEqual([
      [
        ['create', 'oncall-alice'],
        ['create', 'oncall-bob'],
        ['create', 'oncall-carol'],
      ],
      // Bob's `only` names cam-prod: cam-test does not plan him at all.
      [
        ['create', 'oncall-alice'],
        ['create', 'oncall-carol-test'],
      ],
    ]);
    expect(JSON.parse(JSON.stringify(plan.providers[1]))).toMatchObject({ id: 'tencent-cam', target: 'cam-test' });
    const report = await applySync(plan);
    expect(byTarget(report.results)).toEqual([
      ['cam-prod', 'tencent-cam', 'oncall-alice', 'done'],
      ['cam-prod', 'tencent-cam', 'oncall-bob', 'done'],
      ['cam-prod', 'tencent-cam', 'oncall-carol', 'done'],
      ['cam-test', 'tencent-cam', 'oncall-alice', 'done'],
      ['cam-test', 'tencent-cam', 'oncall-carol-test', 'done'],
    ]);
    // Each account holds what the roster gave it, and nothing of the other's.
    expect((await cam(prod, 'cam-prod').list().all()).map((c) => [c.name, c.remark])).toEqual([
      ['oncall-alice', undefined],
      ['oncall-bob', undefined],
      ['oncall-carol', 'every CAM account'],
    ]);
    expect((await cam(test, 'cam-test').list().all()).map((c) => [c.name, c.remark])).toEqual([
      ['oncall-alice', undefined],
      ['oncall-carol-test', 'staging only'],
    ]);
    const again = await syncContacts({ desired: [alice, bob, carol], providers });
    expect(again.report.summary).toEqual({ done: 0, unchanged: 5, skipped: 0, failed: 0 });
  });

  describe('with keys from profiles', () => {
    afterEach(() => vi.unstubAllEnvs());
    it("two targets, each its own profile of the vendor CLI's file, as the README shows", async () => {
      const home = cleanCredentialEnvironment();
      const profile = (name: string, keys: { accessKeyId: string; accessKeySecret: string }) => `[${name}]\nsecret_id = ${keys.accessKeyId}\nsecret_key = ${keys.accessKeySecret}\n`;
      home.write('.tencentcloud/credentials', `${profile('prod', prod.credentials)}\n${profile('test', test.credentials)}`);
      const reach = { rateLimit: false, quotas: { createsPerDay: 1000 }, metadataEndpoint: NOTHING_LISTENS } as const;
      const providers = [tencentCam({ profile: 'prod', target: 'cam-prod', endpoint: prod.endpoint, ...reach }), tencentCam({ profile: 'test', target: 'cam-test', endpoint: test.endpoint, ...reach })];
      const { report } = await syncContacts({ desired: [alice, bob], providers });
      expect(byTarget(report.results)).toEqual([
        ['cam-prod', 'tencent-cam', 'oncall-alice', 'done'],
        ['cam-prod', 'tencent-cam', 'oncall-bob', 'done'],
        ['cam-test', 'tencent-cam', 'oncall-alice', 'done'],
      ]);
      // Two profiles are two places, even at one endpoint; one profile twice is one.
      await expectContactError(planSync({ desired: [], providers: [tencentCam({ profile: 'prod', target: 'a', ...reach }), tencentCam({ profile: 'prod', target: 'b', ...reach })] }), 'invalid-config');
    });
  });

  it('events and errors name the target; a provider left unnamed is its provider id', async () => {
    const events: ContactEvent[] = [];
    const named = cam(prod, 'cam-prod', { onEvent: (event: ContactEvent) => events.push(event) });
    const unnamed = cam(test, undefined as unknown as string, { onEvent: (event: ContactEvent) => events.push(event) });
    expect(unnamed.settings.target).toBe('tencent-cam');
    await named.list().all();
    await unnamed.list().all();
    expect([...new Set(events.map((event) => `${event.provider}/${event.target}`))]).toEqual(['tencent-cam/cam-prod', 'tencent-cam/tencent-cam']);
    prod.failNext({ kind: 'vendor-error', code: 'AuthFailure.SignatureFailure' });
    const error = await expectContactError(named.list().all(), 'unauthenticated');
    expect(error.target).toBe('cam-prod');
    expect(error.message).toMatch(/^tencent-cam cam-prod list: /);
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ provider: 'tencent-cam', target: 'cam-prod' });
    test.failNext({ kind: 'vendor-error', code: 'AuthFailure.SignatureFailure' });
    const plain = await expectContactError(unnamed.list().all(), 'unauthenticated');
    expect(plain.target).toBeUndefined();
    expect(plain.message).toMatch(/^tencent-cam list: /);
  });

  it('a failed listing fails its target alone, and the report says which', async () => {
    test.failNext({ kind: 'vendor-error', code: 'AuthFailure.SignatureFailure' });
    const { plan, report } = await syncContacts({ desired: [alice], providers: [cam(prod, 'cam-prod'), cam(test, 'cam-test')] });
    expect(plan.providers[1]!.error).toMatchObject({ code: 'unauthenticated', target: 'cam-test' });
    expect(byTarget(report.results)).toEqual([
      ['cam-prod', 'tencent-cam', 'oncall-alice', 'done'],
      ['cam-test', 'tencent-cam', '*', 'failed'],
    ]);
  });

  it('ChatApp takes only entries naming that target or its provider', async () => {
    const space = (chatapp as { custSpaceId: string }).custSpaceId;
    const numbers = [
      { name: 'Desk One', phone: '+8613800000001', only: ['wa-main'] },
      { name: 'Desk Two', phone: '+8613800000002', only: ['alibaba-chatapp'] },
      { name: 'Desk Three', phone: '+8613800000003', providers: { 'wa-main': { name: 'Desk 3' } } },
      { name: 'Not a number', email: 'person@example.com' },
    ];
    const whatsapp = alibabaChatApp({ endpoint: chatapp.endpoint, credentials: chatapp.credentials, custSpaceId: space, target: 'wa-main', rateLimit: false });
    const plan = await planSync({ desired: numbers, providers: [whatsapp] });
    expect(plan.providers[0]!.entries.map((entry) => [entry.kind, entry.name])).toEqual([
      ['create', 'Desk One'],
      ['create', 'Desk Two'],
      ['create', 'Desk 3'],
    ]);
    expect(plan.providers[0]!.warnings.join(' ')).toMatch(/wa-main takes only roster entries that name it or alibaba-chatapp .*: 1 that do not/);
  });
});

describe('targets that would sync the same contacts twice are refused, before anything is sent', () => {
  it('two provider objects with one target name', async () => {
    const error = await expectContactError(planSync({ desired: [alice], providers: [cam(prod, 'cam'), cam(test, 'cam')] }), 'invalid-config');
    expect(error.message).toMatch(/providers\[1\].* is target cam too, like providers\[0\]: give each provider object its own target setting/);
    const unnamed = await expectContactError(syncContacts({ desired: [alice], providers: [cam(prod, 'tencent-cam'), cam(test, undefined as unknown as string)] }), 'invalid-config');
    expect(unnamed.message).toMatch(/is target tencent-cam too/);
    expect(prod.requests.length + test.requests.length).toBe(0);
  });

  it('two targets of one account and place: same provider, endpoint, region or space, and keys', async () => {
    const error = await expectContactError(planSync({ desired: [alice], providers: [cam(prod, 'cam-a'), cam(prod, 'cam-b')] }), 'invalid-config', {
      secrets: [prod.credentials.accessKeyId, prod.credentials.accessKeySecret],
    });
    expect(error.message).toContain(`(target cam-b) reaches the same account and place as target cam-a (tencent-cam at ${prod.endpoint}, keys from the settings)`);
    // CAM is global: a region does not make another place.
    await expectContactError(planSync({ desired: [alice], providers: [cam(prod, 'cam-a', { region: 'ap-guangzhou' }), cam(prod, 'cam-b', { region: 'ap-beijing' })] }), 'invalid-config');
    expect(prod.requests).toHaveLength(0);
    // VMP's contacts live in a region: two regions of one account are two places.
    const region = (name: string, target: string) => volcengineVmp({ endpoint: vmp.endpoint, credentials: vmp.credentials, region: name, target, rateLimit: false });
    const plan = await planSync({ desired: [], providers: [region('cn-beijing', 'vmp-bj'), region('cn-shanghai', 'vmp-sh')] });
    expect(plan.providers.map((p) => p.target)).toEqual(['vmp-bj', 'vmp-sh']);
    await expectContactError(planSync({ desired: [], providers: [region('cn-beijing', 'vmp-1'), region('cn-beijing', 'vmp-2')] }), 'invalid-config');
  });

  it('a target named after another provider, or not a name at all, is a settings error', async () => {
    const other = await expectContactError(Promise.resolve().then(() => cam(prod, 'volcengine-vmp')), 'invalid-config');
    expect(other.message).toMatch(/settings\.target.* is another provider's id/);
    const bad = await expectContactError(Promise.resolve().then(() => cam(prod, 'cam prod!')), 'invalid-config');
    expect(bad.message).toMatch(/settings\.target.* must be 1 to 64 letters, digits/);
  });

  it('refuses a bad targetConcurrency before anything is read', async () => {
    await expectContactError(planSync({ desired: [alice], providers: [cam(prod, 'cam-prod')], targetConcurrency: 0 }), 'invalid-input');
    const plan = await planSync({ desired: [alice], providers: [cam(prod, 'cam-prod')] });
    const before = prod.requests.length;
    await expectContactError(applySync(plan, { targetConcurrency: 1.5 }), 'invalid-input');
    expect(prod.requests.length).toBe(before);
  });
});

describe('targets side by side', () => {
  it('targetConcurrency bounds the targets in flight: at 1, each target finishes before the next starts', async () => {
    const events: Array<{ target: string; type: string }> = [];
    const onEvent = (event: ContactEvent) => void events.push({ target: event.target, type: event.type });
    const providers = [cam(prod, 'cam-prod', { onEvent }), cam(test, 'cam-test', { onEvent })];
    const desired = Array.from({ length: 6 }, (_, n) => ({ name: `person-${n}`, email: `p${n}@example.com`, phone: `+86 139 0000 ${1000 + n}` }));
    const plan = await planSync({ desired, providers, targetConcurrency: 1 });
    const planned = events.splice(0).map((event) => event.target);
    expect(planned.indexOf('cam-test')).toBeGreaterThan(planned.lastIndexOf('cam-prod'));
    await applySync(plan, { targetConcurrency: 1 });
    const applied = events.map((event) => event.target);
    expect(applied.indexOf('cam-test')).toBeGreaterThan(applied.lastIndexOf('cam-prod'));
    // By default they overlap: the second target's first request comes before the first target's last.
    for (const emulator of [prod, test]) emulator.reset();
    events.length = 0;
    await syncContacts({ desired, providers });
    const together = events.map((event) => event.target);
    expect(together.indexOf('cam-test')).toBeLessThan(together.lastIndexOf('cam-prod'));
  });
});
