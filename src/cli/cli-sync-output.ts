/**
 * How `plan` and `apply` print for people: a table per target with each entry's changes
 * (webhook secrets masked), what a mask may hide and what a field cannot be stored, the
 * provider's warnings; a report with one row per entry, the counts, and for a replace that
 * deleted a contact and could not create it again, the command that restores it.
 */
import type { ContactInput } from '../model/contact.js';
import { printedChange } from '../sync/sync-printing.js';
import type { FieldChange, PlanEntry, SyncPlan, SyncReport, SyncResult } from '../sync/sync-types.js';
import { describeError, table } from './cli-output.js';

/** The fields named by warnings of one kind (`email is not stored by ...` → `email`). */
function fieldsWarned(entry: PlanEntry, pattern: RegExp): string[] {
  if (!('warnings' in entry)) return [];
  return entry.warnings.map((warning) => pattern.exec(warning)?.[1]).filter((field): field is string => field !== undefined);
}

/** The notes of an entry's warnings, in short: fields not stored here, fields a mask may hide. */
function notesOf(entry: PlanEntry): string {
  const unstored = fieldsWarned(entry, /^(\S+) is not stored by/);
  const masked = fieldsWarned(entry, /^cannot tell whether the (\S+) changed/);
  const notes = [
    unstored.length === 0 ? undefined : `not stored here: ${unstored.join(', ')}`,
    masked.length === 0 ? undefined : `masked, so unchecked: ${masked.join(', ')}`,
  ].filter((note) => note !== undefined);
  return notes.length === 0 ? '' : `(${notes.join('; ')})`;
}

function changesOf(changes: readonly FieldChange[]): string {
  return changes
    .map(printedChange)
    .map((change) => `${change.field}: ${show(change.from)} -> ${show(change.to)}`)
    .join('; ');
}

/** One line of detail for a plan entry. */
function detailOf(entry: PlanEntry): string {
  const notes = notesOf(entry);
  const withNotes = (text: string): string => [text, notes].filter((part) => part !== '').join(' ');
  switch (entry.kind) {
    case 'update':
      return withNotes(changesOf(entry.changes));
    case 'replace':
      return withNotes(`${changesOf(entry.changes)}; ${entry.cost}`);
    case 'skip':
      return entry.reason;
    case 'create':
    case 'unchanged':
      return notes;
    case 'delete':
      return entry.reason;
  }
}

function show(value: unknown): string {
  if (value === undefined) return '(none)';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A target as a line names it: `cam-prod (tencent-cam)`, or the provider id alone when that is its name. */
export function targetLabel(provider: string, target: string | undefined): string {
  return target === undefined || target === provider ? provider : `${target} (${provider})`;
}

/**
 * A plan as people read it: a table per target, then its warnings. `columns` is the terminal's
 * width (the details wrap to fit it); without, nothing wraps and nothing is cut.
 */
export function renderPlan(plan: SyncPlan, columns?: number): string {
  return plan.providers
    .map((provider) => {
      const rows = provider.entries.map((entry) => [entry.kind, entry.name, detailOf(entry)]);
      const body = rows.length === 0 ? '  (nothing to do)' : table(['action', 'name', 'details'], rows, columns === undefined ? undefined : columns - 2).replace(/^/gm, '  ');
      const masked = provider.entries.some((entry) => fieldsWarned(entry, /^cannot tell whether the (\S+) changed/).length > 0);
      const maskNote = masked ? [`${provider.id} shows some values masked: a change hidden behind a mask cannot be seen (--replace-masked <name> changes it anyway)`] : [];
      const warnings = [...maskNote, ...provider.warnings].map((warning) => `  ! ${warning}`).join('\n');
      return [targetLabel(provider.id, provider.target), body, warnings].filter((part) => part !== '').join('\n');
    })
    .join('\n\n');
}

/**
 * A report as people read it: one row per entry, the counts, then how to restore what a replace
 * lost; `columns` as for {@link renderPlan}.
 */
export function renderReport(report: SyncReport, columns?: number, options: RestoreOptions = {}): string {
  const rows = report.results.map((result) => [
    targetLabel(result.provider, result.target),
    result.name,
    result.kind,
    result.status,
    result.status === 'failed' ? describeError(result.error).replace(/^error: /, '') : (result.reason ?? result.requestId ?? ''),
  ]);
  const { done, unchanged, skipped, failed } = report.summary;
  const restores = report.results.filter((result) => result.restore !== undefined).map((result) => restoreAdvice(result, options));
  return [`${table(['target', 'name', 'action', 'status', 'request id / reason'], rows, columns)}\n\n${done} done, ${unchanged} unchanged, ${skipped} skipped, ${failed} failed`, ...restores].join('\n\n');
}

/** The flags of `cloud-contacts create` for each field of an input it can take. */
const CREATE_FLAGS: ReadonlyArray<readonly [keyof ContactInput, string]> = [
  ['name', '--name'],
  ['email', '--email'],
  ['phone', '--phone'],
  ['title', '--title'],
  ['messageTypes', '--message-types'],
  ['remark', '--remark'],
];

/** What a restore command needs beyond the result. */
export interface RestoreOptions {
  /** The roster file that defines the targets, for a command that names one (`--roster r.yaml --target cam-prod`). */
  readonly roster?: string | undefined;
}

/** What a failed replace's result says about putting the old contact back, as a command to run. */
export function restoreAdvice(result: SyncResult, options: RestoreOptions = {}): string {
  const restore = result.restore!;
  const input = restore.input as unknown as Record<string, unknown>;
  const flags = CREATE_FLAGS.filter(([field]) => input[field] !== undefined).map(([field, flag]) => {
    const value = input[field];
    return `${flag} ${quote(Array.isArray(value) ? value.join(',') : String(value))}`;
  });
  for (const { field, shown } of restore.unknown) flags.push(`--${field} ${quote(`<the full ${field}: ${result.provider} only showed ${shown}>`)}`);
  const where = targetLabel(result.provider, result.target);
  // A named target is one account of several: the command must reach that one, as the roster defines it.
  const named = result.target !== result.provider && options.roster !== undefined;
  const which = named ? `--roster ${quote(options.roster!)} --target ${quote(result.target)}` : `--provider ${result.provider}`;
  const lines = [
    restore.deleted
      ? `! ${where} ${JSON.stringify(result.name)} was deleted and could not be created again (${result.error?.code ?? 'failed'}). To restore it as it was:`
      : `! ${where} ${JSON.stringify(result.name)} may have been deleted (${result.error?.code ?? 'failed'}): list it, and if it is gone, restore it as it was:`,
    `    cloud-contacts create ${which} ${flags.join(' ')}`,
  ];
  const rest = ['webhooks', 'groupIds'].filter((field) => input[field] !== undefined);
  if (rest.length > 0) lines.push(`  and give it back its ${rest.join(' and ')} (apply --json shows them under restore.input; secrets there are masked: take them from the roster)`);
  if (restore.unknown.length > 0) lines.push(`  ${restore.unknown.map((item) => item.field).join(' and ')}: the vendor only ever showed it masked; the roster's value did not fit the mask`);
  return lines.join('\n');
}

/** A shell word: as it is when it is plain, else in single quotes. */
function quote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, "'\\''")}'`;
}
