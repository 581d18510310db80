import { describe, expect, it } from 'vitest';
import { ownParticularAgrees, resolveHybrid } from '../../main/core/hybridMatching';
import { resolveMatches, type MatchCandidate, type PersonMention } from '../../main/core/matching';
import { COMPARISONS, seeded, type SharedIdentifier } from '../../main/core/matchModel';
import { findRuleCandidates, matchContext, oneFullNameAtOneAddress } from '../../main/core/ruleMatching';
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
// One person written twice, the name replaced in one record (a corrupted field): only the date of
// birth agrees, with a phone both used.
const renamed = [
  mention({
    id: 'd-1',
    record: 'rd-1',
    name: 'Radu Vlad',
    birthDate: '1977-05-19',
    identifiers: [phone('ph-d', '+40 711 111 111')],
  }),
  mention({
    id: 'd-2',
    record: 'rd-2',
    agency: 'RO-POL',
    row: 6,
    name: 'Stefan Marin',
    birthDate: '1977-05-19',
    identifiers: [phone('ph-d', '+40 711 111 111')],
  }),
];
const address = (id: string, display: string, key: string): SharedIdentifier => ({
  label: 'Address',
  id,
  display,
  key,
});
const morii = address('ad-e', '5 Strada Morii, Iasi 700001', 'RO|700001||5 strada morii');
const lunga = address('ad-f', '9 Strada Lunga, Iasi 700002', 'RO|700002||9 strada lunga');
// One full name at one address, a date of birth on one side only, no namesake known: the rules
// read one person, and the model scores the pair higher than they do.
const oneHome = [
  mention({ id: 'e-1', record: 're-1', name: 'Nicolae Cojocaru', birthDate: '1980-02-02', identifiers: [morii] }),
  mention({ id: 'e-2', record: 're-2', agency: 'RO-POL', row: 9, name: 'COJOCARU Nicolae', identifiers: [morii] }),
];
// A father and a son of one name at one address, with dates of birth wholly different.
const fatherAndSonAtHome = [
  mention({ id: 'f-1', record: 'rf-1', name: 'Florin Lupu', birthDate: '1960-01-01', identifiers: [lunga] }),
  mention({
    id: 'f-2',
    record: 'rf-2',
    agency: 'RO-POL',
    row: 10,
    name: 'LUPU Florin',
    birthDate: '1988-07-07',
    identifiers: [lunga],
  }),
];
// Two namesakes born in one year, months apart, who share a phone: the same year of two whole
// dates is not an agreement of the date of birth.
const sameYear = [
  mention({
    id: 'g-1',
    record: 'rg-1',
    name: 'Mykola Boiko',
    birthDate: '1964-06-14',
    identifiers: [phone('ph-g', '+380 44 123 4567')],
  }),
  mention({
    id: 'g-2',
    record: 'rg-2',
    agency: 'RO-POL',
    row: 11,
    name: 'BOIKO Mykola',
    birthDate: '1964-10-17',
    identifiers: [phone('ph-g', '+380 44 123 4567')],
  }),
];
const people = [...world(), ...corrupted, ...fatherAndSon, ...renamed, ...oneHome, ...fatherAndSonAtHome, ...sameYear];
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

  it("proposes the model's pair where the date of birth or the document agrees, with the model's reasons", () => {
    for (const [a, b] of [
      ['c-1', 'c-2'],
      ['d-1', 'd-2'],
    ] as const) {
      const byModel = find(model.candidates, a, b);
      expect(byModel?.score).toBeGreaterThanOrEqual(DEFAULT_MATCH_THRESHOLD);
      expect(find(rules, a, b)?.score ?? 0).toBeLessThan(DEFAULT_MATCH_THRESHOLD);
      const h = find(run.candidates, a, b);
      expect(h?.score).toBe(byModel?.score);
      expect(h?.reasons[0]).toMatch(
        /^scored by the match model, as the date of birth or the identity document agrees \(the rules /,
      );
      expect(h?.reasons.slice(1)).toEqual(byModel?.reasons);
    }
  });

  it("counts the model's score where the rules read one full name at one address with nothing against it", () => {
    const byModel = find(model.candidates, 'e-1', 'e-2');
    const byRules = find(rules, 'e-1', 'e-2');
    expect(byModel?.score).toBeGreaterThan(byRules?.score ?? 1);
    const h = find(run.candidates, 'e-1', 'e-2');
    expect(h?.score).toBe(byModel?.score);
    expect(h?.reasons[0]).toBe(
      `scored by the match model, as the rules read one full name at one address, and know nothing against it (the rules score it ${byRules?.score.toFixed(3)})`,
    );
  });

  it("leaves the model's pair that rests on the name and a tie (a phone, a home) to the rules", () => {
    for (const [a, b] of [
      ['b-1', 'b-2'],
      ['f-1', 'f-2'],
      ['g-1', 'g-2'],
    ] as const) {
      expect(find(model.candidates, a, b)?.score).toBeGreaterThanOrEqual(DEFAULT_MATCH_THRESHOLD);
      expect(find(rules, a, b)).toBeUndefined();
      expect(find(run.candidates, a, b)).toBeUndefined();
    }
  });

  it('gives the same candidates whatever the order of the mentions, and on every run', () => {
    expect(resolveHybrid([...people].reverse()).candidates).toEqual(run.candidates);
    expect(resolveHybrid(people).candidates).toEqual(run.candidates);
  });

  const at = (key: string) => COMPARISONS.findIndex((c) => c.key === key);
  const level = (key: string, l: string) => COMPARISONS[at(key)]?.levels.findIndex((x) => x.key === l) ?? -1;

  it('counts date of birth and document, a missing value or a different one as no agreement, and not the name', () => {
    const pair = [
      mention({ id: 'y1', birthDate: '1991-03-04' }),
      mention({ id: 'y2', birthDate: '1991-03-14' }),
    ] as const;
    const levels = new Int8Array(COMPARISONS.length).fill(-1);
    levels[at('ties')] = level('ties', 'personalShared');
    levels[at('name')] = level('name', 'exact');
    expect(ownParticularAgrees(levels, pair)).toBe(false);
    levels[at('dob')] = level('dob', 'different');
    expect(ownParticularAgrees(levels, pair)).toBe(false);
    levels[at('document')] = level('document', 'oneEdit');
    expect(ownParticularAgrees(levels, pair)).toBe(true);
    levels[at('document')] = -1;
    levels[at('dob')] = level('dob', 'near');
    expect(ownParticularAgrees(levels, pair)).toBe(true);
  });

  it('counts the same year of birth only where one of the dates gives no more than its year', () => {
    const levels = new Int8Array(COMPARISONS.length).fill(-1);
    levels[at('name')] = level('name', 'exact');
    levels[at('dob')] = level('dob', 'year');
    const born = (id: string, over: Partial<PersonMention>) => mention({ id, ...over });
    // Two whole dates in one year, months apart: a father's and his son's, or two namesakes'.
    const twoDates = [born('d1', { birthDate: '1991-02-15' }), born('d2', { birthDate: '1991-07-18' })] as const;
    expect(ownParticularAgrees(levels, twoDates)).toBe(false);
    // An age or a year of birth on one side: all it says agrees.
    const yearOnly = [
      born('d3', { birthDate: '1991-02-15' }),
      born('d4', { birthDate: null, birthYear: 1991 }),
    ] as const;
    expect(ownParticularAgrees(levels, yearOnly)).toBe(true);
    const monthOnly = [born('d5', { birthDate: '1991-02' }), born('d6', { birthDate: '1991-07-18' })] as const;
    expect(ownParticularAgrees(levels, monthOnly)).toBe(true);
  });
});

