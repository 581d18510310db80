import { describe, expect, it } from 'vitest';
import type { Cell } from '../../main/core/cells';
import { findHeaderRow, headerTexts } from '../../main/core/headers';

/** A labour-inspectorate export: title, export date, a blank row, a merged group banner, then the header. */
const SITE_VISITS: Cell[][] = [
  ['Labour inspectorate - site visits Q3 2024', null, null, null, null],
  ['Exported 01/10/2024 09:14', null, null, null, null],
  [null, null, null, null, null],
  ['Visit', null, 'Worker', null, null],
  ['Visit ID', 'Visit Date', 'Surname', 'Forenames', 'Phone'],
  ['V-1', new Date(Date.UTC(2024, 6, 1)), 'SMITH', 'John', '07912 345678'],
  ['V-2', '02/07/2024', 'JONES', 'Mary', '07912 345679'],
];

describe('finding the header row', () => {
  it('finds it below title rows, an export date and a merged group banner', () => {
    expect(findHeaderRow(SITE_VISITS)).toBe(4);
  });

  it('takes the row with the most of the profile columns, ignoring case and accents', () => {
    const rows: Cell[][] = [
      ['Group A', 'Group B', 'Group C', 'Group D'],
      ['NUME', 'Prenume', 'Data nașterii', 'Telefon'],
      ['Popescu', 'Ion', '03.04.1991', '0740 123 456'],
    ];
    expect({
      heuristic: findHeaderRow(rows),
      withProfile: findHeaderRow(rows, ['Nume', 'PRENUME', 'Data nasterii']),
      labour: findHeaderRow(SITE_VISITS, ['surname', 'FORENAMES', 'Phone']),
    }).toEqual({ heuristic: 0, withProfile: 1, labour: 4 });
  });

  it('falls back to reading the rows when none of the profile columns is there', () => {
    expect(findHeaderRow(SITE_VISITS, ['Nothing like it'])).toBe(4);
  });

  it('does not take a row with repeated names or a row of numbers for the header', () => {
    expect({
      repeated: findHeaderRow([['Title'], ['Name', 'Name', 'Phone'], ['Surname', 'Forenames', 'Phone']]),
      numbersOnly: findHeaderRow([[null], [1, 2, 3], [4, 5, 6]]),
      empty: findHeaderRow([]),
      blank: findHeaderRow([[null, ' '], [null]]),
    }).toEqual({ repeated: 2, numbersOnly: 1, empty: -1, blank: -1 });
  });
});

describe('header texts', () => {
  it('name blank headers by their column and collapse whitespace so every cell can be named', () => {
    expect(headerTexts(['Name', null, '  Date   of\nbirth ', '', 42, 'Name'])).toEqual([
      'Name',
      'column 2',
      'Date of birth',
      'column 4',
      '42',
      'Name',
    ]);
  });
});
