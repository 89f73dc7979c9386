/**
 * A roster of targets as an operator runs it (the built CLI in a child process): three CAM
 * accounts, one reached with profile `prod`, one with profile `test`, one through a role assumed
 * at the STS emulator; Alice paged from all three, Bob from production only. Every line says the
 * target and the provider; `--target` picks targets, and a single-provider command reaches one
 * with `--roster --target`; a roster holding a secret is refused naming the key and its line.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, startStsEmulator } from '../providers/testing.js';
import type { EmulatorMap, StsEmulatorMap } from '../providers/testing.js';
import type { SyncReport } from '../src/index.js';
import { NOTHING_LISTENS } from './support/credential-environment.js';
import { runBuiltCli, writeRoster } from './support/run-cli.js';

const ROLE = 'qcs::cam::uin/100000000001:roleName/ops';
const PROD_SECRET = 'prod-secret-CANARY-000000000001';
let prod: EmulatorMap['tencent-cam'];
let test: EmulatorMap['tencent-cam'];
let member: EmulatorMap['tencent-cam'];
let sts: StsEmulatorMap['tencent'];
let home: string;
let roster: string;

beforeAll(async () => {
  prod = await startEmulator('tencent-cam', { rateLimit: false, credentials: { accessKeyId: 'AKIDprod000000000001', accessKeySecret: PROD_SECRET } });
  test = await startEmulator('tencent-cam', { rateLimit: false, credentials: { accessKeyId: 'AKIDtest000000000002', accessKeySecret: 'test-secret-000000000000002' } });
  sts = await startStsEmulator('tencent', { roles: [{ arn: ROLE }] });
  // The member account takes the keys STS issues for the role, and no long-term keys of its own.
  member = await startEmulator('tencent-cam', { rateLimit: false, credentials: { accessKeyId: 'AKIDnobody0000000003', accessKeySecret: 'nobody-secret-000000000000003' } });
  home = mkdtempSync(join(tmpdir(), 'cloud-contacts-targets-'));
  mkdirSync(join(home, '.tencentcloud'));
  const profile = (name: string, keys: { accessKeyId: string; accessKeySecret: string }) => `[${name}]\nsecret_id = ${keys.accessKeyId}\nsecret_key = ${keys.accessKeySecret}\n`;
  writeFileSync(join(home, '.tencentcloud', 'credentials'), [profile('prod', prod.credentials), profile('test', test.credentials), profile('ops', sts.credentials)].join('\n'));
  roster = writeRoster(
    home,
    `targets:
  cam-prod: { provider: tencent-cam, profile: prod, endpoint: "${prod.endpoint}" }
  cam-test: { provider: tencent-cam, profile: test, endpoint: "${test.endpoint}" }
  cam-member: { provider: tencent-cam, profile: ops, assumeRole: { roleArn: "${ROLE}" }, stsEndpoint: "${sts.endpoint}", endpoint: "${member.endpoint}" }
managed: { prefix: oncall }
contacts:
  - name: oncall-alice
    email: alice@example.com
    phone: "+86 139 0000 1234"
    providers: { cam-test: { remark: staging } }
  - name: oncall-bob
    email: bob@example.com
    phone: "+86 139 0000 5678"
    only: [cam-prod]
`,
  );
});
afterAll(async () => {
  await Promise.all([prod.close(), test.close(), member.close(), sts.close()]);
  rmSync(home, { recursive: true, force: true });
});
beforeEach(() => {
  for (const emulator of [prod, test, member]) emulator.reset();
});

/** The CLI in a clean environment: the temporary HOME and its profiles, no vendor variable, no metadata service. */
const cli = (args: string[]) =>
  runBuiltCli(args, { cwd: home, env: { PATH: process.env['PATH'], HOME: home, CLOUD_CONTACTS_TENCENT_CAM_SETTINGS: JSON.stringify({ metadataEndpoint: NOTHING_LISTENS }) } });

