/**
 * Every public export carries TSDoc, and the reference documentation builds clean. Each entry
 * point (from `package.json` `exports`, its source from `tsup.config.ts`) is resolved with the
 * TypeScript compiler: every export needs a summary, and every member of an exported interface or
 * class its own comment. Then TypeDoc converts and validates the entries with `typedoc.json`, the
 * configuration `npm run docs` builds the site with: no broken `{@link}`, no undocumented export,
 * no used type left out of the documentation unless listed, no warning at all. Rendering the site
 * and checking its links is `npm run docs` (slower, run by `.ci/run`).
 */
import { readFileSync } from 'node:fs';
import { Application, Logger, LogLevel, TSConfigReader, TypeDocReader } from 'typedoc';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import tsupConfig from '../tsup.config.js';
import { packageEntries, packageRoot as root } from './support/package-entries.js';

interface TypeDocJson {
  readonly entryPoints: readonly string[];
  readonly entries: Readonly<Record<string, { readonly name: string; readonly guide?: string }>>;
}

const tsupEntries = (): Record<string, string> => {
  if (typeof tsupConfig !== 'object' || Array.isArray(tsupConfig) || typeof tsupConfig.entry !== 'object' || Array.isArray(tsupConfig.entry)) throw new Error('tsup.config.ts must give one config with an entry map');
  return tsupConfig.entry;
};
/** Each package entry with the source file tsup builds it from. */
const entries = packageEntries().map((entry) => {
  const source = tsupEntries()[entry.stem];
  if (source === undefined) throw new Error(`tsup.config.ts has no entry ${entry.stem} for ${entry.specifier}`);
  return { ...entry, source };
});
const sources = entries.map((entry) => entry.source);

describe('documentation', () => {
  const program = ts.createProgram(
    sources.map((source) => `${root}${source}`),
    { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, strict: true, noEmit: true, skipLibCheck: true },
  );
  const checker = program.getTypeChecker();
  const exportsOf = (source: string): ts.Symbol[] => {
    const file = program.getSourceFile(`${root}${source}`);
    if (file === undefined) throw new Error(`cannot read ${source}`);
    const moduleSymbol = checker.getSymbolAtLocation(file);
    return (moduleSymbol === undefined ? [] : checker.getExportsOfModule(moduleSymbol)).map((symbol) => (symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol));
  };
  const summaryOf = (symbol: ts.Symbol): string => ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();

  it.each(sources)('every export of %s has a TSDoc summary, and the file says what it is', (source) => {
    const undocumented = exportsOf(source)
      .filter((symbol) => summaryOf(symbol) === '')
      .map((symbol) => symbol.getName());
    expect(undocumented).toEqual([]);
    const file = program.getSourceFile(`${root}${source}`)!;
    expect(file.getFullText().trimStart().startsWith('/**'), `${source} starts with a comment saying what the entry holds`).toBe(true);
  });

  it.each(sources)('every member of an interface or class %s exports has TSDoc', (source) => {
    const undocumented = exportsOf(source)
      .filter((symbol) => symbol.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.Class))
      .flatMap((symbol) =>
        [...(symbol.members?.values() ?? [])]
          .filter((member) => member.flags & (ts.SymbolFlags.Property | ts.SymbolFlags.Method | ts.SymbolFlags.Accessor))
          .filter((member) => !(member.declarations ?? []).some((declaration) => ts.getCombinedModifierFlags(declaration) & ts.ModifierFlags.Private))
          .filter((member) => summaryOf(member) === '')
          .map((member) => `${symbol.getName()}.${member.getName()}`),
      );
    expect(undocumented).toEqual([]);
  });

  it('typedoc.json documents exactly the package entries, each under the name users import', () => {
    const config = JSON.parse(readFileSync(`${root}typedoc.json`, 'utf8')) as TypeDocJson;
    expect([...config.entryPoints].sort()).toEqual([...sources].sort());
    expect(Object.fromEntries(Object.entries(config.entries).map(([source, entry]) => [source, entry.name]))).toEqual(Object.fromEntries(entries.map((entry) => [entry.source, entry.specifier])));
  });

  it('TypeDoc converts and validates every entry with no warning', async () => {
    const messages: string[] = [];
    const app = await Application.bootstrapWithPlugins({ logLevel: 'Warn' }, [new TypeDocReader(), new TSConfigReader()]);
    // What reading the options and loading the plugin said went to TypeDoc's own logger.
    expect(app.logger.warningCount + app.logger.errorCount, 'TypeDoc warned while reading typedoc.json (see above)').toBe(0);
    app.logger = new (class extends Logger {
      override log(message: string, level: LogLevel): void {
        if (level >= LogLevel.Warn) messages.push(message);
      }
    })();
    const project = await app.convert();
    expect(project, messages.join('\n')).toBeDefined();
    app.validate(project!);
    expect(messages).toEqual([]);
    expect(project!.children?.map((module) => module.name).sort()).toEqual(entries.map((entry) => entry.specifier).sort());
  }, 120_000);
});
