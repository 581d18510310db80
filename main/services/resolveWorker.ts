/**
 * The worker thread that blocks and scores same-person pairs. Comparing millions of pairs takes
 * tens of seconds of CPU; run here, it leaves the process that serves the app's other requests
 * (`caselink serve`, Electron) free to answer them. The mentions arrive a page at a time and are
 * kept with their repeated values shared (agencies, files, sheets, dates, names, identifiers);
 * the candidates go back a chunk at a time, on request.
 */
import { getHeapStatistics } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { resolveMatches, type MatchCandidate, type PersonMention, type SharedIdentifier } from '../core/matching';
import { byPersonAndRecord, type FixedValues } from '../core/matchModel';
import { findRuleCandidates } from '../core/ruleMatching';
import { resolveHybrid } from '../core/hybridMatching';
import type { Matcher } from '../contract/choices';
import type { Matched } from './resolveInWorker';

/** What an import changed since the last resolution (see ChangedMentions), as the resolution sends it. */
export interface ChangedRequest {
  persons: string[];
  records: string[];
  relinked: string[];
  proposed: [string, string][];
  /**
   * The display each identifier the new records assert has now, by id: an import may have given
   * one another (the writing that sorts first), which stored match views do not hold.
   */
  displays: [string, string][];
}

/** What the resolution hands the worker. */
export type MatcherRequest =
  | { type: 'mentions'; people: PersonMention[] }
  /** Stored match views, each a person's mentions as JSON: parsed here, off the thread that serves requests. */
  | { type: 'views'; views: string[] }
  | {
      type: 'match';
      matcher: Matcher;
      fixed: FixedValues;
      /** Set: only what an import added since the last resolution, and what it affects (rules only). */
      changed?: ChangedRequest;
      /** The worker waits on it (Atomics) until it reads non-zero: lets a caller hold a run it watches. */
      gate: Int32Array;
    }
  | { type: 'candidates'; count: number };

/** What the worker answers. */
export type MatcherAnswer =
  | { type: 'matching' }
  | ({ type: 'matched' } & Matched)
  | { type: 'candidates'; candidates: MatchCandidate[] }
  | { type: 'failed'; message: string };

/**
 * One copy of each value many mentions repeat; a graph of a million mentions repeats most. Kept
 * only while the mentions arrive: its maps (some 40 MiB at a hundred thousand mentions) are
 * dropped before matching, when the heap is at its largest.
 */
class Interner {
  #strings = new Map<string, string>();
  /** By id, which the kept identifier holds anyway: a record's identifiers (no key or kind), then a person's. */
  #ofRecords = new Map<string, SharedIdentifier>();
  #ofPersons = new Map<string, SharedIdentifier>();
  /** A person's identifier whose id another of that id but another key or kind holds already (none expected). */
  #others = new Map<string, SharedIdentifier>();

  string(value: string): string;
  string(value: string | null): string | null;
  string(value: string | null): string | null {
    if (value === null) return null;
    const found = this.#strings.get(value);
    if (found !== undefined) return found;
    this.#strings.set(value, value);
    return value;
  }

