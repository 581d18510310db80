/**
 * The review queue of same-person candidates, and analysts' decisions on them.
 */
import { DEFAULT_MATCH_THRESHOLD } from '../core/rules';
import { CaselinkFailure } from '../contract/errors';
import type { MatchPairDto, MatchSideDto } from '../contract/importTypes';
import type { Database } from '../db/database';
import { auditNow, currentActor, eventProperties, type AuditActor } from './auditService';

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
    reviewerName: (r.get('reviewerName') as string | null) ?? null,
    decidedAt: (r.get('decidedAt') as string | null) ?? null,
    note: (r.get('note') as string | null) ?? null,
    a: r.get('a') as MatchSideDto,
    b: r.get('b') as MatchSideDto,
  }));
}

/**
 * Confirms, rejects or reopens a pair. The pair keeps its current status (the queue reads it) and
 * the decision is appended to the audit trail in the same transaction, so the history of every
 * decision stays. The reviewer is the OS user of this process; a name the analyst typed is kept
 * beside it, never instead of it.
 */
export async function decideMatch(
  db: Database,
  decision: {
    a: string;
    b: string;
    status: 'confirmed' | 'rejected' | 'candidate';
    reviewerName?: string | undefined;
    note?: string | undefined;
  },
  actor: AuditActor = currentActor(),
): Promise<void> {
  const [a, b] = decision.a < decision.b ? [decision.a, decision.b] : [decision.b, decision.a];
  const reviewerName = decision.reviewerName?.trim() || null;
  const event = eventProperties(
    db,
    {
      kind: 'match-decision',
      action: `${ACTION_OF[decision.status]} ${a} ${b}`,
      outcome: 'success',
      details: { reviewerName, note: decision.note ?? null },
    },
    actor,
  );
  const rows = await db.write('matches/decide-match', {
    a,
    b,
    status: decision.status,
    reviewerName,
    note: decision.note ?? null,
    now: auditNow(),
    event,
  });
  if (rows.length === 0)
    throw new CaselinkFailure({ kind: 'NotFound', message: `No same-person candidate between ${a} and ${b}.` });
}

const ACTION_OF = { confirmed: 'confirm', rejected: 'reject', candidate: 'reopen' } as const;
