/**
 * The reader's side of the workbook worker: starts the worker under a heap limit, turns its
 * answers into the reader's OpenedFile, and ends it on cancel, when every sheet is read, on
 * `close()`, or when the OpenedFile is dropped.
 */
import { basename } from 'node:path';
import { Worker } from 'node:worker_threads';
import { CaselinkFailure } from '../../contract/errors';
import { formatCount, type ReadLimits } from './limits';
import type { OpenedFile, SheetRow, SheetRows } from './readers';
import type { RowsRequest, WorkbookJob, WorkerMessage } from './workbookWorker';
import { workerEntry } from '../workerEntry';

// Rows per message: large enough that messaging costs little, small enough to keep memory flat.
const CHUNK_ROWS = 2000;

const dropped = new FinalizationRegistry<Worker>((worker) => void worker.terminate());

/** A file refused, named, with what to do when there is something. */
export function rejected(path: string, message: string, hint?: string): CaselinkFailure {
  return new CaselinkFailure({
    kind: 'FileRejected',
    message: `${basename(path)}: ${message}`,
    ...(hint ? { hint } : {}),
  });
}

/** Reading a file cancelled by the user. */
export function cancelled(path: string): CaselinkFailure {
  return new CaselinkFailure({ kind: 'Cancelled', message: `Reading ${basename(path)} was cancelled.` });
}

/** Opens a workbook in a worker thread; its rows are read from the worker a chunk at a time. */
export async function openWorkbookInWorker(
  path: string,
  size: number,
  zipped: boolean,
  limits: ReadLimits,
  sheets: string[] | undefined,
  signal: AbortSignal | undefined,
  onParsing?: () => void,
): Promise<OpenedFile> {
  if (signal?.aborted) throw cancelled(path);
  const entry = workerEntry(import.meta.url, 'workbookWorker', "The workbook reader's worker");
  const job: WorkbookJob = { path, zipped, sheets, limits };
  const worker = new Worker(entry.url, {
    workerData: job,
    execArgv: entry.execArgv,
    resourceLimits: { maxOldGenerationSizeMb: limits.workerHeapMb },
    stdout: false,
    stderr: false,
  });
  // The worker answers requests in the order they were made.
  const pending: { resolve: (m: WorkerMessage) => void; reject: (e: unknown) => void }[] = [];
  // The worker keeps the process alive only while an answer is awaited: a CLI run that has read
  // what it needs may end, but one awaiting the parse must not end with it unanswered.
  const idle = () => {
    if (pending.length === 0) worker.unref();
  };
  let failure: CaselinkFailure | null = null;
  let ended = false;
  const fail = (error: CaselinkFailure) => {
    failure ??= error;
    for (const waiting of pending.splice(0)) waiting.reject(failure);
  };
  const end = () => {
    if (ended) return;
    ended = true;
    dropped.unregister(worker);
    signal?.removeEventListener('abort', onAbort);
    void worker.terminate();
  };
  const onAbort = () => {
    fail(cancelled(path));
    end();
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  worker.on('message', (message: WorkerMessage) => {
    if (message.type === 'parsing') return onParsing?.();
    pending.shift()?.resolve(message);
    idle();
  });
  worker.on('error', (error: Error & { code?: string }) => {
    fail(
      error.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? rejected(
            path,
            `needed more than the ${formatCount(limits.workerHeapMb)} MB of memory allowed for reading one workbook.`,
            'Save the sheet as CSV, which Caselink reads as a stream, or split it.',
          )
        : rejected(path, `cannot be read as a workbook (${error.message})`),
    );
    end();
  });
  worker.on('exit', () => {
    if (!ended) fail(rejected(path, 'cannot be read as a workbook (its reader stopped).'));
    ended = true;
  });
  const next = (request?: RowsRequest) =>
    new Promise<WorkerMessage>((resolve, reject) => {
      if (failure) return reject(failure);
      if (ended) return reject(cancelled(path));
      pending.push({ resolve, reject });
      worker.ref();
      if (request) worker.postMessage(request);
    });

  let opened: WorkerMessage;
  try {
    opened = await next();
  } catch (error) {
    end();
    throw error;
  }
  if (opened.type === 'rejected') {
    end();
    throw rejected(path, opened.message, opened.hint);
  }
  if (opened.type !== 'opened') {
    end();
    throw rejected(path, 'cannot be read as a workbook (its reader answered out of turn).');
  }

  let open = opened.sheets.length;
  const finished = () => {
    open -= 1;
    if (open === 0) end();
  };
  async function* rows(sheet: number, rowCount: number): AsyncIterable<SheetRow> {
    try {
      for (let from = 0; from < rowCount; from += CHUNK_ROWS) {
        const answer = await next({ type: 'rows', sheet, from, count: CHUNK_ROWS });
        if (answer.type !== 'rows')
          throw rejected(path, 'cannot be read as a workbook (its reader answered out of turn).');
        yield* answer.rows;
      }
    } finally {
      finished();
    }
  }
  const sheetRows: SheetRows[] = opened.sheets.map((s, i) => ({
    name: s.name,
    rows: rows(i, s.rowCount),
    rowCount: s.rowCount,
  }));
  const file: OpenedFile = {
    path,
    fileName: basename(path),
    size,
    format: 'workbook',
    sheets: sheetRows,
    bytesRead: () => size,
    close: end,
  };
  dropped.register(file, worker, worker);
  return file;
}
