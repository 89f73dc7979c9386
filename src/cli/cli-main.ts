/**
 * The `cloud-contacts` command line: parses the arguments (Node's own `util.parseArgs`), runs the
 * command, and resolves to the exit code: 0 when all went well, 1 when anything failed, 2 for a
 * usage error.
 */
import { parseArgs } from 'node:util';
import { CONTACT_COMMANDS, providerFlag } from './cli-commands.js';
import { emulatorCommand } from './cli-emulator.js';
import { demoCommand } from './cli-demo.js';
import { describeError, processOutput } from './cli-output.js';
import type { Output } from './cli-output.js';
import { isProviderId, loadProvider, profileSettings } from './cli-providers.js';
import { readRoster, syncCommand } from './cli-sync.js';
import { commandTarget } from './cli-targets.js';
import { HELP, UsageError } from './cli-usage.js';

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  json: { type: 'boolean' },
  provider: { type: 'string', multiple: true },
  target: { type: 'string', multiple: true },
  roster: { type: 'string' },
  endpoint: { type: 'string' },
  profile: { type: 'string' },
  limit: { type: 'string' },
  'page-size': { type: 'string' },
  name: { type: 'string' },
  email: { type: 'string' },
  phone: { type: 'string' },
  title: { type: 'string' },
  'message-types': { type: 'string' },
  remark: { type: 'string' },
  input: { type: 'string' },
  clear: { type: 'string', multiple: true },
  channel: { type: 'string' },
  prune: { type: 'boolean' },
  concurrency: { type: 'string' },
  'max-deletes': { type: 'string' },
  'max-delete-share': { type: 'string' },
  'replace-masked': { type: 'string', multiple: true },
} as const;

/** Runs one command line (without `node` and the script); resolves to its exit code. */
export async function runCli(argv: readonly string[], output: Output = processOutput): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    output.out(HELP['']!);
    return command === undefined ? 2 : 0;
  }
  if (HELP[command] === undefined || command === '') {
    output.err(`error: unknown command ${JSON.stringify(command)}\n\n${HELP['']}`);
    return 2;
  }
  try {
    const { values, positionals } = parseArgs({ args: [...rest], options: OPTIONS, allowPositionals: true, strict: true });
    if (values.help === true) {
      output.out(HELP[command]!);
      return 0;
    }
    const json = values.json === true;
    switch (command) {
      case 'plan':
      case 'apply':
        return await syncCommand(command === 'apply', positionals, values, output, json);
      case 'emulator':
        return await emulatorCommand(positionals, output, json);
      case 'demo':
        return await demoCommand(output);
      default: {
        const providers = values.provider ?? [];
        if (providers.length > 1) throw new UsageError(`${command} works on one provider: give --provider once`);
        const flags = { ...values, provider: providers[0] };
        const settings = profileSettings(values.profile);
        const provider =
          values.target === undefined
            ? await loadProvider(providerFlag(flags, isProviderId), { endpoint: values.endpoint, settings })
            : await commandTarget(command, values, readRoster, settings);
        return await CONTACT_COMMANDS[command]!({ output, json, provider, positionals, flags });
      }
    }
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: unknown }).code?.toString().startsWith('ERR_PARSE_ARGS')) {
      output.err(`error: ${(error as Error).message}\n\n${HELP[command]}`);
      return 2;
    }
    output.err(describeError(error));
    return 1;
  }
}
