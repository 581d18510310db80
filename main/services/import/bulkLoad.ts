/**
 * The bulk first load: files read and mapped by the same stages as `importFile`, the graph written
 * as Neo4j's offline importer's CSV (bulkGraph), the local database stopped, loaded by
 * `neo4j-admin database import full`, started again with the schema applied, and then the same
 * finishing steps as the transactional path (sources registered and completed, persons joined by
 * their join keys, one audit event per file), by the same statements.
 *
 * Only into an empty local database: the offline importer replaces the whole store. What the
 * store held (Caselink's bookkeeping, the audit trail, registered agencies: nothing else is
 * allowed) is carried into the new one.
 */
import { rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { CaselinkFailure, toError } from '../../contract/errors';
import type { Database } from '../../db/database';
import { PhaseMeter, threadCpuSeconds, type PhaseFigures } from './phaseMeter';
import { listAgencies, upsertAgency } from '../agencyService';
import { recordImport } from '../auditService';
import { BulkGraph, type CarriedProperty, type OfflineImportInput } from './bulkGraph';
import { emptySummary, type ImportProgress, type ImportSummary } from './importFile';
import type { FileOutcome, FileToImport, ImportManyOptions } from './importMany';
import { joinPersons, joinsPersons } from './joinPersons';
import { emptyCounts, mapStage } from './mapStage';
import { sharedMappingPool, type MappingPool } from './mappingPool';
import { openAgencyFile } from './readers';
import { readStage } from './readStage';
import { ProblemReport, type Problem } from './report';
import { beginSource, completeSource, sha256File, sourceKey, type SourceKey } from './source';
import { throwIfCancelled } from './writeStage';

export type { OfflineImportInput } from './bulkGraph';

/** The local database as a bulk load needs it: running now, and able to be loaded offline. */
export interface BulkLoader {
  db: Database;
  /** A folder for the importer's CSV, readable by the user only; removed after the load. */
  workDir: string;
  /**
   * Stops the database, loads `input` into it with the offline importer, and starts it again with
   * the schema applied; answers the database to go on with. The store before the load is kept
   * and put back if the importer fails. `meter`, when given, records each step.
   */
  load(input: OfflineImportInput, meter?: PhaseMeter): Promise<Database>;
  /** The pid of the database's process, for the CPU it spends finishing the load; none when unknown. */
  databasePid?: () => Promise<number | undefined>;
}

/** Why the database cannot take a bulk load (it holds data); null when it can. */
export async function bulkLoadRefusal(db: Database): Promise<string | null> {
  const [row] = await db.read('bulk/graph-contents');
  const nodes = Number(row?.get('dataNodes') ?? 0);
  const relationships = Number(row?.get('relationships') ?? 0);
  if (nodes === 0 && relationships === 0) return null;
  return `the database is not empty (${nodes.toLocaleString('en-GB')} nodes, ${relationships.toLocaleString('en-GB')} relationships besides agencies and the audit trail)`;
}

export interface BulkLoadResult {
  outcomes: FileOutcome[];
  /** The database after the load (the one before is closed). */
  db: Database;
  /** Seconds in each phase: reading, mapping and writing CSV; the offline load with restart; the finishing steps. */
  seconds: { csv: number; load: number; finish: number };
  /** Each phase as measured: wall and CPU time, peak memory, the importer's and the database's CPU. */
  phases: PhaseFigures[];
  /** Inside the first phase, where reading, mapping and writing CSV overlap: each step's own time. */
  csvSteps: CsvSteps;
  nodes: number;
  relationships: number;
}

/** The steps of reading, mapping and writing CSV, which run at once on several threads. */
export interface CsvSteps {
  /** Seconds the map stage waited on the readers (parsing, on this thread or a workbook's worker). */
  readSeconds: number;
  /** Seconds spent mapping rows, added over the threads that mapped them. */
  mapSeconds: number;
  /** Seconds building records' nodes and relationships and deduplicating them by key (this thread). */
  buildSeconds: number;
  /** Seconds turning them into CSV and writing it (this thread). */
  csvSeconds: number;
  /** CPU seconds of this thread (reading, the map stage's bookkeeping, building, CSV); null off Linux. */
  mainThreadCpuSeconds: number | null;
  /** CPU seconds of the mapping workers; null off Linux or without workers. */
  workerCpuSeconds: number | null;
  /** Mapping workers used (0: rows mapped on this thread). */
  workers: number;
}

interface Prepared {
  file: FileToImport;
  source: SourceKey | null;
  outcome: FileOutcome;
  now: string;
  /** The file's size in bytes, for its Source. */
  size: number;
}

/** Rows per transaction of the step that gives records without warnings their empty list. */
const EMPTY_WARNINGS_BATCH = 50_000;

/**
 * Imports the files into the empty local database through the offline importer. Throws
 * FileRejected when the database is not empty, and Cancelled when the signal ends the reading
 * (nothing is written then: the database is untouched until every file is read).
 */
export async function bulkImportMany(
  loader: BulkLoader,
  files: FileToImport[],
  options: ImportManyOptions & {
    onStage?: (message: string) => void;
    now?: () => Date;
    /** Worker threads to map rows on; the process's pool when absent, none when null. */
    pool?: MappingPool | null;
  },
): Promise<BulkLoadResult> {
  const now = options.now ?? (() => new Date());
  const stage = options.onStage ?? (() => undefined);
  const pool = options.pool === undefined ? sharedMappingPool() : (options.pool ?? undefined);
  const meter = new PhaseMeter();
  let db = loader.db;
  try {
    for (const agency of options.agencies ?? []) await upsertAgency(db, agency);
    const refusal = await bulkLoadRefusal(db);
    if (refusal)
      throw new CaselinkFailure({
        kind: 'InvalidInput',
        message: `A bulk load needs an empty local database: ${refusal}.`,
        hint: 'Import with --transactional, which adds to a graph.',
      });
    const agencies = new Set((await listAgencies(db)).map((a) => a.code));

    const started = performance.now();
    const graph = new BulkGraph(join(loader.workDir, 'csv'));
    const prepared: Prepared[] = [];
    const steps: CsvSteps = {
      readSeconds: 0,
      mapSeconds: 0,
      buildSeconds: 0,
      csvSeconds: 0,
      mainThreadCpuSeconds: null,
      workerCpuSeconds: null,
      workers: 0,
    };
    const sumCpu = (list: (number | null)[]) =>
      list.length && list.every((n) => n !== null) ? list.reduce<number>((a, n) => a + (n ?? 0), 0) : null;
    const workersBefore = sumCpu((await pool?.cpuSeconds()) ?? []) ?? 0;
    const mainBefore = threadCpuSeconds();
    const { input, emptyWarnings } = await meter.time('read, map and write CSV', async () => {
      await graph.open();
      for (const row of await db.read('bulk/carried-nodes')) {
        await graph.carried(row.string('id'), row.strings('labels'), row.get('properties') as CarriedProperty[]);
      }
      const done = new Map<string, ImportSummary>();
      for (const [index, file] of files.entries()) {
        const entry = await readFile(graph, file, {
          ...options,
          pool,
          agencies,
          done,
          now,
          onProgress: (p) => options.onProgress?.({ ...p, fileIndex: index, fileCount: files.length }),
        });
        prepared.push(entry);
        if (entry.outcome.ok && entry.source) {
          done.set(entry.source.id, entry.outcome.summary);
          steps.readSeconds += entry.outcome.summary.timings.readSeconds;
          steps.mapSeconds += entry.outcome.summary.timings.mapSeconds;
        }
        const kind = entry.outcome.ok ? null : entry.outcome.error.kind;
        if (kind === 'Cancelled') break;
      }
      const cancelled = prepared.find((p) => !p.outcome.ok && p.outcome.error.kind === 'Cancelled');
      if (cancelled && !cancelled.outcome.ok) throw new CaselinkFailure(cancelled.outcome.error);
      return graph.close();
    });
    const mainAfter = threadCpuSeconds();
    const workerCpu = sumCpu((await pool?.cpuSeconds()) ?? []);
    Object.assign(steps, {
      buildSeconds: graph.seconds.build,
      csvSeconds: graph.seconds.csv,
      mainThreadCpuSeconds: mainBefore !== null && mainAfter !== null ? mainAfter - mainBefore : null,
      workerCpuSeconds: workerCpu === null ? null : workerCpu - workersBefore,
      workers: pool?.size ?? 0,
    });
    const csvSeconds = (performance.now() - started) / 1000;

    stage('Stopping the local database and loading the files with Neo4j’s offline importer…');
    const loadStarted = performance.now();
    db = await loader.load(input, meter);
    const loadSeconds = (performance.now() - loadStarted) / 1000;

    stage('Loaded; registering the sources and recording the import…');
    const finishStarted = performance.now();
    const outcomes: FileOutcome[] = [];
    await meter.time(
      'finish (empty lists, sources, joins, audit)',
      async () => {
        if (emptyWarnings) await db.runAutoCommit('bulk/set-empty-warnings', { batch: EMPTY_WARNINGS_BATCH });
        for (const p of prepared) {
          outcomes.push(await finish(db, p));
          await recordImport(db, p.file, p.outcome);
        }
      },
      loader.databasePid,
    );
    const [size] = await db.read('db/graph-size');
    return {
      outcomes,
      db,
      phases: meter.phases,
      csvSteps: steps,
      seconds: { csv: csvSeconds, load: loadSeconds, finish: (performance.now() - finishStarted) / 1000 },
      nodes: Number(size?.get('nodes') ?? 0),
      relationships: Number(size?.get('relationships') ?? 0),
    };
  } finally {
    await rm(loader.workDir, { recursive: true, force: true });
  }
}

/** Registers and completes a file's Source after the load, as the transactional path does. */
async function finish(db: Database, p: Prepared): Promise<FileOutcome> {
  if (!p.source) return p.outcome;
  const { file } = p;
  const summary = p.outcome.ok ? p.outcome.summary : null;
  if (summary?.outcome === 'unchanged') return p.outcome;
  try {
    await beginSource(db, {
      source: p.source,
      fileName: file.fileName ?? basename(file.path),
      size: p.size,
      agency: file.agency,
      profile: file.profile,
      profileSource: file.profileSource,
      now: p.now,
    });
    if (!summary) return p.outcome;
    if (joinsPersons(file.profile)) await joinPersons(db, p.source.id, p.now);
    await completeSource(db, p.source, new Date().toISOString(), {
      rowsRead: summary.rowsRead,
      rowsImported: summary.rowsImported,
      rowsWithWarnings: summary.rowsWithWarnings,
      rowsRejected: summary.rowsRejected,
      blankRows: summary.blankRows,
      duplicateRows: summary.duplicateRows,
      newRecords: summary.newRecords,
      reportPath: summary.reportPath,
    });
    return p.outcome;
  } catch (error) {
    return { path: file.path, ok: false, error: toError(error) };
  }
}

interface ReadOptions extends Omit<ImportManyOptions, 'agencies' | 'onProgress'> {
  pool: MappingPool | undefined;
  agencies: Set<string>;
  done: Map<string, ImportSummary>;
  now: () => Date;
  onProgress: (p: ImportProgress) => void;
}

/**
 * Reads and maps one file into the bulk graph, as `importFile` does up to its write stage. A file
 * that fails after some of its rows were written keeps them, and its Source stays `importing`
 * (as when a transactional import fails half-way): importing it again finishes it.
 */
async function readFile(graph: BulkGraph, file: FileToImport, options: ReadOptions): Promise<Prepared> {
  const started = performance.now();
  const fileName = file.fileName ?? basename(file.path);
  const at = options.now().toISOString();
  const counts = emptyCounts();
  let size = 0;
  const summary = emptySummary(fileName, file.path, file.agency);
  const progress = (phase: ImportProgress['phase']) => {
    const seconds = (performance.now() - started) / 1000;
    options.onProgress({
      file: fileName,
      phase,
      rowsRead: counts.rowsRead,
      rowsWritten: 0,
      rowsPerSecond: seconds > 0 ? Math.round(counts.rowsRead / seconds) : 0,
      secondsLeft: null,
    });
  };
  let source: SourceKey;
  try {
    progress('hashing');
    summary.sha256 = await sha256File(file.path);
    source = sourceKey(summary.sha256, file.profile);
    const earlier = options.done.get(source.id);
    if (earlier) {
      // The same file with the same profile twice in one load: the second changes nothing.
      return {
        file,
        source: null,
        now: at,
        size,
        outcome: { path: file.path, ok: true, summary: { ...earlier, outcome: 'unchanged', seconds: 0 } },
      };
    }
    if (!options.agencies.has(file.agency))
      throw new CaselinkFailure({
        kind: 'FileRejected',
        message: `${fileName}: the agency ${file.agency} is not registered.`,
        hint: `Register it first: caselink agency add ${file.agency} --name "…" --country CC (an import manifest registers its agencies).`,
      });
  } catch (error) {
    return { file, source: null, now: at, size, outcome: { path: file.path, ok: false, error: toError(error) } };
  }

  const problems = await ProblemReport.open(options.reportDir, fileName, at.replace(/[:.]/g, '-'));
  const report = (p: Omit<Problem, 'file'>) => problems.add({ file: fileName, ...p });
  let opened = false;
  try {
    const t = performance.now();
    const opening = await openAgencyFile(file.path, {
      sheets: file.profile.sheets,
      encoding: file.profile.encoding,
      delimiter: file.profile.delimiter,
      signal: options.signal,
    });
    summary.timings.readSeconds += (performance.now() - t) / 1000;
    opened = true;
    size = opening.size;
    try {
      const rows = readStage(opening, { profile: file.profile, report, timings: summary.timings });
      const records = mapStage(rows, {
        agency: file.agency,
        profile: file.profile,
        format: opening.format,
        cardHash: options.cardHash,
        report,
        counts,
        sheets: summary.sheets,
        timings: summary.timings,
        pool: options.pool,
      });
      const ctx = { source: source.id, agency: file.agency, fileName, profile: file.profile, now: at };
      let taken = 0;
      for await (const record of records) {
        const w = performance.now();
        if (await graph.row(record, ctx)) summary.newRecords += 1;
        summary.timings.writeSeconds += (performance.now() - w) / 1000;
        taken += 1;
        if (taken % 1000 === 0) {
          throwIfCancelled(options.signal, taken);
          progress('reading');
        }
      }
    } finally {
      opening.close();
    }
  } catch (error) {
    await problems.close().catch(() => null);
    if (opened) await graph.source(source, at);
    return {
      file,
      source: opened ? source : null,
      now: at,
      size,
      outcome: { path: file.path, ok: false, error: toError(error) },
    };
  }
  await graph.source(source, at);
  Object.assign(summary, counts);
  summary.problems = problems.first;
  summary.problemCount = problems.count;
  summary.reportPath = await problems.close();
  summary.seconds = (performance.now() - started) / 1000;
  progress('done');
  return { file, source, now: at, size, outcome: { path: file.path, ok: true, summary } };
}
