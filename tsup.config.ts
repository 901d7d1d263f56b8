import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const modules = JSON.parse(readFileSync('scripts/modules.json', 'utf8')) as string[];

/** Public entry points: the root and one subpath per module (scripts/modules.json). */
export const libraryEntries: Record<string, string> = {
  index: 'src/index.ts',
  ...Object.fromEntries(modules.map((m) => [`${m}/index`, `src/${m}/index.ts`])),
};

export default defineConfig([
  {
    entry: libraryEntries,
    format: ['esm', 'cjs'],
    dts: true,
    clean: false,
    sourcemap: false,
    treeshake: true,
    target: 'es2022',
    platform: 'neutral',
    outDir: 'dist',
  },
  {
    // The command line: one self-contained ESM file for Node. Its argv and ZIP libraries (fflate,
    // for `oms-calc registry FILE.zip` and the `--format xlsx` workbooks of src/cli/xlsx.ts) are
    // bundled in so that the package's runtime dependencies stay those of the library, which
    // never loads them; the library's own dependencies are bundled in too, because loading zod's
    // many ES modules from node_modules cost every command about 60 ms at start.
    entry: { cli: 'src/cli/index.ts' },
    format: ['esm'],
    // a command's module is a chunk of its own, loaded when the command runs (src/cli/index.ts)
    splitting: true,
    dts: false,
    clean: false,
    sourcemap: false,
    target: 'node20',
    platform: 'node',
    outDir: 'dist',
    noExternal: ['cac', 'fflate', 'decimal.js', 'zod', 'saxes'],
    banner: { js: '#!/usr/bin/env node' },
    // Russian text as itself (UTF-8), not as \u escapes: the bundle reads as its sources do, and is smaller to load
    esbuildOptions(options) {
      options.charset = 'utf8';
    },
  },
]);
