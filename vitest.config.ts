import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    // Imports, exports and backups run as jobs in a worker thread, which compiles its sources first under vitest:
    // on a shared, loaded 2-core machine a test of a few of them can take more than 30 s.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
