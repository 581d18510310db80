import { configDefaults, defineConfig } from 'vitest/config';
import { OWN_NEO4J_PROJECT, SpreadingSequencer } from './test/support/sequencer';

/**
 * Test files that start (and some kill and restart) a Neo4j of their own: they never use the
 * shared one, or (the bulk load) take their turn at it for the part that does. Listed here they
 * run beside the shared-database files instead of holding a turn they do not need.
 */
const OWN_NEO4J_FILES = [
  'test/integration/localNeo4j.test.ts',
  'test/integration/neo4jHardening.test.ts',
  'test/integration/importCrash.test.ts',
  'test/integration/bulkLoad.test.ts',
  'test/integration/fairBaseline.test.ts',
];

/**
 * End-to-end files that drive Chromium with no database behind the page (the chart component on a
 * generated chart): they need no turn at the shared database, so they run beside the files that do.
 */
const BROWSER_ONLY_FILES = ['test/e2e/chartList.test.ts'];

/**
 * Every project runs in one group of two workers (a group's projects must all have the same
 * maxWorkers): the integration and end-to-end files take turns at the shared database, one file at
 * a time, and the unit, renderer and own-Neo4j files run beside them. The end-to-end files once ran
 * in a group of their own after the rest, one at a time, with the second core all but idle: the
 * whole run took 943 s of Vitest's time.
 */
const SHARED_DATABASE_GROUP = { sequence: { groupOrder: 1 }, maxWorkers: 2 };

// Projects by runtime: pure unit tests; the renderer's pure code (stores, element mapping); integration tests against the real local Neo4j;
// end-to-end tests of the renderer in Debian's Chromium through `caselink serve`, and of its chart
// alone in Chromium (browser). The global
// setup of the integration and e2e projects starts one local Neo4j for both (unless CASELINK_TEST_NEO4J_URI
// points at another; NEO4J_URI is never used).
export default defineConfig({
  test: {
    reporters: ['default'],
    // Spreads the files that need no turn at the shared database through those that do.
    sequence: { sequencer: SpreadingSequencer },
    projects: [
      {
        test: {
          name: 'unit',
          ...SHARED_DATABASE_GROUP,
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
          ...SHARED_DATABASE_GROUP,
          include: ['test/renderer/**/*.test.{ts,tsx}'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          ...SHARED_DATABASE_GROUP,
          globalSetup: ['test/support/globalSetup.ts'],
          include: ['test/integration/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...OWN_NEO4J_FILES],
          environment: 'node',
          // One Neo4j for the run: test files take turns at it (the setup file waits for the
          // file's turn, with no timeout), so none sees another's writes.
          setupFiles: ['test/support/databaseTurn.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: OWN_NEO4J_PROJECT,
          // Beside the integration files: their Neo4j starts and stops overlap the shared chain.
          ...SHARED_DATABASE_GROUP,
          globalSetup: ['test/support/globalSetup.ts'],
          include: OWN_NEO4J_FILES,
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'e2e',
          ...SHARED_DATABASE_GROUP,
          globalSetup: ['test/support/globalSetup.ts'],
          include: ['test/e2e/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...BROWSER_ONLY_FILES],
          environment: 'node',
          // As the integration files: one file at a time at the shared database, which the app
          // under test serves from.
          setupFiles: ['test/support/databaseTurn.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'browser',
          ...SHARED_DATABASE_GROUP,
          include: BROWSER_ONLY_FILES,
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
