/**
 * Opens the services the app composes, over the test run's real Neo4j, with the schema applied
 * and the graph emptied, so each test file starts from a known state. Only a graph marked as a
 * test graph is emptied (test/support/testGraph.ts).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CaselinkApi } from '../../main/contract/api';
import { openDatabase, type Database } from '../../main/db/database';
import { applySchema } from '../../main/db/schema';
import { createApi } from '../../main/services/api';
import { emptyTestGraph } from './testGraph';
import { testNeo4j } from './testNeo4j';

export { emptyTestGraph };

export interface TestServices {
  api: CaselinkApi;
  db: Database;
  /** The CASELINK_HOME of these services (uploads, profiles, reports). */
  home: string;
  close(): Promise<void>;
}

export async function openTestDatabase(): Promise<Database> {
  return openDatabase(testNeo4j());
}

export async function openTestServices(): Promise<TestServices> {
  const db = await openTestDatabase();
  await emptyTestGraph(db);
  await applySchema(db);
  const home = await mkdtemp(join(tmpdir(), 'caselink-services-'));
  return {
    api: createApi(db, { home }),
    db,
    home,
    close: async () => {
      await db.close();
      await rm(home, { recursive: true, force: true });
    },
  };
}
