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
    clean: true,
    sourcemap: false,
    treeshake: true,
    target: 'es2022',
    platform: 'neutral',
    outDir: 'dist',
  },
]);
