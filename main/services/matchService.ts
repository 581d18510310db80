/**
 * The review queue of same-person candidates, and analysts' decisions on them: one pair at a
 * time, a cluster at a time, or a filtered set at once, each recorded as one decision.
 *
 * "Open" has one definition, in cypher/matches/count-open-candidates.cypher: status 'candidate'
 * and a score at or above the reviewer's minimum (the threshold unless they chose another), each
 * pair once. A pair implied by confirmed ones (A=B and B=C confirmed, A–C proposed) stays open:
 * only a reviewer decides a pair, and confirming its cluster decides it in the same decision.
 */
import { clusterOf, clusterPairs, type ClusterEdge, type PairCluster } from '../core/matchClusters';
import { DEFAULT_MATCH_THRESHOLD } from '../core/rules';
import { CaselinkFailure } from '../contract/errors';
import type { MatchPairDto, MatchSideDto } from '../contract/importTypes';
import type { BulkDecisionDto, MatchClusterDto, OpenMatchCountDto } from '../contract/matchTypes';
import type { Database, Row } from '../db/database';
import { auditNow, currentActor, eventProperties, type AuditActor } from './auditService';
import { describeLockTime } from './graphLock';

export type MatchStatus = MatchPairDto['status'];
export type { MatchPairDto as MatchPair, MatchSideDto as MatchSide };

export async function listMatches(
  db: Database,
  options: {
    statuses?: MatchStatus[];
    minScore?: number;
    limit?: number;
    agencies?: [string, string] | undefined;
  } = {},
): Promise<MatchPairDto[]> {
  const rows = await db.read('matches/list-matches', {
    statuses: options.statuses ?? ['candidate'],
    minScore: options.minScore ?? DEFAULT_MATCH_THRESHOLD,
    limit: options.limit ?? 500,
    agencies: options.agencies ?? [],
  });
  return rows.map(toPair);
}

function toPair(r: Row): MatchPairDto {
  return {
    status: r.get('status') as MatchStatus,
    score: Number(r.get('score')),
    reasons: r.get('reasons') as string[],
    decidedBy: (r.get('decidedBy') as string | null) ?? null,
    reviewerName: (r.get('reviewerName') as string | null) ?? null,
    decidedAt: (r.get('decidedAt') as string | null) ?? null,
    note: (r.get('note') as string | null) ?? null,
    a: r.get('a') as MatchSideDto,
    b: r.get('b') as MatchSideDto,
  };
}

/** How many pairs are open for review at `minScore` (the threshold unless given). Every surface counts with this. */
export async function countOpenMatches(db: Database, minScore = DEFAULT_MATCH_THRESHOLD): Promise<OpenMatchCountDto> {
  const [row] = await db.read('matches/count-open-candidates', { minScore });
  return { open: Number(row?.get('open') ?? 0), minScore };
}

async function reviewClusters(db: Database, minScore: number): Promise<PairCluster[]> {
  const rows = await db.read('matches/review-pairs', { minScore });
  const edges = rows.map((r): ClusterEdge => ({
    a: r.get('a') as string,
    b: r.get('b') as string,
    status: r.get('status') as ClusterEdge['status'],
    score: Number(r.get('score')),
  }));
  return clusterPairs(edges);
}

/**
 * Open pairs at `minScore` grouped with the confirmed pairs into clusters (connected mentions),
 * those with the best open pair first; only clusters with an open pair, at most `limit` after
 * the first `offset`.
 */
