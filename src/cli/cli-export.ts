/**
 * `cloud-contacts export`: the roster of what the clouds hold, to standard output or a file, with
 * what to do next on standard error.
 */
import { writeFile } from 'node:fs/promises';
import { exportRoster } from '../export/export-roster.js';
import { formatRoster } from '../export/export-text.js';
import type { ExportedRoster } from '../export/export-types.js';
import { describeError } from './cli-output.js';
import type { Output } from './cli-output.js';
import { providersFor } from './cli-sync.js';
import { UsageError } from './cli-usage.js';

/** `export`; resolves to the exit code: 0, or 1 when a provider could not be read (the roster holds the others). */
export async function exportCommand(flags: Readonly<Record<string, unknown>>, output: Output, json: boolean): Promise<number> {
  const file = typeof flags['output'] === 'string' ? flags['output'] : undefined;
  const providers = await providersFor(undefined, flags);
  const exported = await exportRoster(providers);
  const text = await formatRoster(exported, { format: json ? 'json' : 'yaml' });
  if (file === undefined) output.out(text.trimEnd());
  else {
    try {
      // `wx`: an export never writes over a roster someone may have edited.
      await writeFile(file, text, { flag: 'wx' });
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      throw new UsageError(code === 'EEXIST' ? `--output ${file} exists: export writes only a new file (move it away, or name another)` : `--output ${file}: cannot write it (${String(code ?? (error as Error).message)})`);
    }
  }
  for (const target of exported.targets) if (target.error !== undefined) output.err(describeError(target.error));
  output.err(summary(exported, file));
  return exported.targets.some((target) => target.error !== undefined) ? 1 : 0;
}

/** What was written and what to do next, for standard error. */
function summary(exported: ExportedRoster, file: string | undefined): string {
  const entries = exported.roster.contacts.length;
  const apart = exported.notes.filter((notes) => notes.some((note) => note.startsWith('kept apart'))).length;
  const where = file ?? '<the roster>';
  const lines = [
    `${file === undefined ? 'Exported' : `Wrote ${file}:`} ${entries} ${entries === 1 ? 'entry' : 'entries'} from ${exported.targets.filter((target) => target.error === undefined).map((target) => `${target.target} (${target.contacts})`).join(', ') || 'no provider'}.`,
  ];
  if (apart > 0) lines.push(`${apart} ${apart === 1 ? 'entry was' : 'entries were'} kept apart from a person ${apart === 1 ? 'it' : 'they'} may belong with: the comments say why.`);
  if (exported.variables.length > 0) lines.push(`Set ${exported.variables.map((variable) => variable.name).join(', ')} (the webhook secrets, never written) before plan and apply.`);
  lines.push(`Next: review it, then cloud-contacts plan ${where} (every contact unchanged), mark who is on call (oncall: true), and cloud-contacts status ${where}.`);
  return lines.join('\n');
}
