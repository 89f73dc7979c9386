/**
 * What the CLI prints: aligned tables for people, JSON for scripts, errors with their code,
 * provider, field and request id (never a secret: errors are secret-free by construction), and a
 * progress line on a terminal.
 */
import { isContactError } from '../errors/errors.js';

/** Where the CLI writes; replaceable in tests. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
  /** Whether stderr is a terminal (a progress line is drawn only there). */
  readonly interactive: boolean;
}

/** The process's own streams. */
export const processOutput: Output = {
  out: (text) => void process.stdout.write(`${text}\n`),
  err: (text) => void process.stderr.write(`${text}\n`),
  interactive: process.stderr.isTTY === true,
};

/** Rows as an aligned table with a header; cells are cut at `width` characters. */
export function table(header: readonly string[], rows: ReadonlyArray<readonly unknown[]>, width = 60): string {
  const cells = [header, ...rows.map((row) => row.map((value) => cell(value, width)))];
  const widths = header.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? '').length)));
  const line = (row: readonly string[]): string => row.map((value, column) => value.padEnd(widths[column] ?? 0)).join('  ').trimEnd();
  return [line(cells[0]!), line(widths.map((width) => '-'.repeat(width))), ...cells.slice(1).map(line)].join('\n');
}

function cell(value: unknown, width: number): string {
  if (value === undefined || value === null) return '';
  const text = typeof value === 'string' ? value : Array.isArray(value) ? value.join(',') : JSON.stringify(value);
  return text.length > width ? `${text.slice(0, width - 3)}...` : text;
}

/** One line for a failure: code, provider, field, message and request id. */
export function describeError(error: unknown): string {
  if (!isContactError(error)) return `error: ${error instanceof Error ? error.message : String(error)}`;
  const parts = [
    `error: ${error.code}`,
    error.provider === undefined ? undefined : `provider=${error.provider}`,
    error.target === undefined ? undefined : `target=${error.target}`,
    error.field === undefined ? undefined : `field=${error.field}`,
  ];
  const id = error.vendor?.requestId;
  const requestId = id === undefined || error.message.includes(id) ? '' : ` (request id ${id})`;
  return `${parts.filter((part) => part !== undefined).join(' ')}: ${error.message}${requestId}`;
}

/** A progress line redrawn in place on a terminal, silent elsewhere. */
export function progressLine(output: Output, label: string): { update(done: number, total: number): void; end(): void } {
  let drawn = false;
  return {
    update(done, total) {
      if (!output.interactive || total === 0) return;
      const width = 24;
      const filled = Math.round((done / total) * width);
      process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}`);
      drawn = true;
    },
    end() {
      if (drawn) process.stderr.write('\n');
    },
  };
}