  /** The identifier as one shared object: `kind` tells the two shapes (with key and kind, or not) apart. */
  identifier(i: SharedIdentifier): SharedIdentifier {
    const own = i.kind !== undefined || i.key !== undefined;
    const byId = own ? this.#ofPersons : this.#ofRecords;
    const found = byId.get(i.id);
    if (found && (!own || (found.key === i.key && found.kind === i.kind))) return found;
    const key = `${i.id}\u0000${i.key ?? ''}\u0000${i.kind ?? ''}`;
    const other = found ? this.#others.get(key) : undefined;
    if (other) return other;
    // A record's identifier and a person's of one id hold one copy of its id and display.
    const twin = (own ? this.#ofRecords : this.#ofPersons).get(i.id);
    const kept: SharedIdentifier = {
      label: this.string(i.label),
      id: twin ? twin.id : i.id,
      display: twin && twin.display === i.display ? twin.display : i.display,
    };
    if (i.key !== undefined) kept.key = i.key;
    if (i.kind !== undefined) kept.kind = i.kind === null ? null : this.string(i.kind);
    if (found) this.#others.set(key, kept);
    else byId.set(i.id, kept);
    return kept;
  }
}

function compact(p: PersonMention, intern: Interner): PersonMention {
  return {
    id: p.id,
    record: p.record,
    caseRef: intern.string(p.caseRef),
    recordRef: p.recordRef,
    eventDate: intern.string(p.eventDate ?? null),
    agency: intern.string(p.agency),
    fileName: intern.string(p.fileName),
    sheet: intern.string(p.sheet),
    row: p.row,
    // Names come from far fewer than the mentions.
    name: intern.string(p.name),
    nameLatin: intern.string(p.name === p.nameLatin ? p.name : p.nameLatin),
    birthDate: intern.string(p.birthDate),
    birthYear: p.birthYear ?? null,
    nationality: intern.string(p.nationality),
    gender: intern.string(p.gender ?? null),
    identifiers: p.identifiers.map((i) => intern.identifier(i)),
    recordIdentifiers: p.recordIdentifiers.map((i) => intern.identifier(i)),
  };
}

/**
 * The persons an import changed, and those whose mentions (read from stored views) carry an
 * identifier the import gave another display: each of their pairs is scored again, as a full
 * resolution would score it, its reasons citing the display as it is now. Every mention is given
 * the current display.
 */
function withDisplaysChanged(people: PersonMention[], changed: ChangedRequest, restored: Set<string>): Set<string> {
  const persons = new Set(changed.persons);
  const now = new Map(changed.displays);
  const stale = (i: SharedIdentifier) => {
    const display = now.get(i.id);
    return display !== undefined && display !== i.display;
  };
  // All marked before any display is set: identifiers are shared among mentions.
  for (const p of people)
    if (p.identifiers.some(stale) || p.recordIdentifiers.some(stale)) {
      persons.add(p.id);
      restored.add(p.id);
    }
  for (const p of people)
    for (const i of [...p.identifiers, ...p.recordIdentifiers]) {
      const display = now.get(i.id);
      if (display !== undefined) i.display = display;
    }
  return persons;
}

const port = parentPort;
if (port) {
  let intern = new Interner();
  let people: PersonMention[] = [];
  let found: MatchCandidate[] = [];
  let sent = 0;
  const answer = (message: MatcherAnswer) => port.postMessage(message);
  port.on('message', (request: MatcherRequest) => {
    try {
      if (request.type === 'mentions') {
        for (const p of request.people) people.push(compact(p, intern));
      } else if (request.type === 'views') {
        for (const view of request.views)
          for (const p of JSON.parse(view) as PersonMention[]) people.push(compact(p, intern));
      } else if (request.type === 'match') {
        answer({ type: 'matching' });
        intern = new Interner();
        Atomics.wait(request.gate, 0, 0);
        const persons = new Set(people.map((p) => p.id)).size;
        if (request.matcher === 'hybrid' || request.matcher === 'model') {
          const run = request.matcher === 'hybrid' ? resolveHybrid : resolveMatches;
          const { candidates, compared, droppedBlocks, model } = run(people, request.fixed);
          found = candidates;
          answer({
            type: 'matched',
            persons,
            compared,
            droppedBlocks,
            candidates: found.length,
            model,
            heapBytes: getHeapStatistics().total_heap_size,
          });
        } else {
          // Views and persons read in full arrive in two runs of ids: put back in the order a
          // full read gives (by person, then record), so that every tie is broken as it breaks there.
          if (request.changed) people.sort(byPersonAndRecord);
          const restored = new Set<string>();
          const changed = request.changed
            ? {
                persons: withDisplaysChanged(people, request.changed, restored),
                records: new Set(request.changed.records),
                relinked: new Set(request.changed.relinked),
                proposed: request.changed.proposed,
              }
            : undefined;
          const run = findRuleCandidates(people, changed ? { changed } : {});
          found = run.candidates;
          // The views of those given a current display, to be stored again: the next incremental
          // resolution is told only of the displays its own import changed.
          const views = new Map<string, PersonMention[]>();
          for (const p of people)
            if (restored.has(p.id)) {
              const own = views.get(p.id) ?? [];
              own.push(p);
              views.set(p.id, own);
            }
          answer({
            type: 'matched',
            persons,
            compared: run.compared,
            droppedBlocks: run.droppedBlocks,
            candidates: found.length,
            ...(run.affected ? { affected: run.affected } : {}),
            ...(views.size > 0
              ? { views: [...views].map(([id, mentions]) => ({ id, mentions: JSON.stringify(mentions) })) }
              : {}),
            heapBytes: getHeapStatistics().total_heap_size,
          });
        }
        // The mentions are done with: only the candidates are kept, until they are collected.
        people = [];
        sent = 0;
      } else {
        const chunk = found.slice(sent, sent + request.count);
        sent += chunk.length;
        if (sent >= found.length) found = [];
        answer({ type: 'candidates', candidates: chunk });
      }
    } catch (error) {
      answer({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  });
}
