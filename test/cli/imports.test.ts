/**
 * The CLI is a client of the library: every file of src/cli imports only the public entry points
 * (a module's index, '../shared', the root), its own files, the package.json, Node built-ins and
 * packages — never '../_internal/…' nor a module's inner file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = join(__dirname, '../../src/cli');
const PUBLIC = new Set(['../reserve', '../replenishment', '../subvention', '../sanctions', '../smo-rating', '../registry', '../report', '../shared', '..', '../index', '../../package.json']);

/** Every module specifier of a file: static imports and re-exports, dynamic imports, requires. */
function specifiers(source: string): string[] {
  const found: string[] = [];
  const patterns = [/\b(?:import|export)\s[^;'"]*?\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g, /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g];
  for (const p of patterns) for (const m of source.matchAll(p)) found.push(m[1] as string);
  return found;
}

/** Whether a file of src/cli may import the specifier. */
function allowed(specifier: string): boolean {
  if (PUBLIC.has(specifier)) return true;
  if (specifier.startsWith('./')) return !specifier.slice(2).includes('/');
  return !specifier.startsWith('.') && !specifier.startsWith('/');
}

describe('src/cli imports only public entry points', () => {
  it('the rule itself: entry points pass, inner files fail', () => {
    expect(specifiers("import { a } from '../sanctions';\nimport type { B } from \"../_internal/format\";\nexport * from './io';\nconst x = await import('../sanctions/fastPath');")).toEqual([
      '../sanctions',
      '../_internal/format',
      './io',
      '../sanctions/fastPath',
    ]);
    expect(['../sanctions', '../shared', './io', 'node:fs', 'cac', '../../package.json', '..'].every(allowed)).toBe(true);
    expect(['../_internal', '../_internal/format', '../sanctions/fastPath', '../sanctions/index', './x/y', '../../src/x'].some(allowed)).toBe(false);
  });

  it('holds for every file of src/cli', () => {
    const files = readdirSync(CLI).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(5);
    const bad = files.flatMap((f) => specifiers(readFileSync(join(CLI, f), 'utf8')).filter((s) => !allowed(s)).map((s) => `${f}: ${s}`));
    expect(bad).toEqual([]);
  });
});
