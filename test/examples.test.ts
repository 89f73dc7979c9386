/** Every example runs against its emulator and exits 0, so none can rot; the demo has its own test. */
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const run = promisify(execFile);
const root = new URL('..', import.meta.url).pathname;
const examples = readdirSync(new URL('../examples/', import.meta.url)).filter((file) => file.endsWith('.mjs'));
const env = { ...process.env, http_proxy: '', HTTP_PROXY: '', https_proxy: '', HTTPS_PROXY: '' };

it.each(examples)('examples/%s runs and exits 0', async (file) => {
  const { stdout } = await run(process.execPath, [`examples/${file}`], { cwd: root, env });
  expect(stdout.length).toBeGreaterThan(0);
  expect(stdout).not.toContain('!!!');
}, 30_000);

it('the observability example logs every event and closes every span it opens', async () => {
  const { stdout } = await run(process.execPath, ['examples/observability.mjs'], { cwd: root, env });
  const events = stdout.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as { type: string });
  expect(events.map((event) => event.type)).toEqual(['request', 'error', 'throttle', 'retry', 'request', 'response', 'request', 'response']);
  expect(stdout).toContain('open spans left: 0');
  expect(stdout).not.toContain('oncall@example.com');
});
