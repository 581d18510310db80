import { describe, expect, it } from 'vitest';
import { cellText, parseDate, type Cell, type DateOrder } from '../../main/core/cells';

/** Each cell's reading as one line: the ISO date, or ✗ and the reason. */
function readings(cells: Cell[], order: DateOrder = 'DMY'): Record<string, string> {
  return Object.fromEntries(
    cells.map((cell) => {
      const result = parseDate(cell, order);
      const label = cell instanceof Date ? `Date ${cell.toISOString()}` : `${typeof cell} ${String(cell)}`;
      return [label, result.ok ? result.date : `✗ ${result.reason}`];
    }),
  );
}

describe('reading dates from text', () => {
  it('reads 03/04/1991 in the order the profile gives', () => {
    expect({
      DMY: parseDate('03/04/1991', 'DMY'),
      MDY: parseDate('03/04/1991', 'MDY'),
      YMD: parseDate('1991/04/03', 'YMD'),
    }).toEqual({
      DMY: { ok: true, date: '1991-04-03' },
      MDY: { ok: true, date: '1991-03-04' },
      YMD: { ok: true, date: '1991-04-03' },
    });
  });

  it('takes dots, dashes and spaces as separators and ignores a time after the date', () => {
    expect(readings(['03.04.1991', '3-4-1991', '03 04 1991', '3/4/1991 14:30'])).toEqual({
      'string 03.04.1991': '1991-04-03',
      'string 3-4-1991': '1991-04-03',
      'string 03 04 1991': '1991-04-03',
      'string 3/4/1991 14:30': '1991-04-03',
    });
  });

  it('reads ISO dates and timestamps the same whatever the profile order', () => {
    expect(readings(['1991-04-03', '1991-04-03T10:00:00Z', '1991-04-03 23:59', '1991.4.3'], 'MDY')).toEqual({
      'string 1991-04-03': '1991-04-03',
      'string 1991-04-03T10:00:00Z': '1991-04-03',
      'string 1991-04-03 23:59': '1991-04-03',
      'string 1991.4.3': '1991-04-03',
    });
  });

  it('reads month names in English, Romanian and Spanish, full or abbreviated', () => {
    expect(
      readings([
        '3 April 1991',
        'April 3, 1991',
        'Dec 25, 2020',
        '1st January 2020',
        '3 sept. 1991',
        '3 aprilie 1991',
        '15 octombrie 1991',
        '3 febr. 1991',
        '3 ianuarie 1991',
        '3 iunie 1991',
        '3 enero 1991',
        '25 diciembre 1991',
        '3-abr-1991',
        '3 AGOSTO 1991',
      ]),
    ).toEqual({
      'string 3 April 1991': '1991-04-03',
      'string April 3, 1991': '1991-04-03',
      'string Dec 25, 2020': '2020-12-25',
      'string 1st January 2020': '2020-01-01',
      'string 3 sept. 1991': '1991-09-03',
      'string 3 aprilie 1991': '1991-04-03',
      'string 15 octombrie 1991': '1991-10-15',
      'string 3 febr. 1991': '1991-02-03',
      'string 3 ianuarie 1991': '1991-01-03',
      'string 3 iunie 1991': '1991-06-03',
      'string 3 enero 1991': '1991-01-03',
      'string 25 diciembre 1991': '1991-12-25',
      'string 3-abr-1991': '1991-04-03',
      'string 3 AGOSTO 1991': '1991-08-03',
    });
  });

  it('reads the Spanish long form "3 de abril de 1991"', () => {
    expect(parseDate('3 de abril de 1991', 'DMY')).toEqual({ ok: true, date: '1991-04-03' });
  });

  it('puts two-digit years from 30 in the 1900s and below 30 in the 2000s', () => {
    expect(readings(['03.04.29', '03.04.30', '3 mai 91', '01/01/00'])).toEqual({
      'string 03.04.29': '2029-04-03',
      'string 03.04.30': '1930-04-03',
      'string 3 mai 91': '1991-05-03',
      'string 01/01/00': '2000-01-01',
    });
  });

  it('names the impossible part of a date that does not exist', () => {
    expect(readings(['31/02/1990', '29/02/1900', '29/02/2000', '13/13/1990', '01/01/1899', '31/04/2021'])).toEqual({
      'string 31/02/1990': '✗ day 31 does not exist in 1990-02',
      'string 29/02/1900': '✗ day 29 does not exist in 1900-02',
      'string 29/02/2000': '2000-02-29',
      'string 13/13/1990': '✗ month 13 does not exist',
      'string 01/01/1899': '✗ year 1899 is out of range',
      'string 31/04/2021': '✗ day 31 does not exist in 2021-04',
    });
  });

  it('rejects text that is not a date, saying which order it tried', () => {
    expect(readings(['yesterday', 'n/a', '  ', '12/2020', 'abc 3, 1991', true, null])).toEqual({
      'string yesterday': '✗ "yesterday" is not a date this profile can read (DMY)',
      'string n/a': '✗ "n/a" is not a date this profile can read (DMY)',
      'string   ': '✗ empty',
      'string 12/2020': '✗ "12/2020" is not a date this profile can read (DMY)',
      'string abc 3, 1991': '✗ "abc 3, 1991" is not a date this profile can read (DMY)',
      'boolean true': '✗ not a date',
      'object null': '✗ empty',
    });
  });
});

