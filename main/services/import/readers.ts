/**
 * Reading agency files into rows of cells. Workbooks (.xlsx, .xls, .ods) go through SheetJS,
 * which reads a workbook whole and copes with the odd formats, title rows and merged cells.
 * Delimited text (.csv, .tsv, .txt) is streamed through papaparse, so a million-row export is
 * read in constant memory, with its encoding and delimiter detected.
 */
import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { Transform } from 'node:stream';
import Papa from 'papaparse';
import * as XLSX from 'xlsx';
import type { Cell } from '../../core/cells';
import { CaselinkFailure } from '../../contract/errors';

export type Encoding =
  'utf-8' | 'utf-16le' | 'windows-1252' | 'iso-8859-1' | 'iso-8859-2' | 'windows-1250' | 'windows-1251';

/** Something the reader changed in a cell so that it could be stored safely. */
export interface CellWarning {
  /** 0-based index of the cell in the row. */
  column: number;
  /** Plain words for the problem report, e.g. "2 NUL bytes removed". */
  reason: string;
}

/** One row as read, with its 1-based row number as the spreadsheet shows it. */
export interface SheetRow {
  row: number;
  cells: Cell[];
  /** Cells the reader cleaned (control characters, invalid UTF-8, over-long text); absent when none. */
  warnings?: CellWarning[];
}

export interface SheetRows {
  name: string;
  /** Rows with their 1-based row numbers as the spreadsheet shows them. */
  rows: AsyncIterable<SheetRow>;
  /** Rows in the sheet when known up front (workbooks); for text files, null. */
  rowCount: number | null;
}

export interface OpenedFile {
  path: string;
  fileName: string;
  size: number;
  format: 'workbook' | 'delimited';
  /** For delimited files: what was detected or given. */
  encoding?: Encoding;
  delimiter?: string;
  sheets: SheetRows[];
  /** Bytes consumed so far (delimited files), for progress. */
  bytesRead(): number;
}

export interface ReadOptions {
  /** Sheets to read (all when absent). */
  sheets?: string[] | undefined;
  encoding?: string | undefined;
  delimiter?: string | undefined;
  /** Aborting stops the reading: a workbook's parse is ended, the rows stop with a Cancelled failure. */
  signal?: AbortSignal | undefined;
}

const WORKBOOK = new Set(['.xlsx', '.xlsm', '.xls', '.ods', '.xlsb', '.fods']);
const DELIMITED = new Set(['.csv', '.tsv', '.txt', '.tab']);

export const SUPPORTED_EXTENSIONS = [...WORKBOOK, ...DELIMITED];

function rejectFile(path: string, message: string, hint?: string): never {
  throw new CaselinkFailure({
    kind: 'FileRejected',
    message: `${basename(path)}: ${message}`,
    ...(hint ? { hint } : {}),
  });
}

