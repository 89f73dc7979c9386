/**
 * The API report: each entry's public surface as printed from the built `.d.ts` files, the way a
 * reviewer reads it. Every export's declaration, comments removed (a changed doc comment is not an
 * API change) but its release tags kept (`@advanced`, `@internal`, `@deprecated`, ...), sorted by
 * name; then every type the exports use that this entry does not export: by name when another
 * entry exports it (its own report holds it), in full when no entry does, because a user's code
 * still depends on its shape. External types (`zod/mini`, `node:http`) are listed by module.
 *
 * @remarks Why not API Extractor: 7.60 (and 7.57, with TypeScript 5.8 inside) stops with
 * "Internal Error: Unable to follow symbol for "Buffer"" (then "URL") on `dist/testing.d.ts`,
 * whose types use Node's global `Buffer` and `URL` (microsoft/rushstack issues 4624, 3875: the
 * same internal error, open). It also runs one entry per invocation (1.5 to 2.4 s each here).
 * The TypeScript compiler we build with reads all seven entries in one program.
 */
import { join } from 'node:path';
import ts from 'typescript';
import type { PackageEntry } from './package-entries.js';

/** The release tags a report line carries; `@advanced` marks what stays public but is not for everyday use. */
export const RELEASE_TAGS = ['advanced', 'internal', 'deprecated', 'experimental', 'beta', 'alpha'] as const;

/** One entry's report and the numbers its heading gives. */
export interface ApiReport {
  readonly text: string;
  readonly values: number;
  readonly types: number;
}

type Which = 'types' | 'cjsTypes';

const printer = ts.createPrinter({ removeComments: true, newLine: ts.NewLineKind.LineFeed });

