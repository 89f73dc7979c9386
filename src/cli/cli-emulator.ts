/**
 * `cloud-contacts emulator`: local emulators for another shell or process to use. Prints one
 * `export` line per variable (endpoint and credentials of each), then runs until interrupted.
 */
import { PROVIDER_IDS } from '../model/contact.js';
import type { ProviderId } from '../model/contact.js';
import type { CliEmulator, TestingEntry } from '../testing/testing-entry.js';
import { endpointVariable } from '../settings/settings.js';
import { isProviderId, settingsVariable } from './cli-providers.js';
import type { Output } from './cli-output.js';
import { UsageError } from './cli-usage.js';

/** Loads `cloud-contacts/testing` by package name (the core never imports the emulators). */
export async function loadTesting(): Promise<TestingEntry> {
  const specifier = 'cloud-contacts/testing';
  return (await import(specifier)) as TestingEntry;
}

/**
 * Starts the emulators of the named providers (default: all available). Providers that read the
 * same credential variables (the Alibaba ones) get the same keys, so one set of lines serves both.
 */
export async function startLocalEmulators(ids: readonly ProviderId[], options: object = {}): Promise<CliEmulator[]> {
  const testing = await loadTesting();
  const started: CliEmulator[] = [];
  const keys = new Map<string, { accessKeyId: string; accessKeySecret: string }>();
  try {
    for (const id of ids) {
      const first = await testing.startEmulator(id, options);
      const variable = Object.keys(first.environment)[0] ?? '';
      const shared = keys.get(variable);
      if (shared !== undefined && shared.accessKeyId !== first.credentials.accessKeyId) {
        await first.close();
        started.push(await testing.startEmulator(id, { ...options, credentials: shared }));
      } else {
        keys.set(variable, first.credentials);
        started.push(first);
      }
    }
  } catch (error) {
    await Promise.all(started.map((emulator) => emulator.close()));
    throw error;
  }
  return started;
}

/** The environment lines of running emulators. */
export function environmentLines(emulators: readonly CliEmulator[]): string[] {
  const lines = new Map<string, string>();
  for (const emulator of emulators) {
    lines.set(endpointVariable(emulator.provider), emulator.endpoint);
    for (const [name, value] of Object.entries(emulator.environment)) lines.set(name, value);
    if (emulator.custSpaceId !== undefined) lines.set(settingsVariable(emulator.provider), JSON.stringify({ custSpaceId: emulator.custSpaceId }));
  }
  return [...lines].map(([name, value]) => `export ${name}=${shellQuote(value)}`);
}

function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** `emulator [providers...]`: resolves when interrupted. */
export async function emulatorCommand(positionals: readonly string[], output: Output, json: boolean): Promise<number> {
  for (const id of positionals) if (!isProviderId(id)) throw new UsageError(`${JSON.stringify(id)} is not a provider`);
  const ids = positionals.length === 0 ? PROVIDER_IDS : (positionals as ProviderId[]);
  const emulators = await startLocalEmulators(ids);
  if (json) output.out(JSON.stringify(emulators.map((e) => ({ provider: e.provider, endpoint: e.endpoint, environment: e.environment }))));
  else {
    output.out(`# ${emulators.length} emulator(s) running; paste these lines into another shell, then e.g. cloud-contacts list --provider ${ids[0] ?? 'tencent-cam'}`);
    for (const line of environmentLines(emulators)) output.out(line);
    output.out('# Ctrl-C stops them.');
  }
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await Promise.all(emulators.map((emulator) => emulator.close()));
  return 0;
}
