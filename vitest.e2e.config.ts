import { defineConfig } from 'vitest/config';

/** End-to-end tests: the built renderer in Debian's Chromium against the real handler table over HTTP. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['test/support/jobs-worker-bundle.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
