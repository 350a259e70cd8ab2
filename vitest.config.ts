import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    pool: 'forks',
    globalSetup: ['test/temp-root.ts'],
    testTimeout: 30000,
  },
});
