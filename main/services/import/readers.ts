/**
 * Reading agency files into rows of cells. Workbooks (.xlsx, .xls, .ods) go through SheetJS,
 * which reads a workbook whole and copes with the odd formats, title rows and merged cells; it
 * runs in a worker thread under the limits of limits.ts (see workbookReader.ts). An .xlsx larger
 * than limits.streamWorkbookBytes is read as a stream instead (xlsxStream.ts), giving the same cells. Delimited text
 * (.csv, .tsv, .txt) is streamed through papaparse, so a million-row export is read in constant
 * memory, with its encoding and delimiter detected. Every file's first bytes must be what its
 * extension says (sniff.ts), and every text cell is cleaned, with a warning (cleanCells.ts).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { Transform } from 'node:stream';
import Papa from 'papaparse';
import type { Cell } from '../../core/cells';
import { CaselinkFailure } from '../../contract/errors';
import { cleanCells } from './cleanCells';
import { formatBytes, formatCount, readLimits, type ReadLimits } from './limits';
import { describeSniffed, mismatch, sniffFile } from './sniff';
import { openWorkbookInWorker } from './workbookReader';
import { openXlsxStream } from './xlsxStream';

export type Encoding =
  'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'iso-8859-1' | 'iso-8859-2' | 'windows-1250' | 'windows-1251';

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
  /**
   * Ends the reading early and frees what it holds (a workbook's worker). Reading every sheet to
   * its end does the same; a caller that stops early should call it.
   */
  close(): void;
}

export interface ReadOptions {
  /** Sheets to read (all when absent). */
  sheets?: string[] | undefined;
  encoding?: string | undefined;
  delimiter?: string | undefined;
  /** Limits other than the defaults of limits.ts (tests, advanced users). */
  limits?: Partial<ReadLimits> | undefined;
  /** Called when a workbook has passed the checks of its size and shape and SheetJS starts to parse it. */
  onParsing?: (() => void) | undefined;
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

/**
 * Counts a byte sample's well-formed multi-byte UTF-8 characters and its bytes that cannot be
 * UTF-8. A sample may end inside a character: a sequence cut by the end is neither.
 */
function utf8Tally(sample: Uint8Array): { multibyte: number; invalid: number } {
  let multibyte = 0;
  let invalid = 0;
  let i = 0;
  while (i < sample.length) {
    const b = sample[i] as number;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) {
      invalid += 1;
      i += 1;
      continue;
    }
    if (i + length > sample.length) break;
    let ok = true;
    for (let k = 1; k < length; k++) if (((sample[i + k] as number) & 0xc0) !== 0x80) ok = false;
    if (ok) {
      multibyte += 1;
      i += length;
    } else {
      invalid += 1;
      i += 1;
    }
  }
  return { multibyte, invalid };
}

/**
 * Detects the text encoding from a byte sample: a BOM, UTF-8, or else Windows-1252. A sample that
 * is UTF-8 but for a few broken bytes is read as UTF-8 (the broken bytes become U+FFFD and are
 * warned about), so that one bad byte does not turn every accented name into mojibake.
 */
export function detectEncoding(sample: Uint8Array): Encoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf-8';
  if (sample[0] === 0xff && sample[1] === 0xfe) return 'utf-16le';
  if (sample[0] === 0xfe && sample[1] === 0xff) return 'utf-16be';
  const { multibyte, invalid } = utf8Tally(sample);
  return invalid === 0 || multibyte > invalid ? 'utf-8' : 'windows-1252';
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

