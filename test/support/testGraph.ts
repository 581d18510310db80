/**
 * Which Neo4j the tests use, and the guard that keeps them off a user's graph. The tests read
 * their own variables (CASELINK_TEST_NEO4J_URI, _USER, _PASSWORD, _DATABASE) and never NEO4J_URI:
 * an analyst whose NEO4J_URI names the task force's server must be able to run `npm test`. And
 * they clear only a graph marked as a test graph, so that even a wrong CASELINK_TEST_NEO4J_URI
 * deletes nothing.
 */
import { configuredConnection, type Env, type ExternalConnection } from '../../main/config/settings';
import { toPlain, type Database } from '../../main/db/database';

const PREFIX = 'CASELINK_TEST_';

/**
 * The server CASELINK_TEST_NEO4J_URI names (with its _USER, _PASSWORD, _DATABASE), or null when
 * it is not set and the tests are to start a local Neo4j of their own. NEO4J_URI is not read.
 */
export function testServerFromEnv(env: Env): ExternalConnection | null {
  const own: Env = {};
  for (const key of ['NEO4J_URI', 'NEO4J_USER', 'NEO4J_PASSWORD', 'NEO4J_DATABASE']) own[key] = env[`${PREFIX}${key}`];
  try {
    return configuredConnection(own);
  } catch (error) {
    throw new Error((error as Error).message.replace(/\bNEO4J_/g, `${PREFIX}NEO4J_`), { cause: error });
  }
}

/**
 * The environment for a child process of a test (the CLI, `caselink serve`): the caller's
 * environment without any Neo4j connection of the user's, and the test server in NEO4J_*.
 */
export function testChildEnv(
  server: { uri: string; user: string; password: string; database: string },
  extra: NodeJS.ProcessEnv = {},
  env: NodeJS.ProcessEnv = process.env,
): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(
    Object.entries(env).filter(([key]) => !key.startsWith('NEO4J_') && !key.startsWith(PREFIX)),
  );
  return {
    ...clean,
    NEO4J_URI: server.uri,
    NEO4J_USER: server.user,
    NEO4J_PASSWORD: server.password,
    NEO4J_DATABASE: server.database,
    ...extra,
  };
}

async function graphState(db: Database): Promise<{ marked: boolean; data: number }> {
  const [row] = await db.read('admin/test-graph-state');
  return { marked: row?.get('marked') === true, data: Number(toPlain(row?.get('data') ?? 0)) };
}

function refusal(db: Database, data: number): Error {
  return new Error(
    `Refusing to use the graph at ${db.settings.uri} (database ${db.settings.database}) for tests: it holds ${data} ` +
      `node${data === 1 ? '' : 's'} and is not marked as a test graph. Point CASELINK_TEST_NEO4J_URI at an ` +
      'empty database, or leave it unset to let the tests start their own.',
  );
}

/** Marks an empty graph as a test graph; refuses a graph that holds data and has no mark. */
export async function prepareTestGraph(db: Database, now = new Date()): Promise<void> {
  const { marked, data } = await graphState(db);
  if (marked) return;
  if (data > 0) throw refusal(db, data);
  await db.write('admin/mark-test-graph', { now: now.toISOString() });
}

/** Deletes everything in a marked test graph (or in one with no data); refuses any other graph. */
export async function emptyTestGraph(db: Database): Promise<void> {
  await prepareTestGraph(db);
  await db.write('admin/empty-test-graph');
}
