/**
 * The XML parser is the registry module's own dependency: no other entry point may load it. The
 * import graph of each module's index is walked through the sources (relative imports followed,
 * packages collected; `import type` and `export type` are erased from the build and not followed),
 * so a stray import shows here before a build.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = join(import.meta.dirname, '..', '..', 'src');
const modules = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'scripts', 'modules.json'), 'utf8')) as string[];

function packagesOf(file: string, seen = new Set<string>(), out = new Set<string>()): Set<string> {
  if (seen.has(file)) return out;
  seen.add(file);
  // the code without its comments (a TSDoc @example imports the public paths)
  const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  for (const m of text.matchAll(/^\s*(?:import|export)\s(?!type\s)[^'";]*?from\s*'([^']+)'|^\s*import\s*'([^']+)'/gm)) {
    const spec = (m[1] ?? m[2]) as string;
    if (!spec.startsWith('.')) {
      out.add(spec);
      continue;
    }
    const base = resolve(dirname(file), spec);
    let target = `${base}.ts`;
    try {
      readFileSync(target);
    } catch {
      target = join(base, 'index.ts');
    }
    packagesOf(target, seen, out);
  }
  return out;
}

describe('runtime dependencies by entry point', () => {
  it.each(modules.filter((m) => m !== 'registry'))('oms-calc/%s does not load saxes', (m) => {
    const packages = packagesOf(join(src, m, 'index.ts'));
    expect([...packages].sort()).toEqual(['decimal.js', 'zod']);
  });

  it('oms-calc/registry loads saxes, decimal.js and zod, and nothing else', () => {
    expect([...packagesOf(join(src, 'registry', 'index.ts'))].sort()).toEqual(['decimal.js', 'saxes', 'zod']);
  });

  it('oms-calc/report reads the results of the registry by type only: it does not load saxes', () => {
    const text = readFileSync(join(src, 'report', 'registryAuditHtml.ts'), 'utf8');
    expect(text).toMatch(/^import type \{ RegistryAudit \} from '\.\.\/registry';$/m);
    expect([...packagesOf(join(src, 'report', 'index.ts'))].sort()).toEqual(['decimal.js', 'zod']);
  });
});
