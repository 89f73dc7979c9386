/**
 * The built `cloud-contacts` executable in a child process, as an operator runs it: its exit code
 * and output whatever the code; and roster files written where it runs.
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EmulatorMap } from '../../providers/testing.js';
import { endpointVariable } from '../../src/settings/settings.js';

const root = new URL('../..', import.meta.url).pathname;

/** The outcome of one command line. */
export interface CliOutcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `dist/cli.js` with these arguments, in `cwd`, with exactly this environment. */
export function runBuiltCli(args: readonly string[], options: { readonly cwd: string; readonly env: NodeJS.ProcessEnv }): Promise<CliOutcome> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(root, 'dist/cli.js'), ...args], { cwd: options.cwd, env: options.env }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1, stdout, stderr });
    });
  });
}

/** Writes a roster file of a fresh name in `folder`; resolves to its path. */
export function writeRoster(folder: string, text: string): string {
  const path = join(folder, `roster-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(path, text);
  return path;
}

/**
 * The environment of a CLI run against the four emulators, as `cloud-contacts emulator` prints it:
 * no proxy variable, each endpoint variable, each vendor's key variables, and ChatApp's customer
 * space in its settings variable.
 */
export function cliEnvironment(emulators: {
  readonly cam: EmulatorMap['tencent-cam'];
  readonly rd: EmulatorMap['alibaba-resource-directory'];
  readonly vmp: EmulatorMap['volcengine-vmp'];
  readonly chatapp: EmulatorMap['alibaba-chatapp'];
}): NodeJS.ProcessEnv {
  const all = [emulators.cam, emulators.rd, emulators.vmp, emulators.chatapp];
  return {
    PATH: process.env['PATH'],
    ...Object.fromEntries(all.map((emulator) => [endpointVariable(emulator.provider), emulator.endpoint])),
    CLOUD_CONTACTS_ALIBABA_CHATAPP_SETTINGS: JSON.stringify({ custSpaceId: emulators.chatapp.custSpaceId }),
    ...Object.assign({}, ...all.map((emulator) => emulator.environment)),
  };
}
