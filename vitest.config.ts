import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx', 'tests/replay/**/*.test.ts', 'tests/variants/**/*.test.ts'],
    setupFiles: ['tests/unit/setup.ts'],
    pool: 'threads',
    // Machines here are shared and often loaded: a test that does real work (jsdom pages, 10 MB bodies,
    // layout variants) must not fail on the 5 s default. Costs are the benchmark's business, not a timeout's.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
