/**
 * The resolution's side of the matcher worker (resolveWorker.ts): starts it, hands it the
 * mentions a page at a time, and takes the candidates back a chunk at a time, so that neither
 * the blocking and scoring nor the whole candidate list ever sit on the thread that serves
 * requests.
 */
import { Worker } from 'node:worker_threads';
import type { MatchCandidate, PersonMention } from '../core/matching';
import type { FixedValues, MatchModelParameters } from '../core/matchModel';
import type { ChangedRequest, MatcherAnswer, MatcherRequest } from './resolveWorker';
import { workerEntry } from './workerEntry';
import type { Matcher } from '../contract/choices';

/** What matching found, before the candidates are collected. */
export interface Matched {
  /** Distinct person mentions matched. */
  persons: number;
  compared: number;
  droppedBlocks: number;
  candidates: number;
  /** With `changed`: the mentions whose pairs were scored again. */
  affected?: string[];
  model?: MatchModelParameters;
  /**
   * With `changed`: persons read from stored views that an import gave an identifier another
   * display, their mentions (JSON) as matched, with the display as it is now: views to store again.
   */
  views?: { id: string; mentions: string }[];
  /** The worker's heap right after matching, in bytes (it grew to hold the mentions, blocks and candidates). */
  heapBytes: number;
}

/** A matcher in its own thread, for one run. */
export interface MatcherWorker {
  /** Hands over a page of mentions (they are copied; the caller may drop them). */
  add(people: PersonMention[]): void;
  /** Hands over stored match views (each a person's mentions as JSON), parsed in the worker. */
  addViews(views: string[]): void;
  /**
   * Matches the mentions handed over. `hold`, when given, is awaited once the worker has begun,
   * before it goes on: a caller can watch the app stay responsive while a run is under way.
   */
  match(options: {
    matcher: Matcher;
    fixed?: FixedValues;
    changed?: ChangedRequest;
    hold?: () => Promise<void>;
  }): Promise<Matched>;
  /** The next chunk of at most `count` candidates, best first; empty when all were taken. */
  next(count: number): Promise<MatchCandidate[]>;
  close(): Promise<void>;
}

/** Starts a matcher thread. Close it when done (it is also ended if the process exits). */
export function startMatcher(): MatcherWorker {
  const entry = workerEntry(import.meta.url, 'resolveWorker', "The matcher's worker");
  const worker = new Worker(entry.url, { execArgv: entry.execArgv, stdout: false, stderr: false });
  const waiting: { resolve: (m: MatcherAnswer) => void; reject: (e: unknown) => void }[] = [];
  let failure: Error | null = null;
  const fail = (error: Error) => {
    failure ??= error;
    for (const w of waiting.splice(0)) w.reject(failure);
  };
  worker.on('message', (message: MatcherAnswer) => {
    if (message.type === 'failed') return fail(new Error(`Matching failed: ${message.message}`));
    waiting.shift()?.resolve(message);
  });
  worker.on('error', (error) => fail(error));
  worker.on('exit', () => fail(new Error('Matching stopped before it finished (its worker ended).')));
  const expect = () =>
    new Promise<MatcherAnswer>((resolve, reject) => {
      if (failure) return reject(failure);
      waiting.push({ resolve, reject });
    });
  const send = (request: MatcherRequest) => {
    if (failure) throw failure;
    worker.postMessage(request);
  };
  return {
    add(people) {
      send({ type: 'mentions', people });
    },
    addViews(views) {
      send({ type: 'views', views });
    },
    async match({ matcher, fixed = {}, changed, hold }) {
      const gate = new Int32Array(new SharedArrayBuffer(4));
      if (!hold) gate[0] = 1;
      const begun = expect();
      const done = expect();
      // Awaited below; a failure before then rejects `begun` too, which is what the caller sees.
      done.catch(() => undefined);
      send({ type: 'match', matcher, fixed, gate, ...(changed ? { changed } : {}) });
      await begun;
      if (hold) {
        try {
          await hold();
        } finally {
          Atomics.store(gate, 0, 1);
          Atomics.notify(gate, 0);
        }
      }
      const answer = await done;
      if (answer.type !== 'matched') throw new Error(`The matcher answered ${answer.type} to match.`);
      const { type: _type, ...matched } = answer;
      return matched;
    },
    async next(count) {
      const answer = expect();
      send({ type: 'candidates', count });
      const got = await answer;
      if (got.type !== 'candidates') throw new Error(`The matcher answered ${got.type} to candidates.`);
      return got.candidates;
    },
    async close() {
      worker.removeAllListeners('exit');
      await worker.terminate();
    },
  };
}
