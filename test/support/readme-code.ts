/**
 * Code the README gives users, read from the README itself so that a test runs exactly what a
 * reader would copy: the `overrides` block for their package.json, and the Quick start.
 */
import { readFileSync } from 'node:fs';

const readme = (): string => readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The `overrides` the README tells users to add to their package.json. */
export function readmeOverrides(): Record<string, unknown> {
  const block = /<!-- consumer-overrides:start -->\s*```json\n([\s\S]*?)```/.exec(readme())?.[1];
  if (block === undefined) throw new Error('the README has no consumer-overrides block');
  return (JSON.parse(block) as { overrides: Record<string, unknown> }).overrides;
}

/**
 * The Quick start as one ES module run against the emulator, the way its second block says: the
 * first block's code with its provider made by the second block (pointed at the emulator), every
 * import of both blocks at the top, and the emulator closed at the end. Throws when the section no
 * longer has that shape, so a README edit cannot silently leave the Quick start untested.
 */
export function quickStartModule(): string {
  const text = readme();
  const start = text.indexOf('\n## Quick start\n');
  const section = text.slice(start, text.indexOf('\n## ', start + 1));
  const blocks = [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!.trimEnd().split('\n'));
  const [cloud, emulated] = blocks;
  if (start < 0 || blocks.length !== 2 || cloud === undefined || emulated === undefined) throw new Error('the README Quick start no longer has its two ts blocks (the code, then the same against the emulator)');
  const isImport = (line: string): boolean => line.startsWith('import ');
  const makesProvider = (line: string): boolean => /^const cam = tencentCam\(/.test(line);
  if (cloud.filter(makesProvider).length !== 1 || emulated.filter(makesProvider).length !== 1 || !emulated.some((line) => line.includes('emulator.close()'))) {
    throw new Error('the README Quick start must make `cam` once in each block, and the second block must close its emulator');
  }
  return [
    ...new Set([...cloud, ...emulated].filter(isImport)),
    ...emulated.filter((line) => !isImport(line) && !line.trimStart().startsWith('//')),
    ...cloud.filter((line) => !isImport(line) && !makesProvider(line)),
    'await emulator.close();',
  ].join('\n');
}
