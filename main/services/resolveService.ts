/**
 * Resolution over the whole graph: flag hub identifiers, then propose same-person candidates
 * (scored, with reasons) for analysts to review. Idempotent: running it again proposes the same
 * pairs, keeps every analyst decision, and withdraws undecided pairs no longer proposed.
 */
import { randomBytes } from 'node:crypto';
import type { PersonMention, SharedIdentifier } from '../core/matching';
import { loadFixedValues, saveModel } from './modelService';
import { startMatcher, type MatcherWorker } from './resolveInWorker';
import { parseProfile } from '../core/profile';
import { mapRow, resolveColumns } from '../core/rowMapper';
import { addToBatch, newBatch, storedRawCells, writeLinks } from './import/batches';
import type { ResolveSummaryDto } from '../contract/api';
import type { Database, Row } from '../db/database';
import { claimGraphLock, describeLockTime, LOCK_TTL_MS } from './graphLock';
import { CaselinkFailure } from '../contract/errors';
import { audited } from './auditService';
import { DEFAULT_HUB_THRESHOLD } from '../core/rules';
import { MATCHERS, type Matcher } from '../contract/choices';

/** What a resolution did, as the contract reports it. */
export type ResolveSummary = ResolveSummaryDto;

function numberOrNull(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isInteger(n) ? n : null;
}

/** Persons read per page for matching: a page is one short read transaction. */
const MENTION_PAGE = 5_000;
/** Stored match views read per page: a view is one string, far cheaper to read than a person in full. */
const VIEW_PAGE = 20_000;

/**
 * What a stored match view begins with: a view of another version (another shape of mention) is
 * not read, and its person is read again in full. v1 named identifiers by element id, which a
 * copied or restored graph changes; v2 by label and key.
 */
const VIEW_VERSION = 'v2:';

/** A person's match view: its mentions as matching reads them, all of them, in record order. */
function matchView(mentions: PersonMention[]): string {
  return VIEW_VERSION + JSON.stringify(mentions);
}

/**
 * Rows of persons-for-matching (or -by-id) as mentions, and each person's match view (a person
 * no record mentions has none to match, and an empty view, so that it is not read again).
 */
function mentionsOfRows(rows: Row[]): { mentions: PersonMention[]; views: { id: string; view: string }[] } {
  const mentions: PersonMention[] = [];
  const views: { id: string; view: string }[] = [];
  let id: string | null = null;
  let own: PersonMention[] = [];
  const close = () => {
    if (id !== null) views.push({ id, view: matchView(own) });
  };
  for (const r of rows) {
    const next = r.get('id') as string;
    if (next !== id) {
      close();
      id = next;
      own = [];
    }
    if (r.get('record') === null) continue;
    const mention = toMention(r);
    own.push(mention);
    mentions.push(mention);
  }
  close();
  return { mentions, views };
}

/**
 * Reads every person mention matching needs, a page at a time (by person id), handing each page
 * to `onPage` (with the pages' match views, for a caller that keeps them): no read holds the
 * whole graph, and the caller need not either. The next page is read while `onPage` handles one,
 * so that Neo4j and Node work at once rather than in turn.
 */
export async function readPersonMentions(
  db: Database,
  onPage: (people: PersonMention[], views: { id: string; view: string }[]) => Promise<void> | void,
): Promise<void> {
  const read = (after: string) => {
    const page = db.read('resolve/persons-for-matching', { after, limit: MENTION_PAGE });
    // Left unawaited when `onPage` fails: its own failure is the one to report.
    page.catch(() => undefined);
    return page;
  };
  let next = read('');
  for (;;) {
    const rows = await next;
    if (rows.length === 0) return;
    next = read(rows[rows.length - 1]?.get('id') as string);
    const { mentions, views } = mentionsOfRows(rows);
    await onPage(mentions, views);
  }
}

/** Every person mention matching needs, in memory (for benches and tests; resolution pages them). */
export async function loadPersonMentions(db: Database): Promise<PersonMention[]> {
  const people: PersonMention[] = [];
  await readPersonMentions(db, (page) => {
    for (const p of page) people.push(p);
  });
  return people;
}

