import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cell } from '../../main/core/cells';
import { CaselinkFailure, type CaselinkError } from '../../main/contract/errors';
import { detectDelimiter, detectEncoding, openAgencyFile, type OpenedFile } from '../../main/services/import/readers';
import { writeWorkbook } from '../support/sheets';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'caselink-readers-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function rowsOf(file: OpenedFile, sheet = 0): Promise<{ row: number; cells: Cell[] }[]> {
  const rows: { row: number; cells: Cell[] }[] = [];
  for await (const r of file.sheets[sheet]?.rows ?? []) rows.push(r);
  return rows;
}

/** The error the user is shown when a file cannot be opened. */
async function rejection(open: Promise<unknown>): Promise<CaselinkError | string> {
  try {
    await open;
    return 'opened';
  } catch (error) {
    return error instanceof CaselinkFailure ? error.error : String(error);
  }
}

describe('detecting the text encoding', () => {
  it('reads a BOM, valid UTF-8, and anything else as Windows-1252', () => {
    expect({
      utf8Bom: detectEncoding(Uint8Array.from([0xef, 0xbb, 0xbf, 0x4e, 0x75, 0x6d, 0x65])),
      utf16Bom: detectEncoding(Uint8Array.from([0xff, 0xfe, 0x4e, 0x00])),
      utf8: detectEncoding(Buffer.from('Nume;Prenume\nPopescu;Ștefan;Iași;Brașov\nIonescu;Ana;x;y\n', 'utf8')),
      ascii: detectEncoding(Buffer.from('Name,Phone\nSmith,07912 345678\n')),
      windows1252: detectEncoding(Buffer.from('Surname;Town\nMUÑOZ;Bar\xe7a\nFRAN\xc7OIS;Paris\n', 'latin1')),
      empty: detectEncoding(new Uint8Array()),
    }).toEqual({
      utf8Bom: 'utf-8',
      utf16Bom: 'utf-16le',
      utf8: 'utf-8',
      ascii: 'utf-8',
      windows1252: 'windows-1252',
      empty: 'utf-8',
    });
  });

  it('reads a short UTF-8 file as UTF-8 when its last line ends in an accented letter', () => {
    expect(detectEncoding(Buffer.from('Nume;Oraș\nPopescu;Iași\n', 'utf8'))).toBe('utf-8');
  });
});

describe('detecting the delimiter', () => {
  it('picks the one that splits every line into the same columns, ignoring delimiters inside quotes', () => {
    expect({
      semicolon: detectDelimiter('Nume;Adresă;Telefon\nPopescu;"Str. Lungă 3, Iași";0740 123 456\n'),
      comma: detectDelimiter('Name,Notes\nSmith,"met at; the station"\nJones,"x;y;z"\n'),
      tab: detectDelimiter('Name\tPhone\tTown\nSmith\t07912 345678\tLondon\n'),
      pipe: detectDelimiter('Name|Phone|Town\nSmith|07912 345678|London, UK\n'),
      tsvByExtension: detectDelimiter('a,b,c\n1,2,3\n', '.tsv'),
      oneColumn: detectDelimiter('Name\nSmith\n'),
    }).toEqual({ semicolon: ';', comma: ',', tab: '\t', pipe: '|', tsvByExtension: '\t', oneColumn: ',' });
  });
});

