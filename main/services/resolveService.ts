/**
 * Resolution over the whole graph: flag hub identifiers, then propose same-person candidates
 * (scored, with reasons) for analysts to review. Idempotent: running it again proposes the same
 * pairs, keeps every analyst decision, and withdraws undecided pairs no longer proposed.
 */
import { randomBytes } from 'node:crypto';
import { resolveMatches, type MatchCandidate, type PersonMention, type SharedIdentifier } from '../core/matching';
import { findRuleCandidates } from '../core/ruleMatching';
import { loadFixedValues, saveModel } from './modelService';
import { parseProfile } from '../core/profile';
import { mapRow, resolveColumns } from '../core/rowMapper';
import { addToBatch, newBatch, storedRawCells, writeLinks } from './import/batches';
import type { ResolveSummaryDto } from '../contract/api';
import type { Database } from '../db/database';
import { claimGraphLock, describeLockTime, LOCK_TTL_MS } from './graphLock';
import { CaselinkFailure } from '../contract/errors';
import { audited } from './auditService';
import { DEFAULT_HUB_THRESHOLD } from '../core/rules';

const CANDIDATE_BATCH = 2_000;

/** What a resolution did, as the contract reports it. */
export type ResolveSummary = ResolveSummaryDto;

function numberOrNull(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isInteger(n) ? n : null;
}

export async function loadPersonMentions(db: Database): Promise<PersonMention[]> {
  const rows = await db.read('resolve/persons-for-matching');
  return rows.map((r) => {
    const id = r.get('id') as string;
    return {
      id,
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
      identifiers: (r.get('identifiers') as SharedIdentifier[]).filter((i) => i !== null && i.id !== null),
      recordIdentifiers: (r.get('recordIdentifiers') as SharedIdentifier[]).filter((i) => i !== null && i.id !== null),
    };
  });
}

/** An analyst's word on a hub: true, false, or null to let the record count decide. */
export async function setHubOverride(
  db: Database,
  label: string,
  key: string,
  hub: boolean | null,
  threshold = DEFAULT_HUB_THRESHOLD,
): Promise<{ display: string; hub: boolean }[]> {
  const setting = hub === null ? 'auto' : hub ? 'on' : 'off';
  return audited(
    db,
    { kind: 'hub-override', action: `hub ${setting} ${label} ${key}`, details: { label, key, setting, threshold } },
    async () => {
      const rows = await db.write('resolve/set-hub-override', { label, key, hub, threshold });
      return rows.map((r) => ({ display: r.get('display') as string, hub: r.get('hub') as boolean }));
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
 * Which matcher proposes same-person pairs: the rules (the default), or the Fellegi–Sunter model
 * that estimates its parameters from the graph (better on the public FEBRL sets; on our generated
 * sets, full of namesakes with few dates of birth, behind the rules in precision: see the README).
 */
export const MATCHERS = ['rules', 'model'] as const;
export type Matcher = (typeof MATCHERS)[number];

export interface ResolveOptions {
  hubThreshold?: number;
  matcher?: Matcher;
  /** Rebuild identifier links from the raw cells first, with this keyed hash for card numbers. */
  relinkWith?: (pan: string) => string;
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
      details: { hubThreshold, matcher: options.matcher ?? 'rules', relink: options.relinkWith !== undefined },
    },
    () => resolveGraph(db, options),
    ({ seconds: _seconds, ...counts }) => counts,
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

async function resolveUnderLock(db: Database, options: ResolveOptions, run: string): Promise<ResolveSummary> {
  const started = performance.now();
  const now = (options.now ?? new Date()).toISOString();
  const relinked = options.relinkWith ? await relink(db, options.relinkWith, options.now) : { records: 0, removed: 0 };
  const [hubs] = await db.write('resolve/flag-hubs', { threshold: options.hubThreshold ?? DEFAULT_HUB_THRESHOLD });
  const people = await loadPersonMentions(db);
  let found: { candidates: MatchCandidate[]; compared: number; droppedBlocks: number };
  if (options.matcher === 'model') {
    const { model, ...rest } = resolveMatches(people, await loadFixedValues(db));
    found = rest;
    await saveModel(db, model, now);
  } else {
    found = findRuleCandidates(people);
  }
  const { candidates, compared, droppedBlocks } = found;
  for (let i = 0; i < candidates.length; i += CANDIDATE_BATCH) {
    await db.write('resolve/merge-candidates', { candidates: candidates.slice(i, i + CANDIDATE_BATCH), run, now });
  }
  const [pruned] = await db.write('resolve/prune-candidates', { run });
  if (!pruned) {
    throw new CaselinkFailure({
      kind: 'DatabaseError',
      code: 'Caselink.ResolveLockLost',
      message: `This resolution run stalled for more than ${LOCK_TTL_MS / 1000} s and another run took over; it withdrew no candidates.`,
      hint: 'The candidates it proposed stand; run resolve again to bring them up to date.',
    });
  }
  return {
    relinked: relinked.records,
    removedIdentifiers: relinked.removed,
    identifiers: Number(hubs?.get('identifiers') ?? 0),
    hubs: Number(hubs?.get('hubs') ?? 0),
    persons: people.length,
    compared,
    droppedBlocks,
    candidates: candidates.length,
    withdrawn: Number(pruned?.get('withdrawn') ?? 0),
    seconds: (performance.now() - started) / 1000,
  };
}
