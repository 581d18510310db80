import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaselinkFailure, type CaselinkError } from '../../main/contract/errors';
import { DEFAULT_READ_LIMITS, LIMITS_VARIABLE, readLimits } from '../../main/services/import/limits';
import { openAgencyFile, type OpenedFile, type ReadOptions, type SheetRow } from '../../main/services/import/readers';
import { odsFromTable, writeHostileFile, xlsxFromSheetXml } from '../support/hostileFiles';
import { writeWorkbook } from '../support/sheets';

const MiB = 1024 * 1024;
const HINT_CSV = 'Save the sheet from Excel or LibreOffice as CSV, which Caselink reads as a stream, or split it.';
const HINT_EXTENSION =
  'Export the file again from the system it came from, or give it the extension that matches its content.';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'caselink-hostile-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function rowsOf(file: OpenedFile): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  for (const sheet of file.sheets) for await (const r of sheet.rows) rows.push(r);
  return rows;
}

/** What the user is shown: the rows read, or the error that refused the file. */
async function outcome(path: string, options: ReadOptions = {}): Promise<SheetRow[] | CaselinkError | string> {
  try {
    return await rowsOf(await openAgencyFile(path, options));
  } catch (error) {
    return error instanceof CaselinkFailure ? error.error : String(error);
  }
}

