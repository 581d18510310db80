/**
 * bench:import's fair baseline: Neo4j's own `LOAD CSV` writing the same graph as Caselink's
 * transactional import of the same files — the same nodes, relationships and properties, with
 * their types — so that the two times compare like for like.
 *
 * `LOAD CSV` cannot read a workbook, normalise a phone or transliterate a name, so the rows are
 * read and mapped once beforehand, untimed, by Caselink's own read and map stages and `addToBatch`
 * (the records, cases, parties and identifier links a batch would write) and written as one CSV per
 * kind of node and link. What is timed is the writing alone: Caselink's per-file bookkeeping
 * statements (the Source, its completion, the audit event) around a `LOAD CSV` statement per CSV
 * (cypher/bench/fair-*.cypher), each MERGE-ing what Caselink MERGEs and CREATE-ing what it CREATEs.
 * The baseline is given the reading and mapping for free: it favours the baseline.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Database } from '../main/db/database';
import { recordImport } from '../main/services/auditService';
import { addToBatch, newBatch, type Batch } from '../main/services/import/batches';
import { emptySummary } from '../main/services/import/importFile';
import type { FileToImport } from '../main/services/import/importMany';
import { joinsPersons } from '../main/services/import/joinPersons';
import { emptyCounts, mapStage } from '../main/services/import/mapStage';
import type { MappingPool } from '../main/services/import/mappingPool';
import { openAgencyFile } from '../main/services/import/readers';
import { readStage } from '../main/services/import/readStage';
import { beginSource, completeSource, sha256File, sourceKey, type SourceKey } from '../main/services/import/source';

type LinkList = keyof Batch['links'];

/** Between the elements of a list in one field (a record's warnings): a control character the readers remove from cells. */
const LIST_SEPARATOR = '\u001f';

/**
 * What a backslash is written as. LOAD CSV reads a backslash before a quote as an escaped quote
 * (Neo4j's legacy quoting, on by default), which a JSON text of cells is full of; the statements
 * turn it back. A value holding this private-use character itself stops the preparation.
 */
const BACKSLASH = '\uE000';

const GRADING = ['gradingSystem', 'sourceEvaluation', 'informationAssessment', 'handlingCode', 'handlingConditions'];

/**
 * The columns of each CSV: every property Caselink sets, by the name its statement reads. A mapped
 * value with a key not listed here stops the preparation, so that the baseline never silently
 * writes less than Caselink.
 */
const COLUMNS = {
  records: [
    'id',
    'agency',
    'fileName',
    'sheet',
    'row',
    'caseRef',
    'recordRef',
    'eventDate',
    'freeText',
    'location',
    'raw',
    'warnings',
    'importedAt',
    ...GRADING,
  ],
  locations: ['record', 'sheet', 'row'],
  cases: ['record', 'ref'],
  parties: [
    'record',
    'id',
    'entity',
    'kind',
    'role',
    'name',
    'givenName',
    'familyName',
    'nameLatin',
    'alias',
    'birthDate',
    'birthYear',
    'nationality',
    'gender',
    'joinKey',
    'agency',
    'searchName',
  ],
  links: [
    'owner',
    'ownerIsRecord',
    'key',
    'subkind',
    'country',
    'display',
    'record',
    'column',
    'raw',
    'agency',
    'extension',
    ...GRADING,
  ],
} as const;

type Table = keyof typeof COLUMNS;

interface LoadParams {
  url: string;
  source: string;
  agency: string;
}

type Load = (db: Database, p: LoadParams) => Promise<unknown>;

/**
 * Each CSV, its columns and the statement that writes it, in the order they run (records before
 * what names them). Each statement is named literally, as the Cypher registry wants.
 */
const STATEMENTS = [
  ['records', 'records', (db, p) => db.runAutoCommit('bench/fair-create-records', { url: p.url, source: p.source })],
  ['locations', 'locations', (db, p) => db.runAutoCommit('bench/fair-add-locations', { url: p.url, source: p.source })],
  ['cases', 'cases', (db, p) => db.runAutoCommit('bench/fair-link-cases', { url: p.url, agency: p.agency })],
  ['persons', 'parties', (db, p) => db.runAutoCommit('bench/fair-create-persons', { url: p.url })],
  ['organizations', 'parties', (db, p) => db.runAutoCommit('bench/fair-create-organizations', { url: p.url })],
  ['phones', 'links', (db, p) => db.runAutoCommit('bench/fair-link-phones', { url: p.url })],
  ['emails', 'links', (db, p) => db.runAutoCommit('bench/fair-link-emails', { url: p.url })],
  ['addresses', 'links', (db, p) => db.runAutoCommit('bench/fair-link-addresses', { url: p.url })],
  ['accounts', 'links', (db, p) => db.runAutoCommit('bench/fair-link-accounts', { url: p.url })],
  ['handles', 'links', (db, p) => db.runAutoCommit('bench/fair-link-handles', { url: p.url })],
  ['documents', 'links', (db, p) => db.runAutoCommit('bench/fair-link-documents', { url: p.url })],
  ['vehicles', 'links', (db, p) => db.runAutoCommit('bench/fair-link-vehicles', { url: p.url })],
] as const satisfies readonly (readonly [string, Table, Load])[];

