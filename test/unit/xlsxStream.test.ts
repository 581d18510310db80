import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaselinkFailure, type CaselinkError } from '../../main/contract/errors';
import { openAgencyFile, type SheetRow } from '../../main/services/import/readers';
import { xlsxFromSheetXml } from '../support/hostileFiles';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'caselink-xlsx-stream-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

// The streaming reader is chosen for any .xlsx over 1 byte; SheetJS for any under 1 GiB.
const STREAMED = { streamWorkbookBytes: 1 };
const WHOLE = { streamWorkbookBytes: 1024 * 1024 * 1024 };

interface Read {
  sheets: { name: string; rows: SheetRow[] }[];
}

async function readAll(path: string, limits: Record<string, number>): Promise<Read> {
  const file = await openAgencyFile(path, { limits });
  const sheets: Read['sheets'] = [];
  for (const sheet of file.sheets) {
    const rows: SheetRow[] = [];
    for await (const row of sheet.rows) rows.push(row);
    sheets.push({ name: sheet.name, rows });
  }
  return { sheets };
}

/** Rows without their trailing empty cells. */
function trimmed(read: Read): Read {
  return {
    sheets: read.sheets.map((s) => ({
      name: s.name,
      rows: s.rows.map((r) => {
        let end = r.cells.length;
        while (end > 0 && r.cells[end - 1] === null) end -= 1;
        return { ...r, cells: r.cells.slice(0, end) };
      }),
    })),
  };
}

async function rejection(read: Promise<unknown>): Promise<CaselinkError | string> {
  try {
    await read;
    return 'read';
  } catch (error) {
    return error instanceof CaselinkFailure ? error.error : String(error);
  }
}

async function writeBook(name: string, book: XLSX.WorkBook, sharedStrings = false): Promise<string> {
  const path = join(dir, name);
  await writeFile(
    path,
    XLSX.write(book, { type: 'buffer', bookType: 'xlsx', cellDates: true, bookSST: sharedStrings }) as Buffer,
  );
  return path;
}

function book(sheets: Record<string, XLSX.WorkSheet>): XLSX.WorkBook {
  const wb = XLSX.utils.book_new();
  for (const [name, ws] of Object.entries(sheets)) XLSX.utils.book_append_sheet(wb, ws, name);
  return wb;
}

/** Workbooks that exercise what a reader can get wrong, built as SheetJS writes them. */
function workbooks(): Record<string, XLSX.WorkBook> {
  const people = XLSX.utils.aoa_to_sheet(
    [
      ['Name', 'Born', 'Seen at', 'Amount', 'Active', 'Notes'],
      ['Іван Петренко', new Date(Date.UTC(1987, 2, 14)), new Date(Date.UTC(2023, 10, 5, 13, 45, 10)), 1234.5, true, ''],
      ['Ștefan Ionescu', new Date(Date.UTC(1901, 0, 1)), null, -0.125, false, '  leading spaces'],
      [],
      ['MUÑOZ, José', null, null, 1e21, null, 'line one\nline two'],
      ['李小龍', 44927, null, 0, true, '<b>Tom & Jerry</b> _x000D_'],
    ],
    { cellDates: true },
  );
  // Numbers formatted as dates, as Excel stores them, and one as text format.
  people.B6 = { t: 'n', v: 44927, z: 'dd/mm/yyyy' };
  people.D3 = { t: 'n', v: -0.125, z: '0.00%' };

  const sparse: XLSX.WorkSheet = {};
  sparse.C3 = { t: 's', v: 'header C' };
  sparse.F3 = { t: 's', v: 'header F' };
  sparse.C7 = { t: 'n', v: 7 };
  sparse.AB9 = { t: 's', v: 'far right' };
  sparse.F12 = { t: 'b', v: false };
  sparse['!ref'] = 'C3:AB12';
  sparse['!merges'] = [XLSX.utils.decode_range('C3:D3')];

  const formulas = XLSX.utils.aoa_to_sheet([['a', 'b', 'sum', 'text']]);
  formulas.A2 = { t: 'n', v: 2 };
  formulas.B2 = { t: 'n', v: 3 };
  formulas.C2 = { t: 'n', v: 5, f: 'A2+B2' };
  formulas.D2 = { t: 's', v: 'A-3', f: 'CONCAT("A-",B2)' };
  formulas.E2 = { t: 'e', v: 0x07 };
  formulas['!ref'] = 'A1:E2';

  // Dates counted from 1904, as old Mac Excel saved them.
  const mac = book({
    Dates: XLSX.utils.aoa_to_sheet([['Seen'], [new Date(Date.UTC(2020, 1, 29))]], { cellDates: true }),
  });
  mac.Workbook = { WBProps: { date1904: true } };
  mac.Sheets.Dates!.A3 = { t: 'n', v: 0, z: 'yyyy-mm-dd' };
  mac.Sheets.Dates!['!ref'] = 'A1:A3';

  return {
    'date1904.xlsx': mac,
    'types.xlsx': book({ People: people, Пусто: XLSX.utils.aoa_to_sheet([]), Sparse: sparse }),
    'formulas.xlsx': book({ 'Sheet & "quotes"': formulas }),
    'many.xlsx': book({
      Big: XLSX.utils.aoa_to_sheet(
        Array.from({ length: 3000 }, (_, i) => [`name ${i % 97}`, i, i % 3 === 0 ? null : `Київ ${i}`, i * 0.5]),
      ),
    }),
  };
}

