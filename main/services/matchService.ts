/**
 * The review queue of same-person candidates, and analysts' decisions on them.
 */
import { DEFAULT_MATCH_THRESHOLD } from '../core/matching';
import { CaselinkFailure } from '../contract/errors';
import type { MatchPairDto, MatchSideDto } from '../contract/importTypes';
import type { Database } from '../db/database';
import { toPlain } from '../db/database';

export type MatchStatus = MatchPairDto['status'];
export type { MatchPairDto as MatchPair, MatchSideDto as MatchSide };

export async function listMatches(
  db: Database,
  options: { statuses?: MatchStatus[]; minScore?: number; limit?: number } = {},
): Promise<MatchPairDto[]> {
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
    a: toPlain(r.get('a')) as MatchSideDto,
    b: toPlain(r.get('b')) as MatchSideDto,
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
