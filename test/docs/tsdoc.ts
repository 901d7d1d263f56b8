/**
 * Reads the public exports of an entry file with the TypeScript compiler API and tells which of
 * them lack a TSDoc summary, or (functions) an `@example`. Used by tsdoc.test.ts.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** One public export and what its TSDoc lacks (empty when it is complete). */
export interface ExportDoc {
  /** The exported name, as a caller imports it. */
  name: string;
  /** Where the declaration that carries the TSDoc lives, relative to the repository (`file:line`). */
  declaredAt: string;
  /** Whether it is a function (a function declaration, or a constant holding a function). */
  isFunction: boolean;
  /** `'summary'` and/or `'@example'` (required on functions only): what is missing. */
  missing: ('summary' | '@example')[];
}

/** The root of the repository (two levels above this file). */
export const repoRoot: string = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The module names of scripts/modules.json, in their order. */
export function listedModules(root: string = repoRoot): string[] {
  const raw: unknown = JSON.parse(readFileSync(join(root, 'scripts', 'modules.json'), 'utf8'));
  if (!Array.isArray(raw) || !raw.every((m): m is string => typeof m === 'string')) {
    throw new TypeError('scripts/modules.json must be an array of module names');
  }
  return raw;
}

/** A program over the given entry files with the compiler options of the repository's tsconfig.json. */
export function repoProgram(entries: readonly string[], root: string = repoRoot): ts.Program {
  const configPath = join(root, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, (path) => ts.sys.readFile(path));
  if (config.error !== undefined) throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root, undefined, configPath);
  return ts.createProgram({ rootNames: [...entries], options: { ...parsed.options, noEmit: true } });
}

/** Follows an alias (re-export, `export *`, `export { a as b }`) to the symbol it stands for. */
function resolve(checker: ts.TypeChecker, symbol: ts.Symbol): ts.Symbol {
  return (symbol.flags & ts.SymbolFlags.Alias) !== 0 ? checker.getAliasedSymbol(symbol) : symbol;
}

/** The text of a TSDoc tag's comment, whatever form the compiler gives it in. */
function tagText(tag: ts.JSDocTagInfo): string {
  return (tag.text ?? []).map((part) => part.text).join('').trim();
}

/**
 * Every export of `entry` with what its TSDoc lacks: a summary (the text before the first tag)
 * and an `@example` with some content. Aliases are followed to the declarations, so a name that
 * an index re-exports is judged by the TSDoc where it is declared.
 *
 * @throws Error when `entry` is not part of the program or is not a module
 */
export function exportDocs(program: ts.Program, entry: string, root: string = repoRoot): ExportDoc[] {
  const checker = program.getTypeChecker();
  const file = program.getSourceFile(entry);
  if (file === undefined) throw new Error(`${entry} is not in the program`);
  const moduleSymbol = checker.getSymbolAtLocation(file);
  if (moduleSymbol === undefined) throw new Error(`${entry} exports nothing (not a module)`);

  return checker
    .getExportsOfModule(moduleSymbol)
    .map((exported): ExportDoc => {
      const target = resolve(checker, exported);
      const declaration = target.declarations?.[0];
      const declaredAt =
        declaration === undefined
          ? '?'
          : (() => {
              const source = declaration.getSourceFile();
              const { line } = source.getLineAndCharacterOfPosition(declaration.getStart());
              return `${source.fileName.startsWith(root) ? source.fileName.slice(root.length + 1) : source.fileName}:${line + 1}`;
            })();
      const summary = ts.displayPartsToString(target.getDocumentationComment(checker)).trim();
      const examples = target.getJsDocTags(checker).filter((tag) => tag.name === 'example' && tagText(tag) !== '');
      const isFunction =
        declaration !== undefined &&
        (ts.isFunctionDeclaration(declaration) ||
          (ts.isVariableDeclaration(declaration) && declaration.initializer !== undefined && (ts.isArrowFunction(declaration.initializer) || ts.isFunctionExpression(declaration.initializer))));
      const missing: ExportDoc['missing'] = [];
      if (summary === '') missing.push('summary');
      if (isFunction && examples.length === 0) missing.push('@example');
      return { name: exported.getName(), declaredAt, isFunction, missing };
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The exports that lack something, as lines such as `ScenarioSchema (src/reserve/scenarios.ts:36): no @example`. */
export function undocumented(docs: readonly ExportDoc[]): string[] {
  return docs.filter((d) => d.missing.length > 0).map((d) => `${d.name} (${d.declaredAt}): no ${d.missing.join(', no ')}`);
}
