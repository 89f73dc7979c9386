/**
 * The exit code of every command in every outcome, in one table: 0 all went well, 1 something
 * failed, 2 the command line is wrong, 3 `plan --detailed-exitcode` found changes. The CLI runs in
 * this process (`runCli`, what the executable runs) against the four emulators, whose endpoints
 * and keys are in the environment as `cloud-contacts emulator` prints them. (`demo` itself and
 * `emulator` until Ctrl-C run in test/demo.test.ts and test/cli.test.ts, in a child process.)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli } from '../src/cli/cli-main.js';
import type { SyncProvider } from '../src/index.js';
import { startClouds } from './support/people-clouds.js';
import type { Clouds } from './support/people-clouds.js';

let clouds: Clouds;
let folder: string;
const saved = { ...process.env };
const ids = { vmp: '', rd: '' };

beforeAll(async () => {
  clouds = await startClouds();
  folder = mkdtempSync(join(tmpdir(), 'cloud-contacts-exit-codes-'));
  Object.assign(process.env, clouds.env);
  const [, rd, vmp] = clouds.providers() as [SyncProvider, SyncProvider, SyncProvider];
  ids.vmp = (await vmp.create({ name: 'exit-bot', webhooks: { generic: { url: 'https://hooks.example.com/exit' } } })).id;
  ids.rd = (await rd.create({ name: 'ExitRd', email: 'exitrd@example.com', title: 'CEO', messageTypes: ['FaultMessage'] })).id;
});
afterAll(async () => {
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
  await clouds.close();
  rmSync(folder, { recursive: true, force: true });
});

/** A roster file in the folder. */
function roster(name: string, contacts: string, providers = '[alibaba-resource-directory]'): string {
  const path = join(folder, name);
  writeFileSync(path, `version: 1\nproviders: ${providers}\ncontacts:\n${contacts}`);
  return path;
}
const RD_ENTRY = '  - name: ExitRd\n    email: exitrd@example.com\n    title: CEO\n    messageTypes: [FaultMessage]\n';
const newEntry = (name: string): string => `  - name: ${name}\n    email: ${name.toLowerCase()}@example.com\n    title: CEO\n    messageTypes: [FaultMessage]\n`;
const denied = (action: string) => () => clouds.vmp.failNext({ kind: 'vendor-error', code: 'AccessDenied', httpStatus: 403, action });
const rdRefuses = (action: string) => () => clouds.rd.failNext({ kind: 'vendor-error', code: 'Forbidden.RAM', action });

interface Row {
  readonly command: string;
  readonly outcome: string;
  readonly args: () => string[];
  readonly before?: () => void;
  readonly code: 0 | 1 | 2 | 3;
}

const VMP = ['--provider', 'volcengine-vmp'];
const RD = ['--provider', 'alibaba-resource-directory'];
const NOT_A_CONTACT = '00000000-0000-4000-8000-000000000000';

