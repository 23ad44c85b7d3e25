import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  test: {
    root,
    projects: [
      {
        test: {
          name: 'unit',
          root,
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          root,
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/requireServers.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Two cores and one RGW: a few files at a time keeps timings honest.
          maxWorkers: 2,
        },
      },
    ],
  },
});
