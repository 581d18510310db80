/**
 * The write stage: mapped records gathered into batches, each batch one transaction, a few in
 * flight while the next rows are read. The first batch that fails stops the stage: no more rows
 * are taken, the batches in flight are waited for, and the failure, naming the rows it lost, ends
 * the run. Nothing is marked imported after a failed batch.
 */
import type { Profile } from '../../core/profile';
import { CaselinkFailure, toError } from '../../contract/errors';
import type { Database } from '../../db/database';
import { addToBatch, newBatch, writeBatch, type Batch } from './batches';
import type { MappedRecord } from './mapStage';

/**
 * Rows per write transaction. A row becomes about ten graph writes (record, location, case, two
 * or three parties, their identifiers and links), so 1,000 rows is some 10,000 writes: enough that
 * the round trips and the commit cost little per row, small enough that a transaction stays well
 * inside the local database's 1 GiB heap and that a retry repeats little work. Measured on the
 * 100k-row fixture set with two in flight: 500 rows 2,035 rows/s, 1,000 rows 2,298, 2,000 rows
 * 1,915, 5,000 rows 1,651 (Neo4j commits one transaction at a time; a bigger one likely keeps the
 * other waiting longer, though that is not measured).
 */
export const DEFAULT_BATCH_SIZE = 1_000;

/**
 * Write transactions in flight at once. Neo4j runs each transaction on one core; two keep both
 * cores of a small machine busy while this process maps the next rows. Batches never create the
 * same node (rows are content-addressed and repeats are held back), and shared nodes are MERGEd
 * under Neo4j's locks, so concurrent batches cannot duplicate anything; a deadlock between two
 * is retried by the driver.
 */
export const DEFAULT_CONCURRENCY = 2;

export interface WriteStageOptions {
  /** The Source id the records are written under. */
  source: string;
  agency: string;
  fileName: string;
  profile: Profile;
  /** When the records were imported (ISO time). */
  now: string;
  batchSize: number;
  concurrency: number;
  signal?: AbortSignal | undefined;
  timings: { writeSeconds: number };
  /** Called after each batch is in (`writing`) and every 1,000 rows taken (`reading`). */
  onProgress: (phase: 'reading' | 'writing', rowsWritten: number) => void;
}

export interface WriteResult {
  rowsWritten: number;
  /** Records not known from an earlier file. */
  newRecords: number;
}

interface Place {
  sheet: string;
  row: number;
}

/** Throws Cancelled when the signal has been aborted. */
export function throwIfCancelled(signal: AbortSignal | undefined, rows: number): void {
  if (signal?.aborted) {
    throw new CaselinkFailure({
      kind: 'Cancelled',
      message: `Import cancelled after ${rows} rows. Every batch written is complete; none is half-written.`,
      hint: 'Run the same import again to finish it; rows already written are not duplicated.',
    });
  }
}

function describeRows(first: Place, last: Place): string {
  if (first.sheet === last.sheet) {
    const rows = first.row === last.row ? `row ${first.row}` : `rows ${first.row}–${last.row}`;
    return `${rows} of sheet ${first.sheet}`;
  }
  return `rows from sheet ${first.sheet} row ${first.row} to sheet ${last.sheet} row ${last.row}`;
}

/** The failure of one batch, as the run reports it: which rows, why, and what to do. */
function batchFailure(fileName: string, first: Place, last: Place, error: unknown): CaselinkFailure {
  const cause = toError(error);
  const again = 'Then run the same import again: rows already written are kept, the rest are added, none twice.';
  return new CaselinkFailure(
    {
      kind: cause.kind,
      message: `${fileName}: ${describeRows(first, last)} could not be written, so the file is not marked as imported. ${cause.message}`,
      hint: cause.hint ? `${cause.hint} ${again}` : again.replace(/^Then run/, 'Run'),
      ...(cause.code ? { code: cause.code } : {}),
    },
    { cause: error },
  );
}

/** Writes the mapped records in batches; resolves once every one is in the graph. */
export async function writeStage(
  db: Database,
  records: AsyncIterable<MappedRecord>,
  options: WriteStageOptions,
): Promise<WriteResult> {
  const { source, agency, fileName, signal, timings } = options;
  const context = { agency, fileName, profile: options.profile, now: options.now };
  const concurrency = Math.max(1, options.concurrency);
  const result: WriteResult = { rowsWritten: 0, newRecords: 0 };
  // A row that repeats one already sent in an earlier batch only adds a location, written once
  // every batch is in: the earlier batch may still be in flight.
  const lateLocations: { id: string; sheet: string; row: number }[] = [];
  const inFlight = new Set<Promise<void>>();
  // The first batch failure. Kept here rather than left to a rejected promise, which nobody may be
  // waiting on when it settles.
  const failed: { first: CaselinkFailure | null } = { first: null };
  let batch: Batch = newBatch();
  let batchRows = 0;
  let first: Place = { sheet: '', row: 0 };
  let last: Place = first;
  let taken = 0;

  const send = async () => {
    const toWrite = batch;
    const rows = batchRows;
    const span = { first, last };
    batch = newBatch();
    batchRows = 0;
    while (inFlight.size >= concurrency && !failed.first) await Promise.race(inFlight);
    if (failed.first) throw failed.first;
    throwIfCancelled(signal, taken);
    const write = (async () => {
      const t = performance.now();
      try {
        // Await first: `x += await y` reads x before waiting, so batches in flight would lose counts.
        const written = await writeBatch(db, toWrite, source, agency);
        result.newRecords += written;
        result.rowsWritten += rows;
      } catch (error) {
        failed.first ??= batchFailure(fileName, span.first, span.last, error);
        return;
      } finally {
        timings.writeSeconds += (performance.now() - t) / 1000;
      }
      options.onProgress('writing', result.rowsWritten);
    })();
    inFlight.add(write);
    const forget = () => inFlight.delete(write);
    write.then(forget, forget);
  };

  try {
    for await (const record of records) {
      if (failed.first) throw failed.first;
      const place = { sheet: record.row.sheet, row: record.row.row };
      taken += 1;
      if (record.repeat && !batch.records.has(record.id)) {
        lateLocations.push({ id: record.id, ...place });
        continue;
      }
      addToBatch(batch, record.row, record.id, context);
      if (batchRows === 0) first = place;
      last = place;
      batchRows += 1;
      if (batchRows >= options.batchSize) await send();
      if (taken % 1000 === 0) {
        throwIfCancelled(signal, taken);
        options.onProgress('reading', result.rowsWritten);
      }
    }
    if (batchRows > 0) await send();
  } finally {
    // Whatever ends the stage, no batch is left running behind it.
    while (inFlight.size > 0) await Promise.race(inFlight);
  }
  if (failed.first) throw failed.first;
  if (lateLocations.length) await db.write('imports/add-locations', { source, locations: lateLocations });
  return result;
}
