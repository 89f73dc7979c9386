/**
 * `status` and `verify --pending` against the four emulators in every state a contact can be in:
 * CAM's verification flags set and unset, Resource Directory's contacts waiting for confirmation
 * and confirmed, VMP's email waiting and active, a DingTalk bot that answers HTTP 200 with its
 * own error code, a ChatApp number disconnected and one not yet registered, a person the cloud
 * lacks. The human grid and the JSON are checked, the exit code follows who is on call, and
 * `verify --pending` sends exactly what waits, stopping where the day's allowance ends.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRoster, reachability, sendPendingVerifications, syncContacts } from '../src/index.js';
import type { ReachabilityReport, SyncProvider } from '../src/index.js';
import { tencentCam } from '../providers/tencent-cam/index.js';
import { clock, startClouds } from './support/people-clouds.js';
import type { Clouds } from './support/people-clouds.js';
import { runBuiltCli, writeRoster } from './support/run-cli.js';

const LARK = 'https://open.feishu.cn/open-apis/bot/v2/hook/alice-hook-0001';
const DINGTALK = 'https://oapi.dingtalk.com/robot/send?access_token=ALICEDINGTALK0001';
const SECRETS = { ALICE_LARK_SECRET: 'SEClarkAliceStatus01' };

const ROSTER = `version: 1
providers: [tencent-cam, alibaba-resource-directory, volcengine-vmp, alibaba-chatapp]
contacts:
  - name: Oncall-Alice
    oncall: true
    email: alice@example.com
    phone: +86 139 0000 1234
    title: TechnicalDirector
    messageTypes: [FaultMessage]
    webhooks:
      lark: { url: "${LARK}", secret: { env: ALICE_LARK_SECRET } }
      dingtalk: { url: "${DINGTALK}" }
    only: [tencent-cam, alibaba-resource-directory, volcengine-vmp]
    providers:
      alibaba-resource-directory: { name: OncallAlice }
  - name: Oncall-Bob
    oncall: true
    email: bob@example.com
    phone: +86 186 1234 3509
    title: MaintenanceDirector
    messageTypes: [FaultMessage]
    only: [tencent-cam, alibaba-resource-directory, volcengine-vmp]
    providers:
      alibaba-resource-directory: { name: OncallBob }
  - name: Support Desk
    phone: +65 8123 4567
    only: [alibaba-chatapp]
  - name: Sales Line
    phone: +65 8123 7654
    only: [alibaba-chatapp]
  - name: Carol
    email: carol@example.com
    only: [volcengine-vmp]
`;

let clouds: Clouds;
let folder: string;
let path: string;

/**
 * The clouds as the roster left them, then as people and platforms moved on: Alice confirmed her
 * email and phone in CAM and her email in Resource Directory and VMP; her DingTalk bot refuses
 * messages (errcode 310000 in HTTP 200); the support desk's number was registered, then
 * disconnected; the sales line was never registered; Bob confirmed nothing; Carol is nowhere.
 */
async function setUp(): Promise<void> {
  const roster = await parseRoster(ROSTER, { environment: SECRETS });
  const providers = clouds.providers();
  const [cam, rd, , chatapp] = providers as [SyncProvider, SyncProvider, SyncProvider, SyncProvider & ChatAppRegistration];
  const { report } = await syncContacts({ desired: roster.contacts.filter((contact) => contact.name !== 'Carol'), providers });
  expect(report.ok).toBe(true);
  const alice = (await cam.findByName('Oncall-Alice'))!;
  clouds.cam.verifyReceiver(alice.id, 'email');
  clouds.cam.verifyReceiver(alice.id, 'phone');
  const rdAlice = (await rd.findByName('OncallAlice'))!;
  await rd.sendVerification(rdAlice.id, 'email');
  clouds.rd.confirmVerification(rdAlice.id, 'alice@example.com');
  clouds.vmp.confirmEmail('alice@example.com');
  clouds.vmp.setWebhookOutcome(DINGTALK, { code: 310000, message: 'keywords not in content' });
  await chatapp.sendVerification('6581234567', 'phone');
  await chatapp.verifyAndRegister('6581234567', clouds.chatapp.verificationCode('6581234567')!);
  clouds.chatapp.setStatus('6581234567', 'DISCONNECTED');
}

