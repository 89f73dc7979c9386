/**
 * A roster's text: read as YAML or JSON, with every syntax problem placed at its line and column
 * and shown as that one line with a caret under the spot; and the problems of a well-formed
 * roster placed in the text the same way. An excerpt never shows more than the one line, and
 * never a value of a field that looks secret (nor a URL's query, where webhook keys live).
 */
import { maskWebhookUrl, redactText } from '../util/redaction.js';
import { jsonSyntaxProblem } from './json-syntax.js';

/** A place in the text: 1-based line and column. */
export interface TextPosition {
  /** The line, from 1. */
  readonly line: number;
  /** The column, from 1. */
  readonly column: number;
}

/** A syntax problem of the text. */
export interface SyntaxProblem extends TextPosition {
  /** What is wrong, in words. */
  readonly message: string;
  /** The line, secrets masked, and a caret under the column. */
  readonly excerpt: string;
}

/** The text read: the value, or its syntax problems. */
export type ReadText = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly problems: readonly SyntaxProblem[] };

type YamlModule = typeof import('yaml');

/** The `yaml` package, loaded on the first roster that needs it (a JSON roster without problems never does). */
async function loadYaml(): Promise<YamlModule> {
  return import('yaml');
}

/** Reads the text as JSON or YAML. */
export async function readText(text: string, format: 'yaml' | 'json'): Promise<ReadText> {
  if (format === 'json') {
    try {
      return { ok: true, value: JSON.parse(text) as unknown };
    } catch {
      const problem = jsonSyntaxProblem(text) ?? { offset: 0, message: 'is not valid JSON' };
      // Text that ends too early is shown at its last character, not on the empty line after it.
      const offset = Math.min(problem.offset, text.trimEnd().length);
      return { ok: false, problems: [syntaxProblem(text, positionOf(text, offset), `is not valid JSON: ${problem.message}`)] };
    }
  }
  const yaml = await loadYaml();
  const lineCounter = new yaml.LineCounter();
  const document = yaml.parseDocument(text, { lineCounter, prettyErrors: false });
  if (document.errors.length === 0) return { ok: true, value: document.toJS() as unknown };
  const problems = document.errors.map((error) => {
    const place = lineCounter.linePos(error.pos[0]);
    // A key twice is most often two targets, or two fields of one entry, given one name: yaml says only that keys must be unique.
    const reason = error.code === 'DUPLICATE_KEY' ? 'a key is given twice: two targets, or two fields of one entry, cannot share a name' : yamlReason(error.message);
    return syntaxProblem(text, { line: place.line, column: place.col }, `is not valid YAML: ${reason}`);
  });
  // yaml may say one mistake twice, in other words, at the same place: the first says it.
  return { ok: false, problems: problems.filter((problem, index) => problems.findIndex((other) => other.line === problem.line && other.column === problem.column) === index) };
}

/** yaml's message, without the position it appends when its pretty errors are off. */
function yamlReason(message: string): string {
  const reason = message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '').trim();
  return reason.charAt(0).toLowerCase() + reason.slice(1);
}

/**
 * Places each path of a well-formed roster in its text (`contacts[2].email` → line 9, column 12):
 * the value's position, or the key's when `key` says the key itself is the problem (an unknown
 * field). A path the text does not reach (a field that is missing) is placed at the nearest
 * node that exists, its entry.
 */
export async function locatePaths(text: string, paths: ReadonlyArray<{ readonly path: string; readonly key: boolean }>): Promise<Array<TextPosition | undefined>> {
  const yaml = await loadYaml();
  const lineCounter = new yaml.LineCounter();
  // JSON is YAML too (the flow style), so one reader places problems in either format.
  const document = yaml.parseDocument(text, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) return paths.map(() => undefined);
  return paths.map(({ path, key }) => {
    const offset = offsetOf(yaml, document.contents, segmentsOf(path), key);
    if (offset === undefined) return undefined;
    const place = lineCounter.linePos(offset);
    return { line: place.line, column: place.col };
  });
}

