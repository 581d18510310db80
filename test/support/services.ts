/**
 * Opens the services the app composes, over the test run's real Neo4j, with the schema applied
 * and the graph emptied, so each test file starts from a known state.
 */
import type { CaselinkApi } from '../../main/contract/api';
import { openDatabase, type Database } from '../../main/db/database';
import { applySchema } from '../../main/db/schema';
import { createApi } from '../../main/services/api';
import { testNeo4j } from './testNeo4j';

export interface TestServices {
  api: CaselinkApi;
  db: Database;
  close(): Promise<void>;
}

export async function openTestDatabase(): Promise<Database> {
  return openDatabase(testNeo4j());
}

export async function openTestServices(): Promise<TestServices> {
  const db = await openTestDatabase();
  await db.write('admin/delete-graph');
  await applySchema(db);
  return { api: createApi(db), db, close: () => db.close() };
}
