import { configDefaults, defineConfig } from 'vitest/config';
import { OWN_NEO4J_PROJECT, SpreadingSequencer } from './test/support/sequencer';

/**
 * Test files that start, kill and restart a Neo4j of their own: they never use the shared one, or
 * (the bulk load) take their turn at it for the part that does.
 */
const OWN_NEO4J_FILES = [
  'test/integration/localNeo4j.test.ts',
  'test/integration/importCrash.test.ts',
  'test/integration/bulkLoad.test.ts',
];

// Projects by runtime: pure unit tests; the renderer's pure code (stores, element mapping); integration tests against the real local Neo4j;
// end-to-end tests of the renderer in Debian's Chromium through `caselink serve`. The global
// setup of the integration and e2e projects starts one local Neo4j for both (unless CASELINK_TEST_NEO4J_URI
// points at another; NEO4J_URI is never used).
export default defineConfig({
  test: {
    reporters: ['default'],
    // Spreads the own-Neo4j files through the shared-database files they run beside.
    sequence: { sequencer: SpreadingSequencer },
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
          exclude: [...configDefaults.exclude, ...OWN_NEO4J_FILES],
          environment: 'node',
          // One Neo4j for the run: test files take turns at it (the setup file waits for the
          // file's turn, with no timeout), so none sees another's writes. The second worker
          // runs the own-Neo4j files beside them; a group's projects must share maxWorkers.
          setupFiles: ['test/support/databaseTurn.ts'],
          maxWorkers: 2,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: OWN_NEO4J_PROJECT,
          // Beside the integration files: their Neo4j starts and stops overlap the shared chain.
          sequence: { groupOrder: 1 },
          globalSetup: ['test/support/globalSetup.ts'],
          include: OWN_NEO4J_FILES,
          environment: 'node',
          maxWorkers: 2,
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