export async function listMatchClusters(
  db: Database,
  options: { minScore?: number; limit?: number; offset?: number } = {},
): Promise<MatchClusterDto[]> {
  const offset = options.offset ?? 0;
  const clusters = (await reviewClusters(db, options.minScore ?? DEFAULT_MATCH_THRESHOLD))
    .filter((c) => c.open > 0)
    .slice(offset, offset + (options.limit ?? 100));
  const pairs = clusters.flatMap((c) => c.edges.map((e) => ({ a: e.a, b: e.b })));
  const byKey = new Map<string, MatchPairDto>();
  for (let i = 0; i < pairs.length; i += PAIR_BATCH) {
    for (const row of await db.read('matches/list-pairs', { pairs: pairs.slice(i, i + PAIR_BATCH) })) {
      const pair = toPair(row);
      byKey.set(`${pair.a.id}|${pair.b.id}`, pair);
    }
  }
  return clusters.map((c) => {
    const found = c.edges.flatMap((e) => byKey.get(`${e.a}|${e.b}`) ?? []);
    return {
      id: c.id,
      size: c.persons.length,
      open: c.open,
      confirmed: c.edges.length - c.open,
      bestScore: c.bestScore,
      agencies: [...new Set(found.flatMap((p) => [p.a.agency, p.b.agency]))].sort(),
      pairs: found,
    };
  });
}

const PAIR_BATCH = 1000;
/** The most pairs one bulk decision confirms: a larger set is narrowed by score or agencies first. */
export const MAX_BULK_PAIRS = 5000;

/** Which open pairs a bulk confirmation takes. */
export type ConfirmFilter =
  | {
      by: 'pairs';
      pairs: { a: string; b: string }[];
      /** The list the reviewer saw them in, said in the decision. */
      shown?: { minScore: number; agencies?: [string, string] | undefined } | undefined;
    }
  | { by: 'cluster'; person: string; minScore?: number }
  | { by: 'score'; minScore: number; agencies?: [string, string] | undefined };

function describeFilter(filter: ConfirmFilter): string {
  if (filter.by === 'pairs')
    return filter.shown
      ? `the ${filter.pairs.length} open pairs shown at score ≥ ${filter.shown.minScore}${filter.shown.agencies ? ` between ${filter.shown.agencies.join(' and ')}` : ''}`
      : `${filter.pairs.length} named pairs`;
  if (filter.by === 'cluster')
    return `the cluster of ${filter.person} at score ≥ ${filter.minScore ?? DEFAULT_MATCH_THRESHOLD}`;
  return `every open pair at score ≥ ${filter.minScore}${filter.agencies ? ` between ${filter.agencies.join(' and ')}` : ''}`;
}

async function pairsOf(db: Database, filter: ConfirmFilter): Promise<{ a: string; b: string }[]> {
  if (filter.by === 'pairs') return filter.pairs.map(({ a, b }) => (a < b ? { a, b } : { a: b, b: a }));
  if (filter.by === 'cluster') {
    const cluster = clusterOf(await reviewClusters(db, filter.minScore ?? DEFAULT_MATCH_THRESHOLD), filter.person);
    if (!cluster)
      throw new CaselinkFailure({
        kind: 'NotFound',
        message: `No open or confirmed same-person pair names ${filter.person}.`,
        hint: 'Cluster ids are listed by "caselink matches --clusters" (any person id in the cluster will do).',
      });
    return cluster.edges.filter((e) => e.status === 'candidate').map(({ a, b }) => ({ a, b }));
  }
  const rows = await db.read('matches/open-pairs-between-agencies', {
    minScore: filter.minScore,
    agencies: filter.agencies ?? [],
    limit: MAX_BULK_PAIRS + 1,
  });
  if (rows.length > MAX_BULK_PAIRS)
    throw new CaselinkFailure({
      kind: 'InvalidInput',
      message: `More than ${MAX_BULK_PAIRS} open pairs match ${describeFilter(filter)}: too many to confirm at once.`,
      hint: 'Raise the minimum score, or confirm the pairs of two agencies at a time.',
    });
  return rows.map((r) => ({ a: r.get('a') as string, b: r.get('b') as string }));
}

/**
 * Confirms the open pairs a filter selects as ONE decision: one audit event (its id on every pair
 * it confirmed, and concerning every mention), written in the same transaction as the pairs.
 * Pairs decided by someone else meanwhile are left as they are; the answer says how many changed.
 */
