import { defineConfig } from '@playwright/test';

// Each test launches its own Chromium with the extension (extensions need a persistent context), so tests
// run one at a time: the machines here have 2 cores.
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  workers: 1,
  fullyParallel: false,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  // no retries: a test that passes on a second try hides a bug (in the product or the test)
  retries: 0,
  reporter: [['list']],
  use: { trace: 'off', screenshot: 'off', video: 'off' },
  // Console times are Beijing time whatever the machine's zone: the capture path runs in both zones.
  projects: [
    { name: 'utc', use: { timezoneId: 'UTC' } },
    { name: 'shanghai', use: { timezoneId: 'Asia/Shanghai' }, testMatch: ['**/capture-path.spec.ts'] },
  ],
});
