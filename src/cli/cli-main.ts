/**
 * The `cloud-contacts` command line: reads the arguments (cli-args), runs the command, and
 * resolves to the exit code: 0 when all went well, 1 when anything failed, 2 for a usage error
 * (said in our words, with the command's usage line), 3 for `plan --detailed-exitcode` with changes.
 */
import { didYouMeanNote } from '../util/did-you-mean.js';
import { readCommandLine } from './cli-args.js';
import { CONTACT_COMMANDS, providerFlag } from './cli-commands.js';
import { demoCommand } from './cli-demo.js';
import { DEMO_ROSTER } from './cli-demo-roster.js';
import { emulatorCommand } from './cli-emulator.js';
import { exportCommand } from './cli-export.js';
import { describeError, processOutput } from './cli-output.js';
import type { Output } from './cli-output.js';
import { isProviderId, loadProvider, profileSettings } from './cli-providers.js';
import { readRosterFile } from './cli-roster.js';
import { statusCommand, verifyPendingCommand } from './cli-status.js';
import { syncCommand } from './cli-sync.js';
import { commandTarget } from './cli-targets.js';
import { COMMANDS, HELP, UsageError, usageLine } from './cli-usage.js';

/** Runs one command line (without `node` and the script); resolves to its exit code. */
export async function runCli(argv: readonly string[], output: Output = processOutput): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    output.out(HELP['']!);
    return 0;
  }
  if (command === undefined) {
    output.err(HELP['']!);
    return 2;
  }
  if (COMMANDS[command] === undefined) {
    output.err(`error: there is no command ${JSON.stringify(command)}${didYouMeanNote(command, Object.keys(COMMANDS))}\n${usageLine('')}\nRun cloud-contacts --help for the commands.`);
    return 2;
  }
  try {
    const { flags, positionals, help } = readCommandLine(command, rest);
    if (help) {
      output.out(HELP[command]!);
      return 0;
    }
    return await run(command, flags, positionals, output);
  } catch (error) {
    if (error instanceof UsageError) {
      output.err(`error: ${error.message}\n${usageLine(command)}\nRun cloud-contacts ${command} --help for all its options.`);
      return 2;
    }
    output.err(describeError(error));
    return 1;
  }
}

async function run(command: string, flags: Readonly<Record<string, string | boolean | string[] | undefined>>, positionals: readonly string[], output: Output): Promise<number> {
  const json = flags['json'] === true;
  switch (command) {
    case 'plan':
    case 'apply':
      return syncCommand(command === 'apply', positionals, flags, output, json);
    case 'export':
      return exportCommand(flags, output, json);
    case 'status':
      return statusCommand(positionals, flags, output, json);
    case 'emulator':
      return emulatorCommand(positionals, output, json);
    case 'demo':
      if (flags['print-roster'] === true) {
        output.out(DEMO_ROSTER.trimEnd());
        return 0;
      }
      return demoCommand(output);
    default: {
      if (command === 'verify' && flags['pending'] === true) {
        if (flags['channel'] !== undefined) throw new UsageError('verify --pending sends on every pending channel: give --channel only to verify one contact');
        return verifyPendingCommand(positionals, flags, output, json);
      }
      const providers = (flags['provider'] as string[] | undefined) ?? [];
      if (providers.length > 1) throw new UsageError(`${command} works on one provider: give --provider once`);
      const one = { ...flags, provider: providers[0] };
      const settings = profileSettings(flags['profile']);
      // --roster file --target name: that target of the roster, built as plan and apply build it.
      const provider =
        flags['target'] === undefined
          ? await loadProvider(providerFlag(one, isProviderId), { endpoint: flags['endpoint'] as string | undefined, settings })
          : await commandTarget(command, flags, (path) => readRosterFile(path, command), settings);
      return CONTACT_COMMANDS[command]!({ output, json, provider, positionals, flags: one });
    }
  }
}
