/**
 * `npm run demo`: what a newcomer sees first. It syncs the sample roster to every available
 * emulator three times (create; update, replace and prune; nothing left), registers the
 * roster's WhatsApp number with its code, and shows a vendor limit as a typed error, exiting 0.
 * (How long it takes is measured by `npm run bench`, not asserted here.)
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { DEMO_ROSTER } from '../src/cli/cli-demo-roster.js';

const run = promisify(execFile);
const root = new URL('..', import.meta.url).pathname;

it('the demo syncs the roster, changes it, syncs again, shows a typed vendor limit, and exits 0', async () => {
  const { stdout } = await run(process.execPath, ['dist/cli.js', 'demo'], { cwd: root, env: { ...process.env, http_proxy: '', HTTP_PROXY: '' } });
  expect(stdout).toContain('== first sync');
  expect(stdout).toMatch(/create\s+Oncall-Alice/);
  expect(stdout).toMatch(/replace\s+Oncall-Bob\s+email: bob\.\*\*\*\*@example\.com -> robert\.li@example\.com/);
  expect(stdout).toMatch(/update\s+OncallBob\s+email: bob\.li@example\.com -> robert\.li@example\.com/);
  expect(stdout).toMatch(/delete\s+OncallDana/);
  expect(stdout).toMatch(/third sync[\s\S]*0 done, \d+ unchanged/);
  expect(stdout).toMatch(/error: quota-exceeded provider=tencent-cam/);
  expect(stdout).toMatch(/create\s+Oncall-PagerBot/);
  expect(stdout).toMatch(/alibaba-chatapp\s+Oncall Support Desk\s+create\s+done/);
  expect(stdout).toMatch(/6581234567 "Oncall Support Desk" is pending-verification/);
  expect(stdout).toMatch(/verifyAndRegister\("6581234567", '\d{6}'\) -> active \(CONNECTED\)/);
  expect(stdout).toContain('Every step behaved as shown');
  expect(stdout).not.toContain('!!!');
  for (const secret of ['SEClarkAliceSecret01', 'SECdingtalkBot00001']) expect(stdout).not.toContain(secret);
}, 30_000);

it('the CLI carries the same roster as examples/roster.yaml', () => {
  expect(DEMO_ROSTER).toBe(readFileSync(new URL('../examples/roster.yaml', import.meta.url), 'utf8'));
});