/** What an incremental resolution read: in full, and from stored views. */
interface ReadForIncrement {
  /** Persons read in full: those the import added or changed, and those with no current view. */
  readInFull: number;
  /** Persons with no current view that the import did not name (a hub override dropped it, say). */
  stale: string[];
  /** The records of those. */
  staleRecords: string[];
}

/**
 * Hands the matcher every person mention, reading in full (records, identifiers) only the
 * persons `changed` names and those whose stored match view is missing or of another version,
 * and the others' stored views: a view is one property, where reading a person in full walks
 * its records and every identifier they assert. The views read in full are stored again.
 */
async function readForIncrement(
  db: Database,
  matcher: MatcherWorker,
  changed: ReadonlySet<string>,
): Promise<ReadForIncrement> {
  const full: string[] = [];
  const stale = new Set<string>();
  let after = '';
  for (;;) {
    const rows = await db.read('resolve/match-views', { after, limit: VIEW_PAGE });
    if (rows.length === 0) break;
    const views: string[] = [];
    for (const r of rows) {
      const id = r.get('id') as string;
      const view = r.get('view');
      if (changed.has(id)) full.push(id);
      else if (typeof view === 'string' && view.startsWith(VIEW_VERSION)) views.push(view.slice(VIEW_VERSION.length));
      else {
        full.push(id);
        stale.add(id);
      }
    }
    after = rows[rows.length - 1]?.get('id') as string;
    matcher.addViews(views);
  }
  const staleRecords = new Set<string>();
  for (let i = 0; i < full.length; i += MENTION_PAGE) {
    const rows = await db.read('resolve/persons-for-matching-by-id', { ids: full.slice(i, i + MENTION_PAGE) });
    const { mentions, views } = mentionsOfRows(rows);
    for (const m of mentions) if (stale.has(m.id)) staleRecords.add(m.record);
    matcher.add(mentions);
    await db.write('resolve/set-match-views', { views });
  }
  return { readInFull: full.length, stale: [...stale], staleRecords: [...staleRecords] };
}

function toMention(r: Row): PersonMention {
  return {
    id: r.get('id') as string,
    record: r.get('record') as string,
    caseRef: (r.get('caseRef') as string | null) ?? null,
    recordRef: (r.get('recordRef') as string | null) ?? null,
    eventDate: (r.get('eventDate') as string | null) ?? null,
    agency: r.get('agency') as string,
    fileName: r.get('fileName') as string,
    sheet: r.get('sheet') as string,
    row: Number(r.get('row')),
    name: (r.get('name') as string | null) ?? null,
    nameLatin: (r.get('nameLatin') as string | null) ?? null,
    birthDate: (r.get('birthDate') as string | null) ?? null,
    birthYear: numberOrNull(r.get('birthYear')),
    nationality: (r.get('nationality') as string | null) ?? null,
    gender: (r.get('gender') as string | null) ?? null,
    identifiers: identifiersOf(r.get('identifiers') as RawIdentifier[], true),
    recordIdentifiers: identifiersOf(r.get('recordIdentifiers') as RawIdentifier[], false),
  };
}

/**
 * An identifier as persons-for-matching reads it: its labels, e164, key, kind, platform, country,
 * number, plate (the values its uniqueness constraint holds; those it lacks null) and display.
 * An OPTIONAL MATCH that found none gives one of nulls.
 */
type RawIdentifier = [string[] | null, ...unknown[]];

/** The value's sort key fields, in ORDER BY order: label, e164, key, kind, platform, country, number, plate. */
const SORTED_FIELDS = 8;

