import { describe, expect, it } from 'vitest';
import { resolveMatches, TRAINING_PAIRS_PER_RULE, trainingSample, type PersonMention } from '../../main/core/matching';
import { seeded } from '../../main/core/matchModel';
import { DEFAULT_MATCH_THRESHOLD } from '../../main/core/rules';
import { mention } from '../support/mentions';

describe('the sample EM is trained on', () => {
  const indices = Array.from({ length: 50_000 }, (_, i) => i * 3);

  it('takes every pair of a rule with fewer pairs than the cap', () => {
    expect(trainingSample(indices, 60_000)).toBe(indices);
  });

  it('caps a rule with more pairs at a uniform, seeded sample of them, in their order', () => {
    const sample = trainingSample(indices, 1_000, 5);
    expect(sample).toHaveLength(1_000);
    expect(new Set(sample).size).toBe(1_000);
    expect(sample.every((x) => indices.includes(x))).toBe(true);
    expect([...sample].sort((a, b) => a - b)).toEqual(sample);
    expect(trainingSample(indices, 1_000, 5)).toEqual(sample);
    expect(trainingSample(indices, 1_000, 6)).not.toEqual(sample);
    // Uniform: each tenth of the pairs gives about a tenth of the sample.
    for (let tenth = 0; tenth < 10; tenth++) {
      const inside = sample.filter((x) => x >= tenth * 15_000 && x < (tenth + 1) * 15_000).length;
      expect(inside).toBeGreaterThan(60);
      expect(inside).toBeLessThan(140);
    }
  });
});

// A population where most blocked pairs are namesakes: three countries, each with a small stock of
// given and family names, so that every full name is borne by dozens of people of one country.
// Most people are mentioned once, with a date of birth; those mentioned twice (two agencies) are
// tied mostly by a phone both gave, their date of birth written in a few rows only. Namesakes
// agree on the name, the nationality and often the gender; the date of birth and the phone tell
// one person from another. EM over every name-blocked pair, nationality voting, took compatriots
// of one name for one person and learnt that a different date of birth says little.
const COUNTRIES: [string, string[], string[]][] = [
  ['RO', ['Ion', 'Maria', 'Andrei', 'Elena', 'Vasile', 'Ana'], ['Popescu', 'Ionescu', 'Rusu', 'Munteanu', 'Stoica']],
  [
    'PL',
    ['Piotr', 'Anna', 'Tomasz', 'Katarzyna', 'Marek', 'Agnieszka'],
    ['Nowak', 'Kowalski', 'Wojcik', 'Lewandowski'],
  ],
  ['VN', ['Minh', 'Thu', 'Lan', 'Hung', 'Duc', 'Mai'], ['Nguyen', 'Tran', 'Le', 'Pham', 'Hoang']],
];

function namesakes(
  persons = 3_000,
  seed = 11,
): { people: PersonMention[]; truePairs: number; personOf: Map<string, number> } {
  const next = seeded(seed);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)] as T;
  const people: PersonMention[] = [];
  const personOf = new Map<string, number>();
  let truePairs = 0;
  for (let p = 0; p < persons; p++) {
    const [country, given, family] = pick(COUNTRIES);
    const name = `${pick(given)} ${pick(family)}`;
    const birthDate = `${1960 + Math.floor(next() * 40)}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
    const twice = next() >= 0.6;
    const phone =
      next() < 0.6 ? { label: 'Phone', id: `phone-${p}`, display: `+40 7${String(p).padStart(8, '0')}` } : null;
    if (twice) truePairs++;
    for (let k = 0; k < (twice ? 2 : 1); k++) {
      const id = `m${String(p).padStart(5, '0')}-${k}`;
      people.push(
        mention({
          id,
          record: `r${p}-${k}`,
          agency: k ? 'RO-POL' : 'BORDER',
          row: people.length + 2,
          name: k ? name.split(' ').reverse().join(' ').toUpperCase() : name,
          birthDate: next() < (twice ? 0.3 : 0.9) ? birthDate : null,
          nationality: country,
          identifiers: phone ? [phone] : [],
        }),
      );
      personOf.set(id, p);
    }
  }
  return { people, truePairs, personOf };
}

describe('the match model on a population of namesakes', { timeout: 180_000 }, () => {
  const { people, truePairs, personOf } = namesakes();
  const run = resolveMatches(people);
  const proposed = run.candidates.filter((c) => c.score >= DEFAULT_MATCH_THRESHOLD);
  const right = proposed.filter((c) => personOf.get(c.a) === personOf.get(c.b)).length;

  it('does not take compatriots of one name for one person', () => {
    expect(right / proposed.length).toBeGreaterThanOrEqual(0.98);
  });

  it('finds the mentions of one person that a phone or the date of birth ties', () => {
    expect(right / truePairs).toBeGreaterThanOrEqual(0.6);
  });

  it('trains on a sample of at most the cap of a rule with more pairs, and says so', () => {
    const name = run.model.trainedOn.emSessions.find((x) => x.startsWith('name'));
    // Counts with thousands separators, like the rest of the command line ("18,024 pairs").
    const count = '(\\d{1,3}(?:,\\d{3})*)';
    const [, found, sampled] =
      new RegExp(`^name \\(${count} pairs, ${count} of them sampled\\)$`).exec(name ?? '') ?? [];
    expect(Number(found?.replaceAll(',', ''))).toBeGreaterThan(TRAINING_PAIRS_PER_RULE);
    expect(sampled).toBe(TRAINING_PAIRS_PER_RULE.toLocaleString('en-GB'));
  });

  it('learns that a different date of birth counts strongly against', () => {
    const weight = (level: string) => {
      const x = run.model.comparisons.dob?.[level];
      return Math.log2((x?.m ?? 0) / (x?.u ?? 1));
    };
    expect(weight('different')).toBeLessThan(-3);
    expect(weight('exact')).toBeGreaterThan(8);
  });
});
