/**
 * `plan` and `apply` as an operator runs them (the built CLI in a child process, against every
 * emulator): a bad flag value exits 2, secrets never print, the README's roster sends nobody to
 * ChatApp, the deletion guard stops a large prune until its flags raise it, a masked change is
 * forced with --replace-masked, and a replace that deleted a receiver and could not create it
 * again prints the command that restores it, which works.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../providers/testing.js';
import { cliEnvironment, runBuiltCli, writeRoster } from './support/run-cli.js';
import type { EmulatorMap } from '../providers/testing.js';

let cam: EmulatorMap['tencent-cam'];
let rd: EmulatorMap['alibaba-resource-directory'];
let vmp: EmulatorMap['volcengine-vmp'];
let chatapp: EmulatorMap['alibaba-chatapp'];
let folder: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  [cam, rd, vmp] = await Promise.all([
    startEmulator('tencent-cam', { rateLimit: false }),
    startEmulator('alibaba-resource-directory', { rateLimit: false }),
    startEmulator('volcengine-vmp', { rateLimit: false }),
  ]);
  // Both Alibaba products read the same environment variables: one account's keys for both.
  chatapp = await startEmulator('alibaba-chatapp', { rateLimit: false, credentials: rd.credentials });
  folder = mkdtempSync(join(tmpdir(), 'cloud-contacts-cli-sync-'));
  env = cliEnvironment({ cam, rd, vmp, chatapp });
});
afterAll(async () => {
  await Promise.all([cam.close(), rd.close(), vmp.close(), chatapp.close()]);
  rmSync(folder, { recursive: true, force: true });
});
beforeEach(() => {
  for (const emulator of [cam, rd, vmp, chatapp]) emulator.reset();
});

/** Runs the built CLI here, with the emulators' environment (and `extraEnv` on top). */
const cli = (args: string[], extraEnv: NodeJS.ProcessEnv = {}) => runBuiltCli(args, { cwd: folder, env: { ...env, ...extraEnv } });
const roster = (text: string): string => writeRoster(folder, text);

const README_ROSTER = `
managed: { prefix: Oncall }
contacts:
  - name: Oncall-Alice
    email: alice.zhang@example.com
    phone: +86 139 0000 1234
    title: TechnicalDirector
    messageTypes: [FaultMessage, SecurityMessage]
    providers:
      alibaba-resource-directory: { name: OncallAlice }
`;

