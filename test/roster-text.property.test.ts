/**
 * The text machinery behind the CLI's messages, over inputs fast-check makes: the JSON scanner
 * agrees with `JSON.parse` on what is JSON and places every break inside the text; an excerpt is
 * one line and never shows a secret-looking field's value; a table never cuts a cell, and given a
 * terminal's width, keeps within it (but for a word longer than the room); "did you mean" finds
 * slips and not strangers. `ROSTER_TEXT_RUNS` raises the number of runs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonSyntaxProblem } from '../src/sync/json-syntax.js';
import { excerptAt } from '../src/sync/roster-text.js';
import { table, visibleWidth } from '../src/cli/cli-output.js';
import { didYouMean } from '../src/util/did-you-mean.js';

const runs = Number(process.env['ROSTER_TEXT_RUNS'] ?? 200);

/** JSON text, sometimes broken by deleting, doubling or inserting one character. */
const maybeJson = fc
  .tuple(fc.json({ maxDepth: 4 }), fc.nat(), fc.constantFrom('delete', 'insert', 'keep'), fc.constantFrom(...'{}[],:"\' \n\tx1-.eE\\'))
  .map(([text, at, change, char]) => {
    const position = text.length === 0 ? 0 : at % text.length;
    if (change === 'delete') return text.slice(0, position) + text.slice(position + 1);
    if (change === 'insert') return text.slice(0, position) + char + text.slice(position);
    return text;
  });

describe('jsonSyntaxProblem', () => {
  it('says there is a problem exactly when JSON.parse refuses the text, and places it inside it (property)', () => {
    fc.assert(
      fc.property(fc.oneof(maybeJson, fc.string({ maxLength: 30 })), (text) => {
        let parses = true;
        try {
          JSON.parse(text);
        } catch {
          parses = false;
        }
        const problem = jsonSyntaxProblem(text);
        expect(problem === undefined).toBe(parses);
        if (problem !== undefined) expect(problem.offset).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: runs * 5 },
    );
  });

  it('names what it expected, where', () => {
    expect(jsonSyntaxProblem('{"a": }')).toEqual({ offset: 6, message: 'expected a value' });
    expect(jsonSyntaxProblem('{"a": 1,}')).toEqual({ offset: 8, message: 'a comma before "}" is not allowed in JSON' });
    expect(jsonSyntaxProblem("{'a': 1}")).toEqual({ offset: 1, message: 'expected a key in double quotes' });
    expect(jsonSyntaxProblem('[1 2]')).toEqual({ offset: 3, message: 'expected "," or "]" after a value' });
    expect(jsonSyntaxProblem('{"a": 1}')).toBeUndefined();
  });
});

describe('excerptAt', () => {
  const secret = fc.stringMatching(/^[A-Za-z0-9]{8,24}$/);
  const key = fc.constantFrom('secret', 'token', 'accessKeySecret', 'password', 'apiKey', 'AccessKey', 'sk', 'SECRET_TOKEN');

  it('shows one line with a caret, never the value of a secret-looking field, in YAML or JSON (property)', () => {
    fc.assert(
      fc.property(secret, key, fc.boolean(), fc.nat(80), (value, name, json, column) => {
        const line = json ? `    { "name": "bot", "${name}": "${value}", "url": "https://x.example.com/h" },` : `      lark: { url: "https://x.example.com/h", ${name}: ${value} }`;
        const text = `first: line\n${line}\nlast: line ${value}\n`;
        const excerpt = excerptAt(text, { line: 2, column: column + 1 });
        expect(excerpt.split('\n')).toHaveLength(2);
        expect(excerpt).not.toContain(value);
        expect(excerpt).not.toContain('first');
        expect(excerpt.split('\n')[1]).toMatch(/^ *\^$/);
      }),
      { numRuns: runs },
    );
  });

  it('masks the keys of webhook URLs: a query token, a Lark hook id', () => {
    const text = 'url: https://oapi.dingtalk.com/robot/send?access_token=ABCDEFGH12345678\nurl: https://open.feishu.cn/open-apis/bot/v2/hook/HOOKID0123456789\n';
    expect(excerptAt(text, { line: 1, column: 6 })).not.toContain('ABCDEFGH12345678');
    expect(excerptAt(text, { line: 2, column: 6 })).not.toContain('HOOKID0123456789');
  });
});

describe('table', () => {
  const word = fc.stringMatching(/^[a-z0-9@.:/-]{1,12}$/);
  const cell = fc.array(word, { minLength: 1, maxLength: 12 }).map((words) => words.join(' '));
  const rows = fc.array(fc.tuple(cell, cell, cell), { minLength: 1, maxLength: 6 });

  it('never cuts a cell when nothing bounds it (a pipe, a file) (property)', () => {
    fc.assert(
      fc.property(rows, (cells) => {
        const printed = table(['a', 'b', 'c'], cells);
        for (const row of cells) for (const text of row) expect(printed).toContain(text);
      }),
      { numRuns: runs },
    );
  });

  it("keeps within the terminal's width by wrapping the wide column at spaces, losing no word (property)", () => {
    // Two narrow columns (a name, a state) and a long one (the details), as the CLI's tables are.
    const narrowRows = fc.array(fc.tuple(word, word, cell), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(narrowRows, fc.integer({ min: 60, max: 120 }), (cells, columns) => {
        const printed = table(['a', 'b', 'c'], cells, columns);
        for (const line of printed.split('\n')) expect(visibleWidth(line)).toBeLessThanOrEqual(columns);
        const words = printed.split(/\s+/);
        for (const row of cells) for (const text of row) for (const part of text.split(' ')) expect(words).toContain(part);
      }),
      { numRuns: runs },
    );
  });
});

describe('didYouMean', () => {
  it('finds a slip of the keyboard, a swap, a case, a prefix; not a stranger', () => {
    expect(didYouMean('titel', ['name', 'title', 'email'])).toBe('title');
    expect(didYouMean('emial', ['name', 'title', 'email'])).toBe('email');
    expect(didYouMean('Email', ['name', 'email'])).toBe('email');
    expect(didYouMean('tencent-cm', ['tencent-cam', 'volcengine-vmp'])).toBe('tencent-cam');
    expect(didYouMean('detailed', ['detailed-exitcode', 'prune'])).toBe('detailed-exitcode');
    expect(didYouMean('colour', ['name', 'title', 'email'])).toBeUndefined();
    expect(didYouMean('x', ['name'])).toBeUndefined();
  });
});
