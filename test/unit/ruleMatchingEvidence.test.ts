import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findRuleCandidates, matchContext, scorePair } from '../../main/core/ruleMatching';
import type { PersonMention, SharedIdentifier } from '../../main/core/matchModel';
import { DEFAULT_MATCH_THRESHOLD } from '../../main/core/rules';
import { candidate, mention, passport, phone } from '../support/mentions';

/** An address as import keys it: country, postcode, flat, the other words sorted. */
const address = (display: string, key: string): SharedIdentifier => ({
  label: 'Address',
  id: `Address|${key}`,
  display,
  key,
});

describe('addresses with one postcode and house number', () => {
  // A family name changed (or replaced in one record), one date of birth, a passport number one
  // digit off, and one house at one postcode written with and without its flat.
  const people = [
    mention({
      id: 'a',
      record: 'r1',
      name: 'Elena Dobre',
      birthDate: '1984-03-12',
      identifiers: [
        passport('051834721'),
        address('Flat 2, 14 Mill Lane, Leeds LS7 1AB', 'GB|LS71AB|flat 2|14 lane mill'),
      ],
    }),
    mention({
      id: 'b',
      record: 'r2',
      name: 'Elena Munteanu',
      birthDate: '1984-03-12',
      identifiers: [passport('051834727'), address('14 Mill Ln, LS7 1AB', 'GB|LS71AB||14 lane mill')],
    }),
  ];

  it('counts them, with the document one slip apart, for a pair sharing a name and a date of birth', () => {
    const found = candidate(people, 'a', 'b');
    expect(found?.score).toBeGreaterThanOrEqual(DEFAULT_MATCH_THRESHOLD);
    expect(found?.reasons).toContain(
      'addresses Flat 2, 14 Mill Lane, Leeds LS7 1AB and 14 Mill Ln, LS7 1AB have one postcode and house number (BORDER encounters.csv Sheet1 row 2; BORDER encounters.csv Sheet1 row 2)',
    );
  });

  it('does not count another house number at the same postcode', () => {
    const other = [
      people[0] as PersonMention,
      { ...(people[1] as PersonMention), identifiers: [address('16 Mill Ln, LS7 1AB', 'GB|LS71AB||16 lane mill')] },
    ];
    const found = candidate(other, 'a', 'b');
    expect(found?.reasons.some((r) => r.includes('one postcode and house number')) ?? false).toBe(false);
  });
});

describe('one full name at one address', () => {
  const home = address('17 Lichfield Road, Wolverhampton WV11 1TP', 'GB|WV111TP||17 lichfield road');

  it('proposes two mentions of one full name at one address, one without a date of birth', () => {
    const people = [
      mention({ id: 'a', record: 'r1', name: 'Cristina Lungu', identifiers: [home] }),
      mention({ id: 'b', record: 'r2', name: 'LUNGU Cristina', birthDate: '1999-12-24', identifiers: [home] }),
    ];
    const found = candidate(people, 'a', 'b');
    expect(found?.score).toBeGreaterThanOrEqual(DEFAULT_MATCH_THRESHOLD);
    expect(found?.reasons).toContain(
      'both used address 17 Lichfield Road, Wolverhampton WV11 1TP (BORDER encounters.csv Sheet1 row 2; BORDER encounters.csv Sheet1 row 2): two people of one full name seldom share an address',
    );
  });

  it('does not when two people of the name are known with other dates of birth (a father and a son)', () => {
    const people = [
      mention({ id: 'a', record: 'r1', name: 'Cristina Lungu', identifiers: [home] }),
      mention({ id: 'b', record: 'r2', name: 'LUNGU Cristina', birthDate: '1999-12-24', identifiers: [home] }),
      mention({ id: 'c', record: 'r3', name: 'Cristina Lungu', birthDate: '1971-02-08' }),
    ];
    expect(candidate(people, 'a', 'b')?.score ?? 0).toBeLessThan(DEFAULT_MATCH_THRESHOLD);
  });

  it('does not for people of other names at one address (workers lodged together)', () => {
    const people = [
      mention({ id: 'a', record: 'r1', name: 'Cristina Lungu', identifiers: [home] }),
      mention({ id: 'b', record: 'r2', name: 'Cristina Rusu', birthDate: '1999-12-24', identifiers: [home] }),
    ];
    expect(candidate(people, 'a', 'b')?.score ?? 0).toBeLessThan(DEFAULT_MATCH_THRESHOLD);
  });
});

describe('one name built on the stem of a name in the full name', () => {
  const shared = phone('ph', '+44 7400 611203');
  const inCase = { agency: 'LABOUR', fileName: 'visits.xlsx', sheet: 'Site visits', caseRef: 'V-26-0042' };

  it("proposes 'Petrică' for 'Petru Ciobanu' in one case, tied by his phone", () => {
    const people = [
      mention({ ...inCase, id: 'a', record: 'r1', row: 4, name: 'Petrică', identifiers: [shared] }),
      mention({ ...inCase, id: 'b', record: 'r2', row: 5, name: 'Petru Ciobanu', identifiers: [shared] }),
    ];
    const found = candidate(people, 'a', 'b');
    expect(found?.score).toBeGreaterThanOrEqual(DEFAULT_MATCH_THRESHOLD);
    expect(found?.reasons).toContain(
      "only one name, 'Petrică', is given; it begins as 'petru' in 'Petru Ciobanu' does (a familiar form built on the name?)",
    );
  });

  it('does not when the case names another person the one name fits as well', () => {
    const people = [
      mention({ ...inCase, id: 'a', record: 'r1', row: 4, name: 'Petrică', identifiers: [shared] }),
      mention({ ...inCase, id: 'b', record: 'r2', row: 5, name: 'Petru Ciobanu', identifiers: [shared] }),
      mention({ ...inCase, id: 'c', record: 'r3', row: 6, name: 'Petronel Stan' }),
    ];
    expect(candidate(people, 'a', 'b')?.score ?? 0).toBeLessThan(DEFAULT_MATCH_THRESHOLD);
  });

  it('does not propose a familiar form for one name when another who used the phone may be meant by it', () => {
    // 'Danuț' fits 'Dan' and is built on 'Daniel' too: the phone cannot say which one it means.
    const people = [
      mention({ id: 'a', record: 'r1', name: 'Danuț', identifiers: [shared] }),
      mention({ id: 'b', record: 'r2', name: 'Dan Popa', identifiers: [shared] }),
      mention({ id: 'c', record: 'r3', name: 'Daniel Rusu', identifiers: [shared] }),
    ];
    expect(candidate(people, 'a', 'b')?.score ?? 0).toBeLessThan(DEFAULT_MATCH_THRESHOLD);
    expect(candidate(people, 'a', 'c')?.score ?? 0).toBeLessThan(DEFAULT_MATCH_THRESHOLD);
  });
});

