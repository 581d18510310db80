/**
 * The mapping pool: the rows of the read stage mapped through their profile on worker threads
 * (mappingWorker.ts), both cores at once, for the transactional import and the bulk first load
 * alike. The map stage hands it the read stage's items and gets them back in the same order, each
 * row with its mapped row and record ids, so that everything that depends on order (repeats, row
 * keys, counts, the problem report, provenance) stays in the map stage, on one thread, as before.
 *
 * Memory is bounded: rows go out in chunks, and no more than two chunks per worker are in flight;
 * the read stage is not asked for more until the oldest chunk is back.
 */
import { createHmac } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Cell } from '../../core/cells';
import type { Grading, Profile } from '../../core/profile';
import type { MappedRow, ResolvedMapping } from '../../core/rowMapper';
import type { ReadItem, SheetLayout } from './readStage';
import { workerEntry } from '../workerEntry';

const CARD_KEY = Symbol('card hash key');

/** The import's keyed hash for full card numbers, as a function that workers can be given too. */
export type CardHash = (pan: string) => string;

/**
 * The keyed hash for full card numbers: HMAC-SHA-256 under `secret`, 32 hex digits. The function
 * carries its secret so that the pool can hand it to its workers; a hash function made otherwise
 * (a test's stand-in) keeps the mapping on the calling thread.
 */
export function keyedCardHash(secret: string): CardHash {
  const hash = (pan: string) => createHmac('sha256', secret).update(pan).digest('hex').slice(0, 32);
  return Object.assign(hash, { [CARD_KEY]: secret });
}

/** The secret of a hash made by `keyedCardHash`; null for any other function. */
export function cardKeyOf(hash: CardHash): string | null {
  const key = (hash as { [CARD_KEY]?: unknown })[CARD_KEY];
  return typeof key === 'string' ? key : null;
}

/** Everything a worker needs to map the rows of one sheet. */
export interface SheetContext {
  profile: Profile;
  sheet: string;
  header: string[];
  mappings: ResolvedMapping[];
  agency: string;
  /** The sheet's name in record ids (null for a text file). */
  idSheet: string | null;
  rowKey: string[] | undefined;
  cardKey: string;
}

/** What the pool asks of a worker. */
export type PoolRequest =
  | { type: 'context'; id: number; context: SheetContext }
  | { type: 'forget'; id: number }
  | { type: 'map'; job: number; context: number; rows: [number, Cell[]][] }
  | { type: 'cpu'; job: number };

/** A row as a worker maps it: null for a blank row; `id` and `content` empty for a rejected one. */
export interface PooledRow {
  row: MappedRow;
  /** The record id (by the row key when the profile has one). */
  id: string;
  /** The id by content, when the profile has a row key. */
  content: string | null;
}

/** A worker's answer to a chunk. */
export interface MappedChunk {
  type: 'mapped';
  job: number;
  rows: (PooledRow | null)[];
  /** Seconds the worker spent on the chunk. */
  seconds: number;
}

type WorkerAnswer =
  | MappedChunk
  | { type: 'failed'; job: number; message: string; stack: string }
  | { type: 'cpu'; job: number; cpuSeconds: number | null };

/** A read-stage item as the pool hands it back: a row with what the worker made of it. */
export type PooledItem =
  | { kind: 'sheet'; item: Extract<ReadItem, { kind: 'sheet' }> }
  | { kind: 'row'; item: Extract<ReadItem, { kind: 'row' }>; mapped: PooledRow | null };

/** Rows per message: enough that messaging costs little beside mapping, few enough to keep memory flat. */
const CHUNK_ROWS = 256;
/** Chunks in flight per worker: one being mapped, one waiting, so that no worker idles. */
const IN_FLIGHT_PER_WORKER = 2;
/** A pool idle this long lets its workers go (the app keeps running between imports). */
const IDLE_MS = 30_000;

interface Pending {
  resolve: (answer: WorkerAnswer) => void;
  reject: (error: Error) => void;
}

interface PoolWorker {
  worker: Worker;
  pending: Map<number, Pending>;
  contexts: Set<number>;
}

/** A fixed number of mapping workers, started on first use and let go when idle. */
export class MappingPool {
  readonly size: number;
  #workers: PoolWorker[] = [];
  #nextJob = 0;
  #nextContext = 0;
  #idle: NodeJS.Timeout | null = null;
  /** Seconds the workers spent mapping, added up over the pool's life. */
  mapSeconds = 0;

  constructor(size: number) {
    this.size = Math.max(1, Math.floor(size));
  }

