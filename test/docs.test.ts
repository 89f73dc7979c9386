/**
 * Every public export carries TSDoc: each entry point's exports are resolved with the
 * TypeScript compiler and their declarations must have a documentation comment.
 */
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;
const entries = [
  'src/index.ts',
  'providers/testing.ts',
  'src/redis/index.ts',
  'providers/tencent-cam/index.ts',
  'providers/alibaba-resource-directory/index.ts',
  'providers/volcengine-vmp/index.ts',
  'providers/alibaba-chatapp/index.ts',
];

describe('documentation', () => {
  const program = ts.createProgram(
    entries.map((entry) => `${root}${entry}`),
    { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, strict: true, noEmit: true, skipLibCheck: true },
  );
  const checker = program.getTypeChecker();

  it.each(entries)('every export of %s has TSDoc', (entry) => {
    const source = program.getSourceFile(`${root}${entry}`);
    if (source === undefined) throw new Error(`cannot read ${entry}`);
    const moduleSymbol = checker.getSymbolAtLocation(source);
    const undocumented = (moduleSymbol === undefined ? [] : checker.getExportsOfModule(moduleSymbol))
      .map((symbol) => (symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol))
      .filter((symbol) => ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim() === '')
      .map((symbol) => symbol.getName());
    expect(undocumented).toEqual([]);
    expect(source.statements.length > 0 && ts.getJSDocCommentsAndTags(source.statements[0]!).length + (source.getFullText().trimStart().startsWith('/**') ? 1 : 0)).toBeGreaterThan(0);
  });
});
