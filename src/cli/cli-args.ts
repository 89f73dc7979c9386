/**
 * Reading a command line: Node's own `util.parseArgs` splits it, and every mistake is said in our
 * words, against the command's own flags (an option another command takes is still a mistake
 * here), with "did you mean" for a slip; a flag that needs a value and has none, one that takes
 * none and has one, and a positional argument too many or too few are usage errors.
 */
import { parseArgs } from 'node:util';
import { didYouMean } from '../util/did-you-mean.js';
import { COMMANDS, UsageError } from './cli-usage.js';

/** Every flag of every command, for `util.parseArgs`. */
export const OPTIONS = {
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
  pending: { type: 'boolean' },
  prune: { type: 'boolean' },
  concurrency: { type: 'string' },
  'max-deletes': { type: 'string' },
  'max-delete-share': { type: 'string' },
  'replace-masked': { type: 'string', multiple: true },
  'detailed-exitcode': { type: 'boolean' },
  output: { type: 'string', short: 'o' },
  'test-webhooks': { type: 'boolean' },
  'print-roster': { type: 'boolean' },
} as const;

type OptionName = keyof typeof OPTIONS;

/** The flags given, by name. */
export type Flags = Readonly<Record<string, string | boolean | string[] | undefined>>;

/** A command line, read. */
export interface CommandLine {
  /** The flags given. */
  readonly flags: Flags;
  /** The positional arguments. */
  readonly positionals: readonly string[];
  /** Whether `--help` was asked (then nothing else is checked). */
  readonly help: boolean;
}

/**
 * Reads a command's arguments.
 *
 * @throws UsageError naming the mistake, for the command's usage line to follow.
 */
export function readCommandLine(command: string, args: readonly string[]): CommandLine {
  const spec = COMMANDS[command];
  const allowed = new Set<string>(['help', 'json', ...(spec?.flags ?? [])]);
  const { values, positionals, tokens } = parseArgs({ args: [...args], options: OPTIONS, allowPositionals: true, strict: false, tokens: true });
  if (values['help'] === true) return { flags: values, positionals, help: true };
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const name = token.name;
    if (!allowed.has(name)) throw new UsageError(unknownOption(command, token.rawName, name, [...allowed]));
    const type = (OPTIONS as Record<string, { type: string }>)[name]?.type;
    if (type === 'string' && (token.value === undefined || (token.inlineValue !== true && token.value.startsWith('--')))) {
      throw new UsageError(`${token.rawName} needs a value${example(name as OptionName)}`);
    }
    if (type === 'boolean' && token.value !== undefined) throw new UsageError(`${token.rawName} takes no value (give ${token.rawName} alone)`);
  }
  if (spec !== undefined) checkPositionals(command, positionals, spec.positionals, spec.takes);
  return { flags: values, positionals, help: false };
}

function unknownOption(command: string, raw: string, name: string, allowed: readonly string[]): string {
  const guess = didYouMean(name, allowed.filter((flag) => flag !== 'help'));
  if (guess !== undefined) return `${command} has no option ${raw} (did you mean --${guess}?)`;
  const elsewhere = Object.entries(COMMANDS)
    .filter(([, spec]) => spec.flags.includes(name))
    .map(([other]) => other);
  if (elsewhere.length > 0) return `${raw} is not an option of ${command} (${elsewhere.join(' and ')} ${elsewhere.length === 1 ? 'takes' : 'take'} it)`;
  return `${command} has no option ${raw}`;
}

function example(name: OptionName): string {
  const examples: Partial<Record<OptionName, string>> = {
    provider: ': --provider tencent-cam',
    endpoint: ': --endpoint http://127.0.0.1:4010',
    channel: ': --channel email',
    output: ': --output roster.yaml',
    profile: ': --profile prod',
    target: ': --target cam-prod',
    roster: ': --roster roster.yaml',
    input: ': --input contact.json, or --input - for standard input',
  };
  return examples[name] ?? '';
}

function checkPositionals(command: string, given: readonly string[], [min, max]: readonly [number, number], takes = 'arguments'): void {
  if (given.length < min) throw new UsageError(`${command} needs ${takes}`);
  if (given.length <= max) return;
  const extra = given.slice(max).map((arg) => JSON.stringify(arg)).join(' ');
  throw new UsageError(max === 0 ? `${command} takes no arguments, but was given ${extra}` : `${command} takes ${max === 1 ? 'one argument' : `at most ${max} arguments`} (${takes}); this one is extra: ${extra}`);
}