  #start(): PoolWorker {
    const entry = workerEntry(import.meta.url, 'mappingWorker', "The import's mapping worker");
    const worker = new Worker(entry.url, { execArgv: entry.execArgv, stdout: false, stderr: false });
    const state: PoolWorker = { worker, pending: new Map(), contexts: new Set() };
    const failAll = (error: Error) => {
      this.#workers = this.#workers.filter((w) => w !== state);
      for (const p of state.pending.values()) p.reject(error);
      state.pending.clear();
    };
    worker.on('message', (answer: WorkerAnswer) => {
      const waiting = state.pending.get(answer.job);
      state.pending.delete(answer.job);
      if (state.pending.size === 0) worker.unref();
      if (!waiting) return;
      if (answer.type === 'failed') {
        const error = new Error(`mapping a row failed: ${answer.message}`);
        error.stack = answer.stack;
        waiting.reject(error);
      } else waiting.resolve(answer);
    });
    worker.on('error', (error) => failAll(new Error(`a mapping worker stopped: ${error.message}`)));
    worker.on('exit', () => failAll(new Error('a mapping worker stopped')));
    worker.unref();
    this.#workers.push(state);
    return state;
  }

  /** The worker with the fewest chunks in flight, started when the pool is not full. */
  #pick(): PoolWorker {
    const least = this.#workers.reduce<PoolWorker | null>(
      (best, w) => (best === null || w.pending.size < best.pending.size ? w : best),
      null,
    );
    if (least && (least.pending.size === 0 || this.#workers.length >= this.size)) return least;
    return this.#start();
  }

  #ask(state: PoolWorker, request: PoolRequest & { job: number }): Promise<WorkerAnswer> {
    if (this.#idle) clearTimeout(this.#idle);
    this.#idle = null;
    return new Promise<WorkerAnswer>((resolve, reject) => {
      state.pending.set(request.job, {
        resolve: (answer) => {
          this.#settled();
          resolve(answer);
        },
        reject: (error) => {
          this.#settled();
          reject(error);
        },
      });
      state.worker.ref();
      state.worker.postMessage(request);
    });
  }

  #settled(): void {
    if (this.#workers.some((w) => w.pending.size > 0) || this.#idle) return;
    this.#idle = setTimeout(() => void this.close(), IDLE_MS);
    this.#idle.unref();
  }

  /** Maps one chunk of rows of a sheet on the least busy worker. */
  async #map(
    context: number,
    sheet: SheetContext,
    rows: [number, Cell[]][],
    timings?: { mapSeconds: number },
  ): Promise<(PooledRow | null)[]> {
    const state = this.#pick();
    if (!state.contexts.has(context)) {
      state.worker.postMessage({ type: 'context', id: context, context: sheet } satisfies PoolRequest);
      state.contexts.add(context);
    }
    const job = this.#nextJob++;
    const answer = await this.#ask(state, { type: 'map', job, context, rows });
    if (answer.type !== 'mapped') throw new Error('a mapping worker answered out of turn');
    this.mapSeconds += answer.seconds;
    if (timings) timings.mapSeconds += answer.seconds;
    // The flag a worker left for "the profile's own grading" becomes that object again.
    const grading: Grading = sheet.profile.grading;
    for (const r of answer.rows) {
      for (const identifier of r?.row.identifiers ?? []) {
        if ((identifier.grading as Grading | null) === null) identifier.grading = grading;
      }
    }
    return answer.rows;
  }

  /** CPU seconds of each worker thread so far (Linux; null elsewhere). */
  async cpuSeconds(): Promise<(number | null)[]> {
    return Promise.all(
      this.#workers.map(async (state) => {
        const answer = await this.#ask(state, { type: 'cpu', job: this.#nextJob++ });
        return answer.type === 'cpu' ? answer.cpuSeconds : null;
      }),
    );
  }

  /**
   * The read stage's items in the same order, each row mapped by a worker. `sheetContext` says
   * how the rows of a sheet are mapped; `timings.mapSeconds` gains the workers' seconds (added
   * over threads, so it may exceed the time the stage took). Reads ahead at most the chunks in flight.
   */
  async *map(
    items: AsyncIterable<ReadItem>,
    sheetContext: (layout: SheetLayout) => SheetContext,
    timings?: { mapSeconds: number },
  ): AsyncGenerator<PooledItem> {
    const queue: Promise<PooledItem[]>[] = [];
    const contexts: number[] = [];
    let context: { id: number; sheet: SheetContext } | null = null;
    let chunk: Extract<ReadItem, { kind: 'row' }>[] = [];
    const send = () => {
      if (!context || chunk.length === 0) return;
      const rows = chunk;
      chunk = [];
      const done = this.#map(
        context.id,
        context.sheet,
        rows.map((r) => [r.row.row, r.row.cells]),
        timings,
      ).then((mapped) => rows.map((item, i): PooledItem => ({ kind: 'row', item, mapped: mapped[i] ?? null })));
      // Awaited in turn below; until then a failure must not count as unhandled.
      done.catch(() => undefined);
      queue.push(done);
    };
    try {
      for await (const item of items) {
        if (item.kind === 'sheet') {
          send();
          context = { id: this.#nextContext++, sheet: sheetContext(item.layout) };
          contexts.push(context.id);
          queue.push(Promise.resolve([{ kind: 'sheet', item }]));
        } else {
          chunk.push(item);
          if (chunk.length >= CHUNK_ROWS) send();
        }
        while (queue.length > this.size * IN_FLIGHT_PER_WORKER) yield* (await queue.shift()) ?? [];
      }
      send();
      while (queue.length) yield* (await queue.shift()) ?? [];
    } finally {
      for (const id of contexts) {
        for (const state of this.#workers) {
          if (state.contexts.delete(id)) state.worker.postMessage({ type: 'forget', id } satisfies PoolRequest);
        }
      }
    }
  }

  /** Lets the workers go; the next use starts new ones. */
  async close(): Promise<void> {
    if (this.#idle) clearTimeout(this.#idle);
    this.#idle = null;
    const workers = this.#workers.splice(0);
    await Promise.all(workers.map((w) => w.worker.terminate()));
  }
}

let shared: MappingPool | null = null;

/**
 * The process's mapping pool: CASELINK_IMPORT_WORKERS workers, or one per core (at most four: the
 * map stage's own thread and the database want some too). None when CASELINK_IMPORT_WORKERS is 0:
 * rows are then mapped on the thread that reads them.
 */
export function sharedMappingPool(env: NodeJS.ProcessEnv = process.env): MappingPool | undefined {
  const wanted = env.CASELINK_IMPORT_WORKERS?.trim() ? Number(env.CASELINK_IMPORT_WORKERS) : NaN;
  if (wanted === 0) return undefined;
  shared ??= new MappingPool(
    Number.isInteger(wanted) && wanted > 0 ? wanted : Math.min(4, Math.max(1, availableParallelism())),
  );
  return shared;
}
