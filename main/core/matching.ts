/**
 * Same-person matching: which mentions of persons in different records may be one person, with
 * a match probability from the model in `matchModel` and the reasons in words a reviewer who is
 * not a data scientist can check. Caselink proposes; an analyst decides. Nothing here merges
 * anything.
 *
 * Mentions → blocks (several rules, their union) → pairs → comparison vectors → the model
 * estimated on them → probabilities → candidates with reasons.
 */
import { doubleMetaphone } from 'double-metaphone';
import {
  addLogFactors,
  applyFixed,
  bayesFactors,
  bump,
  COMPARISONS,
  comparisonVector,
  comparisonVectorInto,
  expectationMaximisation,
  fixedFlags,
  genericValues,
  nameFrequencies,
  wordFrequencies,
  prepareMentions,
  probability,
  reasonsFor,
  sampleRandomPairs,
  seeded,
  toParameters,
  uFromRandomPairs,
  type FittedModel,
  type FixedValues,
  type MatchModelParameters,
  type Pattern,
  type PersonMention,
  type Prepared,
  type RandomPairs,
} from './matchModel';

export type { PersonMention, SharedIdentifier } from './matchModel';

export interface MatchCandidate {
  a: string;
  b: string;
  /** Match probability 0..1; at or above the threshold it is proposed for review. */
  score: number;
  reasons: string[];
}

/** Candidates below this probability are not kept at all: they would bury the real ones. */
export const MIN_KEPT_SCORE = 0.5;

/** A block larger than this is a common value or a hub missed; its pairs are left to other blocks. */
export const MAX_BLOCK = 200;

/** The blocking rules; a pair is compared when any one puts both mentions in one block. */
export const BLOCKING_RULES = ['name', 'dob', 'identifier', 'postcode'] as const;
type Rule = (typeof BLOCKING_RULES)[number];

/**
 * The comparisons a rule's pairs agree on by construction; they are left out of the EM session
 * over that rule's pairs (Splink does the same).
 */
const BLOCKED_ON: Record<Rule, string[]> = {
  name: ['name'],
  dob: ['dob'],
  identifier: ['document', 'ties'],
  postcode: ['ties'],
};

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** The sounds a token with one lost letter could have had ('?ukasz': 'lukasz', 'mukasz'…). */
function lostLetterSounds(token: string): string[] {
  if (token.split('?').length !== 2) return [];
  return [...new Set([...LETTERS].map((c) => doubleMetaphone(token.replace('?', c))[0]).filter((k) => k !== ''))];
}

/** Marks a one-name mention's `o:` key. */
const ONE_NAME = '#one';

/** The blocking keys of one mention, each with its rule. */
function blockingKeys(p: Prepared): [string, Rule][] {
  const keys = new Set<string>();
  for (const n of p.names) {
    const { phonetic, tokens } = n.key;
    // Two sounds of the name in common (a given name and a family name), or the one sound of a one-word name.
    for (let x = 0; x < phonetic.length; x++)
      for (let y = x + 1; y < phonetic.length; y++) keys.add(`n:${phonetic[x]}|${phonetic[y]}`);
    if (phonetic.length === 1) keys.add(`n:${phonetic[0]}`);
    // A mention by one name only ('Ionut' in a tip) meets every full name with a word of that
    // sound (only those: `o:` blocks pair one-name mentions with full names, see blockPairs).
    if (tokens.length === 1) for (const sound of phonetic) keys.add(`o:${sound}${ONE_NAME}`);
    else for (const sound of phonetic) keys.add(`o:${sound}`);
    for (const token of tokens)
      for (const sound of lostLetterSounds(token))
        for (const other of phonetic) if (other !== sound) keys.add(`n:${[sound, other].sort().join('|')}`);
  }
  if (p.dob.full) keys.add(`d:${p.dob.full}`);
  for (const a of p.addresses) if (a.postcode) keys.add(`p:${a.postcode}`);
  // An identifier someone in the row gave counts too: the row naming one person may give a
  // phone or handle another mention's person used (a tip about "Ionut" with his number).
  for (const i of p.mention.identifiers) keys.add(`i:${i.id}`);
  for (const i of p.mention.recordIdentifiers) keys.add(`i:${i.id}`);
  // A document number one character off shares a deletion variant with the right one.
  for (const d of p.documents) {
    const number = d.key ?? '';
    keys.add(`x:${number}`);
    for (let i = 0; i < number.length; i++) keys.add(`x:${number.slice(0, i)}${number.slice(i + 1)}`);
  }
  const rule: Record<string, Rule> = {
    n: 'name',
    o: 'name',
    d: 'dob',
    p: 'postcode',
    i: 'identifier',
    x: 'identifier',
  };
  return [...keys].map((k) => [k, rule[k[0] as string] as Rule]);
}

