import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';

// Unit, fixture, store, UI and convention tests. Node by default; DOM tests opt in with
// `// @vitest-environment happy-dom`. End-to-end tests have their own config (vitest.e2e.config.ts).
export default defineConfig({
  plugins: [preact()],
  test: {
    environment: 'node',
    include: ['src/**/*.test.{ts,tsx}', 'tests/*.test.ts'],
    testTimeout: 20_000,
  },
});