/** Reports for every entry, from one program over all of their type files. */
export function apiReports(root: string, entries: readonly PackageEntry[], which: Which = 'types'): Map<string, ApiReport> {
  const files = entries.map((entry) => join(root, entry[which]));
  const program = ts.createProgram(files, { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, strict: true, noEmit: true, skipLibCheck: true, types: ['node'] });
  const checker = program.getTypeChecker();
  const dist = join(root, 'dist/');
  const exportsOf = (file: string): Map<string, ts.Symbol> => {
    const source = program.getSourceFile(file);
    const moduleSymbol = source === undefined ? undefined : checker.getSymbolAtLocation(source);
    if (moduleSymbol === undefined) throw new Error(`cannot read the exports of ${file}`);
    return new Map(checker.getExportsOfModule(moduleSymbol).map((symbol) => [symbol.getName(), resolve(checker, symbol)]));
  };
  const perEntry = entries.map((entry, index) => ({ entry, exported: exportsOf(files[index]!) }));
  /** Which entries export a declaration (the first one names it in other reports). */
  const exporters = new Map<ts.Symbol, string[]>();
  for (const { entry, exported } of perEntry) for (const symbol of exported.values()) exporters.set(symbol, [...(exporters.get(symbol) ?? []), entry.specifier]);

  return new Map(perEntry.map(({ entry, exported }) => [entry.specifier, report(entry, which, exported)]));

  function report(entry: PackageEntry, file: Which, exported: Map<string, ts.Symbol>): ApiReport {
    const own = new Set(exported.values());
    const names = [...exported.keys()].sort(byName);
    const values = names.filter((name) => exported.get(name)!.flags & ts.SymbolFlags.Value).length;
    const referenced = new Map<ts.Symbol, 'elsewhere' | 'nowhere'>();
    const external = new Map<string, Set<string>>();
    const queue = names.map((name) => exported.get(name)!);
    for (let symbol = queue.shift(); symbol !== undefined; symbol = queue.shift()) {
      for (const used of usedBy(symbol, external)) {
        if (own.has(used) || referenced.has(used)) continue;
        const elsewhere = exporters.has(used);
        referenced.set(used, elsewhere ? 'elsewhere' : 'nowhere');
        if (!elsewhere) queue.push(used);
      }
    }
    const lines = [
      `# API report: \`${entry.specifier}\``,
      '',
      `Generated from \`${entry[file]}\` by \`npm run api:update\`; do not edit. \`npm test\` fails while the build differs from this file.`,
      '',
      `${values} values and ${names.length - values} types exported; ${referenced.size} more types used by them (${[...referenced.values()].filter((where) => where === 'nowhere').length} exported by no entry).`,
      '',
      '## Exports',
      '',
      '```ts',
      ...names.map((name) => printed(exported.get(name)!, name)).join('\n\n').split('\n'),
      '```',
    ];
    const elsewhere = [...referenced].filter(([, where]) => where === 'elsewhere').map(([symbol]) => symbol).sort((a, b) => byName(a.getName(), b.getName())).map((symbol) => `- \`${symbol.getName()}\` from \`${exporters.get(symbol)![0]}\``);
    if (elsewhere.length > 0) lines.push('', '## Used from other entries', '', ...elsewhere);
    const nowhere = [...referenced].filter(([, where]) => where === 'nowhere').map(([symbol]) => symbol).sort((a, b) => byName(a.getName(), b.getName()));
    if (nowhere.length > 0) lines.push('', '## Used but exported by no entry', '', 'Users can hold these types but cannot name them.', '', '```ts', ...nowhere.map((symbol) => printed(symbol, symbol.getName())).join('\n\n').split('\n'), '```');
    if (external.size > 0) lines.push('', '## From other packages', '', ...[...external].sort(([a], [b]) => byName(a, b)).map(([module, used]) => `- \`${module}\`: ${[...used].sort(byName).map((name) => `\`${name}\``).join(', ')}`));
    return { text: `${lines.join('\n')}\n`, values, types: names.length - values };
  }

  /** The package's own top-level declarations a symbol's declarations refer to; external names go to `external`. */
  function usedBy(symbol: ts.Symbol, external: Map<string, Set<string>>): ts.Symbol[] {
    const found = new Set<ts.Symbol>();
    const visit = (node: ts.Node): void => {
      if (ts.isIdentifier(node) && !isDeclarationName(node)) {
        const at = checker.getSymbolAtLocation(node);
        const module = at === undefined ? undefined : externalModule(at);
        if (module !== undefined) external.set(module, (external.get(module) ?? new Set()).add(node.text));
        else if (at !== undefined) {
          const target = resolve(checker, at);
          if (target !== symbol && isTopLevelIn(target, dist)) found.add(target);
        }
      }
      ts.forEachChild(node, visit);
    };
    for (const declaration of symbol.declarations ?? []) visit(declaration);
    return [...found];
  }

  /** The module a name was imported from, when that is not one of the package's own files. */
  function externalModule(symbol: ts.Symbol): string | undefined {
    const declaration = symbol.declarations?.[0];
    if (declaration === undefined || !(ts.isImportSpecifier(declaration) || ts.isImportClause(declaration) || ts.isNamespaceImport(declaration))) return undefined;
    const specifier = ts.findAncestor(declaration, ts.isImportDeclaration)?.moduleSpecifier;
    return specifier !== undefined && ts.isStringLiteral(specifier) && !specifier.text.startsWith('.') ? specifier.text : undefined;
  }
}

/** A symbol's declarations as the report shows them: tags first, no comments, one statement each. */
function printed(symbol: ts.Symbol, exportedAs: string): string {
  const declarations = symbol.declarations ?? [];
  const statements = [...new Set(declarations.map((declaration) => (ts.isVariableDeclaration(declaration) ? declaration.parent.parent : declaration)))];
  const tags = [...new Set(declarations.flatMap((declaration) => ts.getJSDocTags(declaration).map((tag) => tag.tagName.text)))].filter((tag) => (RELEASE_TAGS as readonly string[]).includes(tag)).sort();
  const heading = [...tags.map((tag) => `// @${tag}`), ...(symbol.getName() === exportedAs ? [] : [`// exported as ${exportedAs}`])];
  return [...heading, ...statements.map((statement) => printer.printNode(ts.EmitHint.Unspecified, statement, statement.getSourceFile()))].join('\n');
}

function resolve(checker: ts.TypeChecker, symbol: ts.Symbol): ts.Symbol {
  return symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
}

/** Whether a symbol is declared at the top level of one of the package's built type files. */
function isTopLevelIn(symbol: ts.Symbol, dist: string): boolean {
  return (symbol.declarations ?? []).some((declaration) => {
    const statement = ts.isVariableDeclaration(declaration) ? declaration.parent.parent : declaration;
    return ts.isSourceFile(statement.parent) && statement.getSourceFile().fileName.startsWith(dist);
  });
}

/** Names that declare rather than use: a property's, a parameter's, a declaration's own. */
function isDeclarationName(node: ts.Identifier): boolean {
  const parent = node.parent;
  return (ts.isPropertySignature(parent) || ts.isPropertyDeclaration(parent) || ts.isMethodSignature(parent) || ts.isMethodDeclaration(parent) || ts.isParameter(parent) || ts.isTypeParameterDeclaration(parent) || ts.isInterfaceDeclaration(parent) || ts.isTypeAliasDeclaration(parent) || ts.isClassDeclaration(parent) || ts.isFunctionDeclaration(parent) || ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isEnumMember(parent) || ts.isGetAccessor(parent) || ts.isSetAccessor(parent)) && parent.name === node;
}

function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