type CsvName = (typeof STATEMENTS)[number][0];

/**
 * A field as LOAD CSV reads it back: a string always quoted (so that an empty string stays one,
 * where an unquoted empty field is null), a whole number bare, a list of strings joined.
 */
function field(value: unknown, where: () => string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' && !v.includes(LIST_SEPARATOR)))
    return field(value.join(LIST_SEPARATOR), where);
  if (typeof value === 'string') {
    if (value.includes(BACKSLASH))
      throw new Error(`${where()}: a value holding U+E000, which the fair baseline cannot write`);
    return `"${value.replaceAll('\\', BACKSLASH).replaceAll('"', '""')}"`;
  }
  throw new Error(`${where()}: a value the fair baseline cannot write (${JSON.stringify(value)?.slice(0, 80)})`);
}

class CsvOut {
  rows = 0;
  readonly #out: WriteStream;
  readonly #columns: readonly string[];
  readonly #name: string;

  constructor(
    readonly path: string,
    table: Table,
  ) {
    this.#columns = COLUMNS[table];
    this.#name = basename(path);
    this.#out = createWriteStream(path);
    this.#out.write(`${this.#columns.join(',')}\n`);
  }

  /** Adds a row; answers a promise to await when the stream's buffer is full. */
  add(values: Record<string, unknown>): Promise<void> | null {
    for (const key of Object.keys(values))
      if (!this.#columns.includes(key) && values[key] !== undefined && values[key] !== null)
        throw new Error(`${this.#name}: Caselink writes a property ${key} the fair baseline has no column for`);
    const line = this.#columns.map((c) => field(values[c], () => `${this.#name}, ${c}`)).join(',');
    this.rows += 1;
    return this.#out.write(`${line}\n`) ? null : new Promise((done) => this.#out.once('drain', done));
  }

  close(): Promise<void> {
    return new Promise((done, fail) => this.#out.end((error?: Error | null) => (error ? fail(error) : done())));
  }
}

/** One file ready for the baseline: its Source, its summary for the audit event, its CSVs. */
export interface PreparedFile {
  file: FileToImport;
  source: SourceKey;
  size: number;
  now: string;
  summary: ReturnType<typeof emptySummary>;
  /** Each CSV's file name (in the folder LOAD CSV reads) and rows. */
  csv: Partial<Record<CsvName, { name: string; rows: number }>>;
}

/**
 * Reads and maps `files` as Caselink's import does (same stages, same card hash, a record written
 * once however many files and rows carry it) and writes the baseline's CSVs into `dir`, which must
 * be the folder LOAD CSV reads `file:` URLs from.
 */
export async function prepareFairBaseline(
  files: FileToImport[],
  dir: string,
  options: { cardHash: (pan: string) => string; pool: MappingPool | undefined; now?: () => Date },
): Promise<PreparedFile[]> {
  await mkdir(dir, { recursive: true });
  const now = options.now ?? (() => new Date());
  const records = new Set<string>();
  const prepared: PreparedFile[] = [];
  for (const [index, file] of files.entries()) {
    if (joinsPersons(file.profile))
      throw new Error(`${file.path}: its profile joins persons by key, which the fair baseline does not write`);
    const fileName = file.fileName ?? basename(file.path);
    const at = now().toISOString();
    const summary = emptySummary(fileName, file.path, file.agency);
    summary.sha256 = await sha256File(file.path);
    const source = sourceKey(summary.sha256, file.profile);
    const outs = new Map<CsvName, CsvOut>(
      STATEMENTS.map(([name, table]) => [name, new CsvOut(join(dir, `fair-${index}-${name}.csv`), table)]),
    );
    const out = (name: CsvName) => outs.get(name) as CsvOut;
    const add = async (name: CsvName, values: Record<string, unknown>) => {
      const wait = out(name).add(values);
      if (wait) await wait;
    };
    const counts = emptyCounts();
    let problems = 0;
    const opened = await openAgencyFile(file.path, {
      sheets: file.profile.sheets,
      encoding: file.profile.encoding,
      delimiter: file.profile.delimiter,
    });
    try {
      const rows = readStage(opened, {
        profile: file.profile,
        report: () => (problems += 1),
        timings: summary.timings,
      });
      const mapped = mapStage(rows, {
        agency: file.agency,
        profile: file.profile,
        format: opened.format,
        cardHash: options.cardHash,
        report: () => (problems += 1),
        counts,
        sheets: summary.sheets,
        timings: summary.timings,
        pool: options.pool,
      });
      const ctx = { agency: file.agency, fileName, profile: file.profile, now: at };
      for await (const { id, row } of mapped) {
        if (records.has(id)) {
          await add('locations', { record: id, sheet: row.sheet, row: row.row });
          continue;
        }
        records.add(id);
        summary.newRecords += 1;
        const batch = newBatch();
        addToBatch(batch, row, id, ctx);
        const record = batch.records.get(id);
        if (!record) throw new Error(`${fileName}: a mapped row gave no record`);
        await add('records', { ...record.props, id });
        for (const c of batch.cases) await add('cases', c);
        for (const p of batch.persons) await add('persons', { ...p.props, record: p.record, id: p.id });
        for (const p of batch.organizations) await add('organizations', { ...p.props, record: p.record, id: p.id });
        for (const [list, links] of Object.entries(batch.links) as [LinkList, Batch['links'][LinkList]][]) {
          for (const l of links) {
            await add(list, {
              ...l.props,
              owner: l.owner,
              ownerIsRecord: l.owner === l.record ? 'y' : null,
              key: l.key,
              subkind: l.subkind,
              country: l.country,
              display: l.display,
            });
          }
        }
      }
    } finally {
      opened.close();
      for (const o of outs.values()) await o.close();
    }
    Object.assign(summary, counts);
    summary.problemCount = problems;
    prepared.push({
      file,
      source,
      size: (await stat(file.path)).size,
      now: at,
      summary,
      csv: Object.fromEntries([...outs].map(([name, o]) => [name, { name: basename(o.path), rows: o.rows }])),
    });
  }
  return prepared;
}

/**
 * Writes the prepared files: per file, its Source (Caselink's statement), a LOAD CSV statement per
 * non-empty CSV, the Source completed and the audit event, as Caselink's import does.
 */
export async function loadFairBaseline(db: Database, prepared: PreparedFile[]): Promise<void> {
  for (const p of prepared) {
    const fileName = p.file.fileName ?? basename(p.file.path);
    await beginSource(db, {
      source: p.source,
      fileName,
      size: p.size,
      agency: p.file.agency,
      profile: p.file.profile,
      profileSource: p.file.profileSource,
      now: p.now,
    });
    for (const [name, , load] of STATEMENTS) {
      const csv = p.csv[name];
      if (!csv?.rows) continue;
      await load(db, { url: `file:///${encodeURIComponent(csv.name)}`, source: p.source.id, agency: p.file.agency });
    }
    const s = p.summary;
    await completeSource(db, p.source, new Date().toISOString(), {
      rowsRead: s.rowsRead,
      rowsImported: s.rowsImported,
      rowsWithWarnings: s.rowsWithWarnings,
      rowsRejected: s.rowsRejected,
      blankRows: s.blankRows,
      duplicateRows: s.duplicateRows,
      newRecords: s.newRecords,
      reportPath: null,
    });
    await recordImport(db, p.file, { ok: true, summary: { ...s, outcome: 'imported' } });
  }
}

/** A graph's shape: nodes by label and relationships by type, each with its property keys and their types. */
export type GraphShape = Record<string, { count: number; keys: Record<string, string[]> }>;

/** Reads the shape of the whole graph (a scan of every node and relationship). */
export async function graphShape(db: Database): Promise<GraphShape> {
  const shape: GraphShape = {};
  for (const row of await db.read('bench/graph-shape')) {
    const name = `${row.string('kind') === 'node' ? ':' : '-'}${row.string('name')}`;
    const entry = (shape[name] ??= { count: 0, keys: {} });
    const key = row.get('key') as string | null;
    if (key === null) entry.count = Number(row.get('count'));
    else entry.keys[key] = (row.get('types') as string[]).sort();
  }
  return shape;
}

/**
 * How two shapes differ, one line per label or type (empty when they are the same): counts, and
 * property keys or types one has and the other has not.
 */
export function shapeDifferences(expected: GraphShape, actual: GraphShape): string[] {
  const lines: string[] = [];
  for (const name of [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort()) {
    const e = expected[name];
    const a = actual[name];
    if (!e || !a) {
      lines.push(`${name}: ${e ? `${e.count} expected, none written` : `${a?.count} written, none expected`}`);
      continue;
    }
    const wrong: string[] = [];
    if (e.count !== a.count) wrong.push(`${a.count} written, ${e.count} expected`);
    for (const key of [...new Set([...Object.keys(e.keys), ...Object.keys(a.keys)])].sort()) {
      const et = (e.keys[key] ?? []).join('|');
      const at = (a.keys[key] ?? []).join('|');
      if (et !== at) wrong.push(`${key} ${at || 'missing'} (expected ${et || 'none'})`);
    }
    if (wrong.length) lines.push(`${name}: ${wrong.join('; ')}`);
  }
  return lines;
}
