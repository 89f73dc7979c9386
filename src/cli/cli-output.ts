/**
 * What the CLI prints: aligned tables for people (as wide as the terminal, wrapping rather than
 * cutting; never cut at all when piped), JSON for scripts, errors with their code, provider,
 * field, request id and every problem they list (never a secret: errors are secret-free by
 * construction), colour on a terminal that has it, and a progress line there.
 */
import { isContactError } from '../errors/errors.js';
import { cliAdvice, saysEveryProblem } from './cli-advice.js';

/** Where the CLI writes; replaceable in tests. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
  /** Whether stderr is a terminal (a progress line is drawn only there). */
  readonly interactive: boolean;
  /** The width of the terminal stdout writes to; undefined when it is not a terminal (nothing is wrapped). */
  readonly columns?: number | undefined;
  /** Whether stdout takes colour (a terminal, and neither NO_COLOR nor a dumb terminal says otherwise). */
  readonly colour?: boolean;
}

/** The process's own streams. */
export const processOutput: Output = {
  out: (text) => void process.stdout.write(`${text}\n`),
  err: (text) => void process.stderr.write(`${text}\n`),
  interactive: process.stderr.isTTY === true,
  columns: process.stdout.isTTY === true ? process.stdout.columns : undefined,
  colour: colourWanted(process.env, process.stdout.isTTY === true),
};

/** Colour per https://no-color.org and the FORCE_COLOR convention: on a terminal that is not dumb, unless NO_COLOR is set. */
export function colourWanted(environment: NodeJS.ProcessEnv, terminal: boolean): boolean {
  if (environment['NO_COLOR'] !== undefined && environment['NO_COLOR'] !== '') return false;
  if (environment['FORCE_COLOR'] !== undefined && environment['FORCE_COLOR'] !== '0') return true;
  return terminal && environment['TERM'] !== 'dumb';
}

/** The ANSI colours the CLI uses. */
export type Colour = 'green' | 'yellow' | 'red' | 'magenta' | 'dim' | 'bold';
const SGR: Readonly<Record<Colour, string>> = { green: '32', yellow: '33', red: '31', magenta: '35', dim: '2', bold: '1' };

/** The text in a colour when the output takes colour, else as it is. */
export function paint(output: Pick<Output, 'colour'>, colour: Colour, text: string): string {
  return output.colour === true ? `\u001b[${SGR[colour]}m${text}\u001b[0m` : text;
}

/** The width a text takes on a terminal: without colour codes, wide (CJK) characters counted twice. */
export function visibleWidth(text: string): number {
  let width = 0;
  for (const char of text.replace(/\u001b\[[0-9;]*m/g, '')) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(char) ? 2 : 1;
  return width;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - visibleWidth(text)));
}

/**
 * Rows as an aligned table with a header. Nothing is ever cut: given the terminal's `columns`,
 * the widest column wraps at spaces to fit it; without (a pipe, a file), rows are as long as
 * they need.
 */
export function table(header: readonly string[], rows: ReadonlyArray<readonly unknown[]>, columns?: number): string {
  const cells = [header.map(String), ...rows.map((row) => header.map((_, column) => cellText(row[column])))];
  const widths = header.map((_, column) => Math.max(...cells.map((row) => Math.max(...(row[column] ?? '').split('\n').map(visibleWidth)))));
  const total = widths.reduce((sum, width) => sum + width, 0) + 2 * (widths.length - 1);
  if (columns !== undefined && total > columns) {
    const widest = widths.indexOf(Math.max(...widths));
    const room = Math.max(20, columns - (total - widths[widest]!));
    for (const row of cells.slice(1)) row[widest] = wrap(row[widest] ?? '', room);
    widths[widest] = Math.max(...cells.map((row) => Math.max(...(row[widest] ?? '').split('\n').map(visibleWidth))));
  }
  const render = (row: readonly string[]): string[] => {
    const lines = row.map((cell) => cell.split('\n'));
    const height = Math.max(...lines.map((cell) => cell.length));
    return Array.from({ length: height }, (_, line) => row.map((_, column) => pad(lines[column]![line] ?? '', widths[column] ?? 0)).join('  ').trimEnd());
  };
  return [...render(cells[0]!), widths.map((width) => '-'.repeat(width)).join('  '), ...cells.slice(1).flatMap(render)].join('\n');
}

function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : Array.isArray(value) ? value.join(',') : JSON.stringify(value);
}

/** A text wrapped at spaces to lines of at most `width` (a longer word stays whole on its own line). */
export function wrap(text: string, width: number): string {
  return text
    .split('\n')
    .map((paragraph) => {
      const lines: string[] = [];
      let line = '';
      for (const word of paragraph.split(' ')) {
        if (line !== '' && visibleWidth(`${line} ${word}`) > width) {
          lines.push(line);
          line = word;
        } else line = line === '' ? word : `${line} ${word}`;
      }
      lines.push(line);
      return lines.join('\n');
    })
    .join('\n');
}

/**
 * A failure as the CLI prints it: a line with code, provider, field, message (its advice in CLI
 * terms) and request id, then every problem it lists, one a line.
 */
export function describeError(error: unknown): string {
  if (!isContactError(error)) return `error: ${error instanceof Error ? error.message : String(error)}`;
  const parts = [
    `error: ${error.code}`,
    error.provider === undefined ? undefined : `provider=${error.provider}`,
    error.target === undefined ? undefined : `target=${error.target}`,
    error.field === undefined ? undefined : `field=${error.field}`,
  ];
  const id = error.vendor?.requestId;
  const message = cliAdvice(error).replace(/ \(and \d+ more problems?\)$/, '');
  const requestId = id === undefined || message.includes(id) ? '' : ` (request id ${id})`;
  const issues = error.issues !== undefined && error.issues.length > 1 && !saysEveryProblem(error) ? error.issues.map((issue) => `\n  - ${issue.path === '' ? '' : `${issue.path}: `}${issue.message}`).join('') : '';
  return `${parts.filter((part) => part !== undefined).join(' ')}: ${message}${requestId}${issues}`;
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