/** Cypher's ascending order of two values of one field: nulls last, strings by their UTF-16 units. */
function ascending(x: unknown, y: unknown): number {
  if (x === y) return 0;
  if (x === null || x === undefined) return 1;
  if (y === null || y === undefined) return -1;
  const a = String(x);
  const b = String(y);
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The identifiers of one mention (or its record) from their raw values: named by label and the
 * values their uniqueness constraint holds, with their display (and, for a person's own, the
 * normalised key and kind matching reads), in the order of those values (label first).
 */
function identifiersOf(raw: RawIdentifier[], own: boolean): SharedIdentifier[] {
  const rows: unknown[][] = [];
  for (const r of raw) {
    const label = r[0]?.find((l) => l !== 'Party');
    if (label !== undefined) rows.push([label, ...r.slice(1)]);
  }
  rows.sort((x, y) => {
    for (let k = 0; k < SORTED_FIELDS; k++) {
      const order = ascending(x[k], y[k]);
      if (order !== 0) return order;
    }
    return 0;
  });
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return rows.map(([label, e164, key, kind, platform, country, number, plate, display]) => {
    const id = [
      label,
      text(e164) ?? text(key) ?? '',
      text(kind) ?? '',
      text(platform) ?? '',
      text(country) ?? '',
      text(number) ?? text(plate) ?? '',
    ].join('|');
    // Keys in the order Neo4j gave them when it built these maps: a stored view then reads as
    // it was written, and a resolution of an unchanged graph rewrites none.
    if (!own) return { display: display as string, label: label as string, id };
    return {
      kind: text(kind),
      display: display as string,
      label: label as string,
      id,
      key: text(e164) ?? text(key) ?? text(number) ?? text(plate),
    };
  });
}

/**
 * An analyst's word on a hub: true, false, or null to let the record count decide. `key` is the
 * identifier's key as stored; when no identifier has it, each of `otherKeys` that one has is set
 * instead (the keys the value as typed reads to; a function is called only then, so that reading
 * the value, which may need the card-hash key, is left out when the key as typed matches). When
 * none is in the graph, nothing changes and the audit trail records a failure, not a success
 * that changed nothing.
 */
export async function setHubOverride(
  db: Database,
  label: string,
  key: string,
  hub: boolean | null,
  threshold = DEFAULT_HUB_THRESHOLD,
  otherKeys: readonly string[] | (() => Promise<readonly string[]>) = [],
): Promise<{ display: string; hub: boolean }[]> {
  const setting = hub === null ? 'auto' : hub ? 'on' : 'off';
  const set = async (k: string) =>
    (await db.write('resolve/set-hub-override', { label, key: k, hub, threshold })).map((r) => ({
      display: r.get('display') as string,
      hub: r.get('hub') as boolean,
    }));
  return audited(
    db,
    { kind: 'hub-override', action: `hub ${setting} ${label} ${key}`, details: { label, key, setting, threshold } },
    async () => {
      let changed = await set(key);
      if (changed.length === 0) {
        const others = typeof otherKeys === 'function' ? await otherKeys() : otherKeys;
        for (const other of new Set(others)) if (other !== key) changed = [...changed, ...(await set(other))];
      }
      if (changed.length > 0) return changed;
      throw new CaselinkFailure({
        kind: 'NotFound',
        message: `No ${label.toLowerCase()} ${key} in the graph.`,
        hint: 'Use the key "caselink identifiers" prints after the kind.',
      });
    },
    (changed) => ({ identifiers: changed.length, hubNow: changed[0]?.hub ?? null }),
  );
}

const RELINK_BATCH = 2_000;

/**
 * Reads every record again from its raw cells with the profile its file was imported with, and
 * rebuilds its identifier links under the current normalisation rules (after an upgrade of
 * Caselink, say). Idempotent: with unchanged rules it rebuilds the same links.
 */
export async function relink(
  db: Database,
  cardHash: (pan: string) => string,
  now = new Date(),
): Promise<{ records: number; removed: number }> {
  let records = 0;
  for (const source of await db.read('resolve/sources')) {
    const json = source.get('profileJson') as string | null;
    if (!json) continue;
    const profile = parseProfile(JSON.parse(json), `the profile of ${source.get('fileName') as string}`);
    const context = {
      agency: source.get('agency') as string,
      fileName: source.get('fileName') as string,
      profile,
      now: now.toISOString(),
    };
    let after = '';
    for (;;) {
      const page = await db.read('resolve/records-of-source', {
        source: source.get('id') as string,
        after,
        limit: RELINK_BATCH,
      });
      if (page.length === 0) break;
      const batch = newBatch();
      for (const r of page) {
        const raw = storedRawCells(r.get('raw') as string);
        const header = raw.map(([h]) => h);
        const sheet = r.get('sheet') as string;
        const { mappings } = resolveColumns(profile, header, sheet);
        const mapped = mapRow(
          { profile, sheet, header, cardHash },
          mappings,
          raw.map(([, value]) => value),
          Number(r.get('row')),
        );
        addToBatch(batch, mapped, r.get('id') as string, context);
      }
      await db.writeWork('resolve/relink', async (run) => {
        await run('resolve/unlink-records', { ids: [...batch.records.keys()] });
        await writeLinks(run, batch.links);
      });
      records += page.length;
      after = page[page.length - 1]?.get('id') as string;
    }
  }
  const [removed] = await db.write('resolve/delete-orphan-identifiers');
  return { records, removed: Number(removed?.get('removed') ?? 0) };
}

/**
 * Which matcher proposes same-person pairs: the rules (the default), the Fellegi–Sunter model
 * that estimates its parameters from the graph (better on the public FEBRL sets; on our generated
 * sets, full of namesakes with few dates of birth, behind the rules in precision: see the README),
 * or the two together (core/hybridMatching).
 */
export { MATCHERS };
export type { Matcher };

/** Where a resolution stands, for a caller that watches it. */
export type ResolvePhase = 'reading' | 'matching' | 'writing';

export interface ResolveOptions {
  hubThreshold?: number;
  matcher?: Matcher;
  /** Rebuild identifier links from the raw cells first, with this keyed hash for card numbers. */
  relinkWith?: (pan: string) => string;
  /**
   * Match only what files imported since the last resolution added, and what that affects
   * (rules only; the model, estimated on the whole graph, and a hub flag an import changed make
   * it a full resolution). Nothing is re-linked.
   */
  incremental?: boolean;
  /**
   * Told each phase as it begins. During 'matching' (in a worker thread) the run waits for the
   * promise it answers before it goes on: a caller can watch the app answer meanwhile. 'writing'
   * comes with the matcher worker's heap as matching left it (mentions, blocks, candidates).
   */
  onPhase?: (phase: ResolvePhase, detail?: { workerHeapBytes: number }) => Promise<void> | void;
  now?: Date;
}

/** Resolves the whole graph (see {@link resolveGraph}) and appends the run to the audit trail. */
export async function resolve(db: Database, options: ResolveOptions = {}): Promise<ResolveSummary> {
  const hubThreshold = options.hubThreshold ?? DEFAULT_HUB_THRESHOLD;
  return audited(
    db,
    {
      kind: 'resolve',
      action: 'resolve',
      details: {
        hubThreshold,
        matcher: options.matcher ?? 'rules',
        relink: options.relinkWith !== undefined && !options.incremental,
        incremental: options.incremental === true,
      },
    },
    () => resolveGraph(db, options),
    ({ seconds: _seconds, incremental, ...counts }) => ({ ...counts, ...incremental }),
  );
}

/**
 * One resolution at a time over a graph, whoever runs it: a second run would withdraw the
 * candidates the first proposes (and the first those of the second). The second run is refused
 * at once, naming who runs the first, rather than kept waiting for a run of unknown length.
 */
async function resolveGraph(db: Database, options: ResolveOptions): Promise<ResolveSummary> {
  const run = randomBytes(8).toString('hex');
  const claim = await claimGraphLock(db, 'resolve', run);
  if (!claim.ok) {
    const { user, host, acquiredAt } = claim.holder;
    throw new CaselinkFailure({
      kind: 'Busy',
      code: 'Caselink.ResolveInProgress',
      message: `A resolution run is in progress (started by ${user} at ${describeLockTime(acquiredAt)} on ${host}).`,
      hint: `Run resolve again when it has finished. A run that stopped without finishing gives way after ${LOCK_TTL_MS / 1000} s.`,
    });
  }
  try {
    return await resolveUnderLock(db, options, run);
  } finally {
    // A release that fails (the connection dropped) must not hide how the run ended: the claim,
    // no longer renewed, lapses by itself.
    await claim.lock.release().catch(() => undefined);
  }
}

/** Candidates written per transaction; persons per incremental prune. */
const WRITE_BATCH = 2_000;
/** Identifiers flagged per transaction; candidates withdrawn per transaction. */
const HUB_BATCH = 10_000;
const PRUNE_BATCH = 10_000;

async function resolveUnderLock(db: Database, options: ResolveOptions, run: string): Promise<ResolveSummary> {
  const started = performance.now();
  const now = (options.now ?? new Date()).toISOString();
  const threshold = options.hubThreshold ?? DEFAULT_HUB_THRESHOLD;
  const sources = await db.read('resolve/complete-sources');
  const pending = sources.filter((r) => r.get('pending') === true).map((r) => r.get('id') as string);
  const changed =
    options.incremental && (options.matcher ?? 'rules') === 'rules' && pending.length < sources.length
      ? await changedSince(db, pending, threshold)
      : null;
  const relinked =
    options.relinkWith && !changed ? await relink(db, options.relinkWith, options.now) : { records: 0, removed: 0 };
  const hubs = changed ? { identifiers: changed.identifiers, hubs: changed.hubs } : await flagHubs(db, threshold);
  if (changed && changed.persons.length === 0) {
    // Nothing imported since the last resolution: nothing to match.
    await db.write('resolve/mark-sources-resolved', { sources: pending, now });
    return {
      relinked: 0,
      removedIdentifiers: 0,
      identifiers: changed.identifiers,
      hubs: changed.hubs,
      persons: 0,
      compared: 0,
      droppedBlocks: 0,
      candidates: 0,
      withdrawn: 0,
      incremental: { newPersons: 0, rescored: 0, readInFull: 0 },
      seconds: (performance.now() - started) / 1000,
    };
  }
  const matcher = startMatcher();
  try {
    await options.onPhase?.('reading');
    let read: ReadForIncrement | null = null;
    if (changed) read = await readForIncrement(db, matcher, new Set(changed.persons));
    else
      await readPersonMentions(db, async (page, views) => {
        matcher.add(page);
        await db.write('resolve/set-match-views', { views });
      });
    const fixed = (options.matcher ?? 'rules') !== 'rules' ? await loadFixedValues(db) : {};
    const matched = await matcher.match({
      matcher: options.matcher ?? 'rules',
      fixed,
      ...(changed && read
        ? {
            changed: {
              // A person whose view is gone (a hub override flipped an identifier its records
              // assert) is matched again as one whose links a hub flag an import flipped changed.
              persons: [...changed.persons, ...read.stale],
              records: changed.records,
              relinked: [...changed.relinked, ...read.staleRecords],
              displays: changed.displays,
              proposed: (await db.read('resolve/proposed-pairs')).map(
                (r) => [r.get('a') as string, r.get('b') as string] as [string, string],
              ),
            },
          }
        : {}),
      ...(options.onPhase ? { hold: async () => options.onPhase?.('matching') } : {}),
    });
    await options.onPhase?.('writing', { workerHeapBytes: matched.heapBytes });
    const restored = (matched.views ?? []).map(({ id, mentions }) => ({ id, view: VIEW_VERSION + mentions }));
    for (let i = 0; i < restored.length; i += MENTION_PAGE)
      await db.write('resolve/set-match-views', { views: restored.slice(i, i + MENTION_PAGE) });
    if (matched.model) await saveModel(db, matched.model, now);
    for (;;) {
      const candidates = await matcher.next(WRITE_BATCH);
      if (candidates.length === 0) break;
      await db.write('resolve/merge-candidates', { candidates, run, now });
    }
    const withdrawn = changed ? await pruneOf(db, run, matched.affected ?? []) : await pruneAll(db, run);
    await db.write('resolve/mark-sources-resolved', {
      sources: changed ? pending : sources.map((r) => r.get('id') as string),
      now,
    });
    return {
      relinked: relinked.records,
      removedIdentifiers: relinked.removed,
      identifiers: hubs.identifiers,
      hubs: hubs.hubs,
      persons: matched.persons,
      compared: matched.compared,
      droppedBlocks: matched.droppedBlocks,
      candidates: matched.candidates,
      withdrawn,
      ...(changed
        ? {
            incremental: {
              newPersons: changed.persons.length,
              rescored: matched.affected?.length ?? 0,
              readInFull: read?.readInFull ?? 0,
            },
          }
        : {}),
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await matcher.close();
  }
}

async function flagHubs(db: Database, threshold: number): Promise<{ identifiers: number; hubs: number }> {
  const [row] = await db.runAutoCommit('resolve/flag-hubs', { threshold, batch: HUB_BATCH });
  return { identifiers: Number(row?.get('identifiers') ?? 0), hubs: Number(row?.get('hubs') ?? 0) };
}

/**
 * What the files imported since the last resolution added: their records and the persons these
 * mention, their identifiers' hub flags brought up to date, and the records whose links a hub
 * flag that changed altered (`relinked`, with their persons among `persons`), and the display
 * each identifier those records assert has now (`displays`, by id).
 */
async function changedSince(
  db: Database,
  pending: string[],
  threshold: number,
): Promise<{
  persons: string[];
  records: string[];
  relinked: string[];
  displays: [string, string][];
  identifiers: number;
  hubs: number;
}> {
  const persons = new Set<string>();
  const displays = new Map<string, string>();
  const records: string[] = [];
  for (const source of pending) {
    for (const r of await db.read('resolve/mentions-of-source', { source })) {
      records.push(r.get('record') as string);
      for (const p of r.get('persons') as string[]) persons.add(p);
    }
  }
  const relinked = new Set<string>();
  let identifiers = 0;
  let hubs = 0;
  for (let i = 0; i < records.length; i += WRITE_BATCH) {
    const [row] = await db.write('resolve/flag-hubs-of-records', {
      records: records.slice(i, i + WRITE_BATCH),
      threshold,
    });
    identifiers += Number(row?.get('identifiers') ?? 0);
    hubs += Number(row?.get('hubs') ?? 0);
    for (const r of (row?.get('records') as string[] | undefined) ?? []) relinked.add(r);
    for (const p of (row?.get('persons') as string[] | undefined) ?? []) persons.add(p);
    for (const i of identifiersOf((row?.get('asserted') as RawIdentifier[] | undefined) ?? [], false))
      displays.set(i.id, i.display);
  }
  return { persons: [...persons], records, relinked: [...relinked], displays: [...displays], identifiers, hubs };
}

function lockLost(): CaselinkFailure {
  return new CaselinkFailure({
    kind: 'DatabaseError',
    code: 'Caselink.ResolveLockLost',
    message: `This resolution run stalled for more than ${LOCK_TTL_MS / 1000} s and another run took over; it withdrew no candidates.`,
    hint: 'The candidates it proposed stand; run resolve again to bring them up to date.',
  });
}

/** Withdraws every undecided candidate this run did not propose, a batch at a time. */
async function pruneAll(db: Database, run: string): Promise<number> {
  let withdrawn = 0;
  for (;;) {
    const [pruned] = await db.write('resolve/prune-candidates', { run, limit: PRUNE_BATCH });
    if (!pruned) throw lockLost();
    const n = Number(pruned.get('withdrawn') ?? 0);
    withdrawn += n;
    if (n < PRUNE_BATCH) return withdrawn;
  }
}

/** Withdraws the undecided candidates of `persons` this run did not propose again. */
async function pruneOf(db: Database, run: string, persons: string[]): Promise<number> {
  let withdrawn = 0;
  // Once even with none to prune: the lock is checked all the same.
  for (let i = 0; i === 0 || i < persons.length; i += WRITE_BATCH) {
    const [pruned] = await db.write('resolve/prune-candidates-of', { run, persons: persons.slice(i, i + WRITE_BATCH) });
    if (!pruned) throw lockLost();
    withdrawn += Number(pruned.get('withdrawn') ?? 0);
  }
  return withdrawn;
}
