/**
 * The CLI's commands for one provider: list, get, create, update, delete and verify. Each
 * resolves to an exit code: 0 when all went well, 1 when the call failed.
 */
import { readFile } from 'node:fs/promises';
import { PROVIDER_IDS } from '../model/contact.js';
import type { Contact, ContactInput, ProviderId } from '../model/contact.js';
import { didYouMeanNote } from '../util/did-you-mean.js';
import type { VerificationChannel } from '../contract/provider.js';
import type { SyncProvider } from '../sync/sync-types.js';
import { describeError, table } from './cli-output.js';
import type { Output } from './cli-output.js';
import { UsageError } from './cli-usage.js';
import { jsonSyntaxProblem } from '../sync/json-syntax.js';
import { excerptAt, positionOf } from '../sync/roster-text.js';

/** What a command runs with. */
interface CommandContext {
  readonly output: Output;
  /** Print JSON for scripts instead of tables. */
  readonly json: boolean;
  /** The provider, built from its flags and environment. */
  readonly provider: SyncProvider;
  /** The command's positional arguments. */
  readonly positionals: readonly string[];
  /** The command's flags. */
  readonly flags: Readonly<Record<string, string | boolean | string[] | undefined>>;
}

const CONTACT_COLUMNS = ['id', 'name', 'email', 'phone', 'status'] as const;

function printContacts(context: CommandContext, contacts: ReadonlyArray<Contact<object>>): void {
  if (context.json) context.output.out(JSON.stringify(contacts, null, 2));
  else context.output.out(table(CONTACT_COLUMNS, contacts.map((contact) => CONTACT_COLUMNS.map((column) => contact[column])), context.output.columns));
}

async function run(context: CommandContext, body: () => Promise<void>): Promise<number> {
  try {
    await body();
    return 0;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    context.output.err(describeError(error));
    if (context.json) context.output.out(JSON.stringify({ error }, null, 2));
    return 1;
  }
}

function idOf(context: CommandContext, command: string): string {
  const id = context.positionals[0];
  if (id === undefined) throw new UsageError(`${command} needs the contact's id: cloud-contacts ${command} --provider <id> <contact-id>`);
  return id;
}

/** The contact fields given as flags, or as a JSON file with `--input` (`-` for standard input). */
async function inputOf(context: CommandContext): Promise<Record<string, unknown>> {
  const { flags } = context;
  const file = flags['input'];
  const base: Record<string, unknown> = typeof file === 'string' ? await jsonInput(file) : {};
  for (const key of ['name', 'email', 'phone', 'title', 'remark'] as const) if (typeof flags[key] === 'string') base[key] = flags[key];
  if (typeof flags['message-types'] === 'string') base['messageTypes'] = flags['message-types'].split(',').map((type) => type.trim()).filter(Boolean);
  const clear = flags['clear'];
  for (const field of Array.isArray(clear) ? clear : typeof clear === 'string' ? [clear] : []) base[field] = null;
  return base;
}

/**
 * The object a `--input` file (or `-`, standard input) holds.
 *
 * @throws UsageError (exit 2) when it cannot be read or is not a JSON object: where, and the line with a caret.
 */
async function jsonInput(file: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = file === '-' ? await readStdin() : await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`--input ${file}: cannot read it (${(error as { code?: string }).code ?? (error as Error).message})`);
  }
  const where = file === '-' ? 'standard input' : file;
  const problem = jsonSyntaxProblem(text);
  if (problem !== undefined) {
    const place = positionOf(text, problem.offset);
    throw new UsageError(`--input ${where}:${place.line}:${place.column}: not valid JSON: ${problem.message}\n${excerptAt(text, place)}`);
  }
  const value: unknown = JSON.parse(text);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UsageError(`--input ${where} must hold a JSON object, such as {"name": "oncall", "email": "oncall@example.com"}`);
  return value as Record<string, unknown>;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The contact commands, by name. */
export const CONTACT_COMMANDS: Readonly<Record<string, (context: CommandContext) => Promise<number>>> = {
  list: (context) =>
    run(context, async () => {
      const limit = context.flags['limit'];
      const pageSize = context.flags['page-size'];
      const query = { ...(typeof limit === 'string' ? { limit: Number(limit) } : {}), ...(typeof pageSize === 'string' ? { pageSize: Number(pageSize) } : {}) };
      printContacts(context, await context.provider.list(query).all());
    }),
  get: (context) => run(context, async () => printContacts(context, [await context.provider.get(idOf(context, 'get'))])),
  create: (context) => run(context, async () => printContacts(context, [await context.provider.create((await inputOf(context)) as unknown as ContactInput)])),
  update: (context) =>
    run(context, async () => {
      const id = idOf(context, 'update');
      printContacts(context, [await context.provider.update(id, await inputOf(context))]);
    }),
  delete: (context) =>
    run(context, async () => {
      const id = idOf(context, 'delete');
      await context.provider.delete(id);
      if (context.json) context.output.out(JSON.stringify({ deleted: id }));
      else context.output.out(`deleted ${id}`);
    }),
  verify: (context) =>
    run(context, async () => {
      const id = idOf(context, 'verify');
      const channel = context.flags['channel'];
      if (typeof channel !== 'string') throw new UsageError('verify needs --channel email, phone or webhook');
      const result = await context.provider.sendVerification(id, channel as VerificationChannel);
      if (context.json) context.output.out(JSON.stringify(result, null, 2));
      else context.output.out(`${result.status}: ${result.channel}${result.target === undefined ? '' : ` to ${result.target}`}${result.requestId === undefined ? '' : ` (request id ${result.requestId})`}`);
    }),
};

/** The provider a contact command names. */
export function providerFlag(flags: CommandContext['flags'], isProvider: (value: unknown) => value is ProviderId): ProviderId {
  const value = flags['provider'];
  if (value === undefined) throw new UsageError(`--provider must name one provider (${PROVIDER_IDS.join(', ')})`);
  if (!isProvider(value)) throw new UsageError(`--provider ${JSON.stringify(value)} is not a provider${didYouMeanNote(String(value), PROVIDER_IDS, (text) => text) || ` (known: ${PROVIDER_IDS.join(', ')})`}`);
  return value;
}
