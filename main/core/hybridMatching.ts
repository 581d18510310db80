/**
 * The two matchers together (`resolve --matcher hybrid`): every pair the rules keep, and the pairs
 * the Fellegi–Sunter model scores higher where something besides the name says who the person is.
 *
 * Each matcher fails where the other does not (see the README). The model weighs each comparison
 * by what the data being resolved say, and finds the people whose records were corrupted field by
 * field (a name replaced, a date mistyped: the FEBRL sets); but it takes each comparison as
 * independent of the others, so among namesakes, where a shared companion, address or household is
 * no independent evidence, it counts one name and one tie for far more than they are worth. The
 * rules weigh namesakes (other dates of birth known for the name, two people of one name in a
 * row, a one-name mention that fits someone else too) and find the rest. So a pair is scored by
 * both, and the higher score counts, with the reasons of the matcher that gave it; the model's
 * score counts only where
 * - the date of birth or the identity document agrees, at any of the model's levels but
 *   "different" (a missing value is no agreement; the same year agrees only where one of the two
 *   dates gives no more than its year): a particular of the person's own that a namesake does
 *   not share; or
 * - the name is the only such particular, and the rules read the pair as one full name at one
 *   address with nothing known against it (no namesake who could be meant instead, no wholly
 *   different date of birth): the rules' own test of when an address speaks for a name.
 * A proposal of the model's that rests on the name and what ties the two together (an address
 * where a namesake is known or the dates of birth differ, a phone, a companion) is left to the
 * rules. A name alone, or a name and an address a father and his son share, is not a person.
 */
import { byScoreThenPair, resolveMatches, type MatchCandidate, type MatchRun, type PersonMention } from './matching';
import { byPersonAndRecord, COMPARISONS, dobOf, type FixedValues, type MatchModelParameters } from './matchModel';
import { findRuleCandidates, matchContext, oneFullNameAtOneAddress } from './ruleMatching';

/** The person's own particulars besides the name, of which one must agree for the model's score to count. */
export const OWN_PARTICULARS = ['dob', 'document'] as const;

const PARTICULAR_INDEX = OWN_PARTICULARS.map((key) => {
  const c = COMPARISONS.findIndex((x) => x.key === key);
  const different = COMPARISONS[c]?.levels.findIndex((l) => l.key === 'different') ?? -1;
  if (c < 0 || different < 0) throw new Error(`The model has no comparison ${key} with a level 'different'.`);
  return { key, c, different };
});

const YEAR_OF_BIRTH = COMPARISONS.find((x) => x.key === 'dob')?.levels.findIndex((l) => l.key === 'year') ?? -1;
if (YEAR_OF_BIRTH < 0) throw new Error("The model's date of birth has no level 'year'.");

/**
 * Whether the date of birth or the identity document of two mentions agrees at some level
 * (missing: no). The same year of birth agrees only where one of the two dates gives no more than
 * its year (an age, a year of birth): two whole dates in one year and apart in their month and
 * day, beyond a typo's reach, are two dates of birth, as a father's and his son's, or two
 * namesakes', may share a year.
 */
export function ownParticularAgrees(levels: Int8Array, pair: readonly [PersonMention, PersonMention]): boolean {
  for (const { key, c, different } of PARTICULAR_INDEX) {
    const l = levels[c] as number;
    if (l < 0 || l === different) continue;
    if (key === 'dob' && l === YEAR_OF_BIRTH && pair.every((p) => dobOf(p).full !== null)) continue;
    return true;
  }
  return false;
}

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

/** Why the model's score counts, as the first reason of a pair it scores. */
const PARTICULAR_AGREES = 'the date of birth or the identity document agrees';
const ONE_FULL_NAME = 'the rules read one full name at one address, and know nothing against it';

/**
 * Scores every pair with both matchers and keeps the higher score (the model's only where the
 * date of birth or the document agrees, or the rules read one full name at one address with
 * nothing against it), with its reasons. The result does not depend on the order of `people`.
 */
export function resolveHybrid(people: PersonMention[], fixed: FixedValues = {}): HybridRun {
  // In the order a full read of the graph gives (by person, then record), so that the reasons,
  // which name the two mentions in the order met, do not depend on the order given.
  const sorted = [...people].sort(byPersonAndRecord);
  const context = matchContext(sorted);
  const rules = findRuleCandidates(sorted, { context });
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
    // A pair the rules score as high keeps their score (ties go to the rules): no test needed.
    const pair = model.mentions[k] as [PersonMention, PersonMention];
    const why = ownParticularAgrees(model.levels[k] as Int8Array, pair)
      ? PARTICULAR_AGREES
      : (byRules.get(pairKey(c))?.score ?? 0) < c.score && oneFullNameAtOneAddress(...pair, context)
        ? ONE_FULL_NAME
        : undefined;
    if (why) best(corroborated, { ...c, reasons: [why, ...c.reasons] });
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
    const [why, ...reasons] = c.reasons;
    chosen.set(key, { ...c, reasons: [`scored by the match model, as ${why} (${rulesSay})`, ...reasons] });
    byModel++;
  }
  const candidates = [...chosen.values()].sort(byScoreThenPair);
  return {
    candidates,
    compared: rules.compared + model.compared,
    droppedBlocks: rules.droppedBlocks + model.droppedBlocks,
    model: model.model,
    byModel,
  };
}
