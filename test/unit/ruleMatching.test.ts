import { describe, expect, it } from 'vitest';
import { findRuleCandidates, matchContext, scorePair } from '../../main/core/ruleMatching';
import type { PersonMention, SharedIdentifier } from '../../main/core/matchModel';
import { nameSimilarity } from '../../main/core/names';
import { DEFAULT_MATCH_THRESHOLD } from '../../main/core/rules';
import { candidate, mention, phone } from '../support/mentions';

describe('same-person matching within one agency case', () => {
  // Two other people named Piotr Wojcik, elsewhere, with other dates of birth.
  const elsewhere = [
    mention({ id: 'x1', record: 'rx1', name: 'Piotr Wojcik', birthDate: '1970-01-01' }),
    mention({ id: 'x2', record: 'rx2', name: 'Piotr Wojcik', birthDate: '1981-05-05' }),
  ];
  const persons = mention({
    id: 'p',
    record: 'r1',
    agency: 'CITY-POL',
    fileName: 'case-log.xlsx',
    sheet: 'Persons',
    caseRef: 'CP/26/001106',
    name: 'Piotr Wojcik',
    birthDate: '1990-03-10',
  });
  const contacts = mention({
    id: 'c',
    record: 'r2',
    agency: 'CITY-POL',
    fileName: 'case-log.xlsx',
    sheet: 'Contacts',
    caseRef: 'CP/26/001106',
    name: 'Wójcik, Piotr',
  });

  it('proposes a case sheet naming the person the case names, whatever namesakes other files hold', () => {
    const found = candidate([...elsewhere, persons, contacts], 'p', 'c');
    expect(found?.score).toBeGreaterThanOrEqual(DEFAULT_MATCH_THRESHOLD);
    expect(found?.reasons).toEqual([
      "names 'Piotr Wojcik' and 'Wójcik, Piotr' are the same once case, accents, script and word order are set aside",
      'both named in CITY-POL case CP/26/001106',
    ]);
  });

  it('still doubts the name when the case itself names two people so', () => {
    const namesake = { ...persons, id: 'p2', record: 'r3', birthDate: '1960-07-07' };
    const found = candidate([persons, namesake, contacts], 'p', 'c');
    expect(found?.score ?? 0).toBeLessThan(DEFAULT_MATCH_THRESHOLD);
    expect(found?.reasons).toContain(
      "2 people with different dates of birth are named 'Piotr Wojcik' in CITY-POL case CP/26/001106; a date of birth is missing here",
    );
  });
});