describe('files that are not what their extension says', () => {
  it('refuses random bytes, text and an empty file named .xlsx, and a PDF named .csv, instead of reading 0 rows', async () => {
    const empty = join(dir, 'empty.xlsx');
    await writeFile(empty, '');
    expect({
      random: await outcome(await writeHostileFile(dir, 'randomBytesXlsx')),
      text: await outcome(await writeHostileFile(dir, 'textAsXlsx')),
      pdf: await outcome(await writeHostileFile(dir, 'pdfAsCsv')),
      empty: await outcome(empty),
    }).toEqual({
      random: {
        kind: 'FileRejected',
        message: 'random.xlsx: is named .xlsx but its content is binary data, not a .xlsx workbook.',
        hint: HINT_EXTENSION,
      },
      text: {
        kind: 'FileRejected',
        message: 'export.xlsx: is named .xlsx but its content is plain text, not a .xlsx workbook.',
        hint: HINT_EXTENSION,
      },
      pdf: {
        kind: 'FileRejected',
        message: 'statement.csv: is named .csv but its content is a PDF document, not delimited text.',
        hint: HINT_EXTENSION,
      },
      empty: { kind: 'FileRejected', message: 'empty.xlsx: is empty.', hint: HINT_EXTENSION },
    });
  });

  it('refuses UTF-16 text without its byte-order mark as binary, and reads it with one', async () => {
    const text = 'Name,Phone\nAna Ionescu,0740 123 456\n';
    await writeFile(join(dir, 'utf16.csv'), Buffer.from(text, 'utf16le'));
    await writeFile(
      join(dir, 'utf16-bom.csv'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
    );
    expect({
      noBom: await outcome(join(dir, 'utf16.csv')),
      bom: await outcome(join(dir, 'utf16-bom.csv')),
    }).toEqual({
      noBom: {
        kind: 'FileRejected',
        message: 'utf16.csv: is named .csv but its content is binary data, not delimited text.',
        hint: HINT_EXTENSION,
      },
      bom: [
        { row: 1, cells: ['Name', 'Phone'] },
        { row: 2, cells: ['Ana Ionescu', '0740 123 456'] },
      ],
    });
  });
});

describe('zipped workbooks beyond the limits', () => {
  it('refuses a zip bomb from its zip directory, before inflating it', async () => {
    const path = await writeHostileFile(dir, 'zipBomb', { bombBytes: 600 * MiB });
    const before = process.memoryUsage().rss;
    expect(await outcome(path)).toEqual({
      kind: 'FileRejected',
      message: 'zip-bomb.xlsx: inflates to more than 256 MiB, the limit (its zip directory declares 600.0 MiB).',
      hint: HINT_CSV,
    });
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * MiB);
  });

  it('refuses a zip bomb whose directory lies about its size, once it inflates past what it declared', async () => {
    const path = await writeHostileFile(dir, 'zipBombLyingDirectory', { bombBytes: 300 * MiB });
    const result = await outcome(path);
    expect(result).toMatchObject({ kind: 'FileRejected' });
    expect((result as CaselinkError).message).toMatch(
      /^zip-bomb-lying\.xlsx: part xl\/worksheets\/sheet1\.xml is damaged or lies about its size \(too many bytes in the stream/,
    );
  });

  it('refuses a part that inflates far more than any spreadsheet does', async () => {
    const path = await writeHostileFile(dir, 'zipBomb', { bombBytes: 100 * MiB });
    expect(await outcome(path)).toEqual({
      kind: 'FileRejected',
      message: expect.stringMatching(
        /^zip-bomb\.xlsx: part xl\/worksheets\/sheet1\.xml inflates \d{3,} times, beyond the limit of 200: a zip bomb, not a workbook\.$/,
      ) as string,
    });
  });

  it('counts the rows of the sheet XML itself, naming the sheet and the limit, whatever <dimension> claims', async () => {
    const path = await writeHostileFile(dir, 'manyRows', { rows: 3_000 });
    expect(await outcome(path, { limits: { maxRows: 2_000 } })).toEqual({
      kind: 'FileRejected',
      message: 'many-rows.xlsx: sheet "Sheet1" has more than 2,000 rows, the limit (it reaches row 2,001).',
      hint: HINT_CSV,
    });
    const lying = join(dir, 'lying-dimension.xlsx');
    await writeFile(
      lying,
      xlsxFromSheetXml(
        '<dimension ref="A1:A2"/><row r="1"><c r="A1"><v>1</v></c></row><row r="900000"><c r="A900000"><v>2</v></c></row>',
        'Persons',
      ),
    );
    expect(await outcome(lying, { limits: { maxRows: 100_000 } })).toEqual({
      kind: 'FileRejected',
      message: 'lying-dimension.xlsx: sheet "Persons" has more than 100,000 rows, the limit (it reaches row 900,000).',
      hint: HINT_CSV,
    });
  });

  it('refuses sheet XML with a tag that never closes, without holding it all', async () => {
    const path = join(dir, 'endless-tag.xlsx');
    await writeFile(
      path,
      xlsxFromSheetXml(`<row r="1"><c r="A1" t="${randomBytes(2 * 1024 * 1024).toString('base64')}`, 'Notes'),
    );
    expect(await outcome(path)).toMatchObject({
      kind: 'FileRejected',
      message: expect.stringContaining('sheet "Notes" holds an XML tag longer than'),
    });
  });

  it('refuses a workbook of more cells than SheetJS can hold, before parsing it', async () => {
    const path = await writeHostileFile(dir, 'denseCells', { rows: 2_000 });
    expect(await outcome(path, { limits: { maxCells: 10_000 } })).toEqual({
      kind: 'FileRejected',
      message:
        'dense-cells.xlsx: has more than 10,000 cells, the limit for a workbook (reached in sheet "Sheet1", row 1,001).',
      hint: HINT_CSV,
    });
  });

  it('counts the repeated rows and cells of an OpenDocument sheet, not only its bytes', async () => {
    const path = await writeHostileFile(dir, 'odsRepeats');
    expect(await outcome(path)).toEqual({
      kind: 'FileRejected',
      message: 'repeats.ods: sheet "Tips" has more than 2,000 columns, the limit (row 2 reaches column 16,000).',
    });
  });

  it('reads an OpenDocument sheet padded to its full size with empty repeats, as LibreOffice saves it', async () => {
    const path = join(dir, 'padded.ods');
    const cell = (text: string) =>
      `<table:table-cell office:value-type="string"><text:p>${text}</text:p></table:table-cell>`;
    await writeFile(
      path,
      odsFromTable(
        'Tips',
        `<table:table-row>${cell('Name')}<table:table-cell table:number-columns-repeated="1023"/></table:table-row>` +
          `<table:table-row>${cell('Ana')}<table:table-cell table:number-columns-repeated="1023"/></table:table-row>` +
          '<table:table-row table:number-rows-repeated="1048574"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>',
      ),
    );
    expect(await outcome(path)).toEqual([
      { row: 1, cells: ['Name'] },
      { row: 2, cells: ['Ana'] },
    ]);
  });

  it('refuses a cell in column XFD, a few bytes that would make every row 16,384 cells wide', async () => {
    expect(await outcome(await writeHostileFile(dir, 'manyColumns'))).toEqual({
      kind: 'FileRejected',
      message: 'many-columns.xlsx: sheet "Sheet1" has more than 2,000 columns, the limit (row 1 reaches column XFD).',
    });
  });

  it('reads only as many rows as a sheet holds when its range claims a million', async () => {
    const path = join(dir, 'claims-a-million.xlsx');
    await writeFile(
      path,
      xlsxFromSheetXml(
        '<dimension ref="A1:Z1000000"/><row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c></row>' +
          '<row r="2"><c r="A2" t="inlineStr"><is><t>Ana</t></is></c></row>',
      ),
    );
    expect(await outcome(path)).toEqual([
      { row: 1, cells: ['Name'] },
      { row: 2, cells: ['Ana'] },
    ]);
  });

  it('refuses odd XML (deep nesting, an entity-expansion declaration) with a clear message', async () => {
    expect(await outcome(await writeHostileFile(dir, 'oddXml'))).toEqual({
      kind: 'FileRejected',
      message: 'odd-xml.xlsx: sheet "Sheet1" cannot be read: its XML is damaged, or of a kind Caselink does not read.',
      hint: 'Open the file in Excel or LibreOffice and save it again, or save the sheet as CSV.',
    });
  });

  it('fails a workbook that needs more memory than its worker may have, with a message, not a crash', async () => {
    const path = await writeHostileFile(dir, 'largestAllowed', { rows: 60_000 });
    expect(await outcome(path, { limits: { workerHeapMb: 48 } })).toEqual({
      kind: 'FileRejected',
      message: 'largest-allowed.xlsx: needed more than the 48 MB of memory allowed for reading one workbook.',
      hint: 'Save the sheet as CSV, which Caselink reads as a stream, or split it.',
    });
  }, 60_000);
});

describe('parsing off the main thread', () => {
  it('keeps the main thread free while a workbook is parsed, and stops the parse on cancel', async () => {
    const path = await writeHostileFile(dir, 'largestAllowed', { rows: 60_000 });
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const started = performance.now();
    const file = await openAgencyFile(path);
    const opened = performance.now() - started;
    delay.disable();
    file.close();
    // Parsed in the main thread, the longest stall would be the whole parse.
    expect(delay.max / 1e6).toBeLessThan(opened / 3);

    // Cancelled once the checks have passed and SheetJS is busy parsing, in the worker.
    const controller = new AbortController();
    let abortedAt = 0;
    const opening = openAgencyFile(path, {
      signal: controller.signal,
      onParsing: () => {
        abortedAt = performance.now();
        controller.abort();
      },
    });
    const result = await opening.then(
      () => 'opened',
      (error: unknown) => (error instanceof CaselinkFailure ? error.error : String(error)),
    );
    // Cancelled rather than opened: the worker was stopped mid-parse, not left to finish. (No
    // wall-clock bound here: a busy machine would make one flaky; bench:hostile prints the time.)
    expect({ result, abortedDuringParse: abortedAt > 0 }).toEqual({
      result: { kind: 'Cancelled', message: 'Reading largest-allowed.xlsx was cancelled.' },
      abortedDuringParse: true,
    });
  }, 60_000);
});

describe('cancelling a text file', () => {
  it('stops the rows with Cancelled as soon as the signal is aborted', async () => {
    const path = join(dir, 'long.csv');
    await writeFile(path, `Name,Phone\n${'Ana Ionescu,0740 123 456\n'.repeat(200_000)}`);
    const controller = new AbortController();
    const file = await openAgencyFile(path, { signal: controller.signal });
    let read = 0;
    let error: CaselinkError | string = 'not stopped';
    try {
      for await (const _row of file.sheets[0]?.rows ?? []) {
        read += 1;
        if (read === 1_000) controller.abort();
      }
    } catch (e) {
      error = e instanceof CaselinkFailure ? e.error : String(e);
    }
    expect({ error, stoppedEarly: read < 200_000 }).toEqual({
      error: { kind: 'Cancelled', message: 'Reading long.csv was cancelled.' },
      stoppedEarly: true,
    });
  }, 60_000);
});

describe('cells cleaned, with a warning per row and column', () => {
  it('removes NUL and other control characters, marks invalid UTF-8 as U+FFFD, and keeps the rows', async () => {
    expect(await outcome(await writeHostileFile(dir, 'csvNulAndInvalidUtf8'))).toEqual([
      { row: 1, cells: ['Nume', 'Oraș', 'Telefon'] },
      { row: 2, cells: ['Popescu', 'Iași', '0740 123 456'] },
      {
        row: 3,
        cells: ['Ionescu', 'Brașov', '0740 654 321'],
        warnings: [
          { column: 0, reason: '1 control character (NUL) removed' },
          { column: 1, reason: '2 control characters (NUL) removed' },
        ],
      },
      {
        row: 4,
        cells: ['Vasile', 'Cluj\uFFFD(\uFFFD', '0740 111 222'],
        warnings: [{ column: 1, reason: 'holds bytes that are not valid text in its encoding (shown as \uFFFD)' }],
      },
      { row: 5, cells: ['Georgescu', 'Timișoara', '0740 333 444'] },
    ]);
  });

  it('removes direction marks and zero-width spaces, which hide a difference between two values that look the same', async () => {
    const path = join(dir, 'invisible.csv');
    // As copied from a messaging app or a web page: the number wrapped in a left-to-right
    // embedding, a zero-width space inside the e-mail, a right-to-left override that shows the
    // name as "Ionel Marin" while it is stored backwards.
    await writeFile(
      path,
      'Name,Phone,Email\n\u202eniraM lenoI,\u202a+44 7700 900123\u202c,ion.marin\u200b@example.com\nAna Pop,07700 900124,ana@example.com\n',
    );
    expect(await outcome(path)).toEqual([
      { row: 1, cells: ['Name', 'Phone', 'Email'] },
      {
        row: 2,
        cells: ['niraM lenoI', '+44 7700 900123', 'ion.marin@example.com'],
        warnings: [
          { column: 0, reason: '1 invisible character (direction marks, zero-width spaces) removed' },
          { column: 1, reason: '2 invisible characters (direction marks, zero-width spaces) removed' },
          { column: 2, reason: '1 invisible character (direction marks, zero-width spaces) removed' },
        ],
      },
      { row: 3, cells: ['Ana Pop', '07700 900124', 'ana@example.com'] },
    ]);
  });

  it('cleans workbook cells the same way', async () => {
    const path = join(dir, 'controls.xlsx');
    await writeWorkbook(path, [
      {
        name: 'Persons',
        rows: [
          ['Name', 'Phone'],
          ['Ana\u0007 Ionescu', '0740 123 456'],
        ],
      },
    ]);
    expect(await outcome(path)).toEqual([
      { row: 1, cells: ['Name', 'Phone'] },
      {
        row: 2,
        cells: ['Ana Ionescu', '0740 123 456'],
        warnings: [{ column: 0, reason: '1 control character removed' }],
      },
    ]);
  });

  it('cuts a 10 MB cell to the cell-length limit and keeps its row and the rows after it', async () => {
    const rows = await outcome(await writeHostileFile(dir, 'csvHugeCell'));
    expect(
      (rows as SheetRow[]).map((r) => ({ ...r, cells: r.cells.map((c) => (typeof c === 'string' ? c.length : c)) })),
    ).toEqual([
      { row: 1, cells: [4, 5, 5] },
      {
        row: 2,
        cells: [11, 32_767, 12],
        warnings: [{ column: 1, reason: '10,485,760 characters cut to the first 32,767' }],
      },
      { row: 3, cells: [10, 5, 12] },
    ]);
  });

  it('refuses a text file with a row of 100,000 columns, or a row that never ends', async () => {
    expect({
      columns: await outcome(await writeHostileFile(dir, 'csvManyColumns')),
      unclosed: await outcome(await writeHostileFile(dir, 'csvUnclosedQuote', { unclosedBytes: 3 * MiB }), {
        limits: { maxRowBytes: MiB },
      }),
    }).toEqual({
      columns: {
        kind: 'FileRejected',
        message: 'many-columns.csv: row 1 has 100,000 columns; the limit is 2,000.',
        hint: 'Check the delimiter chosen in the mapping.',
      },
      unclosed: {
        kind: 'FileRejected',
        message:
          'unclosed-quote.csv: row 2 runs past 1 MiB, the limit for one row (an unclosed quote, or not a table).',
        hint: 'Check the quotes around that row, or the delimiter and encoding in the mapping.',
      },
    });
  });
});

describe('the limits', () => {
  it('are the defaults, overridden by CASELINK_READ_LIMITS and then by the caller; unknown names are refused', () => {
    const saved = process.env[LIMITS_VARIABLE];
    try {
      process.env[LIMITS_VARIABLE] = '{"maxRows": 5000, "maxColumns": 300}';
      expect(readLimits({ maxColumns: 10 })).toEqual({ ...DEFAULT_READ_LIMITS, maxRows: 5000, maxColumns: 10 });
      process.env[LIMITS_VARIABLE] = '{"maxRow": 5000}';
      expect(() => readLimits()).toThrow(/unknown limit "maxRow"/);
    } finally {
      if (saved === undefined) delete process.env[LIMITS_VARIABLE];
      else process.env[LIMITS_VARIABLE] = saved;
    }
  });
});
