import { defineConfig } from 'vitest/config';

// Projects by runtime: pure unit tests; the renderer's pure code (stores, element mapping); integration tests against the real local Neo4j;
// end-to-end tests of the renderer in Debian's Chromium through `caselink serve`. The global
// setup of the integration and e2e projects starts one local Neo4j for both (unless CASELINK_TEST_NEO4J_URI
// points at another; NEO4J_URI is never used).
export default defineConfig({
  test: {
    reporters: ['default'],
    projects: [
      {
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          // Some unit tests build and refuse files of hundreds of MiB: 5 s, Vitest's default, is
          // missed on a busy machine. A timeout is there to end a hang, not to time the code.
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'renderer',
          sequence: { groupOrder: 0 },
          include: ['test/renderer/**/*.test.{ts,tsx}'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          // Projects with a higher group order start after the lower ones end: the integration
          // and e2e tests share one database and must not see each other's writes.
          sequence: { groupOrder: 1 },
          globalSetup: ['test/support/globalSetup.ts'],
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          // One Neo4j for the run: test files take turns so none sees another's writes.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'e2e',
          sequence: { groupOrder: 2 },
          globalSetup: ['test/support/globalSetup.ts'],
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
