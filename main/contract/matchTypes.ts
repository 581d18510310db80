/**
 * Review at scale as it crosses the process boundary: the count of open pairs, clusters of
 * pairs, and bulk decisions recorded as one decision.
 */
import type { MatchPairDto } from './importTypes';

/** How many pairs are open for review at a score: the one count every surface shows. */
export interface OpenMatchCountDto {
  /** Pairs with status 'candidate' and a score of at least `minScore`, each once. */
  open: number;
  minScore: number;
}

/** Mentions joined by open (at or above the score asked for) or confirmed same-person pairs. */
export interface MatchClusterDto {
  /** The smallest person id in the cluster; any person id in it names it too. */
  id: string;
  /** How many mentions. */
  size: number;
  /** How many of its pairs are open. */
  open: number;
  /** How many of its pairs are confirmed. */
  confirmed: number;
  /** The best score among its open pairs. */
  bestScore: number;
  /** The agencies its mentions come from, sorted. */
  agencies: string[];
  /** Its pairs, best first, each with its sides and reasons. */
  pairs: MatchPairDto[];
}

/** A decision that confirmed (or undid) many pairs at once. */
export interface BulkDecisionDto {
  /** The decision's id in the audit trail; every pair it changed carries it. */
  decision: string;
  /** How many pairs it changed (pairs decided meanwhile by someone else are left as they were). */
  pairs: number;
}
