/**
 * Hostile and malformed agency files, written at test time into a temporary folder (never
 * committed): zip bombs, a sheet of millions of rows in a small file, bytes that are not what
 * their extension says, text with NUL bytes and invalid UTF-8, an enormous cell, a huge number of
 * columns, and odd XML. The zip files are assembled here by hand because a hostile file must be
 * able to lie (about its sizes, its dimension), which no well-behaved writer will do.
 */
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { constants, crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

const MiB = 1024 * 1024;

/** One part of a zip: stored deflated, with the sizes its directory declares. */
interface ZipPart {
  name: string;
  deflated: Buffer;
  crc: number;
  size: number;
  /** The uncompressed size the directory claims, when it lies. */
  declaredSize?: number;
}

function part(name: string, text: string): ZipPart {
  const data = Buffer.from(text, 'utf8');
  return { name, deflated: deflateRawSync(data), crc: crc32(data), size: data.length };
}

/**
 * A part whose content is `unit` repeated until `size` bytes, built without ever holding or
 * deflating them: a block deflated with a full flush references nothing before it, so repeating
 * its bytes repeats the text. Its CRC is not computed (0): a reader must refuse it before that.
 */
function repeatedPart(name: string, head: string, unit: string, size: number, tail: string): ZipPart {
  const chunkText = unit.repeat(Math.max(1, Math.floor(MiB / unit.length)));
  const block = deflateRawSync(Buffer.from(chunkText), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const count = Math.ceil(size / chunkText.length);
  const pieces = [deflateRawSync(Buffer.from(head), { finishFlush: constants.Z_FULL_FLUSH })];
  for (let i = 0; i < count; i++) pieces.push(block);
  pieces.push(deflateRawSync(Buffer.from(tail)));
  const total = head.length + count * chunkText.length + tail.length;
  return { name, deflated: Buffer.concat(pieces), crc: 0, size: total };
}

/** A part deflated as it is generated, chunk by chunk, so a 200 MB sheet needs little memory. */
async function streamedPart(name: string, chunks: Iterable<string>): Promise<ZipPart> {
  const deflate = createDeflateRaw({ level: 1 });
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => out.push(b));
  const done = new Promise((resolve, reject) => deflate.on('end', resolve).on('error', reject));
  let crc = 0;
  let size = 0;
  for (const text of chunks) {
    const data = Buffer.from(text, 'utf8');
    crc = crc32(data, crc);
    size += data.length;
    if (!deflate.write(data)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return { name, deflated: Buffer.concat(out), crc, size };
}

function zip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const declared = p.declaredSize ?? p.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(p.crc >>> 0, 14);
    local.writeUInt32LE(p.deflated.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, p.deflated);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(p.crc >>> 0, 16);
    central.writeUInt32LE(p.deflated.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + p.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = '</sheetData></worksheet>';

/** The parts of a one-sheet .xlsx around its sheet XML. */
function workbookParts(sheet: ZipPart, sheetName = 'Sheet1', extra: ZipPart[] = [], listed = false): ZipPart[] {
  // Listed in [Content_Types].xml, as Excel lists them; unlisted, SheetJS drops the sheet (oddXml relies on it).
  const types = listed ? extra : [];
  return [
    part(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        types
          .map((p) =>
            p.name === 'xl/sharedStrings.xml'
              ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
              : p.name === 'xl/styles.xml'
                ? '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
                : '',
          )
          .join('') +
        '</Types>',
    ),
    part(
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
        '</Relationships>',
    ),
    part(
      'xl/workbook.xml',
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        `<sheets><sheet name="${sheetName}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    part(
      'xl/_rels/workbook.xml.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
        (extra.some((p) => p.name === 'xl/sharedStrings.xml')
          ? '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
          : '') +
        (extra.some((p) => p.name === 'xl/styles.xml')
          ? '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
          : '') +
        '</Relationships>',
    ),
    sheet,
    ...extra,
  ];
}

/** A small, honest one-sheet .xlsx from sheet XML rows, for odd-but-valid structure. */
export function xlsxFromSheetXml(sheetData: string, sheetName = 'Sheet1', sharedStrings?: string): Buffer {
  return zip(
    workbookParts(
      part('xl/worksheets/sheet1.xml', SHEET_HEAD + sheetData + SHEET_TAIL),
      sheetName,
      sharedStrings === undefined ? [] : [part('xl/sharedStrings.xml', sharedStrings)],
      true,
    ),
  );
}

/** A one-sheet OpenDocument spreadsheet around the rows of its table (content.xml). */
export function odsFromTable(sheetName: string, rowsXml: string): Buffer {
  return zip([
    part('mimetype', 'application/vnd.oasis.opendocument.spreadsheet'),
    part(
      'META-INF/manifest.xml',
      '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">' +
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>' +
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>',
    ),
    part(
      'styles.xml',
      '<?xml version="1.0" encoding="UTF-8"?><office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.2"/>',
    ),
    part(
      'content.xml',
      '<?xml version="1.0" encoding="UTF-8"?><office:document-content ' +
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ' +
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet>' +
        `<table:table table:name="${sheetName}">${rowsXml}</table:table></office:spreadsheet></office:body></office:document-content>`,
    ),
  ]);
}

/** The kinds of hostile file, each with what Caselink must do with it. */
export type HostileKind =
  | 'zipBomb'
  | 'zipBombLyingDirectory'
  | 'manyRows'
  | 'largestAllowed'
  | 'denseCells'
  | 'manyColumns'
  | 'odsRepeats'
  | 'randomBytesXlsx'
  | 'textAsXlsx'
  | 'pdfAsCsv'
  | 'csvNulAndInvalidUtf8'
  | 'csvHugeCell'
  | 'csvManyColumns'
  | 'csvUnclosedQuote'
  | 'oddXml'
  | 'deepXml'
  | 'entityExpansion'
  | 'sharedStringOutOfRange'
  | 'manySharedStrings';

export interface HostileOptions {
  /** Bytes a zip bomb's sheet inflates to (default 3 GiB). */
  bombBytes?: number;
  /** Rows of the many-rows sheet (default 3,750,000). */
  rows?: number;
  /** Characters in the huge cell (default 10 MiB). */
  cellChars?: number;
  /** Bytes after the unclosed quote (default 40 MiB). */
  unclosedBytes?: number;
  /** Strings in the shared strings table of 'manySharedStrings' (default 10,000,000). */
  strings?: number;
}

const ROW_UNIT = '<row><c t="n"><v>1</v></c></row>';

function* manyRowsXml(rows: number, columns = 1): Iterable<string> {
  yield SHEET_HEAD;
  const perChunk = 20_000;
  for (let start = 1; start <= rows; start += perChunk) {
    let text = '';
    for (let r = start; r < Math.min(rows + 1, start + perChunk); r++) {
      text += `<row r="${r}">`;
      for (let c = 0; c < columns; c++)
        text += `<c r="${String.fromCharCode(65 + c)}${r}"><v>${(r * (c + 7)) % 100_003}</v></c>`;
      text += '</row>';
    }
    yield text;
  }
  yield SHEET_TAIL;
}

/** Writes one hostile file into `dir` and returns its path. */
export async function writeHostileFile(dir: string, kind: HostileKind, options: HostileOptions = {}): Promise<string> {
  const bombBytes = options.bombBytes ?? 3 * 1024 * MiB;
  let name: string;
  let bytes: Buffer;
  switch (kind) {
    case 'zipBomb':
      name = 'zip-bomb.xlsx';
      bytes = zip(workbookParts(repeatedPart('xl/worksheets/sheet1.xml', SHEET_HEAD, ROW_UNIT, bombBytes, SHEET_TAIL)));
      break;
    case 'zipBombLyingDirectory': {
      name = 'zip-bomb-lying.xlsx';
      // Whitespace between tags: no rows to count, only bytes, and far more of them than declared.
      const sheet = repeatedPart('xl/worksheets/sheet1.xml', SHEET_HEAD, ' '.repeat(64), bombBytes, SHEET_TAIL);
      // Claims a modest size and ratio; inflating shows otherwise.
      bytes = zip(workbookParts({ ...sheet, declaredSize: Math.min(sheet.size, sheet.deflated.length * 20) }));
      break;
    }
    case 'manyRows':
      name = 'many-rows.xlsx';
      bytes = zip(
        workbookParts(await streamedPart('xl/worksheets/sheet1.xml', manyRowsXml(options.rows ?? 3_750_000))),
      );
      break;
    case 'largestAllowed':
      // Not hostile, only as large as the limits let a workbook be: a million rows of five numbers,
      // near the inflated-size limit. It shows what the worker's heap limit is there for.
      name = 'largest-allowed.xlsx';
      bytes = zip(
        workbookParts(await streamedPart('xl/worksheets/sheet1.xml', manyRowsXml(options.rows ?? 1_000_000, 5))),
      );
      break;
    case 'denseCells': {
      // Within every size limit, but ten million short cells: more than the worker's heap holds.
      name = 'dense-cells.xlsx';
      const rows = options.rows ?? 1_040_000;
      bytes = zip(
        workbookParts(
          await streamedPart(
            'xl/worksheets/sheet1.xml',
            (function* () {
              yield SHEET_HEAD;
              for (let start = 0; start < rows; start += 10_000) {
                let text = '';
                for (let r = start; r < Math.min(rows, start + 10_000); r++) {
                  text += '<row>';
                  for (let c = 0; c < 10; c++) text += `<c><v>${(r * 31 + c * 17) % 97}</v></c>`;
                  text += '</row>';
                }
                yield text;
              }
              yield SHEET_TAIL;
            })(),
          ),
        ),
      );
      break;
    }
    case 'manyColumns':
      name = 'many-columns.xlsx';
      // Five bytes of cell reference place a value in Excel's last column.
      bytes = xlsxFromSheetXml(
        '<dimension ref="A1:B2"/><row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c>' +
          '<c r="XFD1" t="inlineStr"><is><t>far</t></is></c></row>',
      );
      break;
    case 'odsRepeats':
      // A few hundred bytes that say: this row of 16,000 "x" cells, a million times.
      name = 'repeats.ods';
      bytes = odsFromTable(
        'Tips',
        '<table:table-row><table:table-cell office:value-type="string"><text:p>Name</text:p></table:table-cell></table:table-row>' +
          '<table:table-row table:number-rows-repeated="1000000"><table:table-cell table:number-columns-repeated="16000" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>',
      );
      break;
    case 'randomBytesXlsx':
      name = 'random.xlsx';
      bytes = randomBytes(64 * 1024);
      break;
    case 'textAsXlsx':
      name = 'export.xlsx';
      bytes = Buffer.from('Name,Phone\nAna Ionescu,0740 123 456\nJohn Smith,07912 345678\n');
      break;
    case 'pdfAsCsv':
      name = 'statement.csv';
      bytes = Buffer.concat([
        Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n', 'latin1'),
        randomBytes(4096),
        Buffer.from('\n%%EOF\n'),
      ]);
      break;
    case 'csvNulAndInvalidUtf8':
      name = 'nul-and-bad-utf8.csv';
      bytes = Buffer.concat([
        Buffer.from('Nume,Oraș,Telefon\nPopescu,Iași,0740 123 456\nIon\0escu,Brașov\0\0,0740 654 321\n', 'utf8'),
        // A lead byte without its continuation, and a byte that is never UTF-8.
        Buffer.from('Vasile,Cluj', 'utf8'),
        Buffer.from([0xc3, 0x28, 0xff]),
        Buffer.from(',0740 111 222\nGeorgescu,Timișoara,0740 333 444\n', 'utf8'),
      ]);
      break;
    case 'csvHugeCell':
      name = 'huge-cell.csv';
      bytes = Buffer.from(
        `Name,Notes,Phone\nAna Ionescu,"${'A'.repeat(options.cellChars ?? 10 * MiB)}",0740 123 456\nJohn Smith,short,07912 345678\n`,
      );
      break;
    case 'csvManyColumns':
      name = 'many-columns.csv';
      bytes = Buffer.from(`${Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(',')}\n1,2,3\n`);
      break;
    case 'csvUnclosedQuote':
      name = 'unclosed-quote.csv';
      bytes = Buffer.concat([
        Buffer.from('Name,Notes\nAna Ionescu,"starts a quote that never ends\n'),
        Buffer.alloc(options.unclosedBytes ?? 40 * MiB, 'x,y\n'),
      ]);
      break;
    case 'oddXml': {
      name = 'odd-xml.xlsx';
      // Deeply nested unknown elements inside a cell, and an entity-expansion ("billion laughs")
      // declaration in the shared strings, which a reader must not expand.
      const depth = 100_000;
      const nested = `${'<x>'.repeat(depth)}deep${'</x>'.repeat(depth)}`;
      const laughs =
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">' +
        Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('') +
        ']><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>&lol9;</t></si></sst>';
      bytes = zip(
        workbookParts(
          part(
            'xl/worksheets/sheet1.xml',
            `${SHEET_HEAD}<row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c><c r="B1" t="s"><v>0</v></c></row>` +
              `<row r="2"><c r="A2" t="inlineStr"><is>${nested}</is></c></row>${SHEET_TAIL}`,
          ),
          'Sheet1',
          [part('xl/sharedStrings.xml', laughs)],
        ),
      );
      break;
    }
    case 'deepXml': {
      // A cell nested a million elements deep: a parser that keeps a stack grows it without end.
      name = 'deep-xml.xlsx';
      const depth = 1_000_000;
      bytes = zip(
        workbookParts(
          await streamedPart(
            'xl/worksheets/sheet1.xml',
            (function* () {
              yield `${SHEET_HEAD}<row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c></row><row r="2"><c r="C2" t="inlineStr"><is>`;
              for (let i = 0; i < depth; i += 10_000) yield '<x>'.repeat(10_000);
              yield 'deep';
              for (let i = 0; i < depth; i += 10_000) yield '</x>'.repeat(10_000);
              yield `</is></c></row>${SHEET_TAIL}`;
            })(),
          ),
        ),
      );
      break;
    }
    case 'entityExpansion': {
      // "Billion laughs": ten levels of entities, each ten of the one before, in the shared strings.
      name = 'billion-laughs.xlsx';
      const laughs =
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">' +
        Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('') +
        ']><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>&lol9;</t></si></sst>';
      bytes = zip(
        workbookParts(
          part('xl/worksheets/sheet1.xml', `${SHEET_HEAD}<row r="1"><c r="A1" t="s"><v>0</v></c></row>${SHEET_TAIL}`),
          'Sheet1',
          [part('xl/sharedStrings.xml', laughs)],
        ),
      );
      break;
    }
    case 'sharedStringOutOfRange':
      // A cell that points past the end of the shared strings table.
      name = 'string-out-of-range.xlsx';
      bytes = zip(
        workbookParts(
          part(
            'xl/worksheets/sheet1.xml',
            `${SHEET_HEAD}<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="4"><c r="A4" t="s"><v>0</v></c><c r="D4" t="s"><v>7</v></c></row>${SHEET_TAIL}`,
          ),
          'Persons',
          [
            part(
              'xl/sharedStrings.xml',
              '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Name</t></si></sst>',
            ),
          ],
        ),
      );
      break;
    case 'manySharedStrings': {
      // A shared strings table of millions of short strings, in a small file.
      name = 'many-strings.xlsx';
      const count = options.strings ?? 10_000_000;
      bytes = zip(
        workbookParts(
          part('xl/worksheets/sheet1.xml', `${SHEET_HEAD}<row r="1"><c r="A1" t="s"><v>0</v></c></row>${SHEET_TAIL}`),
          'Sheet1',
          [
            await streamedPart(
              'xl/sharedStrings.xml',
              (function* () {
                yield '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';
                for (let i = 0; i < count; i += 10_000) {
                  let text = '';
                  for (let k = i; k < Math.min(count, i + 10_000); k++) text += `<si><t>s${k}</t></si>`;
                  yield text;
                }
                yield '</sst>';
              })(),
            ),
          ],
        ),
      );
      break;
    }
  }
  const path = join(dir, name);
  await writeFile(path, bytes);
  return path;
}

/**
 * A one-sheet .xlsx whose sheet XML is generated chunk by chunk and deflated as it goes, with
 * other parts (styles, shared strings) given whole: for benches of large but honest workbooks.
 */
export async function xlsxFromChunks(
  sheetChunks: Iterable<string>,
  extra: { name: string; text: string }[] = [],
): Promise<Buffer> {
  return zip(
    workbookParts(
      await streamedPart(
        'xl/worksheets/sheet1.xml',
        (function* () {
          yield SHEET_HEAD;
          yield* sheetChunks;
          yield SHEET_TAIL;
        })(),
      ),
      'Sheet1',
      extra.map((e) => part(e.name, e.text)),
      true,
    ),
  );
}

/** Every kind, in the order the bench prints them. */
export const HOSTILE_KINDS: HostileKind[] = [
  'zipBomb',
  'zipBombLyingDirectory',
  'manyRows',
  'largestAllowed',
  'denseCells',
  'manyColumns',
  'odsRepeats',
  'randomBytesXlsx',
  'textAsXlsx',
  'pdfAsCsv',
  'csvNulAndInvalidUtf8',
  'csvHugeCell',
  'csvManyColumns',
  'csvUnclosedQuote',
  'oddXml',
  'deepXml',
  'entityExpansion',
  'sharedStringOutOfRange',
  'manySharedStrings',
];
