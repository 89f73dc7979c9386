/**
 * The `cloud-contacts` CLI as an operator runs it: the built executable in a child process,
 * against emulators, with endpoints and credentials in the environment. Commands, `--json`
 * output, exit codes (0 all well, 1 a failure, 2 a usage error), roster errors, secrets.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../providers/testing.js';
import { runBuiltCli, writeRoster } from './support/run-cli.js';
import type { EmulatorMap } from '../providers/testing.js';

const root = new URL('..', import.meta.url).pathname;
let cam: EmulatorMap['tencent-cam'];
let rd: EmulatorMap['alibaba-resource-directory'];
let folder: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  cam = await startEmulator('tencent-cam', { rateLimit: false });
  rd = await startEmulator('alibaba-resource-directory', { rateLimit: false });
  folder = mkdtempSync(join(tmpdir(), 'cloud-contacts-cli-'));
  env = {
    PATH: process.env['PATH'],
    CLOUD_CONTACTS_TENCENT_CAM_ENDPOINT: cam.endpoint,
    CLOUD_CONTACTS_ALIBABA_RESOURCE_DIRECTORY_ENDPOINT: rd.endpoint,
    ...cam.environment,
    ...rd.environment,
  };
});
afterAll(async () => {
  await cam.close();
  await rd.close();
  rmSync(folder, { recursive: true, force: true });
});
beforeEach(() => {
  cam.reset();
  rd.reset();
});

/** Runs the built CLI here, with the emulators' environment (and `extraEnv` on top). */
const cli = (args: string[], extraEnv: NodeJS.ProcessEnv = {}) => runBuiltCli(args, { cwd: folder, env: { ...env, ...extraEnv } });
const roster = (text: string): string => writeRoster(folder, text);

const ROSTER = `
managed:
  prefix: oncall
providers: [tencent-cam, alibaba-resource-directory]
contacts:
  - name: oncall-alice
    email: alice@example.com
    phone: +86 139 0000 1234
    title: TechnicalDirector
    messageTypes: [FaultMessage]
    providers:
      alibaba-resource-directory: { name: oncallAlice }
`;

describe('usage', () => {
  it('--help on every command exits 0; no command, an unknown one or a bad flag exits 2', async () => {
    for (const command of ['', 'list', 'get', 'create', 'update', 'delete', 'verify', 'plan', 'apply', 'export', 'status', 'emulator', 'demo']) {
      const result = await cli(command === '' ? ['--help'] : [command, '--help']);
      expect(result.code, command).toBe(0);
      expect(result.stdout).toMatch(/Usage: cloud-contacts/);
    }
    expect((await cli([])).code).toBe(2);
    expect((await cli(['frobnicate'])).code).toBe(2);
    const badFlag = await cli(['list', '--provider', 'tencent-cam', '--colour', 'red']);
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toMatch(/colour/);
    const noProvider = await cli(['list']);
    expect(noProvider.code).toBe(2);
    expect(noProvider.stderr).toMatch(/--provider must name one provider/);
  });
});

