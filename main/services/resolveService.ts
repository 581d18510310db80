/**
 * Resolution over the whole graph: flag hub identifiers, then propose same-person candidates
 * (scored, with reasons) for analysts to review. Idempotent: running it again proposes the same
 * pairs, keeps every analyst decision, and withdraws undecided pairs no longer proposed.
 */
import { randomBytes } from 'node:crypto';
import { findCandidates, type PersonMention, type SharedIdentifier } from '../core/matching';
import type { Database } from '../db/database';
import { toPlain } from '../db/database';

/** Identifiers asserted by this many records or more are hubs unless an analyst says otherwise. */
export const DEFAULT_HUB_THRESHOLD = 25;

const CANDIDATE_BATCH = 2_000;

export interface ResolveSummary {
  identifiers: number;
  hubs: number;
  persons: number;
  candidates: number;
  withdrawn: number;
  seconds: number;
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
      agency: r.get('agency') as string,
      fileName: r.get('fileName') as string,
      sheet: r.get('sheet') as string,
      row: Number(toPlain(r.get('row'))),
      name: (r.get('name') as string | null) ?? null,
      nameLatin: (r.get('nameLatin') as string | null) ?? null,
      birthDate: (r.get('birthDate') as string | null) ?? null,
      nationality: (r.get('nationality') as string | null) ?? null,
      identifiers: (r.get('identifiers') as SharedIdentifier[]).filter((i) => i !== null),
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
  const rows = await db.write('resolve/set-hub-override', { label, key, hub, threshold });
  return rows.map((r) => ({ display: r.get('display') as string, hub: r.get('hub') as boolean }));
}

export async function resolve(
  db: Database,
  options: { hubThreshold?: number; now?: Date } = {},
): Promise<ResolveSummary> {
  const started = performance.now();
  const now = (options.now ?? new Date()).toISOString();
  const [hubs] = await db.write('resolve/flag-hubs', { threshold: options.hubThreshold ?? DEFAULT_HUB_THRESHOLD });
  const people = await loadPersonMentions(db);
  const candidates = findCandidates(people);
  const run = randomBytes(8).toString('hex');
  for (let i = 0; i < candidates.length; i += CANDIDATE_BATCH) {
    await db.write('resolve/merge-candidates', { candidates: candidates.slice(i, i + CANDIDATE_BATCH), run, now });
  }
  const [pruned] = await db.write('resolve/prune-candidates', { run });
  return {
    identifiers: Number(toPlain(hubs?.get('identifiers') ?? 0)),
    hubs: Number(toPlain(hubs?.get('hubs') ?? 0)),
    persons: people.length,
    candidates: candidates.length,
    withdrawn: Number(toPlain(pruned?.get('withdrawn') ?? 0)),
    seconds: (performance.now() - started) / 1000,
  };
}
