import { defineConfig } from 'tsup';

/** Public entry points: the root and one subpath per module. */
export const libraryEntries = {
  index: 'src/index.ts',
  'reserve/index': 'src/reserve/index.ts',
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
