/**
 * The roster file as the CLI reads it: named on the command line, read with the process's
 * environment for its `{ env: NAME }` values, and its problems printed one a line, each at
 * `file:line:column`, naming the entry once (and for a syntax error, the one line with a caret).
 */
import { readFile } from 'node:fs/promises';
import { isContactError } from '../errors/errors.js';
import { parseRoster } from '../sync/roster.js';
import type { Roster, RosterIssue } from '../sync/roster.js';
import { UsageError } from './cli-usage.js';

/**
 * Reads and checks the roster file a command names.
 *
 * @throws UsageError when no file is named or it cannot be read; ContactError `invalid-input`
 * when it is not a valid roster (print it with {@link rosterProblems}).
 */
export async function readRosterFile(path: string | undefined, command: string, options: { readonly allowUnsetVariables?: boolean } = {}): Promise<Roster> {
  if (path === undefined) throw new UsageError(`${command} needs the roster file: cloud-contacts ${command} roster.yaml`);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new UsageError(code === 'ENOENT' ? `there is no roster file ${path}` : code === 'EISDIR' ? `${path} is a folder, not a roster file` : `cannot read ${path}: ${(error as Error).message}`);
  }
  return parseRoster(text, {
    file: path,
    environment: process.env,
    ...(path.endsWith('.json') ? { format: 'json' } : path.endsWith('.yaml') || path.endsWith('.yml') ? { format: 'yaml' } : {}),
    ...(options.allowUnsetVariables === true ? { allowUnsetVariables: true } : {}),
  });
}

/** Whether an error is a roster's problems (from {@link readRosterFile}), its targets block's included. */
export function isRosterError(error: unknown): boolean {
  // invalid-config: the problems are in the roster's targets: block, its provider settings.
  return (isContactError(error, 'invalid-input') || isContactError(error, 'invalid-config')) && error.operation === 'roster' && error.issues !== undefined;
}

/**
 * A roster's problems as the CLI prints them: one line per problem,
 * `roster.yaml:4:5: contacts[0] "Oncall-Alice": titel is not a known field (did you mean "title"?)`,
 * a syntax error followed by its line and a caret; above them, how many there are.
 */
export function rosterProblems(error: unknown, file: string): string {
  const given = ((error as { issues?: readonly RosterIssue[] }).issues ?? []) as readonly RosterIssue[];
  // In the order of the file, as an editor walks it.
  const issues = [...given].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  const lines = issues.map((issue) => {
    const place = issue.line === undefined ? file : `${file}:${issue.line}:${issue.column ?? 1}`;
    const entry = issue.entry === undefined ? '' : `contacts[${issue.entry.index}]${issue.entry.name === undefined ? '' : ` ${JSON.stringify(issue.entry.name)}`}: `;
    const what = issue.field === '' ? issue.rule.replace(/^is /, '') : `${issue.field} ${issue.rule}`;
    return `${place}: ${entry}${what}${issue.excerpt === undefined ? '' : `\n${issue.excerpt}`}`;
  });
  if (lines.length === 1) return `error: ${lines[0]}`;
  return [`error: ${file} has ${lines.length} problems:`, ...lines].join('\n');
}
