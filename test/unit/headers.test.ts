import { describe, expect, it } from 'vitest';
import type { Cell } from '../../main/core/cells';
import { findHeaderRow, HeaderScan, headerTexts } from '../../main/core/headers';

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

describe('finding the header as the rows are read', () => {
  type Row = { row: number; cells: Cell[] };
  const numbered = (rows: Cell[][]): Row[] => rows.map((cells, i) => ({ row: i + 1, cells }));
  const cut = (r: Row): Row => ({ ...r, cells: r.cells.map((c) => (typeof c === 'string' ? c.slice(0, 12) : c)) });
  /** Pushes rows until the scan settles; how many it took, and what it found. */
  function scan(rows: Row[], columns: string[], headerRow?: number, holdChars?: number) {
    const s = new HeaderScan<Row>(columns, cut, headerRow, holdChars);
    let pushed = 0;
    for (const r of rows) {
      pushed += 1;
      if (s.push(r)) break;
    }
    const { header, following } = s.result();
    return { pushed, header: header?.row ?? null, following: following.map((r) => r.row) };
  }

  it('settles on the first row that holds every column the profile names, reading no further', () => {
    expect(scan(numbered(SITE_VISITS), ['surname', 'FORENAMES', 'Phone'])).toEqual({
      pushed: 5,
      header: 5,
      following: [],
    });
  });

  it('with only some of the columns there, reads on and keeps the rows under the best row whole', () => {
    const rows = numbered([
      ['Surname', 'x'],
      ['Smith', 'a'],
      ['Surname', 'Phone'],
      ['Jones', '0791'],
      ['Brown', '0792'],
    ]);
    expect(scan(rows, ['Surname', 'Phone', 'Date of birth'])).toEqual({
      pushed: 5,
      header: 3,
      following: [4, 5],
    });
    // As findHeaderRow reads the same rows.
    expect(
      findHeaderRow(
        rows.map((r) => r.cells),
        ['Surname', 'Phone', 'Date of birth'],
      ),
    ).toBe(2);
  });

  it('settles once the rows held under the best row pass the bound, rather than hold the sheet', () => {
    const long = 'x'.repeat(100);
    const rows = numbered([
      ['Surname', 'x'],
      [long, long],
      [long, long],
      [long, long],
      ['Surname', 'Phone'],
    ]);
    expect(scan(rows, ['Surname', 'Phone', 'Date of birth'], undefined, 350)).toEqual({
      pushed: 3,
      header: 1,
      following: [2, 3],
    });
  });

  it('without any of the profile columns, names the likeliest header from the cut rows and keeps no row', () => {
    const s = new HeaderScan<Row>(['Nothing like it'], cut);
    const rows = SITE_VISITS.map((cells, i) =>
      i === 4 ? [...cells.slice(0, 3), 'Forenames (as in passport)', 'Phone'] : cells,
    );
    numbered(rows).forEach((r) => s.push(r));
    const { header, following } = s.result();
    expect({ row: header?.row, cells: header?.cells, following }).toEqual({
      row: 5,
      cells: ['Visit ID', 'Visit Date', 'Surname', 'Forenames (a', 'Phone'],
      following: [],
    });
  });

  it("takes the profile's header row when it names one, and settles past it", () => {
    expect(scan(numbered(SITE_VISITS), ['Visit ID'], 4)).toEqual({ pushed: 4, header: 4, following: [] });
    expect(scan(numbered([['a'], ['b'], ['c']]), ['a'], 9)).toEqual({ pushed: 3, header: null, following: [] });
  });
});
