/**
 * What the roster format grew for adoption and on-call checks: `version: 1` (another refused,
 * saying which this release reads), `oncall: true` and `$comment` (neither sent anywhere), secrets
 * from `{ env: NAME }`, unique entry names, and masks kept as masks: a masked email or phone
 * matches the contact that shows that mask, and a plan never sends it (no create, no replace). A
 * plan without `--prune` names the roster's contacts it no longer lists.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRoster, parseRoster, planSync } from '../../src/index.js';
import type { PlanEntry } from '../../src/index.js';
import { tencentCam } from '../../providers/tencent-cam/index.js';
import { volcengineVmp } from '../../providers/volcengine-vmp/index.js';
import { startEmulator } from '../../providers/testing.js';
import type { EmulatorMap } from '../../providers/testing.js';
import { expectContactError } from '../support/expect-contact-error.js';

let cam: EmulatorMap['tencent-cam'];
let vmp: EmulatorMap['volcengine-vmp'];
beforeAll(async () => {
  [cam, vmp] = await Promise.all([startEmulator('tencent-cam', { rateLimit: false }), startEmulator('volcengine-vmp', { rateLimit: false })]);
});
afterAll(async () => {
  await Promise.all([cam.close(), vmp.close()]);
});
const camProvider = () => tencentCam({ endpoint: cam.endpoint, credentials: cam.credentials, rateLimit: false, quotas: false });
const vmpProvider = () => volcengineVmp({ endpoint: vmp.endpoint, credentials: vmp.credentials, rateLimit: false });
const summary = (entries: readonly PlanEntry[]): string[] => entries.map((entry) => `${entry.kind} ${entry.name}${entry.kind === 'skip' ? `: ${entry.reason}` : ''}`);

describe('the roster format', () => {
  it('reads version 1 and refuses another, saying which it reads', async () => {
    expect((await parseRoster('version: 1\ncontacts: []\n')).version).toBe(1);
    const error = await expectContactError(parseRoster('version: 2\ncontacts: []\n', { file: 'r.yaml' }), 'invalid-input');
    expect(error.issues?.map((issue) => issue.message)).toEqual(['version 2 is not a roster version this release reads: it reads version 1 (or a roster without version:) (r.yaml, line 1, column 10)']);
  });

  it('keeps oncall on the entry and drops $comment; a plan sends neither', async () => {
    cam.reset();
    const roster = await parseRoster('$comment: the team\ncontacts:\n  - name: oncall-a\n    $comment: primary\n    oncall: true\n    email: a@example.com\n    phone: "+8613900001234"\n');
    expect(roster.contacts).toEqual([{ name: 'oncall-a', oncall: true, email: 'a@example.com', phone: '+8613900001234' }]);
    const plan = await planSync({ desired: roster.contacts, providers: [camProvider()] });
    expect(summary(plan.providers[0]!.entries)).toEqual(['create oncall-a']);
  });

  it('reads webhook secrets from { env: NAME }; unset, a problem, unless placeholders are allowed', async () => {
    const text = 'contacts:\n  - name: bot\n    webhooks:\n      lark: { url: { env: BOT_URL }, secret: { env: BOT_SECRET } }\n';
    const roster = await parseRoster(text, { environment: { BOT_URL: 'https://open.feishu.cn/open-apis/bot/v2/hook/abc', BOT_SECRET: 'SECbot00000001' } });
    expect(roster.contacts[0]!.webhooks).toEqual({ lark: { url: 'https://open.feishu.cn/open-apis/bot/v2/hook/abc', secret: 'SECbot00000001' } });
    const error = await expectContactError(parseRoster(text, { environment: { BOT_URL: 'https://open.feishu.cn/open-apis/bot/v2/hook/abc' } }), 'invalid-input');
    expect(error.issues?.map((issue) => issue.message)).toEqual([
      'contacts[0] ("bot"): field webhooks.lark.secret comes from the environment variable BOT_SECRET, which is not set (set it, or write the value here) (line 4, column 46)',
    ]);
    const placeheld = await parseRoster(text, { environment: {}, allowUnsetVariables: true });
    expect(placeheld.contacts[0]!.webhooks).toEqual({ lark: { url: 'https://unset.invalid/BOT_URL', secret: 'unset:BOT_SECRET' } });
    expect(() => checkRoster({ contacts: [{ name: 'x', email: { env: 'X' } }] }, { environment: { X: 'x@example.com' } })).toThrow(/field email must be a string/);
  });

  it('refuses two entries with one name, naming the earlier one', () => {
    expect(() => checkRoster({ contacts: [{ name: 'Bob' }, { name: 'Bob' }] })).toThrow(/contacts\[1\] \("Bob"\): field name is the name of contacts\[0\] too/);
  });
});

describe('masks in a roster', () => {
  it('match the contact that shows them (unchanged); a plan creates nothing from a mask, and changes nothing a mask would have to fill', async () => {
    cam.reset();
    vmp.reset();
    await camProvider().create({ name: 'Eve Wang', email: 'eve.wang@example.com', phone: '+86 135 0000 9999', remark: 'ops' });
    const roster = checkRoster({
      contacts: [
        { name: 'Eve Wang', email: 'eve.****@example.com', phone: '+86 135****9999', remark: 'ops' },
        { name: 'Eve Two', email: 'eve.****@example.com', phone: '+86 135****9999' },
        { name: 'eve-wang', email: 'eve.****@example.com', only: ['volcengine-vmp'] },
      ],
    });
    const same = await planSync({ desired: roster.contacts.slice(0, 2), providers: [camProvider()] });
    expect(summary(same.providers[0]!.entries)).toEqual([
      'unchanged Eve Wang',
      'skip Eve Two: the roster holds only the mask of its email and phone (eve.****@example.com, +86 135****9999): write the full values to create it on tencent-cam',
    ]);
    const remark = await planSync({ desired: [{ ...roster.contacts[0]!, remark: 'sre' }], providers: [camProvider()] });
    expect(summary(remark.providers[0]!.entries)).toEqual([
      'skip Eve Wang: the roster holds only the mask of its email and phone (eve.****@example.com, +86 135****9999): write the full values to change remark on tencent-cam',
    ]);
    const elsewhere = await planSync({ desired: [roster.contacts[2]!], providers: [vmpProvider()] });
    expect(summary(elsewhere.providers[0]!.entries)).toEqual([
      'skip eve-wang: the roster holds only the mask of its email (eve.****@example.com): write the full value to create it on volcengine-vmp',
    ]);
    expect(cam.requests.filter((request) => request.action !== 'ListReceiver').map((request) => request.action)).toEqual(['CreateMessageReceiver']);
  });
});

describe('plan without prune', () => {
  it("names the roster's own contacts it no longer lists, and deletes nothing", async () => {
    vmp.reset();
    await vmpProvider().create({ name: 'oncall-gone' });
    await vmpProvider().create({ name: 'oncall-kept' });
    const plan = await planSync({ desired: [{ name: 'oncall-kept' }], providers: [vmpProvider()], managed: { prefix: 'oncall-' } });
    expect(summary(plan.providers[0]!.entries)).toEqual(['unchanged oncall-kept']);
    expect(plan.providers[0]!.warnings).toEqual(['"oncall-gone" is the roster\'s (managed) but no longer in it: prune (CLI: --prune) deletes it']);
  });
});
