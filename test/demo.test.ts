import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const run = promisify(execFile);

it('the demo runs every available example against its emulator and exits 0', async () => {
  const root = new URL('..', import.meta.url).pathname;
  const { stdout } = await run(process.execPath, ['examples/demo.mjs'], { cwd: root, env: { ...process.env, http_proxy: '', HTTP_PROXY: '' } });
  expect(stdout).toContain('=== tencent-cam');
  expect(stdout).toContain('after the receiver confirmed: active');
  expect(stdout).toContain('refused (unsupported)');
  expect(stdout).toContain('=== alibaba-resource-directory');
  expect(stdout).toMatch(/confirm\s+the owner confirmed: active/);
  expect(stdout).toContain('=== alibaba-chatapp');
  expect(stdout).toMatch(/register\s+code \d{6} accepted: registered: active \(CONNECTED, phone verified\)/);
  expect(stdout).not.toContain('!!!');
}, 60_000);
