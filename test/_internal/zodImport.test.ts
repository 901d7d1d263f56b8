/**
 * zod is imported as a namespace (`import * as z from 'zod'`) in every source file. A value
 * import of its `z` export (`import { z } from 'zod'`) makes esbuild, and so the command's bundle
 * and a user's, keep all of zod's locales: about 50 kB brotlied in every entry point.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(__dirname, '../../src');

/** The zod imports of a source text that bundlers cannot shake: a value import of `z`, or a default import. */
function unshakable(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/\bimport\s+(?!type\b)([^;'"]*?)\s+from\s*['"]zod['"]/g)) {
    const what = (m[1] as string).trim();
    if (/^\*\s+as\s+\w+$/.test(what)) continue;
    if (/^\{[^}]*\}$/.test(what) && !/(^|[{,\s])z(\s|,|\}|$)/.test(what.replace(/\btype\s+z\b/g, ''))) continue;
    found.push(m[0]);
  }
  return found;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('zod is imported as a namespace', () => {
  it('the rule itself', () => {
    expect(unshakable("import { z } from 'zod';")).toHaveLength(1);
    expect(unshakable("import z from 'zod';")).toHaveLength(1);
    expect(unshakable("import { string, z } from \"zod\";")).toHaveLength(1);
    expect(unshakable("import * as z from 'zod';")).toEqual([]);
    expect(unshakable("import type { z } from 'zod';")).toEqual([]);
    expect(unshakable("import { type z, string } from 'zod';")).toEqual([]);
  });

  it('holds for every file of src', () => {
    const files = sources(SRC);
    expect(files.length).toBeGreaterThan(50);
    const bad = files.flatMap((f) => unshakable(readFileSync(f, 'utf8')).map((s) => `${f.slice(SRC.length + 1)}: ${s}`));
    expect(bad).toEqual([]);
    expect(files.some((f) => readFileSync(f, 'utf8').includes("import * as z from 'zod'"))).toBe(true);
  });
});
