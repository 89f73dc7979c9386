/**
 * Reading what a credential chain looks at: environment variables, the home directory, profile
 * files (JSON and INI) and token files. Nothing here keeps or prints a value it read.
 */
import { readFile } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { ProviderId } from '../model/contact.js';
import { credentialError } from './credential-errors.js';

/** The first of the named variables that is set and not blank; names may be joined with ` or `. */
export function envValue(environment: NodeJS.ProcessEnv, ...names: string[]): string | undefined {
  for (const name of names.flatMap((entry) => entry.split(' or '))) {
    const value = environment[name];
    if (value !== undefined && value.trim() !== '') return value.trim();
  }
  return undefined;
}

/** Whether a variable says `true` (any case), as the vendors read their switches. */
export function envFlag(environment: NodeJS.ProcessEnv, name: string): boolean {
  return environment[name]?.trim().toLowerCase() === 'true';
}

/** The home directory as the vendors' SDKs find it: `HOME`, then `USERPROFILE`, then the OS's. */
export function homeDirectory(environment: NodeJS.ProcessEnv): string {
  return envValue(environment, 'HOME', 'USERPROFILE') ?? homedir();
}

/** A path under the home directory. */
export function inHome(environment: NodeJS.ProcessEnv, ...parts: string[]): string {
  return join(homeDirectory(environment), ...parts);
}

/** A path as messages show it: the home directory as `~`. */
export function shownPath(path: string, environment: NodeJS.ProcessEnv): string {
  const home = homeDirectory(environment);
  return path.startsWith(`${home}/`) ? `~${path.slice(home.length)}` : path;
}

/**
 * A file's text, or undefined when it does not exist.
 *
 * @throws ContactError `invalid-config` when it exists but cannot be read.
 */
export async function readOptionalFile(path: string, provider: ProviderId, shown: string): Promise<string | undefined> {
  try {
    // node:fs's callback form: importing node:fs/promises would load a dozen of Node's own modules
    // (readline among them) into every process, for a read that most of them never make.
    return await new Promise<string>((resolve, reject) => readFile(path, 'utf8', (error, text) => (error === null ? resolve(text) : reject(error))));
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw credentialError(provider, 'invalid-config', `cannot read ${shown} (${String(code ?? 'error')})`, { cause: error });
  }
}

/**
 * A token file's content, trimmed (Kubernetes projects service-account tokens into one).
 *
 * @throws ContactError `invalid-config` naming the file and the variable when it is missing or empty.
 */
export async function readTokenFile(path: string, provider: ProviderId, variable: string): Promise<string> {
  const text = await readOptionalFile(path, provider, path);
  if (text === undefined || text.trim() === '') {
    throw credentialError(provider, 'invalid-config', `the OIDC token file ${path} (from ${variable}) ${text === undefined ? 'does not exist' : 'is empty'}`, { field: variable });
  }
  return text.trim();
}

/**
 * Parses a JSON profile file.
 *
 * @throws ContactError `invalid-config` naming the file when it is not JSON (its content is never echoed).
 */
export function parseJsonFile(text: string, provider: ProviderId, shown: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw credentialError(provider, 'invalid-config', `${shown} is not valid JSON`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw credentialError(provider, 'invalid-config', `${shown} does not hold a JSON object`);
  return parsed as Record<string, unknown>;
}

/**
 * Parses an INI file as the vendors' credential files are written: `[section]` headers,
 * `key = value` lines, `#` and `;` comments, optional quotes around values.
 */
export function parseIni(text: string): Map<string, Map<string, string>> {
  const sections = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[\s*(.+?)\s*\]$/.exec(line);
    if (header !== null) {
      const name = header[1]!;
      current = sections.get(name) ?? new Map<string, string>();
      sections.set(name, current);
      continue;
    }
    const equals = line.indexOf('=');
    if (equals < 0 || current === undefined) continue;
    const key = line.slice(0, equals).trim();
    const value = line.slice(equals + 1).trim().replace(/^(["'])(.*)\1$/, '$2');
    current.set(key, value);
  }
  return sections;
}

/** A text field of a parsed profile, trimmed; undefined when absent or blank. */
export function textField(record: Readonly<Record<string, unknown>> | ReadonlyMap<string, string>, name: string): string | undefined {
  const value = record instanceof Map ? record.get(name) : (record as Record<string, unknown>)[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** A whole-number field of a parsed profile (a number or a numeric string). */
export function numberField(record: Readonly<Record<string, unknown>> | ReadonlyMap<string, string>, name: string): number | undefined {
  const value = record instanceof Map ? record.get(name) : (record as Record<string, unknown>)[name];
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : undefined;
  return number !== undefined && Number.isInteger(number) && number > 0 ? number : undefined;
}
