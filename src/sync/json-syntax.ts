/**
 * Where JSON text stops being JSON, and why, in our own words. `JSON.parse` says it in words that
 * change with the Node version and, on Node 20, quote a slice of the text (a secret in it would
 * be printed); this scanner reads the text once, by the grammar of RFC 8259, and reports the
 * offset of the first character that does not fit.
 */

/** The first place the text breaks the JSON grammar. */
export interface JsonSyntaxProblem {
  /** Offset of the offending character (the text's length when it ends too early). */
  readonly offset: number;
  /** What was expected there, or what is wrong: `expected "," or "}" after a value`. */
  readonly message: string;
}

class Stop extends Error {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/**
 * The first syntax problem of a JSON text, or undefined when the text is JSON.
 *
 * @example
 * ```ts
 * jsonSyntaxProblem('{"a": }'); // { offset: 6, message: 'expected a value' }
 * ```
 */
export function jsonSyntaxProblem(text: string): JsonSyntaxProblem | undefined {
  let at = 0;
  const fail = (reason: string, offset = at): never => {
    throw new Stop(offset, reason);
  };
  const space = (): void => {
    while (at < text.length && ' \t\n\r'.includes(text[at]!)) at += 1;
  };
  const literal = (word: string): void => {
    for (const char of word) {
      if (text[at] !== char) fail(`expected a value (${word}?)`);
      at += 1;
    }
  };
  const string = (): void => {
    at += 1;
    for (;;) {
      if (at >= text.length) fail('a string is not closed with "');
      const char = text[at]!;
      if (char === '"') {
        at += 1;
        return;
      }
      if (char < ' ') fail('a control character (a line break, a tab) inside a string must be escaped');
      if (char === '\\') {
        const next = text[at + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(at + 2, at + 6))) fail('\\u must be followed by four hex digits', at);
          at += 6;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) at += 2;
        else fail('an unknown escape in a string', at);
      } else at += 1;
    }
  };
  const number = (): void => {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(at));
    if (match === null || match[0] === '' || match[0] === '-') fail('expected a value');
    at += match![0].length;
  };
  const value = (depth: number): void => {
    if (depth > 512) fail('nested too deeply');
    space();
    const char = text[at];
    if (char === undefined) fail('the text ends where a value was expected');
    if (char === '{') return object(depth);
    if (char === '[') return array(depth);
    if (char === '"') return string();
    if (char === 't') return literal('true');
    if (char === 'f') return literal('false');
    if (char === 'n') return literal('null');
    if (char === '-' || (char! >= '0' && char! <= '9')) return number();
    fail(char === "'" ? 'strings take double quotes in JSON' : 'expected a value');
  };
  const object = (depth: number): void => {
    at += 1;
    space();
    if (text[at] === '}') {
      at += 1;
      return;
    }
    for (;;) {
      space();
      if (text[at] !== '"') fail(text[at] === '}' ? 'a comma before "}" is not allowed in JSON' : 'expected a key in double quotes');
      string();
      space();
      if (text[at] !== ':') fail('expected ":" after a key');
      at += 1;
      value(depth + 1);
      space();
      if (text[at] === ',') {
        at += 1;
        continue;
      }
      if (text[at] === '}') {
        at += 1;
        return;
      }
      fail(at >= text.length ? 'the text ends inside an object: a "}" is missing' : 'expected "," or "}" after a value');
    }
  };
  const array = (depth: number): void => {
    at += 1;
    space();
    if (text[at] === ']') {
      at += 1;
      return;
    }
    for (;;) {
      space();
      if (text[at] === ']') fail('a comma before "]" is not allowed in JSON');
      value(depth + 1);
      space();
      if (text[at] === ',') {
        at += 1;
        continue;
      }
      if (text[at] === ']') {
        at += 1;
        return;
      }
      fail(at >= text.length ? 'the text ends inside a list: a "]" is missing' : 'expected "," or "]" after a value');
    }
  };
  try {
    value(0);
    space();
    if (at < text.length) fail('more text after the JSON value');
    return undefined;
  } catch (error) {
    if (error instanceof Stop) return { offset: Math.min(error.offset, text.length), message: error.reason };
    throw error;
  }
}
