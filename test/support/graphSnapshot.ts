/**
 * A test graph kept in a file and put back: the end-to-end tests that need the demo fixtures
 * imported and resolved build that graph once per run and restore it in the files after. The
 * values keep their Neo4j types exactly (integers, floats, temporal values, lists), read and
 * written through the driver itself rather than the product's Database, which turns them into
 * plain numbers and strings. Bookkeeping nodes (CaselinkMeta: the schema version, the test-graph
 * mark) are neither saved nor restored: the schema is applied before a restore.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import neo4j, { type Driver, type Integer } from 'neo4j-driver';
import { statement } from '../../main/db/cypher';
import type { TestNeo4j } from './testNeo4j';

/** A property value as JSON can carry it, with the Neo4j type of integers and temporal values tagged. */
type Stored =
  | null
  | boolean
  | number
  | string
  | Stored[]
  | { $int: string }
  | { $temporal: TemporalKind; fields: (string | number | null)[] };

type TemporalKind = 'Date' | 'DateTime' | 'LocalDateTime' | 'Time' | 'LocalTime' | 'Duration';

interface StoredNode {
  id: string;
  labels: string[];
  props: Record<string, Stored>;
}

interface StoredRelationship {
  source: string;
  target: string;
  type: string;
  props: Record<string, Stored>;
}

interface Snapshot {
  nodes: StoredNode[];
  relationships: StoredRelationship[];
}

const BATCH = 2_000;

const int = (v: Integer | number) => (typeof v === 'number' ? v : v.toString());

/** Each temporal type's fields, in the order its driver class's constructor takes them. */
const TEMPORAL: Record<TemporalKind, { is: (v: unknown) => boolean; fields: string[] }> = {
  Date: { is: neo4j.isDate, fields: ['year', 'month', 'day'] },
  DateTime: {
    is: neo4j.isDateTime,
    fields: ['year', 'month', 'day', 'hour', 'minute', 'second', 'nanosecond', 'timeZoneOffsetSeconds', 'timeZoneId'],
  },
  LocalDateTime: {
    is: neo4j.isLocalDateTime,
    fields: ['year', 'month', 'day', 'hour', 'minute', 'second', 'nanosecond'],
  },
  Time: { is: neo4j.isTime, fields: ['hour', 'minute', 'second', 'nanosecond', 'timeZoneOffsetSeconds'] },
  LocalTime: { is: neo4j.isLocalTime, fields: ['hour', 'minute', 'second', 'nanosecond'] },
  Duration: { is: neo4j.isDuration, fields: ['months', 'days', 'seconds', 'nanoseconds'] },
};

function store(value: unknown): Stored {
  if (value === null || typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string') {
    return value;
  }
  if (Array.isArray(value)) return value.map(store);
  if (neo4j.isInt(value)) return { $int: value.toString() };
  for (const [kind, { is, fields }] of Object.entries(TEMPORAL) as [TemporalKind, (typeof TEMPORAL)[TemporalKind]][]) {
    if (!is(value)) continue;
    const v = value as unknown as Record<string, Integer | number | string | null | undefined>;
    return {
      $temporal: kind,
      fields: fields.map((f) => {
        const x = v[f];
        return x === undefined || x === null ? null : typeof x === 'string' ? x : int(x);
      }),
    };
  }
  throw new Error(`A test graph snapshot cannot keep a value of this type: ${String(value)}`);
}

function load(value: Stored): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(load);
  if ('$int' in value) return neo4j.int(value.$int);
  const Kind = neo4j.types[value.$temporal] as unknown as new (...args: unknown[]) => unknown;
  const args = value.fields.map((f, i) => {
    // The time-zone id of a DateTime is a string (or absent); every other field is a number.
    if (value.$temporal === 'DateTime' && i === 8) return f ?? undefined;
    return f === null ? undefined : neo4j.int(f);
  });
  return new Kind(...args);
}

const props = (map: Record<string, unknown>) => Object.fromEntries(Object.entries(map).map(([k, v]) => [k, store(v)]));
const restored = (map: Record<string, Stored>) => Object.fromEntries(Object.entries(map).map(([k, v]) => [k, load(v)]));

async function withDriver<T>(server: TestNeo4j, work: (driver: Driver) => Promise<T>): Promise<T> {
  const driver = neo4j.driver(server.uri, neo4j.auth.basic(server.user, server.password));
  try {
    return await work(driver);
  } finally {
    await driver.close();
  }
}

const text = (name: string) => statement(name).texts[0] as string;

/** Writes every node and relationship of the test graph (bookkeeping aside) to `file`. */
export async function saveGraphSnapshot(server: TestNeo4j, file: string): Promise<void> {
  const snapshot = await withDriver(server, async (driver) => {
    const session = driver.session({ database: server.database, defaultAccessMode: neo4j.session.READ });
    try {
      return await session.executeRead(async (tx) => {
        const nodes = (await tx.run(text('admin/graph-snapshot-nodes'))).records.map((r) => ({
          id: r.get('id') as string,
          labels: r.get('labels') as string[],
          props: props(r.get('props') as Record<string, unknown>),
        }));
        const relationships = (await tx.run(text('admin/graph-snapshot-relationships'))).records.map((r) => ({
          source: r.get('source') as string,
          target: r.get('target') as string,
          type: r.get('type') as string,
          props: props(r.get('props') as Record<string, unknown>),
        }));
        return { nodes, relationships } satisfies Snapshot;
      });
    } finally {
      await session.close();
    }
  });
  // Written aside and renamed, so that a file that reads it never sees half of it.
  await writeFile(`${file}.part`, JSON.stringify(snapshot));
  await rename(`${file}.part`, file);
}

/**
 * Puts the graph saved in `file` back into the (emptied, schema-applied) test graph, in one
 * transaction so that a failure leaves nothing half restored. Returns what it created.
 */
export async function restoreGraphSnapshot(
  server: TestNeo4j,
  file: string,
): Promise<{ nodes: number; relationships: number }> {
  const snapshot = JSON.parse(await readFile(file, 'utf8')) as Snapshot;
  await withDriver(server, async (driver) => {
    const session = driver.session({ database: server.database });
    try {
      await session.executeWrite(async (tx) => {
        const ids = new Map<string, string>();
        for (let i = 0; i < snapshot.nodes.length; i += BATCH) {
          const nodes = snapshot.nodes
            .slice(i, i + BATCH)
            .map((n) => ({ id: n.id, labels: n.labels, props: restored(n.props) }));
          for (const r of (await tx.run(text('admin/restore-snapshot-nodes'), { nodes })).records) {
            ids.set(r.get('old') as string, r.get('id') as string);
          }
        }
        for (let i = 0; i < snapshot.relationships.length; i += BATCH) {
          const relationships = snapshot.relationships.slice(i, i + BATCH).map((r) => ({
            source: ids.get(r.source),
            target: ids.get(r.target),
            type: r.type,
            props: restored(r.props),
          }));
          await tx.run(text('admin/restore-snapshot-relationships'), { relationships });
        }
      });
    } finally {
      await session.close();
    }
  });
  return { nodes: snapshot.nodes.length, relationships: snapshot.relationships.length };
}