export async function confirmMatches(
  db: Database,
  request: { filter: ConfirmFilter; reviewerName?: string | undefined; note?: string | undefined },
  actor: AuditActor = currentActor(),
): Promise<BulkDecisionDto> {
  const pairs = await pairsOf(db, request.filter);
  if (pairs.length === 0)
    throw new CaselinkFailure({
      kind: 'NotFound',
      message: `No open pair to confirm: ${describeFilter(request.filter)}.`,
    });
  const reviewerName = request.reviewerName?.trim() || null;
  const event = eventProperties(
    db,
    {
      kind: 'match-decision',
      action: `confirm ${pairs.length} pairs: ${describeFilter(request.filter)}`,
      outcome: 'success',
      details: { reviewerName, note: request.note ?? null, filter: JSON.stringify(request.filter) },
    },
    actor,
  );
  const [row] = await db.write('matches/confirm-pairs', {
    pairs,
    reviewerName,
    note: request.note ?? null,
    now: auditNow(),
    event,
  });
  return { decision: event.id as string, pairs: Number(row?.get('confirmed') ?? 0) };
}

/**
 * Undoes a bulk confirmation by its decision id: the pairs that still carry it (nobody decided
 * them since) are open again. The undoing is itself a decision in the audit trail. A decision
 * undone already is refused (naming when and by which decision) and nothing is written. The check
 * and the write are one transaction under a lock on the decision, so two undos at once cannot both
 * land: the second waits for the first and is refused.
 */
export async function undoMatchDecision(
  db: Database,
  request: { decision: string; reviewerName?: string | undefined; note?: string | undefined },
  actor: AuditActor = currentActor(),
): Promise<BulkDecisionDto> {
  const reviewerName = request.reviewerName?.trim() || null;
  // Made before the transaction: a retried commit finds its own event by this id.
  const event = eventProperties(
    db,
    {
      kind: 'match-decision',
      action: `undo ${request.decision}`,
      outcome: 'success',
      details: { reviewerName, note: request.note ?? null },
    },
    actor,
  );
  const lock = `undo-decision ${request.decision}`;
  return db.writeWork('matches/undo-decision', async (run) => {
    await run('matches/lock-decision', { lock });
    const [found] = await run('matches/find-decision', { decision: request.decision });
    if (!found)
      throw new CaselinkFailure({
        kind: 'NotFound',
        message: `No match decision ${request.decision} in the audit trail.`,
      });
    if (found.get('fromStatus') !== 'candidate' || found.get('toStatus') !== 'confirmed' || found.get('pairs') === null)
      throw new CaselinkFailure({
        kind: 'InvalidInput',
        message: `Decision ${request.decision} is not a bulk confirmation; only those are undone by id.`,
        hint: 'Reopen a single pair with "caselink match reopen A B" (or Reopen in the app).',
      });
    const undoneBy = found.get('undoneBy') as string | null;
    // On a retried commit that had applied, the undoing event found is this one: not refused.
    if (undoneBy !== null && undoneBy !== event.id) {
      const at = found.get('undoneAt') as string | null;
      throw new CaselinkFailure({
        kind: 'InvalidInput',
        message: `Decision ${request.decision} was already undone${at ? ` on ${describeLockTime(at)}` : ''} by decision ${undoneBy}; nothing changed.`,
        hint: 'Its pairs are open again unless decided since: see "caselink matches" or "caselink match-history A B".',
      });
    }
    const [row] = await run('matches/undo-decision', {
      decision: request.decision,
      fromStatus: 'candidate',
      reviewerName,
      note: request.note ?? null,
      now: auditNow(),
      event,
    });
    await run('matches/unlock-decision', { lock });
    return { decision: event.id as string, pairs: Number(row?.get('undone') ?? 0) };
  });
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
