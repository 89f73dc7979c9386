/**
 * `cloud-contacts export` as a team adopting the library runs it: twelve people already in four
 * clouds under other names, CAM showing masks, two cases nobody can decide alone. The roster it
 * writes (checked as text), `plan` on it showing every contact unchanged, the ambiguous ones kept
 * apart with comments saying why, no secret written anywhere, and a provider that cannot be read
 * left out with exit 1.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRoster, exportRoster, formatRoster, parseRoster, planSync } from '../src/index.js';
import { tencentCam } from '../providers/tencent-cam/index.js';
import { ONCALL_GROUP, WEBHOOK_VALUES, seedPeople, secretVariables, startClouds } from './support/people-clouds.js';
import type { Clouds } from './support/people-clouds.js';
import { runBuiltCli } from './support/run-cli.js';

let clouds: Clouds;
let folder: string;
beforeAll(async () => {
  clouds = await startClouds();
  await seedPeople(clouds);
  folder = mkdtempSync(join(tmpdir(), 'cloud-contacts-export-'));
});
afterAll(async () => {
  await clouds.close();
  rmSync(folder, { recursive: true, force: true });
});

const cli = (args: string[], extraEnv: NodeJS.ProcessEnv = {}) => runBuiltCli(args, { cwd: folder, env: { ...clouds.env, ...extraEnv } });
/** The variables the exported roster names, set as the team sets them from its secret store. */
const secrets = async (): Promise<Record<string, string>> => secretVariables((await exportRoster(clouds.providers())).variables);

