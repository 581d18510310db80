/**
 * The review queue of same-person candidates, and analysts' decisions on them.
 */
import { DEFAULT_MATCH_THRESHOLD } from '../core/matching';
import { CaselinkFailure } from '../contract/errors';
import type { Database } from '../db/database';
import { toPlain } from '../db/database';

export type MatchStatus = 'candidate' | 'confirmed' | 'rejected';

export interface MatchSide {
  id: string;
  name: string | null;
  nameLatin: string | null;
  birthDate: string | null;
  nationality: string | null;
  gender: string | null;
  role: string | null;
  agency: string;
  fileName: string;
  sheet: string;
  row: number;
  caseRef: string | null;
}

export interface MatchPair {
  status: MatchStatus;
  score: number;
  reasons: string[];
  decidedBy: string | null;
  decidedAt: string | null;
  note: string | null;
  a: MatchSide;
  b: MatchSide;
}

export async function listMatches(
  db: Database,
  options: { statuses?: MatchStatus[]; minScore?: number; limit?: number } = {},
): Promise<MatchPair[]> {
  const rows = await db.read('matches/list-matches', {
    statuses: options.statuses ?? ['candidate'],
    minScore: options.minScore ?? DEFAULT_MATCH_THRESHOLD,
    limit: options.limit ?? 500,
  });
  return rows.map((r) => ({
    status: r.get('status') as MatchStatus,
    score: Number(r.get('score')),
    reasons: r.get('reasons') as string[],
    decidedBy: (r.get('decidedBy') as string | null) ?? null,
    decidedAt: (r.get('decidedAt') as string | null) ?? null,
    note: (r.get('note') as string | null) ?? null,
    a: toPlain(r.get('a')) as MatchSide,
    b: toPlain(r.get('b')) as MatchSide,
  }));
}

/** Confirms or rejects a pair; who and when are kept with it. */
export async function decideMatch(
  db: Database,
  decision: { a: string; b: string; status: 'confirmed' | 'rejected' | 'candidate'; user: string; note?: string },
  now = new Date(),
): Promise<void> {
  const [a, b] = decision.a < decision.b ? [decision.a, decision.b] : [decision.b, decision.a];
  const rows = await db.write('matches/decide-match', {
    a,
    b,
    status: decision.status,
    user: decision.user,
    note: decision.note ?? null,
    now: now.toISOString(),
  });
  if (rows.length === 0)
    throw new CaselinkFailure({ kind: 'NotFound', message: `No same-person candidate between ${a} and ${b}.` });
}
