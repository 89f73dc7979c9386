/** The examples that the demo does not run still run, so they cannot rot. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const run = promisify(execFile);
const root = new URL('..', import.meta.url).pathname;

it('the observability example logs every event and closes every span it opens', async () => {
  const { stdout } = await run(process.execPath, ['examples/observability.mjs'], { cwd: root, env: { ...process.env, http_proxy: '', HTTP_PROXY: '' } });
  const events = stdout.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as { type: string });
  expect(events.map((event) => event.type)).toEqual(['request', 'error', 'throttle', 'retry', 'request', 'response', 'request', 'response']);
  expect(stdout).toContain('open spans left: 0');
  expect(stdout).not.toContain('oncall@example.com');
});