describe('two namesakes travelling together, the only two of their name', () => {
  // Two rows, not linked by any identifier, each naming two people 'Stoian Marinov': a traveller
  // with a date of birth and a companion without. Nobody else of that name is known.
  const people = [
    mention({
      id: 't1',
      record: 'r1',
      row: 1,
      name: 'STOIAN MARINOV',
      birthDate: '1970-02-03',
      identifiers: [passport('089925933')],
    }),
    mention({ id: 'c1', record: 'r1', row: 1, name: 'MARINOV Stoian' }),
    mention({
      id: 't2',
      record: 'r2',
      row: 2,
      name: 'STOIAN MARINOV',
      birthDate: '1996-07-02',
      identifiers: [passport('097580254')],
    }),
    mention({ id: 'c2', record: 'r2', row: 2, name: 'MARINOV Stoian' }),
  ];

  it("proposes each row's traveller with the other row's companion", () => {
    expect(candidate(people, 't1', 'c2')?.score).toBeGreaterThanOrEqual(DEFAULT_MATCH_THRESHOLD);
    expect(candidate(people, 't2', 'c1')?.score).toBeGreaterThanOrEqual(DEFAULT_MATCH_THRESHOLD);
    expect(candidate(people, 'c1', 'c2')?.score ?? 0).toBeLessThan(DEFAULT_MATCH_THRESHOLD);
    expect(candidate(people, 't1', 't2')?.score ?? 0).toBeLessThan(DEFAULT_MATCH_THRESHOLD);
  });

  it('does not when a third person of the name is known', () => {
    const more = [...people, mention({ id: 'x', record: 'r9', name: 'Stoian Marinov', birthDate: '1981-04-06' })];
    expect(candidate(more, 't1', 'c2')?.score ?? 0).toBeLessThan(DEFAULT_MATCH_THRESHOLD);
  });
});

describe('these rules keep scores symmetric and deterministic', () => {
  const shared = phone('ph', '+44 7400 611203');
  const inCase = { agency: 'LABOUR', caseRef: 'V-26-0042' };
  const people = [
    mention({
      id: 'a',
      record: 'r1',
      name: 'Elena Dobre',
      birthDate: '1984-03-12',
      identifiers: [passport('051834721'), address('14 Mill Lane LS7 1AB', 'GB|LS71AB|flat 2|14 lane mill')],
    }),
    mention({
      id: 'b',
      record: 'r2',
      name: 'Elena Munteanu',
      birthDate: '1984-03-12',
      identifiers: [passport('051834727'), address('14 Mill Ln', 'GB|LS71AB||14 lane mill')],
    }),
    mention({
      id: 'c',
      record: 'r3',
      name: 'Dobre Elena',
      identifiers: [address('14 Mill Ln', 'GB|LS71AB||14 lane mill')],
    }),
    mention({ ...inCase, id: 'd', record: 'r4', name: 'Petrică', identifiers: [shared] }),
    mention({ ...inCase, id: 'e', record: 'r5', name: 'Petru Ciobanu', identifiers: [shared] }),
    mention({ ...inCase, id: 'f', record: 'r6', name: 'Petre Stan', identifiers: [shared] }),
    mention({ id: 't1', record: 'r7', name: 'STOIAN MARINOV', birthDate: '1970-02-03' }),
    mention({ id: 'c1', record: 'r7', name: 'MARINOV Stoian' }),
    mention({ id: 't2', record: 'r8', name: 'STOIAN MARINOV', birthDate: '1996-07-02' }),
    mention({ id: 'c2', record: 'r8', name: 'Marinov Stoian' }),
  ];
  const context = matchContext(people);

  it('scores a pair the same whichever mention comes first', () => {
    fc.assert(
      fc.property(fc.nat(people.length - 1), fc.nat(people.length - 1), (i, j) => {
        fc.pre(i !== j);
        const a = people[i] as PersonMention;
        const b = people[j] as PersonMention;
        // The reasons name the two mentions in the order they are given; the score cannot depend on it.
        expect(scorePair(a, b, context)?.score).toEqual(scorePair(b, a, context)?.score);
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('finds the same candidates and scores whatever the order of the mentions', () => {
    const found = (list: PersonMention[]) => findRuleCandidates(list).candidates.map((c) => `${c.a}|${c.b}|${c.score}`);
    const first = found(people);
    expect(first.length).toBeGreaterThan(3);
    fc.assert(
      fc.property(fc.shuffledSubarray(people, { minLength: people.length }), (order) => {
        expect(found(order)).toEqual(first);
      }),
      { numRuns: 20, seed: 5 },
    );
  });
});
