/**
 * The README's TypeScript examples, read from the README itself: each block says, in the HTML
 * comment before it, whether a test runs it as written (`<!-- example: run <id> -->`) or which
 * test covers what it shows (`<!-- example: covered by <test file> "<test name>" -->`).
 */
import { readFileSync } from 'node:fs';

/** One ```ts block of the README and what its marker says. */
export type ReadmeExample =
  | { readonly kind: 'run'; readonly id: string; readonly line: number; readonly code: string }
  | { readonly kind: 'covered'; readonly file: string; readonly test: string; readonly line: number; readonly code: string };

/**
 * Every ```ts block of the README, in order.
 *
 * @throws Error naming the line of a block without a marker, or with one it cannot read.
 */
export function readmeExamples(): ReadmeExample[] {
  const lines = readFileSync(new URL('../../README.md', import.meta.url), 'utf8').split('\n');
  const examples: ReadmeExample[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    if (lines[index] !== '```ts') continue;
    const end = lines.indexOf('```', index + 1);
    const code = lines.slice(index + 1, end).join('\n');
    const marker = lines[index - 1] ?? '';
    const line = index + 1;
    const run = /^<!-- example: run ([\w-]+) -->$/.exec(marker);
    const covered = /^<!-- example: covered by (\S+) "(.+)" -->$/.exec(marker);
    if (run !== null) examples.push({ kind: 'run', id: run[1]!, line, code });
    else if (covered !== null) examples.push({ kind: 'covered', file: covered[1]!, test: covered[2]!, line, code });
    else throw new Error(`README.md line ${line}: a ts block needs a marker before it: <!-- example: run <id> --> or <!-- example: covered by <test file> "<test name>" -->`);
    index = end;
  }
  return examples;
}