describe('reading dates from numbers and date cells', () => {
  it('reads Excel serial numbers, with or without a time of day, as numbers or text', () => {
    expect(readings([1, 59, 61, 33333, 33333.75, '33333', 45658, 0, -5, 100000])).toEqual({
      'number 1': '1900-01-01',
      'number 59': '1900-02-28',
      'number 61': '1900-03-01',
      'number 33333': '1991-04-05',
      'number 33333.75': '1991-04-05',
      'string 33333': '1991-04-05',
      'number 45658': '2025-01-01',
      'number 0': '✗ 0 is not a date',
      'number -5': '✗ -5 is not a date',
      'number 100000': '✗ 100000 is not a date',
    });
  });

  it("does not turn Excel's phantom 29 February 1900 (serial 60) into another day", () => {
    // Serial 59 is 28 Feb 1900 and 61 is 1 Mar 1900; 60 is Excel's non-existent 29 Feb 1900,
    // which text input rejects too.
    expect(parseDate(60, 'DMY')).toEqual({ ok: false, reason: expect.stringContaining('1900-02') });
  });

  it('reads yyyymmdd numbers and text, and rejects impossible ones', () => {
    expect(readings([19910403, '19910403', 19910231, 20001301])).toEqual({
      'number 19910403': '1991-04-03',
      'string 19910403': '1991-04-03',
      'number 19910231': '✗ day 31 does not exist in 1991-02',
      'number 20001301': '✗ month 13 does not exist',
    });
  });

  it('reads date cells by their UTC day and rejects invalid or out-of-range ones', () => {
    expect(
      readings([
        new Date(Date.UTC(1991, 3, 3)),
        new Date(Date.UTC(1991, 3, 3, 23, 59)),
        new Date(Date.UTC(1850, 0, 1)),
      ]),
    ).toEqual({
      'Date 1991-04-03T00:00:00.000Z': '1991-04-03',
      'Date 1991-04-03T23:59:00.000Z': '1991-04-03',
      'Date 1850-01-01T00:00:00.000Z': '✗ year 1850 is out of range',
    });
    expect(parseDate(new Date(Number.NaN), 'DMY')).toEqual({ ok: false, reason: 'not a date' });
  });
});

describe('the text of a cell', () => {
  it('is what a person reads: trimmed text, whole numbers without a point, dates as ISO days', () => {
    expect([
      cellText(null),
      cellText('  POPESCU Ion '),
      cellText(42),
      cellText(7911123456),
      cellText(3.5),
      cellText(true),
      cellText(new Date(Date.UTC(1991, 3, 3, 12))),
    ]).toEqual(['', 'POPESCU Ion', '42', '7911123456', '3.5', 'true', '1991-04-03']);
  });
});
