import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          // Some property and agreement tests run 100k points; on a busy 2-core machine they need more than 5 s.
          testTimeout: 30_000,
          include: [
            'shared/**/*.test.ts',
            'electron/**/*.test.ts',
            'renderer/**/*.test.ts',
            'test/unit/**/*.test.ts',
          ],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // expect.poll waits on a condition of the page; its 1 s default is too short for a UI
          // update (a matter search, a re-render) on a loaded 2-core machine, not for any operation.
          expect: { poll: { timeout: 5_000 } },
        },
      },
    ],
  },
});