describe("the rules' one full name at one address", () => {
  const home = address('ad-h', '3 Strada Mare, Iasi 700003', 'RO|700003||3 strada mare');
  const nearHome = address('ad-i', 'Bloc A, 3 Str Mare, Iasi 700003', 'RO|700003|bloc a|3 str mare');
  const at = (id: string, over: Partial<PersonMention>) =>
    mention({ id, record: `r-${id}`, identifiers: [home], ...over });
  const check = (list: PersonMention[]) => oneFullNameAtOneAddress(list[0]!, list[1]!, matchContext(list));

  it('holds for one full name, written alike, at one address or one postcode and house number', () => {
    expect(check([at('a', { name: 'Dan Rusu', birthDate: '1970-01-01' }), at('b', { name: 'RUSU Dan' })])).toBe(true);
    expect(check([at('a', { name: 'Dan Rusu' }), at('b', { name: 'Dan Russu', identifiers: [nearHome] })])).toBe(true);
    // A date one digit off is a slip, not another person.
    expect(
      check([
        at('a', { name: 'Dan Rusu', birthDate: '1970-01-01' }),
        at('b', { name: 'Dan Rusu', birthDate: '1970-01-07' }),
      ]),
    ).toBe(true);
  });

  it('does not hold where a namesake is known, the dates of birth differ, the name is one word or no address is shared', () => {
    // Dates of birth wholly different: a father and a son.
    expect(
      check([
        at('a', { name: 'Dan Rusu', birthDate: '1950-01-01' }),
        at('b', { name: 'Dan Rusu', birthDate: '1979-06-30' }),
      ]),
    ).toBe(false);
    // A row naming two people so.
    const twins = [
      at('a', { name: 'Dan Rusu', record: 'row-1' }),
      at('c', { name: 'Dan Rusu', record: 'row-1', identifiers: [] }),
      at('b', { name: 'Dan Rusu' }),
    ];
    expect(oneFullNameAtOneAddress(twins[0]!, twins[2]!, matchContext(twins))).toBe(false);
    // Two people of the name with different dates of birth, and a date missing here.
    const namesakes = [
      at('a', { name: 'Dan Rusu', birthDate: '1950-01-01' }),
      at('b', { name: 'Dan Rusu' }),
      at('c', { name: 'Dan Rusu', birthDate: '1979-06-30', identifiers: [] }),
    ];
    expect(oneFullNameAtOneAddress(namesakes[0]!, namesakes[1]!, matchContext(namesakes))).toBe(false);
    expect(check([at('a', { name: 'Dan' }), at('b', { name: 'Dan' })])).toBe(false);
    expect(check([at('a', { name: 'Dan Rusu' }), at('b', { name: 'Dan Rusu', identifiers: [] })])).toBe(false);
    expect(check([at('a', { name: 'Dan Rusu' }), at('b', { name: 'Ion Rusu' })])).toBe(false);
  });
});
