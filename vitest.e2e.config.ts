import { defineConfig } from 'vitest/config';

// End-to-end tests against the built extension in real browsers: one file at a time (two cores, two browsers).
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    globalSetup: ['tests/e2e/lib/global-setup.ts'],
  },
});