async function openDelimited(
  path: string,
  size: number,
  sample: Buffer,
  limits: ReadLimits,
  options: ReadOptions,
): Promise<OpenedFile> {
  const encoding = (
    options.encoding && options.encoding !== 'auto' ? options.encoding : detectEncoding(sample)
  ) as Encoding;
  const sampleText = new TextDecoder(encoding).decode(sample);
  const delimiter =
    options.delimiter && options.delimiter !== 'auto'
      ? options.delimiter
      : detectDelimiter(sampleText, extname(path).toLowerCase());
  let bytes = 0;
  let closed = false;
  let stop: ((error: Error) => void) | null = null;
  async function* rows(): AsyncIterable<SheetRow> {
    if (closed) return;
    const input = createReadStream(path, { highWaterMark: 1024 * 1024 });
    const text = input.pipe(decoder(encoding));
    // Rows arrive a chunk (1 MiB of text) at a time and wait here. Papaparse's own duplex stream
    // re-reads the rest of its chunk each time the reader pauses it, which made reading quadratic
    // in the chunk size (200,000 short rows took minutes); pausing between chunks costs nothing.
    let queue: string[][] = [];
    let next = 0;
    let finished = false;
    let failure: Error | null = null;
    let parser: Papa.Parser | null = null;
    let wake: (() => void) | null = null;
    const notify = () => {
      wake?.();
      wake = null;
    };
    stop = (error) => {
      failure ??= error;
      input.destroy();
      text.destroy();
      notify();
    };
    let row = 0;
    let bytesAtRow = 0;
    input.on('error', (error) => stop?.(error));
    input.on('data', (chunk) => {
      bytes += chunk.length;
      // An unclosed quote makes the rest of the file one row, which papaparse would hold whole.
      if (bytes - bytesAtRow > limits.maxRowBytes) {
        stop?.(
          new CaselinkFailure({
            kind: 'FileRejected',
            message: `${basename(path)}: row ${formatCount(row + 1)} runs past ${formatBytes(limits.maxRowBytes)}, the limit for one row (an unclosed quote, or not a table).`,
            hint: 'Check the quotes around that row, or the delimiter and encoding in the mapping.',
          }),
        );
      }
    });
    const onAbort = () =>
      stop?.(new CaselinkFailure({ kind: 'Cancelled', message: `Reading ${basename(path)} was cancelled.` }));
    options.signal?.addEventListener('abort', onAbort, { once: true });
    Papa.parse(text as unknown as File, {
      delimiter,
      skipEmptyLines: false,
      chunk: (results: Papa.ParseResult<string[]>, handle: Papa.Parser) => {
        parser = handle;
        // A chunk inside an unclosed quote completes no row: the row runs on.
        if (results.data.length > 0) bytesAtRow = bytes;
        queue = next < queue.length ? queue.slice(next).concat(results.data) : results.data;
        next = 0;
        handle.pause();
        // The parser's pause stops parsing, not reading: its stream reader keeps queueing the
        // file's chunks, so a slow import held the whole file and tripped the one-row limit above.
        text.pause();
        notify();
      },
      complete: () => {
        finished = true;
        notify();
      },
      error: (error: Error) => stop?.(error),
    });
    try {
      for (;;) {
        if (failure) throw failure;
        if (next >= queue.length) {
          if (finished) break;
          const waiting = new Promise<void>((resolve) => (wake = resolve));
          text.resume();
          (parser as Papa.Parser | null)?.resume();
          await waiting;
          continue;
        }
        const values = queue[next] as string[];
        queue[next] = [];
        next += 1;
        row += 1;
        if (values.length > limits.maxColumns) {
          rejectFile(
            path,
            `row ${formatCount(row)} has ${formatCount(values.length)} columns; the limit is ${formatCount(limits.maxColumns)}.`,
            'Check the delimiter chosen in the mapping.',
          );
        }
        // A byte-order mark would stick to the first header.
        const trimmed = values
          .map((v, i) => (row === 1 && i === 0 ? v.replace(/^\uFEFF/, '') : v))
          .map((v) => (v.trim() === '' ? null : v));
        const cleaned = cleanCells(trimmed, limits.maxCellChars);
        yield cleaned.warnings ? { row, cells: cleaned.cells, warnings: cleaned.warnings } : { row, cells: trimmed };
      }
    } finally {
      options.signal?.removeEventListener('abort', onAbort);
      input.destroy();
      text.destroy();
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
    close: () => {
      closed = true;
      stop?.(new CaselinkFailure({ kind: 'Cancelled', message: `Reading ${basename(path)} was closed.` }));
    },
  };
}

const ZIPPED = new Set(['.xlsx', '.xlsm', '.xlsb', '.ods']);
// Workbooks that xlsxStream.ts reads as a stream once they are larger than limits.streamWorkbookBytes.
const STREAMED = new Set(['.xlsx', '.xlsm']);

/**
 * Refuses an agency file whose extension Caselink does not read, whose first bytes are not what
 * the extension says, or whose size is past the limits; answers what opening it needs. The CLI
 * runs it on every file before it asks the database anything.
 */
export async function checkAgencyFile(
  path: string,
  options: Pick<ReadOptions, 'limits'> = {},
): Promise<{
  extension: string;
  size: number;
  sniffed: Awaited<ReturnType<typeof sniffFile>>;
  limits: ReturnType<typeof readLimits>;
}> {
  const extension = extname(path).toLowerCase();
  if (!WORKBOOK.has(extension) && !DELIMITED.has(extension)) {
    return rejectFile(
      path,
      `is not a format Caselink reads (${extension || 'no extension'})`,
      `Caselink reads ${SUPPORTED_EXTENSIONS.join(', ')}.`,
    );
  }
  const limits = readLimits(options.limits);
  let size: number;
  let sniffed: Awaited<ReturnType<typeof sniffFile>>;
  try {
    size = (await stat(path)).size;
    sniffed = await sniffFile(path);
  } catch {
    return rejectFile(path, 'does not exist or cannot be opened');
  }
  const wrong = mismatch(extension, sniffed.kind);
  if (wrong) {
    rejectFile(
      path,
      wrong === 'empty'
        ? 'is empty.'
        : `is named ${extension} but its content is ${describeSniffed(wrong)}, not ${DELIMITED.has(extension) ? 'delimited text' : `a ${extension} workbook`}.`,
      'Export the file again from the system it came from, or give it the extension that matches its content.',
    );
  }
  const workbook = WORKBOOK.has(extension);
  const streamed = STREAMED.has(extension) && size > limits.streamWorkbookBytes;
  const maxBytes = streamed
    ? limits.maxStreamedWorkbookBytes
    : workbook
      ? limits.maxWorkbookBytes
      : limits.maxTextBytes;
  if (size > maxBytes) {
    rejectFile(
      path,
      `is ${formatBytes(size)}; the limit for ${workbook ? 'a workbook' : 'a text file'} is ${formatBytes(maxBytes)}.`,
      workbook ? 'Save the sheet as CSV, which Caselink reads as a stream, or split it.' : 'Split the file.',
    );
  }
  return { extension, size, sniffed, limits };
}

/**
 * Opens an agency file for reading, by its extension, once its first bytes show it is what the
 * extension says and its size is within the limits.
 */
export async function openAgencyFile(path: string, options: ReadOptions = {}): Promise<OpenedFile> {
  const { extension, size, sniffed, limits } = await checkAgencyFile(path, options);
  const workbook = WORKBOOK.has(extension);
  const streamed = STREAMED.has(extension) && size > limits.streamWorkbookBytes;
  if (streamed) return openXlsxStream(path, size, limits, options.sheets, options.signal, options.onParsing);
  if (workbook) {
    return openWorkbookInWorker(
      path,
      size,
      ZIPPED.has(extension),
      limits,
      options.sheets,
      options.signal,
      options.onParsing,
    );
  }
  return openDelimited(path, size, sniffed.sample, limits, options);
}