const ROWS: readonly Row[] = [
  { command: '(none)', outcome: '--help', args: () => ['--help'], code: 0 },
  { command: '(none)', outcome: 'no command', args: () => [], code: 2 },
  { command: '(none)', outcome: 'an unknown command', args: () => ['frobnicate'], code: 2 },
  { command: 'list', outcome: 'listed', args: () => ['list', ...VMP], code: 0 },
  { command: 'list', outcome: 'the vendor refuses', args: () => ['list', ...VMP], before: denied('ListContacts'), code: 1 },
  { command: 'list', outcome: 'an extra argument', args: () => ['list', ...VMP, 'extra'], code: 2 },
  { command: 'get', outcome: 'found', args: () => ['get', ...VMP, ids.vmp], code: 0 },
  { command: 'get', outcome: 'not found', args: () => ['get', ...VMP, NOT_A_CONTACT], code: 1 },
  { command: 'get', outcome: 'no id', args: () => ['get', ...VMP], code: 2 },
  { command: 'create', outcome: 'created', args: () => ['create', ...VMP, '--name', 'exit-created'], code: 0 },
  { command: 'create', outcome: 'the name is taken', args: () => ['create', ...VMP, '--name', 'exit-bot'], code: 1 },
  { command: 'create', outcome: '--input is not JSON', args: () => ['create', ...VMP, '--input', writeInput('{"name": }')], code: 2 },
  { command: 'update', outcome: 'updated', args: () => ['update', ...VMP, ids.vmp, '--email', 'exit@example.com'], code: 0 },
  { command: 'update', outcome: 'not found', args: () => ['update', ...VMP, NOT_A_CONTACT, '--email', 'x@example.com'], code: 1 },
  { command: 'update', outcome: 'no id', args: () => ['update', ...VMP, '--email', 'x@example.com'], code: 2 },
  { command: 'delete', outcome: 'not found', args: () => ['delete', ...VMP, NOT_A_CONTACT], code: 1 },
  { command: 'delete', outcome: 'two ids', args: () => ['delete', ...VMP, NOT_A_CONTACT, NOT_A_CONTACT], code: 2 },
  { command: 'verify', outcome: 'sent', args: () => ['verify', ...RD, ids.rd, '--channel', 'email'], code: 0 },
  { command: 'verify', outcome: 'a channel the vendor lacks', args: () => ['verify', ...VMP, ids.vmp, '--channel', 'phone'], code: 1 },
  { command: 'verify', outcome: 'no --channel', args: () => ['verify', ...RD, ids.rd], code: 2 },
  { command: 'verify --pending', outcome: 'sent what waits', args: () => ['verify', '--pending', roster('pending.yaml', RD_ENTRY)], code: 0 },
  { command: 'verify --pending', outcome: 'a send fails', args: () => ['verify', '--pending', roster('pending.yaml', RD_ENTRY)], before: rdRefuses('SendEmailVerificationForMessageContact'), code: 1 },
  { command: 'verify --pending', outcome: 'no roster', args: () => ['verify', '--pending'], code: 2 },
  { command: 'plan', outcome: 'planned', args: () => ['plan', roster('rd.yaml', RD_ENTRY)], code: 0 },
  { command: 'plan', outcome: 'an invalid roster', args: () => ['plan', roster('bad.yaml', '  - name: ExitRd\n    email: nope\n')], code: 1 },
  { command: 'plan', outcome: 'a listing fails', args: () => ['plan', roster('rd.yaml', RD_ENTRY)], before: rdRefuses('ListMessageContacts'), code: 1 },
  { command: 'plan', outcome: 'two rosters', args: () => ['plan', 'a.yaml', 'b.yaml'], code: 2 },
  { command: 'plan --detailed-exitcode', outcome: 'nothing would change', args: () => ['plan', roster('rd.yaml', RD_ENTRY), '--detailed-exitcode'], code: 0 },
  { command: 'plan --detailed-exitcode', outcome: 'changes', args: () => ['plan', roster('more.yaml', RD_ENTRY + newEntry('Newcomer')), '--detailed-exitcode'], code: 3 },
  { command: 'plan --detailed-exitcode', outcome: 'a listing fails', args: () => ['plan', roster('more.yaml', RD_ENTRY + newEntry('Newcomer')), '--detailed-exitcode'], before: rdRefuses('ListMessageContacts'), code: 1 },
  { command: 'apply', outcome: 'applied', args: () => ['apply', roster('apply.yaml', RD_ENTRY + newEntry('Applied'))], code: 0 },
  { command: 'apply', outcome: 'a change fails', args: () => ['apply', roster('refused.yaml', RD_ENTRY + newEntry('Refused'))], before: rdRefuses('AddMessageContact'), code: 1 },
  { command: 'apply', outcome: 'a bad --concurrency', args: () => ['apply', roster('rd.yaml', RD_ENTRY), '--concurrency', '0'], code: 2 },
  { command: 'export', outcome: 'exported', args: () => ['export', ...VMP], code: 0 },
  { command: 'export', outcome: 'a provider cannot be read', args: () => ['export', ...VMP], before: denied('ListContacts'), code: 1 },
  { command: 'export', outcome: 'an argument it does not take', args: () => ['export', 'roster.yaml'], code: 2 },
  {
    command: 'status',
    outcome: 'everyone on call reachable',
    args: () => ['status', roster('bot.yaml', '  - name: exit-bot\n    oncall: true\n    webhooks: { generic: { url: "https://hooks.example.com/exit" } }\n', '[volcengine-vmp]')],
    code: 0,
  },
  { command: 'status', outcome: 'someone on call unreachable', args: () => ['status', roster('waiting.yaml', RD_ENTRY.replace('\n', '\n    oncall: true\n'))], code: 1 },
  { command: 'status', outcome: 'no roster', args: () => ['status'], code: 2 },
  { command: 'emulator', outcome: '--help', args: () => ['emulator', '--help'], code: 0 },
  { command: 'emulator', outcome: 'an unknown provider', args: () => ['emulator', 'aws-sns'], code: 2 },
  { command: 'demo', outcome: '--print-roster', args: () => ['demo', '--print-roster'], code: 0 },
  { command: 'demo', outcome: 'an argument it does not take', args: () => ['demo', 'now'], code: 2 },
  { command: 'delete', outcome: 'deleted', args: () => ['delete', ...VMP, ids.vmp], code: 0 },
];

function writeInput(text: string): string {
  const path = join(folder, 'input.json');
  writeFileSync(path, text);
  return path;
}

it('exits with the code of each outcome, for every command', async () => {
  const seen: string[] = [];
  const expected: string[] = [];
  for (const row of ROWS) {
    clouds.vmp.clearFaults();
    clouds.rd.clearFaults();
    row.before?.();
    const output = { out: () => undefined, err: () => undefined, interactive: false };
    const code = await runCli(row.args(), output);
    seen.push(`${row.command}: ${row.outcome} → ${code}`);
    expected.push(`${row.command}: ${row.outcome} → ${row.code}`);
  }
  expect(seen).toEqual(expected);
}, 60_000);
