/**
 * The graph schema (cypher/schema/*.cypher): constraints and indexes for the data model, applied
 * in file order with IF NOT EXISTS, so applying it again changes nothing. The version applied is
 * recorded in the graph as (:CaselinkMeta {key: 'schema', version}).
 */
import { partySearchName } from '../core/searchText';
import { statementsUnder } from './cypher';
import type { Database } from './database';

/** The schema version from which a searchable name holds the words with letters lost to an encoding. */
const LOST_LETTERS_SINCE = 8;

/**
 * Stores the searchable name of every party written by an import older than search (a graph of
 * schema version below 6), and of every party whose names have letters lost to an encoding
 * ("B?IE?U") written before {@link LOST_LETTERS_SINCE}, a page at a time: their files, imported
 * again, would change nothing, so they would never be found by name.
 */
export async function fillSearchNames(db: Database, batch = 5_000): Promise<number> {
  let after = '';
  let filled = 0;
  for (;;) {
    const rows = await db.read('search/parties-to-name-for-search', { after, batch });
    if (rows.length === 0) return filled;
    const parties = rows.map((r) => ({
      id: r.string('id'),
      searchName: partySearchName({
        name: r.stringOrNull('name'),
        givenName: r.stringOrNull('givenName'),
        familyName: r.stringOrNull('familyName'),
        alias: r.stringOrNull('alias'),
        nameLatin: r.stringOrNull('nameLatin'),
      }),
    }));
    await db.write('search/set-search-names', { parties });
    filled += parties.filter((p) => p.searchName !== null).length;
    after = parties[parties.length - 1]?.id ?? after;
  }
}

/**
 * Raise when a file under cypher/schema/ is added or changed, or when what an import stores for
 * search changes (see fillSearchNames).
 */
export const SCHEMA_VERSION = 9;

/** Constraints created side by side: each waits on its own index's filling, not on the others'. */
const CONSTRAINT_LANES = 4;

/**
 * Applies every schema file and records {@link SCHEMA_VERSION}. Idempotent. On a graph already
 * filled (the bulk first load applies the schema after the data), creating the schema costs a
 * pass over the nodes of each index: the indexes come first, each file's in one transaction (an
 * index is filled in the background, and those of one transaction in one pass), then the
 * constraints, several at a time (each fills and checks its index before it returns), and the
 * whole is waited on once, until every index is online.
 */
export async function applySchema(db: Database, now: () => Date = () => new Date()): Promise<void> {
  const before = await recordedSchemaVersion(db);
  const files = statementsUnder('schema');
  for (const file of files) await db.applySchemaFile(file.name, { only: 'indexes', together: true });
  for (const file of files) await db.applySchemaFile(file.name, { only: 'constraints', parallel: CONSTRAINT_LANES });
  await db.read('db/await-indexes', { seconds: 300 });
  if (before !== null && before < LOST_LETTERS_SINCE) await fillSearchNames(db);
  await db.write('db/record-schema-version', { version: SCHEMA_VERSION, appliedAt: now().toISOString() });
}

export interface SchemaItem {
  name: string;
  type: string;
  entityType: string;
  labelsOrTypes: string[];
  properties: string[];
  /** Indexes only: ONLINE, POPULATING or FAILED. */
  state?: string;
}

export interface SchemaDescription {
  version: number | null;
  constraints: SchemaItem[];
  indexes: SchemaItem[];
}

function toItem(row: { get(key: string): unknown; has(key: string): boolean }): SchemaItem {
  return {
    name: row.get('name') as string,
    type: row.get('type') as string,
    entityType: row.get('entityType') as string,
    labelsOrTypes: (row.get('labelsOrTypes') as string[] | null) ?? [],
    properties: (row.get('properties') as string[] | null) ?? [],
    ...(row.has('state') ? { state: row.get('state') as string } : {}),
  };
}

/** The constraints and indexes in the graph and the recorded schema version. */
export async function describeSchema(db: Database): Promise<SchemaDescription> {
  const [version, constraints, indexes] = await Promise.all([
    recordedSchemaVersion(db),
    db.read('db/list-constraints'),
    db.read('db/list-indexes'),
  ]);
  return { version, constraints: constraints.map(toItem), indexes: indexes.map(toItem) };
}

/** The schema version recorded in the graph, or null. */
export async function recordedSchemaVersion(db: Database): Promise<number | null> {
  const [row] = await db.read('db/schema-version');
  const version = row?.get('version') as { toNumber(): number } | number | null | undefined;
  if (version === null || version === undefined) return null;
  return typeof version === 'number' ? version : version.toNumber();
}
