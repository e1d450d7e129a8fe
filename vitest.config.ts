import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    // Imports, exports and backups run as jobs in a worker thread: bundled once for the whole run here.
    globalSetup: ['test/support/jobs-worker-bundle.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
