/**
 * Every public export — function, schema, data constant, interface, type — has TSDoc with a
 * summary, and every function an `@example` (types and constants keep examples only where they
 * add something, as date-fns and valibot do). The exports are read with the TypeScript compiler API from each
 * module's index.ts (the modules of scripts/modules.json, so a module added there is checked too)
 * and from src/shared.ts, following re-exports to the declarations that carry the TSDoc.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportDocs, listedModules, repoProgram, repoRoot, undocumented, type ExportDoc } from './tsdoc';

const entries = [
  { label: 'src/shared.ts', file: join(repoRoot, 'src', 'shared.ts') },
  ...listedModules().map((m) => ({ label: `src/${m}/index.ts`, file: join(repoRoot, 'src', m, 'index.ts') })),
];

describe('TSDoc of the public exports', () => {
  let program: ts.Program;
  beforeAll(() => {
    program = repoProgram(entries.map((e) => e.file));
  }, 120_000);

  it('scripts/modules.json lists modules, each with an index.ts', () => {
    expect(entries.length).toBeGreaterThan(1);
    expect(entries.filter((e) => !existsSync(e.file)).map((e) => e.label)).toEqual([]);
  });

  it.each(entries)('$label: every export has a summary, every function an @example', ({ label, file }) => {
    const docs = exportDocs(program, file);
    expect(docs.length, `${label} exports nothing`).toBeGreaterThan(0);
    expect(undocumented(docs), `exports of ${label} without a TSDoc summary or @example`).toEqual([]);
  });

  it.each(entries.filter((e) => e.label !== 'src/shared.ts'))('$label: `export * from ../shared` is followed to the declarations', ({ file }) => {
    const shared = exportDocs(program, file).find((d) => d.name === 'isOmsCalcError');
    expect(shared?.declaredAt).toMatch(/^src\/_internal\/errors\.ts:\d+$/);
  });
});

describe('the TSDoc check itself', () => {
  /** A program over in-memory files, so that the check is seen to fail where it must. */
  function virtualProgram(files: Record<string, string>): ts.Program {
    const options: ts.CompilerOptions = {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      noLib: true,
      types: [],
      noEmit: true,
    };
    const host = ts.createCompilerHost(options);
    const { fileExists, readFile, getSourceFile } = host;
    host.directoryExists = (name) => Object.keys(files).some((f) => f.startsWith(`${name.replace(/\/$/, '')}/`)) || ts.sys.directoryExists(name);
    host.fileExists = (name) => name in files || fileExists.call(host, name);
    host.readFile = (name) => files[name] ?? readFile.call(host, name);
    host.getSourceFile = (name, language, ...rest) => {
      const text = files[name];
      return text === undefined ? getSourceFile.call(host, name, language, ...rest) : ts.createSourceFile(name, text, language, true);
    };
    return ts.createProgram({ rootNames: ['/virtual/index.ts'], options, host });
  }

  const fixture = {
    '/virtual/index.ts': [
      "export { documented, noExample, Renamed as Alias, arrow } from './a';",
      "export type { NoDoc } from './a';",
      "export * from './b';",
    ].join('\n'),
    '/virtual/a.ts': [
      '/**',
      ' * Documented.',
      ' *',
      ' * @example',
      ' * ```ts',
      ' * documented(); // 1',
      ' * ```',
      ' */',
      'export function documented(): number { return 1; }',
      '/** A summary, no example. */',
      'export function noExample(): number { return 2; }',
      'export interface NoDoc { a: number }',
      '/**',
      ' * @example',
      ' * ```ts',
      ' * Renamed; // 3',
      ' * ```',
      ' */',
      'export const Renamed = 3;',
      '/** A function held by a constant needs an example too. */',
      'export const arrow = (): number => 4;',
    ].join('\n'),
    '/virtual/b.ts': [
      '/**',
      ' * An empty example tag does not count.',
      ' * @example',
      ' */',
      'export type Empty = string;',
      '/**',
      ' * Reached through `export *`, complete.',
      ' *',
      ' * @example',
      " * const s: Starred = 'x';",
      ' */',
      'export type Starred = string;',
    ].join('\n'),
  };

  it('names each export without a summary, and each function without an @example, following aliases and `export *`', () => {
    const docs = exportDocs(virtualProgram(fixture), '/virtual/index.ts');
    const byName = (list: readonly ExportDoc[]) => list.map(({ name, missing }) => ({ name, missing }));
    expect(byName(docs)).toEqual([
      { name: 'Alias', missing: ['summary'] },
      { name: 'Empty', missing: [] },
      { name: 'NoDoc', missing: ['summary'] },
      { name: 'Starred', missing: [] },
      { name: 'arrow', missing: ['@example'] },
      { name: 'documented', missing: [] },
      { name: 'noExample', missing: ['@example'] },
    ]);
    expect(undocumented(docs)).toEqual([
      'Alias (/virtual/a.ts:19): no summary',
      'NoDoc (/virtual/a.ts:12): no summary',
      'arrow (/virtual/a.ts:21): no @example',
      'noExample (/virtual/a.ts:11): no @example',
    ]);
  });
});
