/**
 * The built `cloud-contacts` executable in a child process, as an operator runs it: its exit code
 * and output whatever the code; and roster files written where it runs.
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

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
