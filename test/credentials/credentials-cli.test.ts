/**
 * The CLI reads credentials through the same chains as the providers, and `--profile` picks a
 * profile of the vendor CLI's files; what it prints never holds a secret.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../providers/testing.js';
import type { EmulatorMap } from '../../providers/testing.js';
import { NOTHING_LISTENS } from '../support/credential-environment.js';

const root = new URL('../..', import.meta.url).pathname;
const CANARY = 'CANARY-cli-secret-5e6f7a8b9c0d';
let cam: EmulatorMap['tencent-cam'];
let home: string;

beforeAll(async () => {
  cam = await startEmulator('tencent-cam', { rateLimit: false });
  home = mkdtempSync(join(tmpdir(), 'cloud-contacts-cli-home-'));
  mkdirSync(join(home, '.tencentcloud'));
  const { accessKeyId, accessKeySecret } = cam.credentials;
  writeFileSync(join(home, '.tencentcloud', 'credentials'), `[default]\nsecret_id = ${accessKeyId}\nsecret_key = ${CANARY}\n\n[prod]\nsecret_id = ${accessKeyId}\nsecret_key = ${accessKeySecret}\n`);
});
afterAll(async () => {
  await cam.close();
  rmSync(home, { recursive: true, force: true });
});

/** Runs the CLI in a clean environment: the temporary HOME, the emulator's endpoint, no vendor variable. */
function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = {
    PATH: process.env['PATH'],
    HOME: home,
    CLOUD_CONTACTS_TENCENT_CAM_ENDPOINT: cam.endpoint,
    CLOUD_CONTACTS_TENCENT_CAM_SETTINGS: JSON.stringify({ metadataEndpoint: NOTHING_LISTENS }),
  };
  return new Promise((resolve) => {
    execFile(process.execPath, [join(root, 'dist/cli.js'), ...args], { cwd: home, env }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1, stdout, stderr });
    });
  });
}

describe('cloud-contacts --profile', () => {
  it('reads the named profile, else the default one, through the vendor chain', async () => {
    const prod = await cli(['list', '--provider', 'tencent-cam', '--profile', 'prod', '--json']);
    expect(prod).toMatchObject({ code: 0, stdout: '[]\n' });
    const byDefault = await cli(['list', '--provider', 'tencent-cam']);
    expect(byDefault.code).toBe(1);
    expect(byDefault.stderr).toMatch(/unauthenticated/);
    const missing = await cli(['list', '--provider', 'tencent-cam', '--profile', 'nope']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/invalid-config.*no \[nope\] section in ~\/\.tencentcloud\/credentials/s);
    expect((await cli(['list', '--provider', 'tencent-cam', '--profile', ''])).code).toBe(2);
    for (const output of [prod, byDefault, missing]) expect(output.stdout + output.stderr).not.toContain(CANARY);
  });
});