/** The blocked pairs of mentions (indices into `prepared`, lower first), with the rules that found each. */
export interface BlockedPairs {
  a: number[];
  b: number[];
  rules: number[];
  /** Blocks over the cap, dropped. */
  droppedBlocks: number;
}

/**
 * Where each pair of `pairs` is, by its two indices: an open-addressing hash table of pair numbers
 * in one typed array. Millions of pairs kept in a Map, keyed by a number beyond the small
 * integers, cost a boxed number and a Map entry each (about 250 MiB and much of the garbage
 * collector's time on 5.2 million pairs); here they cost 4 to 16 bytes.
 */
class PairIndex {
  #slots = new Int32Array(1 << 16).fill(-1);
  #mask = (1 << 16) - 1;
  /** Where {@link find} last stopped: the empty slot a pair not found goes into. */
  #free = 0;

  readonly #pairs: Pick<BlockedPairs, 'a' | 'b'>;

  constructor(pairs: Pick<BlockedPairs, 'a' | 'b'>) {
    this.#pairs = pairs;
  }

  /** The pair's number, or -1 (then {@link added} records the pair next pushed as it). */
  find(i: number, j: number): number {
    const { a, b } = this.#pairs;
    let slot = hashPair(i, j) & this.#mask;
    for (;;) {
      const at = this.#slots[slot] as number;
      if (at < 0) {
        this.#free = slot;
        return -1;
      }
      if (a[at] === i && b[at] === j) return at;
      slot = (slot + 1) & this.#mask;
    }
  }

