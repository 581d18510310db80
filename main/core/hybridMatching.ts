/**
 * The two matchers together (`resolve --matcher hybrid`): every pair the rules keep, and the pairs
 * the Fellegi–Sunter model scores higher, where two of the person's own particulars agree.
 *
 * Each matcher fails where the other does not (see the README). The model weighs each comparison
 * by what the data being resolved say, and finds the people whose records were corrupted field by
 * field (a name replaced, a date mistyped: the FEBRL sets); but it takes each comparison as
 * independent of the others, so among namesakes, where a shared companion, address or household is
 * no independent evidence, it counts one name and one tie for far more than they are worth. The
 * rules weigh namesakes (other dates of birth known for the name, two people of one name in a
 * row, a one-name mention that fits someone else too) and find the rest. So a pair is scored by
 * both, and the higher score counts, with the reasons of the matcher that gave it; the model's
 * score counts only when at least two of name, date of birth and identity document agree (any
 * level of the model's but "different"; a missing value is no agreement): a proposal that rests
 * on one of them and on what ties the two together (an address, a phone, a companion) is left to
 * the rules. Two particulars agreeing is the test of identity investigators already apply to a
 * name: a name alone, or a name and an address, is not a person.
 */
import { resolveMatches, type MatchCandidate, type MatchRun, type PersonMention } from './matching';
import { byPersonAndRecord, COMPARISONS, type FixedValues, type MatchModelParameters } from './matchModel';
import { findRuleCandidates } from './ruleMatching';

/** The person's own particulars, of which two must agree for the model's score to count. */
export const PARTICULARS = ['name', 'dob', 'document'] as const;

/** How many particulars must agree. */
export const PARTICULARS_AGREEING = 2;

const PARTICULAR_INDEX = PARTICULARS.map((key) => {
  const c = COMPARISONS.findIndex((x) => x.key === key);
  const different = COMPARISONS[c]?.levels.findIndex((l) => l.key === 'different') ?? -1;
  if (c < 0 || different < 0) throw new Error(`The model has no comparison ${key} with a level 'different'.`);
  return { c, different };
});

/** How many of name, date of birth and identity document agree at some level (missing: no). */
export function particularsAgreeing(levels: Int8Array): number {
  let n = 0;
  for (const { c, different } of PARTICULAR_INDEX) {
    const l = levels[c] as number;
    if (l >= 0 && l !== different) n++;
  }
  return n;
}

const PARTICULAR_WORDS = 'name, date of birth and identity document';

/** What the two matchers did together. */
export interface HybridRun {
  candidates: MatchCandidate[];
  /** Pairs each matcher compared, added up (a pair both blocks find counts twice). */
  compared: number;
  droppedBlocks: number;
  /** The model's parameters, as `--matcher model` would save them. */
  model: MatchModelParameters;
  /** How many candidates carry the model's score and reasons. */
  byModel: number;
}

const pairKey = (c: MatchCandidate) => `${c.a}\u0000${c.b}`;

/**
 * Scores every pair with both matchers and keeps the higher score (the model's only where two
 * particulars agree), with its reasons. The result does not depend on the order of `people`.
 */
export function resolveHybrid(people: PersonMention[], fixed: FixedValues = {}): HybridRun {
  // In the order a full read of the graph gives (by person, then record), so that the reasons,
  // which name the two mentions in the order met, do not depend on the order given.
  const sorted = [...people].sort(byPersonAndRecord);
  const rules = findRuleCandidates(sorted);
  const model: MatchRun = resolveMatches(sorted, fixed);
  // A person mentioned in several records meets another in several pairs of mentions: the best.
  const best = (into: Map<string, MatchCandidate>, c: MatchCandidate) => {
    const other = into.get(pairKey(c));
    if (!other || c.score > other.score) into.set(pairKey(c), c);
  };
  const byRules = new Map<string, MatchCandidate>();
  for (const c of rules.candidates) best(byRules, c);
  const corroborated = new Map<string, MatchCandidate>();
  model.candidates.forEach((c, k) => {
    if (particularsAgreeing(model.levels[k] as Int8Array) >= PARTICULARS_AGREEING) best(corroborated, c);
  });
  const chosen = new Map(byRules);
  let byModel = 0;
  for (const [key, c] of corroborated) {
    const other = byRules.get(key);
    // Ties go to the rules: their reasons weigh namesakes.
    if (other && other.score >= c.score) continue;
    const rulesSay = other
      ? `the rules score it ${other.score.toFixed(3)}`
      : 'the rules keep no score for it: below 0.5, or not compared';
    chosen.set(key, {
      ...c,
      reasons: [
        `scored by the match model, as ${PARTICULARS_AGREEING} or more of ${PARTICULAR_WORDS} agree (${rulesSay})`,
        ...c.reasons,
      ],
    });
    byModel++;
  }
  const candidates = [...chosen.values()].sort(
    (p, q) => q.score - p.score || (p.a < q.a ? -1 : p.a > q.a ? 1 : p.b < q.b ? -1 : p.b > q.b ? 1 : 0),
  );
  return {
    candidates,
    compared: rules.compared + model.compared,
    droppedBlocks: rules.droppedBlocks + model.droppedBlocks,
    model: model.model,
    byModel,
  };
}