describe('flags', () => {
  it('a bad value of --concurrency, --max-deletes or --max-delete-share exits 2 before anything is read', async () => {
    const path = roster(README_ROSTER);
    for (const args of [
      ['--concurrency', 'abc'],
      ['--concurrency', '0'],
      ['--concurrency', '1.5'],
      ['--max-deletes', '-1'],
      ['--max-delete-share', '2'],
      ['--max-delete-share', 'half'],
    ]) {
      const result = await cli(['apply', path, '--provider', 'volcengine-vmp', ...args]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toContain(args[0]);
    }
    expect(vmp.requests).toHaveLength(0);
  });
});

describe('the README roster with every emulator configured', () => {
  it('creates the person in CAM, Resource Directory and VMP, and not as a WhatsApp number', async () => {
    const apply = await cli(['apply', roster(README_ROSTER)]);
    expect(apply.code).toBe(0);
    expect(apply.stdout).toMatch(/alibaba-chatapp\n\s+\(nothing to do\)\n\s+! alibaba-chatapp takes only roster entries that name it/);
    expect(apply.stdout).toMatch(/3 done, 0 unchanged, 0 skipped, 0 failed/);
    expect(chatapp.requests.filter((request) => request.action === 'AddChatappPhoneNumber')).toHaveLength(0);
  });
});

describe('secrets', () => {
  it('plan, plan --json, apply and apply --json never print a webhook token, the roster\'s or the one the vendor stores', async () => {
    const first = roster(`
contacts:
  - name: oncall-hook
    only: [volcengine-vmp]
    webhooks: { generic: { url: "https://hooks.example.com/a", token: VENDORTOKEN999 } }
`);
    expect((await cli(['apply', first])).code).toBe(0);
    const second = roster(`
contacts:
  - name: oncall-hook
    only: [volcengine-vmp]
    webhooks: { generic: { url: "https://hooks.example.com/a", token: GENERICTOKEN444 } }
`);
    const outputs = [await cli(['plan', second]), await cli(['plan', second, '--json']), await cli(['apply', second, '--json']), await cli(['apply', second])];
    expect(outputs[0]!.stdout).toMatch(/update\s+oncall-hook\s+webhooks\.generic: \{"url":"https:\/\/hooks\.example\.com\/a","token":"VEN\*\*\*"\} -> \{"url":"https:\/\/hooks\.example\.com\/a","token":"GEN\*\*\*"\}/);
    for (const output of outputs) for (const secret of ['VENDORTOKEN999', 'GENERICTOKEN444']) expect(output.stdout + output.stderr).not.toContain(secret);
    expect(JSON.parse(outputs[2]!.stdout)).toMatchObject({ ok: true, summary: { done: 1 } });
  });
});

describe('the deletion guard', () => {
  it('stops a prune of most of the managed contacts; --max-delete-share raises it', async () => {
    const everyone = roster(`
managed: { prefix: "oncall-" }
providers: [volcengine-vmp]
contacts:
${[1, 2, 3, 4].map((n) => `  - { name: oncall-${n}, email: o${n}@example.com }`).join('\n')}
`);
    expect((await cli(['apply', everyone])).code).toBe(0);
    const left = roster(`
managed: { prefix: "oncall-" }
providers: [volcengine-vmp]
contacts:
  - { name: oncall-1, email: o1@example.com }
`);
    const guarded = await cli(['apply', left, '--prune']);
    expect(guarded.code).toBe(0);
    expect(guarded.stdout).toMatch(/! the deletion guard stops 3 deletes on volcengine-vmp: more than 50% of the 4 .*--max-delete-share 0\.75/);
    expect(guarded.stdout).toMatch(/0 done, 1 unchanged, 3 skipped, 0 failed/);
    const raised = await cli(['apply', left, '--prune', '--max-delete-share', '75%']);
    expect(raised.stdout).toMatch(/3 done, 1 unchanged, 0 skipped, 0 failed/);
  });
});

describe('CAM', () => {
  const RECEIVER = (email: string, remark: string) => `
providers: [tencent-cam]
contacts:
  - { name: oncall-alice, email: ${email}, phone: "+8613900001234", remark: ${remark} }
`;

  it('a change the mask hides is flagged, and --replace-masked makes it', async () => {
    expect((await cli(['apply', roster(RECEIVER('alice@example.com', 'first'))])).code).toBe(0);
    const moved = roster(RECEIVER('alice.new@example.com', 'first'));
    const plan = await cli(['plan', moved]);
    expect(plan.stdout).toMatch(/unchanged\s+oncall-alice\s+.*masked, so unchecked: email, phone/);
    expect(plan.stdout).toMatch(/! tencent-cam shows some values masked: .*--replace-masked <name>/);
    const forced = await cli(['apply', moved, '--replace-masked', 'oncall-alice']);
    expect(forced.stdout).toMatch(/replace\s+oncall-alice\s+email: alic\*\*\*\*@example\.com -> alice\.new@example\.com; phone: .*1 done/s);
  });

  it('a replace whose create the vendor refuses prints the command that restores the receiver, and it does', async () => {
    const settings = { CLOUD_CONTACTS_TENCENT_CAM_SETTINGS: JSON.stringify({ quotas: false }) };
    expect((await cli(['apply', roster(RECEIVER('alice@example.com', 'first'))], settings)).code).toBe(0);
    cam.failNext({ kind: 'vendor-error', code: 'LimitExceeded.Uin', action: 'CreateMessageReceiver' });
    const failed = await cli(['apply', roster(RECEIVER('alice@example.com', 'second'))], settings);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(/! tencent-cam "oncall-alice" was deleted and could not be created again \(quota-exceeded\)\. To restore it as it was:/);
    const command = /cloud-contacts (create --provider tencent-cam .*)$/m.exec(failed.stdout)?.[1];
    expect(command).toBe('create --provider tencent-cam --name oncall-alice --email alice@example.com --phone +8613900001234 --remark first');
    expect((await cli(command!.split(' '), settings)).code).toBe(0);
    const listed = JSON.parse((await cli(['list', '--provider', 'tencent-cam', '--json'])).stdout) as Array<{ name: string; remark: string }>;
    expect(listed.map((receiver) => [receiver.name, receiver.remark])).toEqual([['oncall-alice', 'first']]);
  });
});
