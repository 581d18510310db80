import { defineConfig } from 'vitest/config';

// Three projects by runtime: pure unit tests; integration tests against the real local Neo4j;
// end-to-end tests of the renderer in Debian's Chromium through `caselink serve`. The global
// setup starts one local Neo4j for the whole run (unless NEO4J_URI points at another).
export default defineConfig({
  test: {
    globalSetup: ['test/support/globalSetup.ts'],
    reporters: ['default'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
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