describe('one provider', () => {
  it('create, list, get, update, verify and delete, as tables and as JSON', async () => {
    const created = await cli(['create', '--provider', 'alibaba-resource-directory', '--name', 'Oncall', '--email', 'oncall@example.com', '--title', 'CEO', '--message-types', 'FaultMessage,ServiceMessage', '--json']);
    expect(created.code).toBe(0);
    const [contact] = JSON.parse(created.stdout) as Array<{ id: string; name: string; status: string }>;
    expect(contact).toMatchObject({ name: 'Oncall', status: 'pending-verification' });
    const listed = await cli(['list', '--provider', 'alibaba-resource-directory']);
    expect(listed.stdout).toMatch(/^id\s+name\s+email\s+phone\s+status/m);
    expect(listed.stdout).toContain(contact!.id);
    const got = JSON.parse((await cli(['get', '--provider', 'alibaba-resource-directory', contact!.id, '--json'])).stdout) as Array<{ title: string }>;
    expect(got[0]!.title).toBe('CEO');
    const updated = await cli(['update', '--provider', 'alibaba-resource-directory', contact!.id, '--title', 'Other', '--json']);
    expect((JSON.parse(updated.stdout) as Array<{ title: string }>)[0]!.title).toBe('Other');
    const verified = await cli(['verify', '--provider', 'alibaba-resource-directory', contact!.id, '--channel', 'email']);
    expect(verified.stdout).toMatch(/^sent: email to oncall@example.com \(request id /);
    expect((await cli(['delete', '--provider', 'alibaba-resource-directory', contact!.id])).stdout).toContain(`deleted ${contact!.id}`);
    expect((await cli(['get', '--provider', 'alibaba-resource-directory', contact!.id])).code).toBe(1);
  });

  it('a failure exits 1 and prints the code, provider, field and request id, never a secret', async () => {
    const taken = await cli(['create', '--provider', 'tencent-cam', '--name', 'dup', '--email', 'dup@example.com', '--phone', '+8613900001234']);
    expect(taken.code).toBe(0);
    const again = await cli(['create', '--provider', 'tencent-cam', '--name', 'dup', '--email', 'dup@example.com', '--phone', '+8613900001234']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^error: already-exists provider=tencent-cam field=name: .*request id [0-9a-f-]{36}/m);
    const invalid = await cli(['create', '--provider', 'tencent-cam', '--name', 'x', '--email', 'x@example.com']);
    expect(invalid.stderr).toMatch(/^error: invalid-input provider=tencent-cam field=phone:/m);
    const badKey = await cli(['list', '--provider', 'tencent-cam'], { TENCENTCLOUD_SECRET_KEY: 'CANARYwrongSecretCANARYwrong01' });
    expect(badKey.code).toBe(1);
    expect(badKey.stderr).toMatch(/unauthenticated/);
    expect(badKey.stderr + badKey.stdout).not.toContain('CANARYwrongSecret');
    const missing = await cli(['list', '--provider', 'tencent-cam'], { TENCENTCLOUD_SECRET_ID: '' });
    expect(missing.stderr).toMatch(/invalid-config.*TENCENTCLOUD_SECRET_ID/);
  });
});

describe('plan and apply', () => {
  it('plan shows the changes and changes nothing; apply makes them; apply again changes nothing', async () => {
    const path = roster(ROSTER);
    const plan = await cli(['plan', path]);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toMatch(/tencent-cam\n[\s\S]*create\s+oncall-alice/);
    expect(plan.stdout).toMatch(/alibaba-resource-directory\n[\s\S]*create\s+oncallAlice/);
    expect(cam.requests.filter((request) => request.action === 'CreateMessageReceiver')).toHaveLength(0);
    const apply = await cli(['apply', path]);
    expect(apply.code).toBe(0);
    expect(apply.stdout).toMatch(/2 done, 0 unchanged, 0 skipped, 0 failed/);
    const again = JSON.parse((await cli(['apply', path, '--json'])).stdout) as { summary: Record<string, number>; ok: boolean };
    expect(again).toMatchObject({ ok: true, summary: { done: 0, unchanged: 2 } });
    const planJson = JSON.parse((await cli(['plan', path, '--json', '--provider', 'tencent-cam'])).stdout) as Array<{ id: string; entries: Array<{ kind: string }> }>;
    expect(planJson.map((p) => [p.id, p.entries.map((e) => e.kind)])).toEqual([['tencent-cam', ['unchanged']]]);
  });

  it('an apply with a failure exits 1 and reports it, and the next apply finishes the job', async () => {
    const path = roster(ROSTER);
    rd.failNext({ kind: 'vendor-error', code: 'Forbidden.RAM', action: 'AddMessageContact' });
    const first = await cli(['apply', path]);
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(/alibaba-resource-directory\s+oncallAlice\s+create\s+failed\s+permission-denied/);
    expect(first.stdout).toMatch(/1 done, 0 unchanged, 0 skipped, 1 failed/);
    const second = await cli(['apply', path]);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/1 done, 1 unchanged/);
  });

  it('a malformed roster exits 1 naming the entry and the field; a missing file is a usage error', async () => {
    const bad = await cli(['plan', roster('contacts:\n  - name: Bob\n    email: nope\n')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^error: \/\S+\.yaml:3:12: contacts\[0\] "Bob": email must be a valid email address/);
    expect((await cli(['plan', join(folder, 'absent.yaml')])).code).toBe(2);
  });
});

describe('emulator', () => {
  it('starts emulators, prints environment lines another shell can use, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [join(root, 'dist/cli.js'), 'emulator', 'tencent-cam'], { env: { PATH: process.env['PATH'] } });
    let output = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Ctrl-C')) resolve();
      });
      child.on('exit', () => reject(new Error(`exited early: ${output}`)));
    });
    const lines = Object.fromEntries([...output.matchAll(/^export (\w+)=(\S+)$/gm)].map((match) => [match[1]!, match[2]!]));
    expect(Object.keys(lines).sort()).toEqual(['CLOUD_CONTACTS_TENCENT_CAM_ENDPOINT', 'TENCENTCLOUD_SECRET_ID', 'TENCENTCLOUD_SECRET_KEY']);
    const listed = await cli(['list', '--provider', 'tencent-cam', '--json'], { ...lines, CLOUD_CONTACTS_ALIBABA_RESOURCE_DIRECTORY_ENDPOINT: '' });
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual([]);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
