import { describe, expect, it } from 'vitest';
import { particularsAgreeing, resolveHybrid } from '../../main/core/hybridMatching';
import { resolveMatches, type MatchCandidate, type PersonMention } from '../../main/core/matching';
import { COMPARISONS, seeded } from '../../main/core/matchModel';
import { findRuleCandidates } from '../../main/core/ruleMatching';
import { DEFAULT_MATCH_THRESHOLD } from '../../main/core/rules';
import { mention, passport, phone } from '../support/mentions';

// A population the model can learn from (each person in one to three records, some names with a
// typo, some dates left out), and two pairs the two matchers see differently.
const GIVEN = ['Ion', 'Maria', 'Andrei', 'Elena', 'Vasile', 'Ana', 'Mihai', 'Ioana', 'Piotr', 'Anna'];
const FAMILY = ['Popescu', 'Ionescu', 'Rusu', 'Munteanu', 'Stoica', 'Nowak', 'Kowalski', 'Hoxha', 'Smith', 'Vu'];

function world(persons = 250, seed = 11): PersonMention[] {
  const next = seeded(seed);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)] as T;
  const people: PersonMention[] = [];
  for (let p = 0; p < persons; p++) {
    const name = `${pick(GIVEN)} ${pick(FAMILY)}`;
    const birthDate = `${1950 + Math.floor(next() * 50)}-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 9)}`;
    const document = passport(`05${String(1_000_000 + p * 7919)}`);
    const own = phone(`ph-${p}`, `+40 7${String(p).padStart(8, '0')}`);
    const mentions = 1 + Math.floor(next() * 3);
    for (let k = 0; k < mentions; k++) {
      const roll = next();
      // One date in six written wholly otherwise (a corrupted field), one in six left out.
      const other = `${1950 + Math.floor(next() * 50)}-1${Math.floor(next() * 3)}-2${Math.floor(next() * 9)}`;
      people.push(
        mention({
          id: `m${p}-${k}`,
          record: `r${p}-${k}`,
          agency: k % 2 ? 'RO-POL' : 'BORDER',
          row: people.length + 2,
          name: k % 2 ? name.split(' ').reverse().join(' ').toUpperCase() : name,
          birthDate: roll < 1 / 6 ? null : roll < 2 / 6 ? other : birthDate,
          identifiers: [...(next() < 0.5 ? [document] : []), ...(next() < 0.5 ? [own] : [])],
        }),
      );
    }
  }
  return people;
}

// One person written twice, the date of birth wholly different in one record (a corrupted field),
// the passport number one digit off: name and document agree, the date speaks against.
const corrupted = [
  mention({
    id: 'c-1',
    record: 'rc-1',
    name: 'Zbigniew Brzeczyszczykiewicz',
    birthDate: '1971-04-12',
    identifiers: [passport('059123456')],
  }),
  mention({
    id: 'c-2',
    record: 'rc-2',
    agency: 'RO-POL',
    row: 9,
    name: 'BRZECZYSZCZYKIEWICZ Zbigniew',
    birthDate: '1983-11-27',
    identifiers: [passport('059123457')],
  }),
];
// A father and a son of one name, with other dates of birth, who share a phone: only the name agrees.
const fatherAndSon = [
  mention({
    id: 'b-1',
    record: 'rb-1',
    name: 'Georgi Dimitrov',
    birthDate: '1968-01-02',
    identifiers: [phone('ph-x', '+44 113 496 0000')],
  }),
  mention({
    id: 'b-2',
    record: 'rb-2',
    agency: 'RO-POL',
    row: 7,
    name: 'Georgi DIMITROV',
    birthDate: '1991-06-15',
    identifiers: [phone('ph-x', '+44 113 496 0000')],
  }),
];
const people = [...world(), ...corrupted, ...fatherAndSon];
const find = (list: MatchCandidate[], a: string, b: string) => list.find((c) => c.a === a && c.b === b);

describe('the rules and the model together', { timeout: 60_000 }, () => {
  const run = resolveHybrid(people);
  // The rules name a pair's mentions in the order met: in the order of a full read of the graph.
  const rules = findRuleCandidates([...people].sort((x, y) => (x.id < y.id ? -1 : 1))).candidates;
  const model = resolveMatches(people);

  it('keeps every pair the rules keep, at their score or the higher model score', () => {
    for (const r of rules) {
      const h = find(run.candidates, r.a, r.b);
      expect(h?.score).toBeGreaterThanOrEqual(r.score);
      if (h?.score === r.score) expect(h.reasons).toEqual(r.reasons);
    }
  });

  it("proposes the model's pair where two particulars agree, with the model's reasons", () => {
    const byModel = find(model.candidates, 'c-1', 'c-2');
    expect(byModel?.score).toBeGreaterThanOrEqual(DEFAULT_MATCH_THRESHOLD);
    expect(find(rules, 'c-1', 'c-2')?.score ?? 0).toBeLessThan(DEFAULT_MATCH_THRESHOLD);
    const h = find(run.candidates, 'c-1', 'c-2');
    expect(h?.score).toBe(byModel?.score);
    expect(h?.reasons[0]).toMatch(
      /^scored by the match model, as 2 or more of name, date of birth and identity document agree/,
    );
    expect(h?.reasons.slice(1)).toEqual(byModel?.reasons);
  });

  it("leaves the model's pair that rests on one particular and a tie (a shared phone) to the rules", () => {
    expect(find(model.candidates, 'b-1', 'b-2')?.score).toBeGreaterThanOrEqual(DEFAULT_MATCH_THRESHOLD);
    expect(find(rules, 'b-1', 'b-2')).toBeUndefined();
    expect(find(run.candidates, 'b-1', 'b-2')).toBeUndefined();
  });

  it('gives the same candidates whatever the order of the mentions, and on every run', () => {
    expect(resolveHybrid([...people].reverse()).candidates).toEqual(run.candidates);
    expect(resolveHybrid(people).candidates).toEqual(run.candidates);
  });

  it('counts name, date of birth and document, a missing value or a different one as no agreement', () => {
    const at = (key: string) => COMPARISONS.findIndex((c) => c.key === key);
    const level = (key: string, l: string) => COMPARISONS[at(key)]?.levels.findIndex((x) => x.key === l) ?? -1;
    const levels = new Int8Array(COMPARISONS.length).fill(-1);
    levels[at('ties')] = level('ties', 'personalShared');
    levels[at('name')] = level('name', 'oneWord');
    expect(particularsAgreeing(levels)).toBe(1);
    levels[at('dob')] = level('dob', 'different');
    expect(particularsAgreeing(levels)).toBe(1);
    levels[at('document')] = level('document', 'oneEdit');
    expect(particularsAgreeing(levels)).toBe(2);
  });
});
