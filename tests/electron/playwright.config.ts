import { defineConfig } from '@playwright/test';

/** The built app in real Electron (tests/electron/run.mjs starts it only where the binary exists). */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../artifacts/playwright-electron',
  // One app, one profile: the steps build on each other.
  workers: 1,
  fullyParallel: false,
  timeout: 120_000,
  expect: { timeout: 20_000 },
  reporter: [['list'], ['json']],
});