/** What the ChatApp provider adds, typed by shape. */
interface ChatAppRegistration {
  verifyAndRegister(id: string, code: string): Promise<unknown>;
}

beforeAll(async () => {
  // Resource Directory sends 3 verification messages a day here: the set-up uses one.
  clouds = await startClouds({ verificationsPerDay: 3 });
  folder = mkdtempSync(join(tmpdir(), 'cloud-contacts-status-'));
  path = writeRoster(folder, ROSTER);
  await setUp();
});
afterAll(async () => {
  await clouds.close();
  rmSync(folder, { recursive: true, force: true });
});

const cli = (args: string[]) => runBuiltCli(args, { cwd: folder, env: { ...clouds.env, ...SECRETS } });
/** Dates change with every run: printed output is compared without them. */
const withoutDates = (text: string): string => text.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)/g, '<date>').replaceAll(folder, '<folder>');

/** Each person's channels per target, as `target channel state`. */
function states(report: ReachabilityReport, name: string): string[] {
  const person = report.people.find((candidate) => candidate.name === name)!;
  return person.targets.flatMap((target) => (target.wanted ? target.channels.map((channel) => `${target.target} ${channel.channel} ${channel.state}`) : []));
}

describe('reachability', () => {
  it('names each target and its provider: a provider object named cam-prod is the target cam-prod of tencent-cam, and `only` reaches it by name', async () => {
    const camProd = tencentCam({ endpoint: clouds.cam.endpoint, credentials: clouds.cam.credentials, target: 'cam-prod' });
    const [, rd] = clouds.providers() as [SyncProvider, SyncProvider];
    const desired = [{ name: 'Oncall-Target', email: 'target@example.com', only: ['cam-prod'] }];
    const report = await reachability({ desired, providers: [camProd, rd] });
    expect(report.targets.map((target) => `${target.target} ${target.provider}`)).toEqual(['cam-prod tencent-cam', 'alibaba-resource-directory alibaba-resource-directory']);
    const person = report.people[0]!;
    expect(person.targets.map((target) => `${target.target} ${target.wanted}`)).toEqual(['cam-prod true', 'alibaba-resource-directory false']);
    expect(states(report, 'Oncall-Target')).toEqual(['cam-prod email missing']);
  });

  it('says per person, target and channel: reachable, pending since when, failing with the vendor reason, missing, not-supported', async () => {
    const roster = await parseRoster(ROSTER, { environment: SECRETS });
    const report = await reachability({ desired: roster.contacts, providers: clouds.providers(), testWebhooks: true });
    expect(states(report, 'Oncall-Alice')).toEqual([
      'tencent-cam email reachable',
      'tencent-cam phone reachable',
      'tencent-cam webhooks.lark not-supported',
      'tencent-cam webhooks.dingtalk not-supported',
      'alibaba-resource-directory email reachable',
      'alibaba-resource-directory phone pending',
      'alibaba-resource-directory webhooks.lark not-supported',
      'alibaba-resource-directory webhooks.dingtalk not-supported',
      'volcengine-vmp email reachable',
      'volcengine-vmp phone not-supported',
      'volcengine-vmp webhooks.lark reachable',
      'volcengine-vmp webhooks.dingtalk failing',
    ]);
    expect(states(report, 'Oncall-Bob')).toEqual([
      'tencent-cam email pending',
      'tencent-cam phone pending',
      'alibaba-resource-directory email pending',
      'alibaba-resource-directory phone pending',
      'volcengine-vmp email pending',
      'volcengine-vmp phone not-supported',
    ]);
    expect(states(report, 'Support Desk')).toEqual(['alibaba-chatapp number failing']);
    expect(states(report, 'Sales Line')).toEqual(['alibaba-chatapp number pending']);
    expect(states(report, 'Carol')).toEqual(['volcengine-vmp email missing']);
    const alice = report.people[0]!;
    const dingtalk = alice.targets[2]!.channels.find((channel) => channel.channel === 'webhooks.dingtalk')!;
    expect(dingtalk).toEqual({
      channel: 'webhooks.dingtalk',
      state: 'failing',
      value: 'https://oapi.dingtalk.com/robot/send?access_token=ALI***',
      tested: true,
      reason: 'the platform answered code 310000 "keywords not in content" (HTTP 200)',
    });
    const bobRd = report.people[1]!.targets[1]!;
    expect(bobRd.channels[0]).toMatchObject({ state: 'pending', value: 'bob@example.com', since: expect.stringMatching(/\+08:00$/), reason: 'waits for its owner to confirm it' });
    expect(report.people[2]!.targets[3]!.channels[0]).toMatchObject({ value: '+6581234567', reason: 'the number is DISCONNECTED: it sends nothing' });
    expect(report.unreachableOncall).toEqual(['Oncall-Bob']);
    expect(report.ok).toBe(false);
    // One vendor test call per contact with webhooks; no secret in what the report prints.
    expect(clouds.vmp.requests.filter((request) => request.action.startsWith('Test')).length).toBeGreaterThan(0);
    expect(JSON.stringify(report)).not.toMatch(/SEClarkAliceStatus01|ALICEDINGTALK0001|alice-hook-0001/);
  });

  it('tests webhooks only when asked: otherwise a webhook that exists is reachable, tested: false, and nothing is posted', async () => {
    const roster = await parseRoster(ROSTER, { environment: SECRETS });
    const before = clouds.vmp.requests.length;
    const report = await reachability({ desired: roster.contacts, providers: clouds.providers() });
    expect(report.people[0]!.targets[2]!.channels.filter((channel) => channel.channel.startsWith('webhooks.'))).toEqual([
      { channel: 'webhooks.lark', state: 'reachable', value: 'https://open.feishu.cn/open-apis/bot/v2/hook/ali***', tested: false },
      { channel: 'webhooks.dingtalk', state: 'reachable', value: 'https://oapi.dingtalk.com/robot/send?access_token=ALI***', tested: false },
    ]);
    expect(clouds.vmp.requests.slice(before).map((request) => request.action)).toEqual(['ListContacts']);
  });
});