/** Detects the text encoding from a byte sample: a BOM, valid UTF-8, or else Windows-1252. */
export function detectEncoding(sample: Uint8Array): Encoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf-8';
  if (sample[0] === 0xff && sample[1] === 0xfe) return 'utf-16le';
  try {
    // A sample may end inside a multi-byte character: decode it as a stream, which waits for the rest.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

/** The delimiter that splits the first lines into the most, and most even, columns. */
export function detectDelimiter(text: string, extension = ''): string {
  if (extension === '.tsv' || extension === '.tab') return '\t';
  const lines = text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .slice(0, 20);
  let best = ',';
  let bestScore = -1;
  for (const d of [',', ';', '\t', '|']) {
    const counts = lines.map((l) => Papa.parse<string[]>(l, { delimiter: d }).data[0]?.length ?? 1);
    const columns = counts.length ? Math.min(...counts) : 1;
    const even = counts.filter((c) => c === counts[0]).length / Math.max(1, counts.length);
    const score = columns > 1 ? columns * even : 0;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

async function* arrayRows(rows: Cell[][], firstRow: number): AsyncIterable<{ row: number; cells: Cell[] }> {
  for (let i = 0; i < rows.length; i++) yield { row: firstRow + i, cells: rows[i] ?? [] };
}

function toCell(value: unknown): Cell {
  if (value === undefined || value === null || value === '') return null;
  if (value instanceof Date || typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

async function openWorkbook(path: string, options: ReadOptions): Promise<OpenedFile> {
  let workbook: XLSX.WorkBook;
  try {
    workbook = XLSX.read(await readFile(path), { type: 'buffer', cellDates: true, dense: true, UTC: true });
  } catch (error) {
    rejectFile(
      path,
      `cannot be read as a workbook (${(error as Error).message})`,
      'Check that the file is complete and not password-protected.',
    );
  }
  const names = options.sheets?.length ? options.sheets : workbook.SheetNames;
  const missing = names.filter((n) => !workbook.SheetNames.includes(n));
  if (missing.length) {
    rejectFile(
      path,
      `has no sheet named ${missing.map((m) => `"${m}"`).join(', ')}`,
      `Its sheets are: ${workbook.SheetNames.join(', ')}.`,
    );
  }
  const size = (await stat(path)).size;
  const sheets = names.map((name) => {
    const ws = workbook.Sheets[name] as XLSX.WorkSheet;
    const range = ws['!ref'] ? XLSX.utils.decode_range(ws['!ref']) : null;
    const data = ws['!ref']
      ? (XLSX.utils.sheet_to_json<unknown[]>(ws, {
          header: 1,
          raw: true,
          defval: null,
          blankrows: true,
          UTC: true,
        }) as unknown[][])
      : [];
    const rows = data.map((r) => r.map(toCell));
    return { name, rows: arrayRows(rows, (range?.s.r ?? 0) + 1), rowCount: rows.length };
  });
  return { path, fileName: basename(path), size, format: 'workbook', sheets, bytesRead: () => size };
}

/** Decodes a byte stream to text in the given encoding, chunk by chunk. */
function decoder(encoding: Encoding): Transform {
  const text = new TextDecoder(encoding);
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      done(null, text.decode(chunk, { stream: true }));
    },
    flush(done) {
      done(null, text.decode());
    },
  });
}

async function openDelimited(path: string, options: ReadOptions): Promise<OpenedFile> {
  const size = (await stat(path)).size;
  const handle = await open(path, 'r');
  const sample = Buffer.alloc(Math.min(size, 256 * 1024));
  await handle.read(sample, 0, sample.length, 0);
  await handle.close();
  const encoding = (
    options.encoding && options.encoding !== 'auto' ? options.encoding : detectEncoding(sample)
  ) as Encoding;
  const sampleText = new TextDecoder(encoding).decode(sample);
  const delimiter =
    options.delimiter && options.delimiter !== 'auto'
      ? options.delimiter
      : detectDelimiter(sampleText, extname(path).toLowerCase());
  let bytes = 0;
  async function* rows(): AsyncIterable<{ row: number; cells: Cell[] }> {
    const input = createReadStream(path, { highWaterMark: 1024 * 1024 });
    input.on('data', (chunk) => (bytes += chunk.length));
    const parser = Papa.parse(Papa.NODE_STREAM_INPUT, {
      delimiter,
      skipEmptyLines: false,
    }) as unknown as NodeJS.ReadWriteStream;
    const parsed = input.pipe(decoder(encoding)).pipe(parser);
    let row = 0;
    for await (const values of parsed as AsyncIterable<string[]>) {
      row += 1;
      // A byte-order mark would stick to the first header.
      const cells = values
        .map((v, i) => (row === 1 && i === 0 ? v.replace(/^\uFEFF/, '') : v))
        .map((v) => (v.trim() === '' ? null : v));
      yield { row, cells };
    }
  }
  return {
    path,
    fileName: basename(path),
    size,
    format: 'delimited',
    encoding,
    delimiter,
    // Named as SheetJS and spreadsheet programs name the one sheet of a text file.
    sheets: [{ name: 'Sheet1', rows: rows(), rowCount: null }],
    bytesRead: () => bytes,
  };
}

/** Opens an agency file for reading, by its extension. */
export async function openAgencyFile(path: string, options: ReadOptions = {}): Promise<OpenedFile> {
  const extension = extname(path).toLowerCase();
  try {
    await stat(path);
  } catch {
    rejectFile(path, 'does not exist or cannot be opened');
  }
  if (WORKBOOK.has(extension)) return openWorkbook(path, options);
  if (DELIMITED.has(extension)) return openDelimited(path, options);
  return rejectFile(
    path,
    `is not a format Caselink reads (${extension || 'no extension'})`,
    `Caselink reads ${SUPPORTED_EXTENSIONS.join(', ')}.`,
  );
}
