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
      {
        test: {
          name: 'faults',
          root,
          include: ['tests/faults/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/requireServers.ts'],
          // A case kills a core process mid-transfer, starts another and waits for the
          // resumed transfer (up to two minutes) before it checks the servers.
          testTimeout: 240_000,
          hookTimeout: 120_000,
          // Each file runs its cases one after another (their kill moments are timed); two
          // files at a time keep the suite to a few minutes without starving RGW and sshd.
          maxWorkers: 2,
        },
      },
    ],
  },
});
