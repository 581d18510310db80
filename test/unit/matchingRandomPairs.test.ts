import { describe, expect, it } from 'vitest';
import { resolveMatches, type PersonMention } from '../../main/core/matching';
import { seeded, type SharedIdentifier } from '../../main/core/matchModel';
import { DEFAULT_MATCH_THRESHOLD } from '../../main/core/rules';
import { mention } from '../support/mentions';

const GIVEN = ['Amelia', 'Oliver', 'Isla', 'Jack', 'Grace', 'Noah', 'Ruby', 'Leo', 'Chloe', 'Lucas', 'Mia', 'Henry'];
const FAMILY = ['Smith', 'Jones', 'Williams', 'Brown', 'Wilson', 'Taylor', 'Johnson', 'White', 'Martin', 'Anderson'];
const STREETS = ['high street', 'station road', 'church lane', 'mill road', 'park avenue', 'green close'];

const document = (number: string): SharedIdentifier => ({
  label: 'Document',
  id: `Document|AU|ID_CARD|${number}`,
  display: `AU id card ${number}`,
  key: number,
  kind: 'ID_CARD',
});
const address = (house: number, street: string, postcode: string): SharedIdentifier => {
  const key = `AU|${postcode}||${house} ${street}`;
  return { label: 'Address', id: `Address|${key}`, display: `${house} ${street}, ${postcode}`, key };
};

/**
 * A register where every person is written twice, as in a file of people seen again and again:
 * a random pair of mentions is one person about once in 2,000 pairs, far more often than two
 * different people share a date of birth, let alone an identity document. The second writing
 * has one detail replaced now and then (another document number, another address), as clerks'
 * errors and moves do.
 */
function register(persons = 2_000, seed = 7): { people: PersonMention[]; personOf: Map<string, number> } {
  const next = seeded(seed);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)] as T;
  const people: PersonMention[] = [];
  const personOf = new Map<string, number>();
  for (let p = 0; p < persons; p++) {
    const name = `${pick(GIVEN)} ${pick(FAMILY)}`;
    const birthDate = `${1940 + Math.floor(next() * 60)}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
    const home = () => address(1 + Math.floor(next() * 200), pick(STREETS), String(2000 + Math.floor(next() * 900)));
    const card = () => document(String(1_000_000 + Math.floor(next() * 9_000_000)));
    const own = [card(), home()];
    for (let k = 0; k < 2; k++) {
      const id = `m${String(p).padStart(5, '0')}-${k}`;
      const identifiers = k === 0 ? own : [next() < 0.3 ? card() : own[0], next() < 0.3 ? home() : own[1]];
      people.push(
        mention({
          id,
          record: `r${p}-${k}`,
          row: people.length + 2,
          name,
          birthDate,
          identifiers: identifiers as SharedIdentifier[],
        }),
      );
      personOf.set(id, p);
    }
  }
  return { people, personOf };
}

describe('u counted on random pairs where many people are written twice', { timeout: 120_000 }, () => {
  const { people, personOf } = register();
  const run = resolveMatches(people);
  const u = (comparison: string, level: string) => run.model.comparisons[comparison]?.[level]?.u ?? 1;

  it('counts only different people: the same document and the same date of birth stay rare among them', () => {
    // Different people here never share a document, and share a date of birth about once in
    // 20,000 pairs; the random pairs that are one person (one in 2,000) must not count as chance.
    expect(u('document', 'same')).toBeLessThan(5e-5);
    expect(u('dob', 'exact')).toBeLessThan(1.5e-4);
  });

  it('proposes one person written twice with the same name and date of birth, another document and address', () => {
    const pairs: [PersonMention, PersonMention][] = [];
    for (let i = 0; i + 1 < people.length; i += 2) {
      const [a, b] = [people[i] as PersonMention, people[i + 1] as PersonMention];
      if (a.identifiers.every((x, k) => x.id !== b.identifiers[k]?.id)) pairs.push([a, b]);
    }
    expect(pairs.length).toBeGreaterThan(50);
    const proposed = new Set(
      run.candidates.filter((c) => c.score >= DEFAULT_MATCH_THRESHOLD).map((c) => `${c.a}|${c.b}`),
    );
    const found = pairs.filter(([a, b]) => proposed.has(`${a.id}|${b.id}`)).length;
    expect(found / pairs.length).toBeGreaterThanOrEqual(0.9);
    const wrong = run.candidates.filter(
      (c) => c.score >= DEFAULT_MATCH_THRESHOLD && personOf.get(c.a) !== personOf.get(c.b),
    ).length;
    expect(wrong).toBeLessThanOrEqual(proposed.size * 0.01);
  });
});
