/**
 * The same-person match model as it crosses the process boundary: what the last resolution
 * estimated, level by level, with the values an analyst fixed.
 */

/** One level of one comparison. */
export interface MatchModelLevelDto {
  /** The comparison's key (`name`, `dob`, `document` …), as `caselink model show` names it. */
  comparison: string;
  /** The comparison in words ("date of birth"). */
  comparisonLabel: string;
  /** The level's key (`exact`, `near` …). */
  level: string;
  /** The level in words ("the same date of birth"). */
  label: string;
  /** Probability of this level for two mentions of one person; null before the first estimate. */
  m: number | null;
  /** Probability of this level for two different people; null before the first estimate. */
  u: number | null;
  /** log2(m/u): positive for the same person, negative against. */
  weight: number | null;
  /** m/u in words: "about 200 times more likely if they are the same person". */
  inWords: string | null;
  /** True where an analyst fixed m (or u), which resolution then keeps. */
  fixedM: boolean;
  fixedU: boolean;
}

export interface MatchModelDto {
  /** When the model was last estimated (ISO); null before the first resolution with the model. */
  estimatedAt: string | null;
  /** The share of all pairs of mentions that are one person, as estimated. */
  prior: number | null;
  trainedOn: { mentions: number; randomPairs: number; blockedPairs: number; emSessions: string[] } | null;
  /** Every level of every comparison, in the model's order (best level of a comparison first). */
  levels: MatchModelLevelDto[];
}