describe('a roster of targets', () => {
  it('plans and applies each target with its own credentials; every line says target and provider', async () => {
    const plan = await cli(['plan', roster]);
    expect(plan.stderr).toBe('');
    expect(plan.code).toBe(0);
    expect(plan.stdout).toMatch(/^cam-prod \(tencent-cam\)\n(.*\n)*\s+create\s+oncall-alice.*\n\s+create\s+oncall-bob/m);
    expect(plan.stdout).toMatch(/^cam-test \(tencent-cam\)\n.*\n.*\n\s+create\s+oncall-alice/m);
    expect(plan.stdout).toMatch(/^cam-member \(tencent-cam\)\n/m);
    const applied = await cli(['apply', roster]);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toMatch(/^target\s+name\s+action\s+status/m);
    for (const line of ['cam-prod (tencent-cam)    oncall-alice  create  done', 'cam-prod (tencent-cam)    oncall-bob    create  done', 'cam-member (tencent-cam)  oncall-alice  create  done']) {
      expect(applied.stdout).toContain(line);
    }
    expect(applied.stdout).not.toContain(PROD_SECRET);
    // Each account got its own: the member account only through the role's temporary keys.
    expect(prod.requests.filter((request) => request.action === 'CreateMessageReceiver')).toHaveLength(2);
    expect(test.requests.filter((request) => request.action === 'CreateMessageReceiver')).toHaveLength(1);
    expect(member.requests.filter((request) => request.action === 'CreateMessageReceiver')).toHaveLength(1);
    expect(sts.sessions().map((session) => session.roleArn)).toContain(ROLE);
    const staging = JSON.parse((await cli(['list', '--roster', roster, '--target', 'cam-test', '--json'])).stdout) as Array<{ name: string; remark?: string }>;
    expect(staging.map((contact) => [contact.name, contact.remark])).toEqual([['oncall-alice', 'staging']]);
    const again = JSON.parse((await cli(['apply', roster, '--json'])).stdout) as SyncReport;
    expect(again.results.map((result) => [result.target, result.provider, result.name, result.status])).toEqual([
      ['cam-prod', 'tencent-cam', 'oncall-alice', 'unchanged'],
      ['cam-prod', 'tencent-cam', 'oncall-bob', 'unchanged'],
      ['cam-test', 'tencent-cam', 'oncall-alice', 'unchanged'],
      ['cam-member', 'tencent-cam', 'oncall-alice', 'unchanged'],
    ]);
  });

  it('--target picks targets; an unknown one is a usage error listing the targets', async () => {
    const picked = JSON.parse((await cli(['plan', roster, '--json', '--target', 'cam-test'])).stdout) as Array<{ target: string }>;
    expect(picked.map((plan) => plan.target)).toEqual(['cam-test']);
    expect(prod.requests).toHaveLength(0);
    const unknown = await cli(['apply', roster, '--target', 'cam-staging']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('"cam-staging" is not a target of the roster (its targets: cam-prod, cam-test, cam-member; providers: tencent-cam)');
    const alone = await cli(['list', '--target', 'cam-test']);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('--target needs the roster that defines it: cloud-contacts list --roster roster.yaml --target cam-test');
  });

  it('a roster holding a secret is refused before anything is read, naming the key and its line, never the secret', async () => {
    const leaky = writeRoster(home, `targets:\n  cam-prod:\n    provider: tencent-cam\n    secretKey: ${PROD_SECRET}\ncontacts: []\n`);
    const refused = await cli(['plan', leaky]);
    expect(refused.code).toBe(1);
    // Said as every roster problem is: at file:line:column, the key's own place.
    expect(refused.stderr).toMatch(/^error: \S+\.yaml:4:5: targets\.cam-prod\.secretKey looks like a secret: a roster never holds a secret: give the target a profile/);
    expect(refused.stdout + refused.stderr).not.toContain(PROD_SECRET);
    expect(prod.requests).toHaveLength(0);
  });

  it("a target's bad setting is an invalid-config naming the target", async () => {
    const bad = writeRoster(home, `targets:\n  cam-prod: { provider: tencent-cam, endpoint: "not a url" }\ncontacts: []\n`);
    const refused = await cli(['plan', bad]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/error: invalid-config provider=tencent-cam target=cam-prod field=settings\.endpoint: tencent-cam cam-prod settings: /);
  });
});
