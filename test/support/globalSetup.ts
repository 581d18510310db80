/**
 * Starts one real local Neo4j for the test run in a temporary CASELINK_HOME, unless
 * CASELINK_TEST_NEO4J_URI names a server for tests, and hands its address and password to the
 * tests through `provide`. NEO4J_URI is never read: it may name a user's real graph. The graph
 * is marked as a test graph here (a graph holding data without the mark is refused), and the
 * tests clear only a marked graph.
 *
 * The integration and e2e projects both name this setup; Vitest loads it once per project, in
 * the same process, so the running database is shared through globalThis and stopped when the
 * last project is done.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../main/db/database';
import { startLocalNeo4j, stopLocalNeo4j } from '../../main/db/localNeo4j';
import { startTurnServer, type TurnServer } from './databaseTurns';
import { prepareTestGraph, testServerFromEnv } from './testGraph';
import type { TestNeo4j } from './testNeo4j';

interface Shared {
  neo4j: Promise<{ settings: TestNeo4j; stop: () => Promise<void> }>;
  /** A folder for what test files of this run share (the demo graph's snapshot), removed at the end. */
  scratch: Promise<string>;
  /** Turns at the shared database, one test file at a time (test/support/databaseTurns.ts). */
  turns: Promise<TurnServer>;
  users: number;
}

const KEY = Symbol.for('caselink.testNeo4j');
const shared = globalThis as unknown as Record<symbol, Shared | undefined>;

async function markTestGraph(settings: TestNeo4j): Promise<void> {
  const db = await openDatabase(settings);
  try {
    await prepareTestGraph(db);
  } finally {
    await db.close();
  }
}

async function start(): Promise<{ settings: TestNeo4j; stop: () => Promise<void> }> {
  const external = testServerFromEnv(process.env);
  if (external) {
    const settings = { ...external, local: false };
    await markTestGraph(settings);
    return { settings, stop: async () => undefined };
  }
  const home = await mkdtemp(join(tmpdir(), 'caselink-test-'));
  const started = Date.now();
  // A busy CI machine can take minutes to start Neo4j; the wait ends as soon as Bolt answers.
  const local = await startLocalNeo4j({
    home,
    attached: true,
    heap: '768m',
    pageCache: '256m',
    timeoutMs: 600_000,
    // The warm-up (page cache, then the workspace's questions) would only compete with the tests
    // for the CPU; test/integration/localNeo4j.test.ts tests it on a Neo4j of its own.
    warmup: false,
  }).catch(async (error: unknown) => {
    await rm(home, { recursive: true, force: true });
    throw error;
  });
  process.stdout.write(
    `[test setup] local Neo4j ${local.version} at ${local.uri}, started in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
  const stop = async () => {
    await stopLocalNeo4j(home);
    await rm(home, { recursive: true, force: true });
  };
  const settings = { uri: local.uri, user: local.user, password: local.password, database: 'neo4j', local: true };
  try {
    await markTestGraph(settings);
  } catch (error) {
    await stop();
    throw error;
  }
  return { settings, stop };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const entry = (shared[KEY] ??= {
    neo4j: start(),
    scratch: mkdtemp(join(tmpdir(), 'caselink-test-run-')),
    turns: startTurnServer(),
    users: 0,
  });
  entry.users += 1;
  const { settings } = await entry.neo4j;
  project.provide('neo4j', settings);
  project.provide('scratch', await entry.scratch);
  project.provide('databaseTurns', (await entry.turns).port);
  return async () => {
    entry.users -= 1;
    if (entry.users > 0) return;
    shared[KEY] = undefined;
    await (await entry.turns).close();
    await rm(await entry.scratch, { recursive: true, force: true });
    await (await entry.neo4j).stop();
  };
}
