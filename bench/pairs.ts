/**
 * Pairwise scoring for the benchmarks: a pair of record locations as one key, the true pairs of a
 * labelled set, and precision, recall and F1 of a proposed set of pairs against them.
 */

/** One unordered pair as a key: the same for (a, b) and (b, a). */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}§${b}` : `${b}§${a}`;
}

/** Every pair of distinct locations in one group, added to `into`. */
export function pairsOf(locations: Iterable<string>, into: Set<string>): void {
  const unique = [...new Set(locations)].sort();
  for (let i = 0; i < unique.length; i++)
    for (let j = i + 1; j < unique.length; j++) into.add(`${unique[i]}§${unique[j]}`);
}

export interface PairScore {
  predicted: number;
  truth: number;
  hits: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Precision, recall and F1 of the proposed pairs against the true ones (an empty side scores 1). */
export function scorePairs(predicted: ReadonlySet<string>, truth: ReadonlySet<string>): PairScore {
  let hits = 0;
  for (const p of predicted) if (truth.has(p)) hits++;
  const precision = predicted.size ? hits / predicted.size : 1;
  const recall = truth.size ? hits / truth.size : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { predicted: predicted.size, truth: truth.size, hits, precision, recall, f1 };
}

/**
 * The person a FEBRL record id stands for: "rec-123-org" and "rec-123-dup-0" are both person 123.
 * Null for anything else, so that a malformed id never joins a true pair.
 */
export function febrlPerson(recId: string): string | null {
  const m = /^rec-(\d+)-(?:org|dup-\d+)$/.exec(recId.trim());
  return m ? (m[1] as string) : null;
}

/**
 * The true pairs of a FEBRL set: every two rows (of any files) whose record ids name one person.
 * Throws on an id that is not FEBRL's, since the truth would silently lose its pairs.
 */
export function febrlTruePairs(rows: readonly { location: string; recId: string }[]): Set<string> {
  const byPerson = new Map<string, string[]>();
  for (const { location, recId } of rows) {
    const person = febrlPerson(recId);
    if (person === null) throw new Error(`"${recId}" (at ${location}) is not a FEBRL record id`);
    const group = byPerson.get(person);
    if (group) group.push(location);
    else byPerson.set(person, [location]);
  }
  const pairs = new Set<string>();
  for (const locations of byPerson.values()) pairsOf(locations, pairs);
  return pairs;
}
