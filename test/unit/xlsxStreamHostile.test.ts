import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaselinkFailure, type CaselinkError } from '../../main/contract/errors';
import { openAgencyFile } from '../../main/services/import/readers';
import { writeHostileFile, xlsxFromSheetXml } from '../support/hostileFiles';

const MiB = 1024 * 1024;
const HINT_CSV = 'Save the sheet from Excel or LibreOffice as CSV, which Caselink reads as a stream, or split it.';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'caselink-xlsx-stream-hostile-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** What the user is shown when the file is opened and all its rows read, through the streaming reader. */
async function streamed(path: string, limits: Record<string, number> = {}): Promise<CaselinkError | number> {
  try {
    const file = await openAgencyFile(path, { limits: { streamWorkbookBytes: 1, ...limits } });
    let rows = 0;
    for (const sheet of file.sheets) for await (const _ of sheet.rows) rows += 1;
    return rows;
  } catch (error) {
    if (error instanceof CaselinkFailure) return error.error;
    throw error;
  }
}

describe('a hostile .xlsx read as a stream', () => {
  it('refuses a sheet whose zip directory declares 2 GB, before inflating it', async () => {
    const path = await writeHostileFile(dir, 'zipBomb', { bombBytes: 2_000_000_000 });
    const before = process.memoryUsage().rss;
    expect(await streamed(path)).toEqual({
      kind: 'FileRejected',
      message: 'zip-bomb.xlsx: inflates to more than 1.5 GiB, the limit (its zip directory declares 1.9 GiB).',
      hint: HINT_CSV,
    });
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * MiB);
  });

  it('refuses a shared strings table with a DTD (billion laughs), without expanding it', async () => {
    const path = await writeHostileFile(dir, 'entityExpansion');
    expect(await streamed(path)).toEqual({
      kind: 'FileRejected',
      message:
        'billion-laughs.xlsx: its shared strings table holds a document type declaration (DTD), which no workbook part has.',
    });
  });

  it('refuses XML nested a million deep, naming the sheet, row and column, in bounded memory', async () => {
    const path = await writeHostileFile(dir, 'deepXml');
    const before = process.memoryUsage().rss;
    // Past the zip check's ratio, which would refuse this one first: the parser's own bound is tested.
    expect(await streamed(path, { maxCompressionRatio: 100_000 })).toEqual({
      kind: 'FileRejected',
      message: 'deep-xml.xlsx: sheet "Sheet1", row 2, column C: its XML nests deeper than 32 elements.',
    });
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * MiB);
  });

  it('names the sheet, row and column of a cell that points past the shared strings table', async () => {
    const path = await writeHostileFile(dir, 'sharedStringOutOfRange');
    expect(await streamed(path)).toEqual({
      kind: 'FileRejected',
      message:
        'string-out-of-range.xlsx: sheet "Persons", row 4, column D: the cell points to shared string 7, but the table holds 1.',
    });
  });

  it('bounds the shared strings table by its count and by its bytes', async () => {
    const path = await writeHostileFile(dir, 'manySharedStrings', { strings: 50_000 });
    expect(await streamed(path, { maxSharedStrings: 20_000 })).toEqual({
      kind: 'FileRejected',
      message: 'many-strings.xlsx: its shared strings table holds more than 20,000 strings, the limit.',
    });
    expect(await streamed(path, { maxSharedStringBytes: 64 * 1024 })).toEqual({
      kind: 'FileRejected',
      message: 'many-strings.xlsx: its shared strings table holds more than 64 KiB of text, the limit.',
    });
    expect(await streamed(path)).toBe(1);
  });

  it('refuses a cell whose text runs on past the limit for one row, naming where', async () => {
    const path = join(dir, 'endless-cell.xlsx');
    await writeFile(
      path,
      xlsxFromSheetXml(
        `<row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c></row><row r="2"><c r="B2"><v>${'9'.repeat(3 * MiB)}</v></c></row>`,
      ),
    );
    expect(await streamed(path, { maxRowBytes: MiB, maxCompressionRatio: 100_000 })).toEqual({
      kind: 'FileRejected',
      message: 'endless-cell.xlsx: sheet "Sheet1", row 2, column B: a cell or tag runs past 1 MiB without ending.',
    });
  });

  it('keeps the zip checks in front: rows past the limit are refused before any is read', async () => {
    const path = await writeHostileFile(dir, 'manyRows', { rows: 3_000 });
    expect(await streamed(path, { maxRows: 2_000 })).toEqual({
      kind: 'FileRejected',
      message: 'many-rows.xlsx: sheet "Sheet1" has more than 2,000 rows, the limit (it reaches row 2,001).',
      hint: HINT_CSV,
    });
  });
});