describe('export', () => {
  it('writes one entry per person: merged by email, phone and mask with name, names per cloud as overrides, the undecidable kept apart with comments', async () => {
    const result = await cli(['export', '--output', 'roster.yaml']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(readFileSync(join(folder, 'roster.yaml'), 'utf8').replaceAll(ONCALL_GROUP, '<group>')).toMatchInlineSnapshot(`
      "# cloud-contacts roster, exported from tencent-cam (6), alibaba-resource-directory (7), volcengine-vmp (9), alibaba-chatapp (2).
      # One entry per person, merged across clouds by email and phone (and by mask and name where a cloud
      # shows masks); names and values that differ per cloud are overrides under providers:.
      # Next: review it, then \`cloud-contacts plan <this file>\`: every contact should show unchanged.
      # Webhook secrets are not written here: set LARK_URL_ALICE_ZHANG, LARK_SECRET_ALICE_ZHANG, DINGTALK_URL_FRANK, DINGTALK_SECRET_FRANK, WECOM_URL_FRANK, GENERIC_TOKEN_KATE before plan and apply.
      # Mark who is on call with \`oncall: true\`: \`cloud-contacts status <this file>\` then exits 1 when one of them cannot be reached.
      # Add managed: (a prefix, or names) before using --prune: nothing here is owned yet, so nothing can be deleted.

      version: 1
      providers: [tencent-cam, alibaba-resource-directory, volcengine-vmp, alibaba-chatapp]
      contacts:
        # tencent-cam "Alice Zhang" shows alic****@example.com, +86 139****1234: matched to this person by the masks and the name
        - name: Alice Zhang
          email: alice.zhang@example.com
          phone: "+8613900001234"
          title: TechnicalDirector
          messageTypes: [FaultMessage, SecurityMessage]
          webhooks:
            lark: {url: {env: LARK_URL_ALICE_ZHANG}, secret: {env: LARK_SECRET_ALICE_ZHANG}}
          groupIds: [<group>]
          only: [tencent-cam, alibaba-resource-directory, volcengine-vmp]
          providers:
            alibaba-resource-directory: {name: AliceZhang}
            volcengine-vmp: {name: alice_zhang}
        - name: BobLi
          email: bob.li@example.com
          phone: "+8618612343509"
          title: MaintenanceDirector
          messageTypes: [FaultMessage]
          only: [alibaba-resource-directory, volcengine-vmp]
          providers:
            volcengine-vmp: {name: bob-li}
        # kept apart: its masked email chen****@example.com and phone +86 137****5678 and its name fit 2 people, "ChenWei" on alibaba-resource-directory; "chen-wei" on volcengine-vmp: merge it by hand into the right one
        # tencent-cam shows email and phone only masked (chen****@example.com, +86 137****5678) and no other cloud has them in full: the roster keeps the masks, which match this contact but cannot create one; write the full values to reach this person elsewhere
        - name: Chen Wei
          email: chen****@example.com
          phone: +86 137****5678
          remark: DBA
          only: [tencent-cam]
        - name: chen-wei
          email: chen.wei.sre@example.com
          only: [volcengine-vmp]
        - name: ChenWei
          email: chen.wei@example.com
          phone: "+8613712345678"
          title: Other
          messageTypes: [ServiceMessage]
          only: [alibaba-resource-directory]
        # kept apart: volcengine-vmp holds 2 contacts with this email or phone ("dana", "dana-backup"), any of which may be "DanaOps" on alibaba-resource-directory: an entry holds one contact per target, so put the right one together by hand
        - name: dana
          email: dana@example.com
          only: [volcengine-vmp]
        # kept apart: volcengine-vmp holds 2 contacts with this email or phone ("dana", "dana-backup"), any of which may be "DanaOps" on alibaba-resource-directory: an entry holds one contact per target, so put the right one together by hand
        - name: dana-backup
          email: dana@example.com
          groupIds: [<group>]
          only: [volcengine-vmp]
        # volcengine-vmp holds 2 contacts with this email or phone ("dana", "dana-backup"), kept apart: one of them may be this person's
        - name: DanaOps
          email: dana@example.com
          title: ProjectDirector
          messageTypes: [ProductMessage]
          only: [alibaba-resource-directory]
        # tencent-cam shows email and phone only masked (eve.****@example.com, +86 135****9999) and no other cloud has them in full: the roster keeps the masks, which match this contact but cannot create one; write the full values to reach this person elsewhere
        - name: Eve Wang
          email: eve.****@example.com
          phone: +86 135****9999
          only: [tencent-cam]
        - name: frank
          email: frank@example.com
          webhooks:
            dingtalk: {url: {env: DINGTALK_URL_FRANK}, secret: {env: DINGTALK_SECRET_FRANK}, atMobiles: ["+8613900001234"]}
            wecom: {url: {env: WECOM_URL_FRANK}}
          only: [volcengine-vmp]
        # tencent-cam "grace" shows grac****@example.com, +86 137****1111: matched to this person by the masks and the name
        - name: grace
          email: grace.li@example.com
          phone: "+8613700001111"
          title: FinanceDirector
          messageTypes: [AccountExpenses]
          only: [tencent-cam, alibaba-resource-directory]
          providers:
            alibaba-resource-directory: {name: Grace}
        # tencent-cam shows phone only masked (+86 138****2222) and no other cloud has it in full: the roster keeps the mask, which matches this contact but cannot create one; write the full value to reach this person elsewhere
        - name: Henry
          email: henry@example.com
          phone: +86 138****2222
          title: CEO
          messageTypes: [FaultMessage]
          only: [tencent-cam, alibaba-resource-directory]
          providers:
            alibaba-resource-directory: {phone: null}
        # tencent-cam "Jack Ma" shows jac****@example.com, +86 138****3333: matched to this person by the masks and the name
        - name: Jack Ma
          email: jack@example.com
          phone: "+8613800003333"
          title: CEO
          messageTypes: [SecurityMessage]
          providers:
            alibaba-resource-directory: {name: JackMa}
            volcengine-vmp: {name: jack-ma}
            alibaba-chatapp: {name: Jack Ma Store, email: null}
        - name: kate
          webhooks:
            generic: {url: https://hooks.example.com/alerts/kate, token: {env: GENERIC_TOKEN_KATE}}
          only: [volcengine-vmp]
        - name: support-desk
          email: support@example.com
          phone: "+6581234567"
          only: [volcengine-vmp, alibaba-chatapp]
          providers:
            alibaba-chatapp: {name: Oncall Support Desk}
      "
    `);
    expect(result.stderr).toMatchInlineSnapshot(`
      "Wrote roster.yaml: 15 entries from tencent-cam (6), alibaba-resource-directory (7), volcengine-vmp (9), alibaba-chatapp (2).
      3 entries were kept apart from a person they may belong with: the comments say why.
      Set LARK_URL_ALICE_ZHANG, LARK_SECRET_ALICE_ZHANG, DINGTALK_URL_FRANK, DINGTALK_SECRET_FRANK, WECOM_URL_FRANK, GENERIC_TOKEN_KATE (the webhook secrets, never written) before plan and apply.
      Next: review it, then cloud-contacts plan roster.yaml (every contact unchanged), mark who is on call (oncall: true), and cloud-contacts status roster.yaml.
      "
    `);
  });

  it('plan on the exported roster shows every contact unchanged, and --detailed-exitcode exits 0', async () => {
    await cli(['export', '--output', 'plan-me.yaml']);
    const plan = await cli(['plan', 'plan-me.yaml', '--json', '--detailed-exitcode'], await secrets());
    expect(plan.code).toBe(0);
    const providers = JSON.parse(plan.stdout) as Array<{ id: string; entries: Array<{ kind: string; name: string }> }>;
    const kinds = providers.flatMap((provider) => provider.entries.map((entry) => `${provider.id} ${entry.name} ${entry.kind}`));
    // Every contact of the four clouds (6 + 7 + 9 + 2), each matched and unchanged.
    expect(kinds).toHaveLength(24);
    expect(kinds.filter((line) => !line.endsWith(' unchanged'))).toEqual([]);
    const human = await cli(['plan', 'plan-me.yaml'], await secrets());
    expect(human.code).toBe(0);
    expect(human.stdout).not.toMatch(/^\s+(create|update|replace|delete|skip)\s/m);
  });

  it('the exported roster names the variables its secrets come from: plan refuses it until they are set, naming each at its line', async () => {
    await cli(['export', '--output', 'unset.yaml']);
    const plan = await cli(['plan', 'unset.yaml']);
    expect(plan.code).toBe(1);
    expect(plan.stderr).toMatch(/^error: unset\.yaml has 6 problems:$/m);
    expect(plan.stderr).toMatch(/^unset\.yaml:\d+:\d+: contacts\[\d+\] "frank": webhooks\.dingtalk\.secret comes from the environment variable DINGTALK_SECRET_FRANK, which is not set/m);
  });

  it('never writes a webhook secret, token or keyed URL: not in the file, not on the terminal, not in JSON', async () => {
    const yaml = await cli(['export']);
    const json = await cli(['export', '--json']);
    for (const value of Object.values(WEBHOOK_VALUES)) {
      for (const text of [yaml.stdout, yaml.stderr, json.stdout, json.stderr]) expect(text).not.toContain(value.replace(/^https:\/\/[^?]*\?/, ''));
    }
    expect(yaml.stdout).toContain('secret: {env: LARK_SECRET_ALICE_ZHANG}');
    // A URL that carries no key is written as it is.
    expect(yaml.stdout).toContain('url: https://hooks.example.com/alerts/kate, token: {env: GENERIC_TOKEN_KATE}');
  });

  it('--json writes the same roster with the notes as $comment; it reads back, and plans unchanged', async () => {
    const json = await cli(['export', '--json']);
    expect(json.code).toBe(0);
    const data = JSON.parse(json.stdout) as { $comment: string; contacts: Array<{ name: string; $comment?: string }> };
    expect(data.$comment).toMatch(/^cloud-contacts roster, exported from tencent-cam \(6\), alibaba-resource-directory \(7\), volcengine-vmp \(9\), alibaba-chatapp \(2\)\./);
    expect(data.contacts.find((entry) => entry.name === 'Chen Wei')?.$comment).toMatch(/^kept apart: its masked email chen\*\*\*\*@example\.com and phone \+86 137\*\*\*\*5678 and its name fit 2 people/);
    const roster = await parseRoster(json.stdout, { environment: await secrets() });
    const yaml = await parseRoster(readFileSync(join(folder, 'roster.yaml'), 'utf8'), { environment: await secrets() });
    expect(roster).toEqual(yaml);
  });

  it('a provider that cannot be read is left out, named in the roster and on stderr, and export exits 1', async () => {
    clouds.vmp.failNext({ kind: 'vendor-error', code: 'AccessDenied', httpStatus: 403, action: 'ListContacts' });
    const result = await cli(['export']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: permission-denied provider=volcengine-vmp: /m);
    expect(result.stdout).toMatch(/^# volcengine-vmp could not be read, so its contacts are not here: /m);
    expect(result.stdout).toMatch(/^providers: \[tencent-cam, alibaba-resource-directory, alibaba-chatapp\]$/m);
    expect(result.stdout).not.toContain('alice_zhang');
  });

  it('writes only a new file: an existing --output is a usage error, and left as it was', async () => {
    writeFileSync(join(folder, 'mine.yaml'), 'contacts: []\n');
    const result = await cli(['export', '--output', 'mine.yaml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: --output mine\.yaml exists: export writes only a new file/m);
    expect(readFileSync(join(folder, 'mine.yaml'), 'utf8')).toBe('contacts: []\n');
    expect(existsSync(join(folder, 'never.yaml'))).toBe(false);
  });
});

describe('exportRoster', () => {
  it('gives the roster as data, its notes and variables; checkRoster takes the data, and a plan of it changes nothing', async () => {
    const exported = await exportRoster(clouds.providers());
    expect(exported.targets.map((target) => [target.target, target.contacts])).toEqual([
      ['tencent-cam', 6],
      ['alibaba-resource-directory', 7],
      ['volcengine-vmp', 9],
      ['alibaba-chatapp', 2],
    ]);
    expect(exported.variables.map((variable) => `${variable.name} ${variable.entry} ${variable.field}`)).toEqual([
      'LARK_URL_ALICE_ZHANG Alice Zhang webhooks.lark.url',
      'LARK_SECRET_ALICE_ZHANG Alice Zhang webhooks.lark.secret',
      'DINGTALK_URL_FRANK frank webhooks.dingtalk.url',
      'DINGTALK_SECRET_FRANK frank webhooks.dingtalk.secret',
      'WECOM_URL_FRANK frank webhooks.wecom.url',
      'GENERIC_TOKEN_KATE kate webhooks.generic.token',
    ]);
    const roster = checkRoster(exported.roster, { environment: secretVariables(exported.variables) });
    const plan = await planSync({ desired: roster.contacts, providers: clouds.providers() });
    expect(plan.providers.flatMap((provider) => provider.entries.filter((entry) => entry.kind !== 'unchanged'))).toEqual([]);
    // Written and read back, the same roster.
    expect(await parseRoster(await formatRoster(exported), { environment: secretVariables(exported.variables) })).toEqual(roster);
  });

  it('from targets named other than their provider: a targets block naming each one\'s provider, which reads back and plans unchanged', async () => {
    const [, rd, vmp] = clouds.providers();
    const camProd = tencentCam({ endpoint: clouds.cam.endpoint, credentials: clouds.cam.credentials, target: 'cam-prod' });
    const providers = [camProd, rd!, vmp!];
    const exported = await exportRoster(providers);
    expect(exported.roster.targets).toEqual({ 'cam-prod': { provider: 'tencent-cam' }, 'alibaba-resource-directory': { provider: 'alibaba-resource-directory' }, 'volcengine-vmp': { provider: 'volcengine-vmp' } });
    expect(exported.roster.providers).toEqual(['cam-prod', 'alibaba-resource-directory', 'volcengine-vmp']);
    const text = await formatRoster(exported);
    expect(text).toContain('\ntargets:\n  cam-prod: {provider: tencent-cam}\n');
    expect(text).toContain('# Give each target under targets: the settings that reach its account');
    const roster = await parseRoster(text, { environment: secretVariables(exported.variables) });
    expect(roster.targets?.map((target) => `${target.name} ${target.provider}`)).toEqual(['cam-prod tencent-cam', 'alibaba-resource-directory alibaba-resource-directory', 'volcengine-vmp volcengine-vmp']);
    const plan = await planSync({ desired: roster.contacts, providers });
    expect(plan.providers.map((provider) => provider.target)).toEqual(['cam-prod', 'alibaba-resource-directory', 'volcengine-vmp']);
    expect(plan.providers.flatMap((provider) => provider.entries.filter((entry) => entry.kind !== 'unchanged'))).toEqual([]);
  });

  it('a second run over the same clouds writes the same roster', async () => {
    const [first, second] = await Promise.all([exportRoster(clouds.providers()), exportRoster(clouds.providers())]);
    expect(await formatRoster(second)).toBe(await formatRoster(first));
  });
});
