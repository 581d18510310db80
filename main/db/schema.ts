/**
 * The graph schema (cypher/schema/*.cypher): constraints and indexes for the data model, applied
 * in file order with IF NOT EXISTS, so applying it again changes nothing. The version applied is
 * recorded in the graph as (:CaselinkMeta {key: 'schema', version}).
 */
import { statementsUnder } from './cypher';
import type { Database } from './database';

/** Raise when a file under cypher/schema/ is added or changed. */
export const SCHEMA_VERSION = 1;

/** Applies every schema file and records {@link SCHEMA_VERSION}. Idempotent. */
export async function applySchema(db: Database, now: () => Date = () => new Date()): Promise<void> {
  for (const file of statementsUnder('schema')) {
    await db.applySchemaFile(file.name);
  }
  await db.write('db/record-schema-version', { version: SCHEMA_VERSION, appliedAt: now().toISOString() });
}

/** The schema version recorded in the graph, or null. */
export async function recordedSchemaVersion(db: Database): Promise<number | null> {
  const [row] = await db.read('db/schema-version');
  const version = row?.get('version') as { toNumber(): number } | number | null | undefined;
  if (version === null || version === undefined) return null;
  return typeof version === 'number' ? version : version.toNumber();
}
