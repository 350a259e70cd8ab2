import { defineConfig } from 'vitest/config';

// Browser tests drive Debian's Chromium against the test host; they need the built renderer.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    pool: 'forks',
    globalSetup: ['test/temp-root.ts'],
    fileParallelism: false,
    testTimeout: 120000,
    hookTimeout: 60000,
  },
});