describe('two rows naming the same two people', () => {
  // A couple crossing together: each is the traveller of one row and the companion of the other.
  const row36 = [
    mention({ id: 't36', record: 'r36', row: 36, name: 'VAN MINH VU', birthDate: '1987-04-25', nationality: 'VNM' }),
    mention({ id: 'c36', record: 'r36', row: 36, name: 'THU TRANG VU' }),
  ];
  const row37 = [
    mention({ id: 't37', record: 'r37', row: 37, name: 'THU TRANG VU', birthDate: '1989-04-25', nationality: 'VNM' }),
    mention({ id: 'c37', record: 'r37', row: 37, name: 'VU Van Minh' }),
  ];
  // Other people of those names with other dates of birth make the names alone doubtful.
  const namesakes = [
    mention({ id: 'n1', record: 'rn1', name: 'Van Minh Vu', birthDate: '1960-01-01' }),
    mention({ id: 'n2', record: 'rn2', name: 'Thu Trang Vu', birthDate: '1961-01-01' }),
  ];

  it('proposes each of them, and says who else the rows name', () => {
    const people = [...row36, ...row37, ...namesakes];
    const found = candidate(people, 't36', 'c37');
    expect(found?.score).toBeGreaterThanOrEqual(DEFAULT_MATCH_THRESHOLD);
    expect(found?.reasons).toContain(
      "'THU TRANG VU' is named with each of them (BORDER encounters.csv Sheet1 row 36; BORDER encounters.csv Sheet1 row 37): the same two people are named together twice",
    );
    expect(candidate(people, 'c36', 't37')?.score).toBeGreaterThanOrEqual(DEFAULT_MATCH_THRESHOLD);
  });

  it('takes two common names side by side in two rows as chance, unless both rows report one day', () => {
    // 'Connor Smith' and 'Chloe Wright' are each borne by three people with other dates of birth.
    const others = ['1970-01-01', '1980-01-01', '1990-01-01'].flatMap((birthDate, i) => [
      mention({ id: `cs${i}`, record: `rcs${i}`, name: 'Connor Smith', birthDate }),
      mention({ id: `cw${i}`, record: `rcw${i}`, name: 'Chloe Wright', birthDate }),
    ]);
    const rows = (day1: string, day2: string) => [
      mention({
        id: 'a',
        record: 'r1',
        row: 11,
        caseRef: 'CP/1',
        eventDate: day1,
        name: 'Connor SMITH',
        birthDate: '1979-04-12',
      }),
      mention({ id: 'ax', record: 'r1', row: 11, caseRef: 'CP/1', eventDate: day1, name: 'Chloe Wright' }),
      mention({ id: 'b', record: 'r2', row: 12, caseRef: 'CP/2', eventDate: day2, name: 'Connor Smith' }),
      mention({ id: 'bx', record: 'r2', row: 12, caseRef: 'CP/2', eventDate: day2, name: 'CHLOE WRIGHT' }),
    ];
    const apart = candidate([...rows('2026-03-01', '2026-07-19'), ...others], 'a', 'b');
    expect(apart?.reasons.join('; ') ?? '').not.toContain('named together twice');
    expect(apart?.score ?? 0).toBeLessThan(DEFAULT_MATCH_THRESHOLD);
    const together = candidate([...rows('2026-03-01', '2026-03-01'), ...others], 'a', 'b');
    expect(together?.reasons).toContain(
      "'Chloe Wright' is named with each of them (BORDER encounters.csv Sheet1 row 11; BORDER encounters.csv Sheet1 row 12): the same two people are named together twice, both on 2026-03-01",
    );
  });

  it('reads a case as standing together too: a report naming two people a police case names', () => {
    const sar = [
      mention({
        id: 's',
        record: 'rs',
        agency: 'FIU',
        caseRef: 'SAR-72',
        name: 'Marcus Reid',
        birthDate: '1999-07-21',
      }),
      mention({ id: 'sc', record: 'rs', agency: 'FIU', caseRef: 'SAR-72', name: 'DWAYNE THOMPSON' }),
    ];
    const police = [
      mention({ id: 'pm', record: 'p1', agency: 'CITY-POL', caseRef: 'CP/26/001637', name: 'Marcus REID' }),
      mention({ id: 'pd', record: 'p2', agency: 'CITY-POL', caseRef: 'CP/26/001637', name: 'Dwayne Thompson' }),
    ];
    const found = candidate([...sar, ...police], 'sc', 'pd');
    expect(found?.score).toBeGreaterThanOrEqual(DEFAULT_MATCH_THRESHOLD);
    expect(found?.reasons).toContain(
      "'Marcus Reid' is named with each of them (FIU encounters.csv Sheet1 row 2; CITY-POL case CP/26/001637): the same two people are named together twice",
    );
  });

  it('does not take a row naming two people of one name as saying which of them another row means', () => {
    // A father and son of one name crossing together.
    const home: SharedIdentifier = { label: 'Address', id: 'home', display: '108 Queen Avenue, Slough' };
    const people = [
      mention({ id: 'a1', record: 'r565', row: 565, name: 'VASILE MUNTEANU', recordIdentifiers: [home] }),
      mention({ id: 'a2', record: 'r565', row: 565, name: 'VASILE MUNTEANU', recordIdentifiers: [home] }),
      mention({ id: 'b1', record: 'r566', row: 566, name: 'VASILE MUNTEANU', recordIdentifiers: [home] }),
      mention({ id: 'b2', record: 'r566', row: 566, name: 'VASILE MUNTEANU', recordIdentifiers: [home] }),
    ];
    const context = matchContext(people);
    const pair = scorePair(people[1] as PersonMention, people[3] as PersonMention, context);
    expect(pair?.score ?? 0).toBeLessThan(DEFAULT_MATCH_THRESHOLD);
    expect(pair?.reasons).toContain(
      "BORDER encounters.csv Sheet1 row 565 names two people 'VASILE MUNTEANU'; the name cannot say which one is meant",
    );
  });
});