describe('cloud-contacts status', () => {
  it('prints a people × targets grid, what waits or fails and why, and who on call cannot be reached; exits 1 for Bob', async () => {
    const result = await cli(['status', path, '--test-webhooks']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(withoutDates(result.stdout)).toMatchInlineSnapshot(`
      "person                  tencent-cam      alibaba-resource-directory  volcengine-vmp             alibaba-chatapp  reachable
      ----------------------  ---------------  --------------------------  -------------------------  ---------------  ---------
      Oncall-Alice (on call)  ✓ email ✓ phone  ✓ email … phone             ✓ email ✓ lark ✗ dingtalk  ·                yes
      Oncall-Bob (on call)    … email … phone  … email … phone             … email                    ·                NO
      Support Desk            ·                ·                           ·                          ✗ number         no
      Sales Line              ·                ·                           ·                          … number         no
      Carol                   ·                ·                           ? email                    ·                no

      ✓ reachable  … pending  ✗ failing  ? missing  · not on this target

      Not reachable there yet:
      person        target                      channel   state    why
      ------------  --------------------------  --------  -------  --------------------------------------------------------------------------------------------------------------------------------
      Oncall-Alice  alibaba-resource-directory  phone     pending  +8613900001234: waits for its owner to confirm it
      Oncall-Alice  volcengine-vmp              dingtalk  failing  https://oapi.dingtalk.com/robot/send?access_token=ALI***: the platform answered code 310000 "keywords not in content" (HTTP 200)
      Oncall-Bob    tencent-cam                 email     pending  bo****@example.com: waits for its owner to confirm it
      Oncall-Bob    tencent-cam                 phone     pending  +86 186****3509: waits for its owner to confirm it
      Oncall-Bob    alibaba-resource-directory  email     pending  bob@example.com (since <date>): waits for its owner to confirm it
      Oncall-Bob    alibaba-resource-directory  phone     pending  +8618612343509 (since <date>): waits for its owner to confirm it
      Oncall-Bob    volcengine-vmp              email     pending  bob@example.com (since <date>): waits for its owner to confirm it
      Support Desk  alibaba-chatapp             number    failing  +6581234567: the number is DISCONNECTED: it sends nothing
      Sales Line    alibaba-chatapp             number    pending  +6581237654: UNVERIFIED: its code is not verified and it is not registered yet
      Carol         volcengine-vmp              email     missing  volcengine-vmp has no contact with the name "Carol"

      Not held where the roster asks for them (left out above; --json lists them): lark, dingtalk on tencent-cam; lark, dingtalk on alibaba-resource-directory; phone on volcengine-vmp.

      5 people: 1 reachable somewhere, 4 not (yet).
      On call: Oncall-Alice can be reached (email on tencent-cam, phone on tencent-cam, email on alibaba-resource-directory, email on volcengine-vmp, lark on volcengine-vmp).
      On call: Oncall-Bob CANNOT be reached anywhere.
      "
    `);
  });

  it('--json gives the report for scripts, secrets masked', async () => {
    const result = await cli(['status', path, '--json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as ReachabilityReport;
    expect(report.unreachableOncall).toEqual(['Oncall-Bob']);
    expect(report.people.map((person) => [person.name, person.oncall, person.reachable])).toEqual([
      ['Oncall-Alice', true, true],
      ['Oncall-Bob', true, false],
      ['Support Desk', false, false],
      ['Sales Line', false, false],
      ['Carol', false, false],
    ]);
    expect(result.stdout).not.toMatch(/SEClarkAliceStatus01|ALICEDINGTALK0001/);
  });

  it('exits 0 once everyone on call can be reached; the webhook secret need not be set for status', async () => {
    const onlyAlice = writeRoster(folder, ROSTER.replace('  - name: Oncall-Bob\n    oncall: true\n', '  - name: Oncall-Bob\n'));
    const result = await runBuiltCli(['status', onlyAlice], { cwd: folder, env: clouds.env });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^On call: Oncall-Alice can be reached \(email on tencent-cam, phone on tencent-cam, email on alibaba-resource-directory, email on volcengine-vmp, lark on volcengine-vmp, dingtalk on volcengine-vmp\)\.$/m);
  });

  it('a provider that cannot be read makes its channels failing, says why, and exits 1', async () => {
    clouds.cam.failNext({ kind: 'vendor-error', code: 'AuthFailure.SecretIdNotFound', action: 'ListReceiver' });
    const result = await cli(['status', path]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^! tencent-cam could not be read, so nobody is reachable there as far as this shows: unauthenticated provider=tencent-cam: /m);
    expect(result.stdout).toMatch(/^Oncall-Alice\s+tencent-cam\s+email\s+failing\s+could not read tencent-cam: /m);
  });
});

describe('cloud-contacts verify --pending', () => {
  it("sends exactly what waits, within the day's allowance, says what it left for tomorrow; run again, sends nothing more", async () => {
    // A minute on: VMP mails an address at most once a minute, and Bob's was mailed when he was made.
    clock.advance(61_000);
    const rdSentBefore = clouds.rd.sentVerifications().length;
    const vmpSentBefore = clouds.vmp.sentMails().length;
    const result = await cli(['verify', '--pending', path]);
    expect(result.code).toBe(0);
    const sentRd = clouds.rd.sentVerifications().slice(rdSentBefore).map((sent) => sent.target);
    // The day allows 3: the set-up used one, so Alice's phone and Bob's email go; Bob's phone waits.
    expect(sentRd).toEqual(['86-13900001234', 'bob@example.com']);
    expect(clouds.vmp.sentMails().slice(vmpSentBefore).map((mail) => mail.destination)).toEqual(['bob@example.com']);
    const lines = withoutDates(result.stdout).replace(/request id [0-9A-F-]{36}/g, 'request id <id>');
    expect(lines).toMatchInlineSnapshot(`
      "outcome            person        target                      channel  to                  note
      -----------------  ------------  --------------------------  -------  ------------------  ----------------------------------------------------------------------------------------------------------------------------------------------------------
      sent               Oncall-Alice  alibaba-resource-directory  phone    +8613900001234      request id <id>
      cannot be sent     Oncall-Bob    tencent-cam                 email    bo****@example.com  CAM has no API to send a verification message; the receiver confirms from the message CAM sends on creation, or an administrator resends it in the console
      cannot be sent     Oncall-Bob    tencent-cam                 phone    +86 186****3509     CAM has no API to send a verification message; the receiver confirms from the message CAM sends on creation, or an administrator resends it in the console
      sent               Oncall-Bob    alibaba-resource-directory  email    bob@example.com     request id <id>
      left for tomorrow  Oncall-Bob    alibaba-resource-directory  phone    +8618612343509      the daily allowance of verification messages is used up (SendValidateCodeExceedsLimitForAccount)
      sent               Oncall-Bob    volcengine-vmp              email    bob@example.com
      cannot be sent     Sales Line    alibaba-chatapp             number   +6581237654         a number is verified with the code it receives, then registered with it: its owner does both

      3 sent, 1 left for tomorrow (the daily limit; it resets <date>), 3 cannot be sent by API, 0 failed.
      "
    `);

    const sends = (): number => clouds.rd.requests.filter((request) => request.action.startsWith('Send')).length;
    const before = sends();
    const again = await cli(['verify', '--pending', path, '--json']);
    expect(again.code).toBe(0);
    const results = (JSON.parse(again.stdout) as { results: Array<{ person: string; target: string; channel: string; outcome: string }> }).results;
    // Resource Directory refuses the first of the day's fourth message; the rest are not sent at all.
    expect(sends() - before).toBe(1);
    expect(results.filter((item) => item.target === 'alibaba-resource-directory').map((item) => `${item.person} ${item.channel} ${item.outcome}`)).toEqual([
      'Oncall-Alice phone left',
      'Oncall-Bob email left',
      'Oncall-Bob phone left',
    ]);
    // Bob's VMP address was mailed a moment ago: the vendor's pause, said, not a failure.
    expect(results.filter((item) => item.target === 'volcengine-vmp').map((item) => item.outcome)).toEqual(['left']);
  });

  it('sendPendingVerifications reports a send that failed; verify --pending then exits 1', async () => {
    clock.advance(61_000);
    const roster = await parseRoster(ROSTER, { environment: SECRETS });
    const providers = clouds.providers();
    const report = await reachability({ desired: roster.contacts, providers });
    clouds.vmp.failNext({ kind: 'vendor-error', code: 'AccessDenied', httpStatus: 403, action: 'SendValidationMessage' });
    const sent = await sendPendingVerifications({ report, providers });
    expect(sent.ok).toBe(false);
    expect(sent.results.filter((result) => result.outcome === 'failed').map((result) => `${result.person} ${result.target} ${result.channel} ${result.error?.code}`)).toEqual([
      'Oncall-Bob volcengine-vmp email permission-denied',
    ]);
    expect(sent.summary).toEqual({ sent: 0, 'already-verified': 0, left: 3, cannot: 3, failed: 1 });
    clock.advance(61_000);
    clouds.vmp.failNext({ kind: 'vendor-error', code: 'AccessDenied', httpStatus: 403, action: 'SendValidationMessage' });
    const result = await cli(['verify', '--pending', path]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^FAILED\s+Oncall-Bob\s+volcengine-vmp\s+email\s+bob@example\.com\s+/m);
  });
});
