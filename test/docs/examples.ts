/**
 * The `@example` blocks of src, as doc tests: each ```ts block is extracted, its imports of
 * `oms-calc` and `oms-calc/<module>` are pointed at the source modules, and every expression
 * statement followed by a value comment (`expr; // 'value'`, or the comment on the next line) is
 * checked against that value. Used by examples.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { repoRoot } from './tsdoc';

/** One `@example` block. */
export interface Example {
  /** Where it is: `src/reserve/reserveSize.ts:120`. */
  at: string;
  /** Its TypeScript source, without the comment's ` * ` margins. */
  code: string;
  /** Whether its fence opts out of running (```` ```ts no-run ````): it needs a file or a browser. */
  noRun: boolean;
}

/** Every `.ts` file under `dir`, recursively, sorted. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []))
    .sort();
}

/** The `@example` code blocks of the TSDoc comments of every file under src. */
export function collectExamples(root: string = repoRoot): Example[] {
  const out: Example[] = [];
  for (const file of sourceFiles(join(root, 'src'))) {
    const text = readFileSync(file, 'utf8');
    for (const comment of text.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
      const body = comment[0].replace(/^\/\*\*|\*\/$/g, '').split('\n').map((l) => l.replace(/^\s*\* ?/, ''));
      const start = text.slice(0, comment.index).split('\n').length;
      let inExample = false;
      for (let i = 0; i < body.length; i++) {
        const line = body[i] as string;
        if (line.startsWith('@')) inExample = line.startsWith('@example');
        const fence = /^```ts(?:\s+(no-run))?\s*$/.exec(line);
        if (!inExample || fence === null) continue;
        const end = body.findIndex((l, j) => j > i && l.startsWith('```'));
        if (end < 0) break;
        out.push({ at: `${relative(root, file)}:${start + i}`, code: body.slice(i + 1, end).join('\n'), noRun: fence[1] !== undefined });
        i = end;
      }
    }
  }
  return out;
}

/** What a value comment starts with: a literal. */
const VALUE_START = /^(?:['"`[{\d-]|true\b|false\b|null\b|undefined\b|NaN\b)/;

/**
 * The value of a comment such as `'7071.06'   (ОС = sqrt(…))`: the literal at its start, without
 * the remark after it; `undefined` when the comment is no value.
 */
export function valueOf(comment: string): string | undefined {
  const text = comment.trim();
  if (!VALUE_START.test(text)) return undefined;
  // an object literal first would read as a block: parse `(…)`
  const source = text.startsWith('{') ? `(${text})` : text;
  const file = ts.createSourceFile('value.ts', source, ts.ScriptTarget.ES2022, true);
  const first = file.statements[0];
  if (first === undefined || !ts.isExpressionStatement(first)) return undefined;
  let node: ts.Expression = first.expression;
  if (ts.isParenthesizedExpression(node)) node = node.expression;
  // `'x'   (a remark)` parses as a call of the literal, `'x' — remark` as a binary: keep the literal
  while (ts.isCallExpression(node) || ts.isBinaryExpression(node) || ts.isPropertyAccessExpression(node)) {
    node = ts.isCallExpression(node) ? node.expression : ts.isBinaryExpression(node) ? node.left : node.expression;
  }
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(node.operand)) return node.getText(file);
  const literal =
    ts.isStringLiteral(node) ||
    ts.isNoSubstitutionTemplateLiteral(node) ||
    ts.isNumericLiteral(node) ||
    ts.isArrayLiteralExpression(node) ||
    ts.isObjectLiteralExpression(node) ||
    node.kind === ts.SyntaxKind.TrueKeyword ||
    node.kind === ts.SyntaxKind.FalseKeyword ||
    node.kind === ts.SyntaxKind.NullKeyword ||
    (ts.isIdentifier(node) && (node.text === 'undefined' || node.text === 'NaN'));
  return literal ? node.getText(file) : undefined;
}

/** An example turned into the body of an async function, and how many checks it holds. */
export interface CompiledExample {
  /** JavaScript: the body of `async (__import, __check) => { … }`. */
  body: string;
  /** The number of `__check` calls in it. */
  checks: number;
}

/**
 * Compiles an example: imports become `const { … } = await __import('…')`, each expression
 * statement with a value comment becomes `__check(n, expression, value)`, and the result is
 * transpiled to JavaScript.
 */
export function compileExample(code: string): CompiledExample {
  const file = ts.createSourceFile('example.ts', code, ts.ScriptTarget.ES2022, true);
  const edits: { start: number; end: number; text: string }[] = [];
  let checks = 0;

  for (const statement of file.statements) {
    if (!ts.isImportDeclaration(statement)) continue;
    const spec = (statement.moduleSpecifier as ts.StringLiteral).text;
    const clause = statement.importClause;
    const names: string[] = [];
    if (clause !== undefined && !clause.isTypeOnly) {
      if (clause.name !== undefined) names.push(`default: ${clause.name.text}`);
      const bindings = clause.namedBindings;
      if (bindings !== undefined && ts.isNamedImports(bindings)) {
        for (const e of bindings.elements) if (!e.isTypeOnly) names.push(e.propertyName === undefined ? e.name.text : `${e.propertyName.text}: ${e.name.text}`);
      }
      if (bindings !== undefined && ts.isNamespaceImport(bindings)) {
        edits.push({ start: statement.getStart(file), end: statement.end, text: `const ${bindings.name.text} = await __import(${JSON.stringify(spec)});` });
        continue;
      }
    }
    edits.push({ start: statement.getStart(file), end: statement.end, text: names.length === 0 ? '' : `const { ${names.join(', ')} } = await __import(${JSON.stringify(spec)});` });
  }

  const lines = code.split('\n');
  const lineOf = (pos: number): number => file.getLineAndCharacterOfPosition(pos).line;
  const visit = (node: ts.Node): void => {
    if (ts.isExpressionStatement(node)) {
      const trailing = ts.getTrailingCommentRanges(code, node.end)?.[0];
      let comment: string | undefined;
      if (trailing !== undefined && trailing.kind === ts.SyntaxKind.SingleLineCommentTrivia && lineOf(trailing.pos) === lineOf(node.end)) {
        comment = code.slice(trailing.pos + 2, trailing.end);
      } else {
        // the value on the comment lines right below the statement
        const below: string[] = [];
        for (let l = lineOf(node.end) + 1; l < lines.length && /^\s*\/\//.test(lines[l] as string); l++) below.push((lines[l] as string).replace(/^\s*\/\/ ?/, ''));
        if (below.length > 0 && lines[lineOf(node.end)]?.trim().endsWith(';')) comment = below.join('\n');
      }
      const value = comment === undefined ? undefined : valueOf(comment);
      if (value !== undefined) {
        checks++;
        edits.push({ start: node.getStart(file), end: node.end, text: `__check(${checks}, (${node.expression.getText(file)}), (${value}));` });
        return;
      }
    }
    ts.forEachChild(node, visit);
  };
  file.statements.forEach((s) => {
    if (!ts.isImportDeclaration(s)) visit(s);
  });

  let edited = code;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) edited = edited.slice(0, e.start) + e.text + edited.slice(e.end);
  const js = ts.transpileModule(edited, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: false } }).outputText;
  return { body: js.replace(/^export \{\};\s*$/m, ''), checks };
}
