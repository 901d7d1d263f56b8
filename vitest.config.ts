import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/**/*.prop.test.ts', 'test/e2e/**'],
          // Files run in parallel beside the CLI tests' child processes: room for a slow machine.
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'prop',
          include: ['test/**/*.prop.test.ts'],
          setupFiles: ['test/setup-prop.ts'],
          // One module graph per worker instead of one per file: importing @fast-check/vitest
          // afresh in each file was most of this project's time (163 → 34 CPU-seconds, the
          // same tests passing). Property files hold no module state that another file reads.
          isolate: false,
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'types',
          include: [],
          typecheck: {
            enabled: true,
            only: true,
            include: ['test/**/*.test-d.ts'],
            tsconfig: './tsconfig.json',
          },
        },
      },
    ],
  },
});