describe('opening agency files', () => {
  it('reads a Windows-1252 CSV with ; and a quoted line break inside a cell', async () => {
    const path = join(dir, 'encounters.csv');
    const text =
      'Surname;Address;Notes\r\n' +
      'MUÑOZ;"Calle Mayor 7\r\n28013 Madrid";François\r\n' +
      ';;\r\n' +
      'SMITH;"12 High St; London";"said ""no"""\r\n';
    await writeFile(path, Buffer.from(text, 'latin1'));
    const file = await openAgencyFile(path);
    expect({
      format: file.format,
      encoding: file.encoding,
      delimiter: file.delimiter,
      sheets: file.sheets.map((s) => [s.name, s.rowCount]),
      rows: await rowsOf(file),
      bytesRead: file.bytesRead(),
    }).toEqual({
      format: 'delimited',
      encoding: 'windows-1252',
      delimiter: ';',
      sheets: [['Sheet1', null]],
      rows: [
        { row: 1, cells: ['Surname', 'Address', 'Notes'] },
        { row: 2, cells: ['MUÑOZ', 'Calle Mayor 7\r\n28013 Madrid', 'François'] },
        { row: 3, cells: [null, null, null] },
        { row: 4, cells: ['SMITH', '12 High St; London', 'said "no"'] },
      ],
      bytesRead: Buffer.byteLength(text, 'latin1'),
    });
  });

  it('reads 200,000 rows quickly, and a quoted cell that spans the 1 MiB chunks the file is read in', async () => {
    const path = join(dir, 'long.csv');
    const filler = 'Ana Ionescu,0740 123 456\n'.repeat(200_000);
    // The quoted cell starts just before the first 1 MiB boundary and ends after it.
    const head = filler.slice(0, 1024 * 1024 - 40 - ((1024 * 1024 - 40) % 25));
    const quoted = `"Notes over\n${'x'.repeat(100)}\nthe boundary",0740 999 999\n`;
    await writeFile(path, `Name,Phone\n${head}${quoted}${filler}`);
    const rows = await rowsOf(await openAgencyFile(path));
    const spanning = rows.find((r) => r.cells[1] === '0740 999 999');
    expect({ count: rows.length, spanning: spanning?.cells[0], last: rows.at(-1) }).toEqual({
      count: 1 + head.length / 25 + 1 + 200_000,
      spanning: `Notes over\n${'x'.repeat(100)}\nthe boundary`,
      last: { row: 1 + head.length / 25 + 1 + 200_000, cells: ['Ana Ionescu', '0740 123 456'] },
    });
  });

  it('reads no further ahead than the rows taken: a slow import (a busy database) neither holds the file in memory nor trips the one-row limit', async () => {
    const path = join(dir, 'slow.csv');
    await writeFile(path, `Name,Phone\n${'Ana Ionescu,0740 123 456\n'.repeat(400_000)}`); // 10 MB
    // With a 2 MiB limit for one row, reading ahead of the rows taken by more than that was read as
    // one row running on, and a good file was refused halfway through.
    const file = await openAgencyFile(path, { limits: { maxRowBytes: 2 * 1024 * 1024 } });
    let count = 0;
    let furthestAhead = 0;
    for await (const r of file.sheets[0]?.rows ?? []) {
      count += 1;
      if (r.row % 1000 === 0) furthestAhead = Math.max(furthestAhead, file.bytesRead() - r.row * 25);
      // The import takes its time over each row: the file must wait for it.
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(count).toBe(400_001);
    expect(furthestAhead).toBeLessThan(8 * 1024 * 1024);
  });

  it('drops the byte-order mark from the first header of a UTF-8 CSV', async () => {
    const path = join(dir, 'persoane.csv');
    await writeFile(path, `\uFEFFNume,Oraș\nPopescu,Iași\n`, 'utf8');
    const file = await openAgencyFile(path);
    expect({ encoding: file.encoding, rows: await rowsOf(file) }).toEqual({
      encoding: 'utf-8',
      rows: [
        { row: 1, cells: ['Nume', 'Oraș'] },
        { row: 2, cells: ['Popescu', 'Iași'] },
      ],
    });
  });

  it('reads the sheets of a workbook asked for, with date cells as dates', async () => {
    const path = join(dir, 'case-log.xlsx');
    await writeWorkbook(path, [
      {
        name: 'Persons',
        rows: [
          ['Name', 'DOB'],
          ['Ana Ionescu', new Date(Date.UTC(1998, 4, 12))],
        ],
      },
      { name: 'Contacts', rows: [['Phone'], ['07912 345678']] },
    ]);
    const file = await openAgencyFile(path, { sheets: ['Persons'] });
    expect({
      format: file.format,
      sheets: file.sheets.map((s) => [s.name, s.rowCount]),
      rows: await rowsOf(file),
    }).toEqual({
      format: 'workbook',
      sheets: [['Persons', 2]],
      rows: [
        { row: 1, cells: ['Name', 'DOB'] },
        { row: 2, cells: ['Ana Ionescu', new Date(Date.UTC(1998, 4, 12))] },
      ],
    });
  });

  it('rejects a workbook without the sheet asked for, listing the sheets it has', async () => {
    const path = join(dir, 'persoane.xlsx');
    await writeWorkbook(path, [
      { name: 'Persons', rows: [['Name']] },
      { name: 'Notes', rows: [['x']] },
    ]);
    expect(await rejection(openAgencyFile(path, { sheets: ['Persoane', 'Persons'] }))).toEqual({
      kind: 'FileRejected',
      message: 'persoane.xlsx: has no sheet named "Persoane"',
      hint: 'Its sheets are: Persons, Notes.',
    });
  });

  it('rejects a file of an unknown format, or one that is not there, by name', async () => {
    await writeFile(join(dir, 'statement.pdf'), '%PDF-1.7');
    await writeFile(join(dir, 'README'), 'notes');
    expect({
      pdf: await rejection(openAgencyFile(join(dir, 'statement.pdf'))),
      noExtension: await rejection(openAgencyFile(join(dir, 'README'))),
      missing: await rejection(openAgencyFile(join(dir, 'missing.csv'))),
    }).toEqual({
      pdf: {
        kind: 'FileRejected',
        message: 'statement.pdf: is not a format Caselink reads (.pdf)',
        hint: 'Caselink reads .xlsx, .xlsm, .xls, .ods, .xlsb, .fods, .csv, .tsv, .txt, .tab.',
      },
      noExtension: {
        kind: 'FileRejected',
        message: 'README: is not a format Caselink reads (no extension)',
        hint: 'Caselink reads .xlsx, .xlsm, .xls, .ods, .xlsb, .fods, .csv, .tsv, .txt, .tab.',
      },
      missing: { kind: 'FileRejected', message: 'missing.csv: does not exist or cannot be opened' },
    });
  });
});