describe('mentions by one name only', () => {
  const roPhone = phone('ph-ro', '+40 740 629 640');
  const tip = mention({
    id: 'tip',
    record: 'rt',
    agency: 'NGO',
    fileName: 'hotline-tips.ods',
    sheet: 'Tips',
    row: 128,
    name: 'Ionut',
    recordIdentifiers: [roPhone],
  });
  const police = mention({
    id: 'pol',
    record: 'rp',
    agency: 'RO-POL',
    fileName: 'persoane.xlsx',
    sheet: 'Persoane',
    row: 253,
    name: 'Ionuț MARIN',
    birthDate: '1988-09-03',
    identifiers: [roPhone],
    recordIdentifiers: [roPhone],
  });

  it('proposes a one-name mention whose row gives a phone the full-named person used', () => {
    // Name blocks alone would never pair 'Ionut' with 'Ionuț MARIN'; the phone the tip gives does.
    const found = candidate([tip, police], 'tip', 'pol');
    expect(found).toEqual({
      a: 'pol',
      b: 'tip',
      score: 0.818,
      reasons: [
        "only one name, 'Ionut', is given; it is one of the names in 'Ionuț MARIN'",
        "the row naming 'Ionut' (NGO hotline-tips.ods Tips row 128) also gives phone +40 740 629 640, which 'Ionuț MARIN' used (RO-POL persoane.xlsx Persoane row 253)",
      ],
    });
  });

  it('reads familiar forms from the published list: Sasha for Alexander, Bill for William', () => {
    const tg: SharedIdentifier = { label: 'Handle', id: 'tg', display: 'telegram @lux_ldn_bookings' };
    const sasha = mention({ id: 's', record: 'r1', agency: 'NGO', name: 'Sasha', recordIdentifiers: [tg] });
    const kovalenko = mention({ id: 'k', record: 'r2', name: 'Kovalenko, Alexander', identifiers: [tg] });
    expect(candidate([sasha, kovalenko], 's', 'k')?.score).toBeGreaterThanOrEqual(DEFAULT_MATCH_THRESHOLD);
    expect(nameSimilarity('Bill Lysenko', 'William Lysenko')).toBeGreaterThanOrEqual(0.9);
  });

  it('does not propose it when the phone was also used by someone else the one name fits', () => {
    // The recruiter's phone, given as contact number by a worker called Billy Popescu too.
    const ukPhone = phone('ph-uk', '+44 7400 592604');
    const ionel = mention({ id: 'ionel', record: 'r169', agency: 'LABOUR', name: 'Bill', identifiers: [ukPhone] });
    const recruiter = mention({ id: 'rec', record: 'r644', name: 'William Marin', identifiers: [ukPhone] });
    const worker = mention({ id: 'w', record: 'r230', name: 'BILLY POPESCU', identifiers: [ukPhone] });
    expect(candidate([ionel, recruiter], 'ionel', 'rec')?.score).toBeGreaterThanOrEqual(DEFAULT_MATCH_THRESHOLD);
    const people = [ionel, recruiter, worker];
    expect(candidate(people, 'ionel', 'rec')?.score ?? 0).toBeLessThan(DEFAULT_MATCH_THRESHOLD);
    expect(candidate(people, 'ionel', 'w')?.score ?? 0).toBeLessThan(DEFAULT_MATCH_THRESHOLD);
  });

  it('does not propose it on a shared address or a network alone', () => {
    const house: SharedIdentifier = { label: 'Address', id: 'house', display: '17 Lichfield Road' };
    const tipByAddress = { ...tip, recordIdentifiers: [house] };
    const worker = { ...police, identifiers: [house], recordIdentifiers: [house] };
    const people = [tipByAddress, worker];
    expect(scorePair(tipByAddress, worker, matchContext(people))?.score ?? 0).toBeLessThan(DEFAULT_MATCH_THRESHOLD);
  });
});

