/**
 * The sync rules that depend on what a vendor does: a daily create quota the plan would exceed,
 * masked values compared by their mask, a pending verification that is not a change, one roster
 * projected onto several providers with overrides and limits, and roster files checked with
 * messages naming the entry and the field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySync, checkRoster, localQuotaStore, parseRoster, planSync, syncContacts } from '../../src/index.js';
import type { DesiredContact } from '../../src/index.js';
import { alibabaResourceDirectory } from '../../providers/alibaba-resource-directory/index.js';
import { tencentCam } from '../../providers/tencent-cam/index.js';
import { startEmulator } from '../../providers/testing.js';
import type { EmulatorMap } from '../../providers/testing.js';
import { expectContactError } from '../support/expect-contact-error.js';

let cam: EmulatorMap['tencent-cam'];
let rd: EmulatorMap['alibaba-resource-directory'];
beforeAll(async () => {
  cam = await startEmulator('tencent-cam', { rateLimit: false });
  rd = await startEmulator('alibaba-resource-directory', { rateLimit: false });
});
afterAll(async () => {
  await cam.close();
  await rd.close();
});
const camProvider = () => tencentCam({ endpoint: cam.endpoint, credentials: cam.credentials, rateLimit: false, quotas: false });
const rdProvider = () => alibabaResourceDirectory({ endpoint: rd.endpoint, credentials: rd.credentials, rateLimit: false });

describe('sync against what vendors do', () => {
  it("plans no more creates than CAM's 10 a day, and says so before anything runs", async () => {
    cam.reset();
    const desired = Array.from({ length: 12 }, (_, n) => ({ name: `person-${n}`, email: `p${n}@example.com`, phone: `+86 139 0000 ${1000 + n}` }));
    const plan = await planSync({ desired, providers: [tencentCam({ endpoint: cam.endpoint, credentials: cam.credentials, rateLimit: false })] });
    const entries = plan.providers[0]!.entries;
    expect(entries.filter((entry) => entry.kind === 'create')).toHaveLength(10);
    expect(entries.filter((entry) => entry.kind === 'skip').map((entry) => entry.kind === 'skip' && entry.reason)).toEqual([
      expect.stringMatching(/would exceed the 10 CreateMessageReceiver calls/),
      expect.stringMatching(/would exceed the 10/),
    ]);
    expect(plan.providers[0]!.warnings.join(' ')).toMatch(/needs 12 creates but the vendor allows 10/);
    const report = await applySync(plan);
    expect(report.summary).toEqual({ done: 10, unchanged: 0, skipped: 2, failed: 0 });
  });

  it("plans by the account's own daily quota when the provider's quotas setting gives one", async () => {
    cam.reset();
    const desired = Array.from({ length: 12 }, (_, n) => ({ name: `person-${n}`, email: `p${n}@example.com`, phone: `+86 139 0000 ${1000 + n}` }));
    // A store of its own: the shared one counts the creates the test before made on this account today.
    const raised = tencentCam({ endpoint: cam.endpoint, credentials: cam.credentials, rateLimit: false, quotas: { createsPerDay: 12 }, quotaStore: localQuotaStore() });
    const plan = await planSync({ desired, providers: [raised] });
    expect(plan.providers[0]!.entries.filter((entry) => entry.kind === 'create')).toHaveLength(12);
    expect(plan.providers[0]!.warnings).toEqual([]);
    const lowered = tencentCam({ endpoint: cam.endpoint, credentials: cam.credentials, rateLimit: false, quotas: { createsPerDay: 3 }, quotaStore: localQuotaStore() });
    const small = await planSync({ desired, providers: [lowered] });
    expect(small.providers[0]!.entries.filter((entry) => entry.kind === 'create')).toHaveLength(3);
    expect(small.providers[0]!.warnings.join(' ')).toMatch(/needs 12 creates but the vendor allows 3/);
  });

  it('compares what CAM only shows masked by its mask', async () => {
    cam.reset();
    const wanted = { name: 'masked', email: 'masked.person@example.com', phone: '+86 139 0000 1234' };
    await syncContacts({ desired: [wanted], providers: [camProvider()] });
    const same = await planSync({ desired: [wanted], providers: [camProvider()] });
    expect(same.providers[0]!.entries[0]).toMatchObject({ kind: 'unchanged' });
    const other = await planSync({ desired: [{ ...wanted, phone: '+86 188 0000 5678' }], providers: [camProvider()] });
    expect(other.providers[0]!.entries[0]).toMatchObject({ kind: 'replace', changes: [{ field: 'phone', from: '+86 139****1234', to: '+8618800005678' }] });
  });

  it('an email waiting for its owner to confirm it is not a change', async () => {
    rd.reset();
    const provider = rdProvider();
    const wanted = { name: 'Pending', email: 'first@example.com', title: 'Other' as const, messageTypes: ['FaultMessage' as const] };
    const created = await provider.create(wanted);
    await provider.sendVerification(created.id, 'email');
    rd.confirmVerification(created.id, 'first@example.com');
    await provider.update(created.id, { email: 'second@example.com' });
    expect((await provider.get(created.id)).email).toBe('first@example.com');
    const plan = await planSync({ desired: [{ ...wanted, email: 'second@example.com' }], providers: [provider] });
    expect(plan.providers[0]!.entries[0]).toMatchObject({ kind: 'unchanged' });
  });

  it('projects one roster onto each provider: overrides, limits, fields a provider cannot hold', async () => {
    cam.reset();
    rd.reset();
    const desired: DesiredContact[] = [
      {
        name: 'oncall-alice',
        email: 'alice@example.com',
        phone: '+86 139 0000 1234',
        title: 'TechnicalDirector',
        messageTypes: ['FaultMessage'],
        remark: 'primary',
        providers: { 'alibaba-resource-directory': { name: 'OncallAlice', remark: null } },
      },
      { name: 'cam-only', email: 'cam@example.com', phone: '+86 139 0000 4321', only: ['tencent-cam'] },
    ];
    const { plan, report } = await syncContacts({ desired, providers: [camProvider(), rdProvider()] });
    const [camPlan, rdPlan] = plan.providers;
    expect(camPlan!.entries.map((entry) => [entry.kind, entry.name])).toEqual([['create', 'oncall-alice'], ['create', 'cam-only']]);
    expect(camPlan!.entries[0]!.kind === 'create' && camPlan!.entries[0]!.warnings).toEqual([
      expect.stringMatching(/^title is not stored by tencent-cam/),
      expect.stringMatching(/^messageTypes is not stored by tencent-cam/),
    ]);
    expect(rdPlan!.entries.map((entry) => [entry.kind, entry.name])).toEqual([['create', 'OncallAlice']]);
    expect(rdPlan!.entries[0]!.kind === 'create' && rdPlan!.entries[0]!.warnings).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('a provider whose listing fails gets a plan with that error; the others go ahead', async () => {
    cam.reset();
    rd.reset();
    cam.failNext({ kind: 'vendor-error', code: 'AuthFailure.SignatureFailure', action: 'ListReceiver' });
    const { plan, report } = await syncContacts({
      desired: [{ name: 'Both', email: 'both@example.com', phone: '+8613900001234', title: 'Other', messageTypes: ['FaultMessage'] }],
      providers: [camProvider(), rdProvider()],
    });
    expect(plan.providers[0]!.error?.code).toBe('unauthenticated');
    expect(report.results.map((result) => [result.provider, result.status])).toEqual([
      ['tencent-cam', 'failed'],
      ['alibaba-resource-directory', 'done'],
    ]);
  });
});

describe('roster files', () => {
  it('reads YAML and JSON rosters', async () => {
    const yaml = await parseRoster('managed:\n  prefix: oncall-\ncontacts:\n  - name: oncall-a\n    email: a@example.com\n');
    const json = await parseRoster('{"managed":{"prefix":"oncall-"},"contacts":[{"name":"oncall-a","email":"a@example.com"}]}');
    expect(yaml).toEqual(json);
    expect(yaml.contacts[0]).toEqual({ name: 'oncall-a', email: 'a@example.com' });
  });

  it('names the entry and the field of every problem', async () => {
    const error = await expectContactError(
      parseRoster(`
contacts:
  - name: Alice
    email: not-an-email
  - name: Bob
    phone: "13900001234"
    only: [mars-cloud]
    providers:
      alibaba-resource-directory: { titel: CEO }
  - email: nameless@example.com
colour: blue
`),
      'invalid-input',
    );
    const messages = (error.issues ?? []).map((issue) => issue.message);
    expect(messages).toEqual([
      'colour is not a roster key (known: version, targets, managed, providers, contacts, $comment) (line 11, column 1)',
      'contacts[0] ("Alice"): field email must be a valid email address, such as ops@example.com (line 4, column 12)',
      'contacts[1] ("Bob"): field phone must include the country code, such as +86 139 0000 1234 or 0086 13900001234 (line 6, column 12)',
      'contacts[1] ("Bob"): field only names "mars-cloud", which is not a provider (known: tencent-cam, alibaba-resource-directory, volcengine-vmp, alibaba-chatapp) (line 7, column 11)',
      'contacts[1] ("Bob"): field providers.alibaba-resource-directory.titel is not a known field (did you mean "title"?) (line 9, column 37)',
      'contacts[2]: field name is required (line 10, column 5)',
    ]);
    expect(error.message).toBe(`roster: the roster has 6 problems; the first: ${messages[0]}`);
  });

  it('refuses text that is not YAML or JSON, and a roster without contacts', async () => {
    await expectContactError(parseRoster('contacts: [unclosed'), 'invalid-input');
    await expectContactError(parseRoster('{"contacts": 5}'), 'invalid-input');
    expect(() => checkRoster([])).toThrow(/contacts list/);
  });
});
