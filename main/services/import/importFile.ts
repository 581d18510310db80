/**
 * Importing one agency file, as a pipeline you can read top to bottom:
 *
 *   source (hash, provenance) → read (sheets, header, rows) → map (profile, identity, problems)
 *   → write (batches, each one transaction) → source complete
 *
 * Each stage hands its output to the next or fails the run; a failure anywhere leaves the Source
 * `importing`, and running the same import again finishes it without duplicates. A file already
 * imported completely is recognised by its SHA-256 and left alone.
 */
import { basename } from 'node:path';
import type { Profile } from '../../core/profile';
import type { Database } from '../../db/database';
import { mapStage, emptyCounts, type MapCounts, type SheetSummary } from './mapStage';
import { sharedMappingPool, type MappingPool } from './mappingPool';
import { openAgencyFile } from './readers';
import { readStage } from './readStage';
import { ProblemReport, type Problem } from './report';
import { joinPersons, joinsPersons } from './joinPersons';
import { beginSource, completedImport, completeSource, sha256File, sourceKey } from './source';
import { DEFAULT_BATCH_SIZE, DEFAULT_CONCURRENCY, writeStage } from './writeStage';

export { DEFAULT_BATCH_SIZE, DEFAULT_CONCURRENCY } from './writeStage';
export type { SheetSummary } from './mapStage';

export interface ImportProgress {
  file: string;
  phase: 'hashing' | 'reading' | 'writing' | 'done';
  rowsRead: number;
  rowsWritten: number;
  /** Rows read per second since the start. */
  rowsPerSecond: number;
  /** Estimated seconds left, when the size of the work is known. */
  secondsLeft: number | null;
}

export interface ImportRequest {
  path: string;
  /** The file's own name, kept as its provenance; the last part of `path` when absent. */
  fileName?: string | undefined;
  agency: string;
  profile: Profile;
  /** Where the profile came from (file path or "saved" or "proposed"), kept on the Source. */
  profileSource: string;
  /** Folder for the error report; none written when absent. */
  reportDir?: string;
  batchSize?: number;
  /** Write transactions in flight at once. */
  concurrency?: number;
  /** Keyed hash for full card numbers (made by `keyedCardHash`, rows can be mapped on worker threads). */
  cardHash: (pan: string) => string;
  /** Worker threads to map rows on; the process's pool when absent, none (this thread) when null. */
  pool?: MappingPool | null;
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
  now?: () => Date;
}

export interface ImportSummary extends MapCounts {
  file: string;
  path: string;
  sha256: string;
  agency: string;
  /** `imported`, or `unchanged` when this exact file was imported before. */
  outcome: 'imported' | 'unchanged';
  /** Records not known from an earlier file. */
  newRecords: number;
  sheets: SheetSummary[];
  /** The first problems, for display; all of them are in the report. */
  problems: Problem[];
  problemCount: number;
  reportPath: string | null;
  seconds: number;
  timings: { readSeconds: number; mapSeconds: number; writeSeconds: number };
}

/** A file's summary before anything is read: nothing counted, no problem, no time spent. */
export function emptySummary(file: string, path: string, agency: string): ImportSummary {
  return {
    file,
    path,
    sha256: '',
    agency,
    outcome: 'imported',
    ...emptyCounts(),
    newRecords: 0,
    sheets: [],
    problems: [],
    problemCount: 0,
    reportPath: null,
    seconds: 0,
    timings: { readSeconds: 0, mapSeconds: 0, writeSeconds: 0 },
  };
}

/** Imports one file. Throws CaselinkFailure (FileRejected, Cancelled, ConnectionUnavailable…). */
export async function importFile(db: Database, request: ImportRequest): Promise<ImportSummary> {
  const now = request.now ?? (() => new Date());
  const started = performance.now();
  const fileName = request.fileName ?? basename(request.path);
  const counts = emptyCounts();
  const summary = emptySummary(fileName, request.path, request.agency);
  let rowsWritten = 0;
  let fraction: () => number | null = () => null;
  const progress = (phase: ImportProgress['phase'], secondsLeft: number | null = null) => {
    const seconds = (performance.now() - started) / 1000;
    request.onProgress?.({
      file: fileName,
      phase,
      rowsRead: counts.rowsRead,
      rowsWritten,
      rowsPerSecond: seconds > 0 ? Math.round(counts.rowsRead / seconds) : 0,
      secondsLeft,
    });
  };

  progress('hashing');
  summary.sha256 = await sha256File(request.path);
  const source = sourceKey(summary.sha256, request.profile);
  const previous = await completedImport(db, source);
  if (previous) {
    progress('done', 0);
    return {
      ...summary,
      ...previous.counts,
      outcome: 'unchanged',
      agency: previous.agency,
      seconds: (performance.now() - started) / 1000,
    };
  }

  // Opened before anything is written: a report that cannot be written stops the import here.
  const problems = await ProblemReport.open(request.reportDir, fileName, now().toISOString().replace(/[:.]/g, '-'));
  const report = (p: Omit<Problem, 'file'>) => problems.add({ file: fileName, ...p });
  try {
    const t = performance.now();
    const file = await openAgencyFile(request.path, {
      sheets: request.profile.sheets,
      encoding: request.profile.encoding,
      delimiter: request.profile.delimiter,
      signal: request.signal,
    });
    summary.timings.readSeconds += (performance.now() - t) / 1000;
    try {
      const totalRows = file.sheets.reduce<number | null>(
        (n, s) => (n === null || s.rowCount === null ? null : n + s.rowCount),
        0,
      );
      fraction = () => (totalRows ? counts.rowsRead / totalRows : file.size ? file.bytesRead() / file.size : null);
      await beginSource(db, {
        source,
        fileName,
        size: file.size,
        agency: request.agency,
        profile: request.profile,
        profileSource: request.profileSource,
        now: now().toISOString(),
      });

      const rows = readStage(file, { profile: request.profile, report, timings: summary.timings });
      const records = mapStage(rows, {
        agency: request.agency,
        profile: request.profile,
        format: file.format,
        cardHash: request.cardHash,
        report,
        counts,
        sheets: summary.sheets,
        timings: summary.timings,
        pool: request.pool === undefined ? sharedMappingPool() : (request.pool ?? undefined),
      });
      const written = await writeStage(db, records, {
        source: source.id,
        agency: request.agency,
        fileName,
        profile: request.profile,
        now: now().toISOString(),
        batchSize: request.batchSize ?? DEFAULT_BATCH_SIZE,
        concurrency: request.concurrency ?? DEFAULT_CONCURRENCY,
        signal: request.signal,
        timings: summary.timings,
        onProgress: (phase, written) => {
          rowsWritten = written;
          const elapsed = (performance.now() - started) / 1000;
          const done = phase === 'writing' ? fraction() : null;
          progress(phase, done && done > 0 ? Math.max(0, Math.round(elapsed / done - elapsed)) : null);
        },
      });
      summary.newRecords = written.newRecords;
      if (joinsPersons(request.profile)) await joinPersons(db, source.id, now().toISOString());
    } finally {
      // Lets go of the reader (a worker, an open file) whether the stages finished or not.
      file.close();
    }
  } catch (error) {
    await problems.close().catch(() => null);
    throw error;
  }

  Object.assign(summary, counts);
  summary.problems = problems.first;
  summary.problemCount = problems.count;
  summary.reportPath = await problems.close();
  await completeSource(db, source, now().toISOString(), {
    ...counts,
    newRecords: summary.newRecords,
    reportPath: summary.reportPath,
  });
  summary.seconds = (performance.now() - started) / 1000;
  progress('done', 0);
  return summary;
}