  /** Records the pair just pushed, after {@link find} did not find it. */
  added(): void {
    const count = this.#pairs.a.length;
    this.#slots[this.#free] = count - 1;
    // At most half full, so that a search meets an empty slot soon.
    if (count * 2 > this.#slots.length) this.#grow();
  }

  #grow(): void {
    const { a, b } = this.#pairs;
    this.#slots = new Int32Array(this.#slots.length * 2).fill(-1);
    this.#mask = this.#slots.length - 1;
    for (let at = 0; at < a.length; at++) {
      let slot = hashPair(a[at] as number, b[at] as number) & this.#mask;
      while ((this.#slots[slot] as number) >= 0) slot = (slot + 1) & this.#mask;
      this.#slots[slot] = at;
    }
  }
}

function hashPair(i: number, j: number): number {
  let h = Math.imul(i, 0x9e3779b1) ^ Math.imul(j + 0x7f4a7c15, 0x85ebca77);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (h ^ (h >>> 13)) >>> 0;
}

export function blockPairs(prepared: Prepared[], maxBlock = MAX_BLOCK): BlockedPairs {
  // `singles` only in `o:` blocks: one-name mentions, paired with the full names (`members`) only.
  const blocks = new Map<string, { rule: Rule; members: number[]; singles: number[] }>();
  prepared.forEach((p, i) => {
    for (const [written, rule] of blockingKeys(p)) {
      const single = written.endsWith(ONE_NAME);
      const key = single ? written.slice(0, -ONE_NAME.length) : written;
      let block = blocks.get(key);
      if (!block) {
        block = { rule, members: [], singles: [] };
        blocks.set(key, block);
      }
      (single ? block.singles : block.members).push(i);
    }
  });
  const out: BlockedPairs = { a: [], b: [], rules: [], droppedBlocks: 0 };
  const index = new PairIndex(out);
  const add = (x: number, y: number, bit: number) => {
    const i = x < y ? x : y;
    const j = x < y ? y : x;
    const at = index.find(i, j);
    if (at < 0) {
      out.a.push(i);
      out.b.push(j);
      out.rules.push(bit);
      index.added();
    } else out.rules[at] = (out.rules[at] as number) | bit;
  };
  for (const [key, { rule, members, singles }] of blocks) {
    const oneName = key.startsWith('o:');
    if (oneName ? singles.length === 0 || members.length === 0 : members.length < 2) continue;
    if (members.length > maxBlock || singles.length > maxBlock) {
      out.droppedBlocks++;
      continue;
    }
    const bit = 1 << BLOCKING_RULES.indexOf(rule);
    if (oneName) {
      for (const x of singles) for (const y of members) if (x !== y) add(x, y, bit);
    } else
      for (let x = 0; x < members.length; x++)
        for (let y = x + 1; y < members.length; y++) add(members[x] as number, members[y] as number, bit);
  }
  return out;
}

/** What a resolution's matching did. */
export interface MatchRun {
  candidates: MatchCandidate[];
  /** Each candidate's comparison levels (see COMPARISONS), in the order of `candidates`. */
  levels: Int8Array[];
  /** Each candidate's two mentions (a's, then b's), in the order of `candidates`. */
  mentions: [PersonMention, PersonMention][];
  /** Pairs compared (the union of the blocks). */
  compared: number;
  droppedBlocks: number;
  model: MatchModelParameters;
  /** The model as arrays, for scoring further pairs. */
  fitted: FittedModel;
}

/**
 * The rules whose pairs the model is estimated on, in the order it is trained: a name or a date of
 * birth is a person's. Pairs found by a shared identifier or postcode are mostly households,
 * co-workers and co-victims; EM over them takes "one household" for "one person" (Splink trains on
 * name and date-of-birth blocks for the same reason). Date of birth first: people born on one day
 * are as good as people drawn at random, while namesakes are not (they share a vocabulary, a
 * country, often a family), so the name session starts from what the first one learnt, as Splink's
 * sessions start from the estimates so far.
 */
const TRAINING_RULES: Rule[] = ['dob', 'name'];

/**
 * Comparisons that say something of the name (a nationality, a gender): among different people
 * they agree with it far more often than random pairs do — namesakes are mostly compatriots — and
 * let to vote in EM they make a class of their own ("compatriots of one name") that EM takes for
 * the matches. Their m is estimated from the pairs the other comparisons call one person.
 */
const FOLLOW_THE_NAME = new Set(['nationality', 'gender'].map((key) => COMPARISONS.findIndex((c) => c.key === key)));

/** Fewer pairs than this in a rule's blocks teach the model nothing reliable. */
const MIN_SESSION_PAIRS = 20;

/**
 * At most this many of a rule's pairs train its EM session, drawn at random (seeded). EM estimates
 * a few dozen probabilities; a level that one pair in a thousand of the sample reaches is still
 * seen a hundred times, and a sample bounds the time and memory whatever the size of the graph.
 */
export const TRAINING_PAIRS_PER_RULE = 100_000;
const TRAINING_SEED = 20_251_130;

/**
 * A uniform sample of `size` of `indices` (all of them when there are fewer), in their order:
 * reservoir sampling with a seeded generator, so the same pairs give the same sample.
 */
export function trainingSample(indices: number[], size = TRAINING_PAIRS_PER_RULE, seed = TRAINING_SEED): number[] {
  if (indices.length <= size) return indices;
  const random = seeded(seed);
  const chosen = new Int32Array(size);
  for (let k = 0; k < size; k++) chosen[k] = k;
  for (let k = size; k < indices.length; k++) {
    const at = Math.floor(random() * (k + 1));
    if (at < size) chosen[at] = k;
  }
  return [...chosen.sort()].map((k) => indices[k] as number);
}

/**
 * Estimates the model on the mentions and scores every blocked pair. The result does not depend
 * on the order of `people`: they are sorted by id first, and the random sample is seeded.
 */
export function resolveMatches(people: PersonMention[], fixed: FixedValues = {}): MatchRun {
  const sorted = [...people].sort((p, q) => (p.id < q.id ? -1 : p.id > q.id ? 1 : 0));
  const prepared = prepareMentions(sorted);
  const blocked = blockPairs(prepared);
  const vectors = pairVectors(prepared, blocked);
  const model = fit(prepared, blocked, vectors, fixed);
  // As `probability` starts its sum.
  const priorLog = Math.log(model.prior / (1 - model.prior));
  const kept: { candidate: MatchCandidate; levels: Int8Array; mentions: [PersonMention, PersonMention] }[] = [];
  for (let k = 0; k < blocked.a.length; k++) {
    const a = prepared[blocked.a[k] as number] as Prepared;
    const b = prepared[blocked.b[k] as number] as Prepared;
    const score = 1 / (1 + Math.exp(-addLogFactors(model, a, b, vectors.data, k * vectors.width, priorLog)));
    if (score < MIN_KEPT_SCORE) continue;
    const [first, second] = a.mention.id < b.mention.id ? [a, b] : [b, a];
    kept.push({
      candidate: {
        a: first.mention.id,
        b: second.mention.id,
        score: round(score),
        reasons: reasonsFor(model, a, b),
      },
      levels: levelsOf(vectors, k).slice(),
      mentions: [first.mention, second.mention],
    });
  }
  kept.sort(({ candidate: p }, { candidate: q }) => byScoreThenPair(p, q));
  return {
    candidates: kept.map((k) => k.candidate),
    levels: kept.map((k) => k.levels),
    mentions: kept.map((k) => k.mentions),
    compared: blocked.a.length,
    droppedBlocks: blocked.droppedBlocks,
    model: model.parameters,
    fitted: model,
  };
}

/**
 * The order of proposed pairs everywhere: best score first, ties by the pair's ids, so that the
 * order never depends on the order of the input.
 */
export function byScoreThenPair(
  p: { score: number; a: string; b: string },
  q: { score: number; a: string; b: string },
): number {
  return q.score - p.score || (p.a < q.a ? -1 : p.a > q.a ? 1 : p.b < q.b ? -1 : p.b > q.b ? 1 : 0);
}

/** Scores one pair with a fitted model, whether or not blocking would compare it. */
export function scorePair(model: FittedModel, a: Prepared, b: Prepared): MatchCandidate {
  const [first, second] = a.mention.id < b.mention.id ? [a, b] : [b, a];
  const score = probability(model.prior, bayesFactors(model, first, second, comparisonVector(first, second)));
  return { a: first.mention.id, b: second.mention.id, score: round(score), reasons: reasonsFor(model, first, second) };
}

const round = (p: number) => Math.round(p * 1000) / 1000;

/**
 * The comparison vectors of the blocked pairs, one after another in one array (COMPARISONS.length
 * levels a pair): millions of pairs as one block of bytes rather than millions of small arrays
 * (on 5.2 million pairs, 31 MiB where they took about 1.1 GiB, and the garbage collector's time).
 */
interface PairVectors {
  data: Int8Array;
  width: number;
}

function pairVectors(prepared: Prepared[], blocked: BlockedPairs): PairVectors {
  const width = COMPARISONS.length;
  const data = new Int8Array(blocked.a.length * width);
  for (let k = 0; k < blocked.a.length; k++)
    comparisonVectorInto(
      prepared[blocked.a[k] as number] as Prepared,
      prepared[blocked.b[k] as number] as Prepared,
      data,
      k * width,
    );
  return { data, width };
}

/** The levels of the `k`th pair: a view into the vectors, not a copy. */
const levelsOf = ({ data, width }: PairVectors, k: number): Int8Array => data.subarray(k * width, (k + 1) * width);

function patternsOf(vectors: PairVectors, indices: number[]): Pattern[] {
  const byKey = new Map<number, Pattern>();
  const { data, width } = vectors;
  for (const k of indices) {
    // Levels (and -1, missing) as digits of base 16: no comparison has 15 levels.
    let key = 0;
    for (let c = k * width; c < (k + 1) * width; c++) key = key * 16 + ((data[c] as number) + 1);
    const found = byKey.get(key);
    if (found) found.count++;
    else byKey.set(key, { levels: levelsOf(vectors, k).slice(), count: 1 });
  }
  // Sorted, so that the sums of EM run in one order whatever the input order.
  return [...byKey.entries()].sort(([x], [y]) => x - y).map(([, p]) => p);
}

/**
 * The chance that a pair of these levels is two people, under a fitted model (the comparisons that
 * vote in EM only; no term frequencies: a pattern stands for many pairs).
 */
function nonMatchChance(model: FittedModel, levels: Int8Array): number {
  let log = Math.log(model.prior / (1 - model.prior));
  for (let c = 0; c < levels.length; c++) {
    const l = levels[c] as number;
    if (l < 0 || FOLLOW_THE_NAME.has(c)) continue;
    log += Math.log(((model.m[c] as number[])[l] as number) / ((model.u[c] as number[])[l] as number));
  }
  return 1 - 1 / (1 + Math.exp(-log));
}

/**
 * The model, estimated twice: first with u counted on random pairs each taken for two people, then
 * with u counted again on the same pairs, each weighted by the chance the first model gives it of
 * being two people (see {@link uFromRandomPairs}: where many people are mentioned twice, the few
 * random pairs that are one person would otherwise make u of the same date of birth, document or
 * name many times what it is between different people).
 */
function fit(prepared: Prepared[], blocked: BlockedPairs, vectors: PairVectors, fixed: FixedValues): FittedModel {
  const sample = sampleRandomPairs(prepared);
  const first = fitWithU(prepared, blocked, vectors, fixed, sample, applyFixed(uFromRandomPairs(sample), fixed, 'u'));
  const u = applyFixed(
    uFromRandomPairs(sample, (levels) => nonMatchChance(first, levels)),
    fixed,
    'u',
  );
  return fitWithU(prepared, blocked, vectors, fixed, sample, u);
}

function fitWithU(
  prepared: Prepared[],
  blocked: BlockedPairs,
  vectors: PairVectors,
  fixed: FixedValues,
  sample: RandomPairs,
  u: number[][],
): FittedModel {
  const start = applyFixed(genericValues('m'), fixed, 'm');
  const fixedM = fixedFlags(fixed, 'm');
  // One EM session per training rule, over a sample of the pairs that rule found, with the
  // comparisons it blocked on left out; each m is the mean of the sessions that estimated it.
  const sums = start.map((levels) => levels.map(() => 0));
  const sessionsOf = start.map(() => 0);
  const sessions: string[] = [];
  let current = start;
  for (const rule of TRAINING_RULES) {
    const r = BLOCKING_RULES.indexOf(rule);
    const found: number[] = [];
    for (let k = 0; k < blocked.rules.length; k++) if (((blocked.rules[k] as number) >> r) & 1) found.push(k);
    if (found.length < MIN_SESSION_PAIRS) continue;
    const indices = trainingSample(found, TRAINING_PAIRS_PER_RULE, TRAINING_SEED + r);
    const inactive = new Set(BLOCKED_ON[rule].map((key) => COMPARISONS.findIndex((c) => c.key === key)));
    const { m } = expectationMaximisation(patternsOf(vectors, indices), u, current, {
      inactive,
      fixedM,
      passive: FOLLOW_THE_NAME,
    });
    sessions.push(
      `${rule} (${found.length.toLocaleString('en-GB')} pairs${indices.length < found.length ? `, ${indices.length.toLocaleString('en-GB')} of them sampled` : ''})`,
    );
    m.forEach((levels, c) => {
      if (inactive.has(c)) return;
      bump(sessionsOf, c, 1);
      levels.forEach((x, l) => bump(sums[c] as number[], l, x));
    });
    current = m;
  }
  const m = start.map((levels, c) =>
    sessionsOf[c] ? (sums[c] as number[]).map((x) => x / (sessionsOf[c] as number)) : levels,
  );
  const nameFrequency = nameFrequencies(prepared);
  const n = prepared.length;
  const allPairs = (n * (n - 1)) / 2;
  const partial: FittedModel = {
    m,
    u,
    prior: 1e-4,
    nameFrequency,
    wordFrequency: wordFrequencies(prepared),
    mentions: n,
    parameters: toParameters(m, u, 1e-4, fixed, {
      mentions: n,
      randomPairs: sample.pairs,
      blockedPairs: blocked.a.length,
      emSessions: sessions,
    }),
  };
  // The prior λ, the chance that two mentions drawn at random are one person: the expected number
  // of matches over the number of all pairs, where a pair's chance of being a match is its
  // posterior under λ itself, and pairs no rule blocked are taken to be no match. Solved by
  // fixed-point iteration from below, which stops at the smallest λ the data bear.
  // A pair a million times likelier apart than together adds nothing to the sum at any λ ≤ 0.5.
  const logFactors: number[] = [];
  for (let k = 0; k < blocked.a.length; k++) {
    const log = addLogFactors(
      partial,
      prepared[blocked.a[k] as number] as Prepared,
      prepared[blocked.b[k] as number] as Prepared,
      vectors.data,
      k * vectors.width,
      0,
    );
    if (log > -Math.log(1e6)) logFactors.push(log);
  }
  let prior = allPairs > 0 ? 1 / allPairs : 1e-4;
  for (let iteration = 0; iteration < 200 && logFactors.length && allPairs > 0; iteration++) {
    const priorLog = Math.log((1 - prior) / prior);
    let expected = 0;
    for (const f of logFactors) expected += 1 / (1 + Math.exp(priorLog - f));
    const next = Math.min(0.5, Math.max(1 / allPairs, expected / allPairs));
    const change = Math.abs(next - prior) / prior;
    prior = next;
    if (change < 1e-6) break;
  }
  return { ...partial, prior, parameters: { ...partial.parameters, prior } };
}

/** The candidates only (see {@link resolveMatches}). */
export function findCandidates(people: PersonMention[], fixed: FixedValues = {}): MatchCandidate[] {
  return resolveMatches(people, fixed).candidates;
}