describe('reading an .xlsx as a stream', () => {
  it('gives the same sheets, rows and cells as reading it whole with SheetJS', async () => {
    for (const [name, wb] of Object.entries(workbooks())) {
      // Strings inline in the sheet, as SheetJS writes them by default, and in a shared strings table, as Excel does.
      for (const shared of [false, true]) {
        const path = await writeBook(`${shared ? 'sst-' : ''}${name}`, wb, shared);
        const whole = await readAll(path, WHOLE);
        const streamed = await readAll(path, STREAMED);
        expect(whole.sheets.length, name).toBeGreaterThan(0);
        expect(streamed, name).toEqual(whole);
        if (name === 'date1904.xlsx')
          expect(streamed.sheets[0]?.rows[1]?.cells).toEqual([new Date(Date.UTC(2020, 1, 29))]);
      }
    }
    // Rich text, phonetic runs, Excel's _x000D_ escapes, cells without references, an error, and a
    // formula with no cached value (read as no value by both).
    const rich = join(dir, 'rich.xlsx');
    await writeFile(
      rich,
      xlsxFromSheetXml(
        '<row r="1"><c r="A1" t="inlineStr"><is><r><t>in</t></r><r><rPr><b/></rPr><t xml:space="preserve">line </t></r></is></c></row>' +
          '<row><c t="e"><v>#N/A</v></c><c><f>1+1</f></c><c t="str"><f>A1</f><v>x_x000D_y</v></c><c t="b"><v>1</v></c><c t="n"><v>3.5</v></c></row>' +
          '<row r="4"><c r="B4" t="inlineStr"><is><t>Київ</t></is></c></row>',
        'Rich',
      ),
    );
    // Without a <dimension>, SheetJS pads every row to the widest one, which a stream cannot know
    // ahead; rows then end at their last cell, as a CSV file's rows do. The cells are the same.
    expect(trimmed(await readAll(rich, STREAMED))).toEqual(trimmed(await readAll(rich, WHOLE)));
  }, 120_000);

  it('reads rich text in the shared strings table as its runs joined, without the phonetic guide', async () => {
    const path = join(dir, 'rich-shared.xlsx');
    await writeFile(
      path,
      xlsxFromSheetXml(
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="D1" t="s"><v>2</v></c></row>',
        'Rich',
        '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
          '<si><r><t>Ив</t></r><r><rPr><i/></rPr><t>ан</t></r><rPh sb="0" eb="1"><t>イ</t></rPh></si>' +
          '<si><t>line_x000A_break</t></si><si><t xml:space="preserve"> spaced &amp; kept </t></si></sst>',
      ),
    );
    const streamed = await readAll(path, STREAMED);
    expect(streamed).toEqual({
      sheets: [{ name: 'Rich', rows: [{ row: 1, cells: ['Иван', 'line\nbreak', null, ' spaced & kept '] }] }],
    });
    expect(streamed).toEqual(await readAll(path, WHOLE));
  }, 60_000);

  it('reads dates, shared and inline strings, sparse columns and row gaps with their real positions', async () => {
    const path = await writeBook('types-again.xlsx', workbooks()['types.xlsx'] as XLSX.WorkBook);
    const read = await readAll(path, STREAMED);
    const [people, empty, sparse] = read.sheets;
    expect(people?.rows.slice(0, 3)).toEqual([
      { row: 1, cells: ['Name', 'Born', 'Seen at', 'Amount', 'Active', 'Notes'] },
      {
        row: 2,
        cells: [
          'Іван Петренко',
          new Date(Date.UTC(1987, 2, 14)),
          new Date(Date.UTC(2023, 10, 5, 13, 45, 10)),
          1234.5,
          true,
          null,
        ],
      },
      { row: 3, cells: ['Ștefan Ionescu', new Date(Date.UTC(1901, 0, 1)), null, -0.125, false, '  leading spaces'] },
    ]);
    expect(people?.rows[5]?.cells[1]).toEqual(new Date(Date.UTC(2023, 0, 1)));
    expect(empty).toEqual({ name: 'Пусто', rows: [] });
    // Rows start at the sheet's row 3 and column C; the gaps are counted, not closed up.
    expect(sparse?.rows.map((r) => [r.row, r.cells.findIndex((c) => c !== null), r.cells.length])).toEqual([
      [3, 0, 26],
      [4, -1, 0],
      [5, -1, 0],
      [6, -1, 0],
      [7, 0, 26],
      [8, -1, 0],
      [9, 25, 26],
      [10, -1, 0],
      [11, -1, 0],
      [12, 3, 26],
    ]);
  });

  it('stops reading when cancelled, with a Cancelled failure', async () => {
    const path = await writeBook('cancel.xlsx', workbooks()['many.xlsx'] as XLSX.WorkBook);
    const controller = new AbortController();
    const file = await openAgencyFile(path, { limits: STREAMED, signal: controller.signal });
    const read = async () => {
      let rows = 0;
      for await (const _ of file.sheets[0]?.rows ?? []) if (++rows === 10) controller.abort();
      return rows;
    };
    expect(await rejection(read())).toEqual({ kind: 'Cancelled', message: 'Reading cancel.xlsx was cancelled.' });
  });

  it('reads a workbook past the size at which SheetJS is used as a stream, by itself', async () => {
    const path = await writeBook('threshold.xlsx', workbooks()['many.xlsx'] as XLSX.WorkBook);
    // Past the threshold, the SheetJS worker's limit on cells no longer applies: the stream holds no cells.
    const streamed = await readAll(path, { streamWorkbookBytes: 1, maxCells: 10 });
    expect(streamed.sheets[0]?.rows.length).toBe(3000);
    expect(await rejection(readAll(path, { ...WHOLE, maxCells: 10 }))).toMatchObject({ kind: 'FileRejected' });
  }, 60_000);
});