/** `contacts[2].providers.tencent-cam.name` → `['contacts', 2, 'providers', 'tencent-cam', 'name']`. */
export function segmentsOf(path: string): Array<string | number> {
  const segments: Array<string | number> = [];
  for (const part of path.split('.')) {
    if (part === '') continue;
    const match = /^(.*?)((?:\[\d+\])+)$/.exec(part);
    if (match === null) {
      segments.push(part);
      continue;
    }
    if (match[1] !== '') segments.push(match[1]!);
    for (const index of match[2]!.matchAll(/\[(\d+)\]/g)) segments.push(Number(index[1]));
  }
  return segments;
}

function offsetOf(yaml: YamlModule, root: unknown, segments: ReadonlyArray<string | number>, key: boolean): number | undefined {
  let node: unknown = root;
  let keyNode: unknown;
  let last: number | undefined = startOf(root);
  for (const [position, segment] of segments.entries()) {
    const final = position === segments.length - 1;
    if (yaml.isMap(node)) {
      const pair = node.items.find((item) => yaml.isScalar(item.key) && String(item.key.value) === String(segment));
      if (pair === undefined) return last;
      keyNode = pair.key;
      node = pair.value;
      if (final && key) return startOf(keyNode) ?? last;
    } else if (yaml.isSeq(node) && typeof segment === 'number') {
      keyNode = undefined;
      node = node.items[segment];
    } else return last;
    last = startOf(node) ?? startOf(keyNode) ?? last;
  }
  return last;
}

function startOf(node: unknown): number | undefined {
  const range = (node as { range?: readonly number[] } | null | undefined)?.range;
  return range?.[0];
}

/** The line and column of an offset. */
export function positionOf(text: string, offset: number): TextPosition {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

function syntaxProblem(text: string, position: TextPosition, message: string): SyntaxProblem {
  return { ...position, message, excerpt: excerptAt(text, position) };
}

/** Keys whose values are secrets, or may be: their values never appear in an excerpt. */
const SECRET_KEY = /(secret|token|passw|credential|signature|private|access.?key|api.?key|(^|[^a-z])(ak|sk|key)$)/i;

/**
 * One line of the text with a caret under the column, as a message shows it: the line's values of
 * secret-looking fields masked, URL queries removed, tabs shown as spaces, and a very long line
 * cut around the column.
 */
export function excerptAt(text: string, position: TextPosition): string {
  const raw = (text.split('\n')[position.line - 1] ?? '').replace(/\r$/, '').replace(/\t/g, ' ');
  const line = maskSecrets(raw);
  const column = Math.max(1, Math.min(position.column, line.length + 1));
  const start = line.length > 100 ? Math.max(0, Math.min(column - 50, line.length - 100)) : 0;
  const shown = `${start > 0 ? '…' : ''}${line.slice(start, start + 100)}${start + 100 < line.length ? '…' : ''}`;
  const caret = column - start - 1 + (start > 0 ? 1 : 0);
  return `  ${shown}\n  ${' '.repeat(Math.max(0, caret))}^`;
}

/** A line with every `key: value` (YAML) or `"key": value` (JSON) of a secret-looking key masked. */
function maskSecrets(line: string): string {
  const masked = line.replace(
    /(["']?)([\w.$-]+)\1(\s*:\s*)("(?:[^"\\]|\\.)*"?|'[^']*'?|[^,}\]#]*)/g,
    (whole, quote: string, key: string, colon: string, value: string) => (SECRET_KEY.test(key) && value.trim() !== '' && !value.trim().startsWith('{') ? `${quote}${key}${quote}${colon}***` : whole),
  );
  return redactText(masked.replace(/https?:\/\/[^\s"'<>,}\]]+/g, (url) => maskWebhookUrl(url)));
}