describe('names an export wrote with lost letters', () => {
  it('reads a ? for a letter the export could not write, and blocks such names with the rest', () => {
    expect(nameSimilarity('?UKASZ KOWALSKI', 'Łukasz Kowalski')).toBeGreaterThanOrEqual(0.97);
    expect(nameSimilarity('IONU? MARIN', 'Ionuț Marin')).toBeGreaterThanOrEqual(0.97);
    expect(nameSimilarity('?UKASZ KOWALSKI', 'Tomasz Kowalski')).toBeLessThan(0.9);
    const people = [
      mention({ id: 'a', record: 'r1', name: '?UKASZ KOWALSKI', birthDate: '1984-10-12' }),
      mention({ id: 'b', record: 'r2', agency: 'CITY-POL', name: 'Łukasz Kowalski', birthDate: '1984-10-12' }),
    ];
    expect(candidate(people, 'a', 'b')?.score).toBeGreaterThanOrEqual(DEFAULT_MATCH_THRESHOLD);
  });
});

describe('rule scores do not depend on the order of the mentions', () => {
  it('gives every pair the same score whichever mention comes first, and whatever order the mentions come in', () => {
    const shared = phone('ph', '+44 7400 111222');
    const people = [
      mention({ id: 'a', record: 'r1', name: 'Sasha', recordIdentifiers: [shared] }),
      mention({ id: 'b', record: 'r2', name: 'Kovalenko, Alexander', identifiers: [shared] }),
      mention({ id: 'c', record: 'r3', name: 'Alexander Kovalenko', birthDate: '1990-02-03' }),
      mention({ id: 'd', record: 'r3', name: 'Olena Kovalenko', birthDate: '1992-07-08' }),
      mention({ id: 'e', record: 'r4', name: 'Alexander Kovalenko', birthDate: '1990-03-02' }),
      mention({ id: 'f', record: 'r4', name: 'Olena Kovalenko' }),
      // A name with a lost letter that two people with other dates of birth bear as written.
      mention({ id: 'g', record: 'r5', name: '?UKASZ KOWALSKI' }),
      mention({ id: 'h', record: 'r6', name: '?UKASZ KOWALSKI', birthDate: '1980-01-01' }),
      mention({ id: 'i', record: 'r7', name: '?UKASZ KOWALSKI', birthDate: '1981-01-01' }),
      mention({ id: 'j', record: 'r8', name: 'Łukasz Kowalski', birthDate: '1984-10-12' }),
    ];
    const scores = (list: PersonMention[]) =>
      findRuleCandidates(list)
        .candidates.map((c) => `${c.a}|${c.b}|${c.score}`)
        .sort();
    const context = matchContext(people);
    for (const a of people)
      for (const b of people)
        if (a.id < b.id)
          expect([a.id, b.id, scorePair(b, a, context)?.score]).toEqual([a.id, b.id, scorePair(a, b, context)?.score]);
    const forward = scores(people);
    expect(forward.length).toBeGreaterThan(0);
    expect(scores([...people].reverse())).toEqual(forward);
    expect(scores([...people.slice(5), ...people.slice(0, 5)])).toEqual(forward);
  });
});
