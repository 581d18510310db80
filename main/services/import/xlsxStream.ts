/**
 * Reads a large .xlsx as a stream: the zip's parts are inflated by yauzl and parsed by saxes, a
 * SAX parser, so the sheet XML is never held whole and memory does not grow with the rows (only
 * the shared strings table is held, under its own limits). SheetJS reads a workbook whole, about
 * 2 GB for a million rows; it stays for small workbooks and the other formats. The cells are the
 * ones SheetJS gives for the same file (workbookWorker.ts): dates by the cell's number format,
 * shared, inline and rich-text strings, booleans, cached formula values, errors as empty cells, a
 * merged range's value in its first cell only, and rows placed by the sheet's own numbers.
 */
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import * as XLSX from 'xlsx';
import type yauzl from 'yauzl';
import type { Cell } from '../../core/cells';
import { CaselinkFailure } from '../../contract/errors';
import { cleanCells } from './cleanCells';
import { formatBytes, formatCount, type ReadLimits } from './limits';
import type { OpenedFile, SheetRow, SheetRows } from './readers';
import { cancelled, rejected } from './workbookReader';
import { checkZippedWorkbook, columnLetters, LimitExceeded, openZip, streamOf } from './zipCheck';

const MiB = 1024 * 1024;
// Workbook, relationships and styles parts are read whole; none real comes near this.
const SMALL_PART_BYTES = 16 * MiB;
// Spreadsheet XML nests a few levels (worksheet/sheetData/row/c/is/r/t); deeper is not a sheet.
const MAX_DEPTH = 32;
// Excel's epoch as SheetJS counts it (30 December 1899, UTC).
const EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 24 * 60 * 60 * 1000;

/** A reason to refuse the file, with where in it (sheet, row, cell) when known. */
class Refused extends LimitExceeded {}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

function entriesOf(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, yauzl.Entry>();
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', reject);
    zip.readEntry();
  });
}

/** Decodes `_xHHHH_`, the escape Excel writes for characters XML cannot hold (as SheetJS does). */
function unescapeExcel(text: string): string {
  return text.indexOf('_x') < 0
    ? text
    : text.replace(/_x([\da-fA-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Column number (0-based) and row (1-based) of a cell reference such as "AB12". */
function decodeRef(ref: string): { column: number; row: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref);
  if (!m) return null;
  let column = 0;
  for (const ch of (m[1] as string).toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { column: column - 1, row: Number(m[2]) };
}

/** As SheetJS's numdate: the serial day 60 (Excel's 29 February 1900, which never was) stays a number. */
function serialDate(serial: number): Date | number {
  if (serial >= 60 && serial < 61) return serial;
  return new Date((serial > 60 ? serial : serial + 1) * DAY_MS + EPOCH_MS);
}

interface Handlers {
  open?: (name: string, attributes: Record<string, string>) => void;
  close?: (name: string) => void;
  text?: (text: string) => void;
}

/**
 * Runs an XML part through saxes chunk by chunk, refusing a DTD (entities, the billion laughs
 * attack; saxes does not expand them anyway), nesting past {@link MAX_DEPTH}, and a text node or
 * tag that runs on past `maxRun` bytes without an event. `after` runs after each chunk, so that a
 * caller can hand on what the chunk completed.
 */
async function* parsePart(
  stream: Readable,
  where: () => string,
  maxRun: number,
  handlers: Handlers,
  after?: () => Iterable<SheetRow>,
): AsyncGenerator<SheetRow> {
  const parser = new SaxesParser({ xmlns: false, position: false });
  let depth = 0;
  let run = 0;
  parser.on('doctype', () => {
    throw new Refused(`${where()} holds a document type declaration (DTD), which no workbook part has.`);
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    run = 0;
    depth += 1;
    if (depth > MAX_DEPTH) throw new Refused(`${where()}: its XML nests deeper than ${MAX_DEPTH} elements.`);
    handlers.open?.(localName(tag.name), tag.attributes);
  });
  parser.on('closetag', (tag: SaxesTagPlain) => {
    run = 0;
    depth -= 1;
    handlers.close?.(localName(tag.name));
  });
  if (handlers.text) {
    const onText = handlers.text;
    parser.on('text', (text) => {
      run = 0;
      onText(text);
    });
    parser.on('cdata', (text) => onText(text));
  }
  parser.on('error', (error) => {
    throw error;
  });
  const decoder = new TextDecoder('utf-8');
  try {
    for await (const chunk of stream) {
      run += (chunk as Buffer).length;
      if (run > maxRun) {
        throw new Refused(`${where()}: a cell or tag runs past ${formatBytes(maxRun)} without ending.`);
      }
      parser.write(decoder.decode(chunk as Buffer, { stream: true }));
      if (after) yield* after();
    }
    parser.write(decoder.decode());
    parser.close();
    if (after) yield* after();
  } catch (error) {
    if (error instanceof Refused) throw error;
    throw new Refused(`${where()} cannot be read (${(error as Error).message}).`);
  } finally {
    stream.destroy();
  }
}

async function drain(generator: AsyncGenerator<SheetRow>): Promise<void> {
  for await (const _ of generator);
}

interface WorkbookParts {
  sheets: { name: string; part: string }[];
  date1904: boolean;
}

async function readWorkbookParts(zip: yauzl.ZipFile, entries: Map<string, yauzl.Entry>): Promise<WorkbookParts> {
  const targets = new Map<string, string>();
  const rels = entries.get('xl/_rels/workbook.xml.rels');
  if (rels && rels.uncompressedSize <= SMALL_PART_BYTES) {
    await drain(
      parsePart(await streamOf(zip, rels), () => 'its workbook relationships', SMALL_PART_BYTES, {
        open: (name, a) => {
          if (name === 'Relationship' && a.Id && a.Target)
            targets.set(a.Id, a.Target.startsWith('/') ? a.Target.slice(1) : `xl/${a.Target}`);
        },
      }),
    );
  }
  const out: WorkbookParts = { sheets: [], date1904: false };
  const workbook = entries.get('xl/workbook.xml');
  if (!workbook || workbook.uncompressedSize > SMALL_PART_BYTES) return out;
  await drain(
    parsePart(await streamOf(zip, workbook), () => 'its list of sheets', SMALL_PART_BYTES, {
      open: (name, a) => {
        if (name === 'workbookPr') out.date1904 = a.date1904 === '1' || a.date1904 === 'true';
        if (name !== 'sheet') return;
        const id = a['r:id'] ?? Object.entries(a).find(([k]) => localName(k) === 'id')?.[1];
        const part = id ? targets.get(id) : undefined;
        if (a.name !== undefined && part) out.sheets.push({ name: a.name, part });
      },
    }),
  );
  return out;
}

/** Which cell styles (by index) format their number as a date, as SheetJS decides it. */
async function readDateStyles(zip: yauzl.ZipFile, entry: yauzl.Entry | undefined): Promise<boolean[]> {
  if (!entry || entry.uncompressedSize > SMALL_PART_BYTES) return [];
  const table = XLSX.SSF.get_table() as Record<number, string>;
  const custom = new Map<number, string>();
  const formats: number[] = [];
  let inCellXfs = false;
  await drain(
    parsePart(await streamOf(zip, entry), () => 'its styles', SMALL_PART_BYTES, {
      open: (name, a) => {
        if (name === 'numFmt' && a.numFmtId !== undefined) custom.set(Number(a.numFmtId), a.formatCode ?? '');
        else if (name === 'cellXfs') inCellXfs = true;
        else if (name === 'xf' && inCellXfs) formats.push(Number(a.numFmtId ?? 0));
      },
      close: (name) => {
        if (name === 'cellXfs') inCellXfs = false;
      },
    }),
  );
  return formats.map((id) => {
    const format = custom.get(id) ?? table[id];
    return format !== undefined && XLSX.SSF.is_date(format);
  });
}

/** The shared strings table, refused past its limits of count and bytes. */
async function readSharedStrings(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry | undefined,
  limits: ReadLimits,
): Promise<string[]> {
  const strings: string[] = [];
  if (!entry) return strings;
  let bytes = 0;
  let current = '';
  let inItem = false;
  let inText = false;
  let phonetic = 0;
  await drain(
    parsePart(await streamOf(zip, entry), () => 'its shared strings table', limits.maxRowBytes, {
      open: (name) => {
        if (name === 'si') {
          inItem = true;
          current = '';
        } else if (name === 'rPh') phonetic += 1;
        else if (name === 't' && inItem && phonetic === 0) inText = true;
      },
      close: (name) => {
        if (name === 't') inText = false;
        else if (name === 'rPh') phonetic -= 1;
        else if (name === 'si') {
          inItem = false;
          bytes += Buffer.byteLength(current);
          if (strings.length >= limits.maxSharedStrings) {
            throw new Refused(
              `its shared strings table holds more than ${formatCount(limits.maxSharedStrings)} strings, the limit.`,
            );
          }
          if (bytes > limits.maxSharedStringBytes) {
            throw new Refused(
              `its shared strings table holds more than ${formatBytes(limits.maxSharedStringBytes)} of text, the limit.`,
            );
          }
          strings.push(unescapeExcel(current));
        }
      },
      text: (text) => {
        if (inText) current += text;
      },
    }),
  );
  return strings;
}

interface SheetContext {
  name: string;
  strings: string[];
  dateStyles: boolean[];
  date1904: boolean;
  limits: ReadLimits;
}

/**
 * The rows of one sheet, placed as SheetJS places them: from the first row and column of the
 * sheet's `<dimension>` (when it gives a range), cells past its last column left out, rows with no
 * cell read as no cells, and each row that has cells as wide as the dimension.
 */
function sheetRows(stream: Readable, sheet: SheetContext): AsyncGenerator<SheetRow> {
  const { strings, dateStyles, date1904, limits } = sheet;
  let firstRow = -1;
  let firstColumn = 0;
  let lastColumn = Number.POSITIVE_INFINITY;
  let width = 0;
  let row = 0;
  let column = -1;
  let emitted = 0;
  let cells: Cell[] = [];
  let stored = false;
  let cellType = '';
  let cellStyle = -1;
  let value: string | null = null;
  let inline: string | null = null;
  let text: 'v' | 't' | null = null;
  let phonetic = 0;
  const ready: SheetRow[] = [];

  const where = () =>
    column >= 0 && row > 0
      ? `sheet "${sheet.name}", row ${formatCount(row)}, column ${columnLetters(column + 1)}`
      : row > 0
        ? `sheet "${sheet.name}", row ${formatCount(row)}`
        : `sheet "${sheet.name}"`;

  const endCell = (): void => {
    let cell: Cell | undefined;
    // As SheetJS reads it: a cell without a value, even one with a formula, holds nothing.
    if (!cellType && value === null) return;
    {
      switch (cellType || 'n') {
        case 'n':
          if (value === null || value === '') return;
          cell = parseFloat(value);
          if (dateStyles[cellStyle]) {
            const date = serialDate(cell + (date1904 ? 1462 : 0));
            cell = date;
          }
          break;
        case 's': {
          if (value === null) return;
          const index = Number(value);
          const found = Number.isInteger(index) ? strings[index] : undefined;
          if (found === undefined) {
            throw new Refused(
              `${where()}: the cell points to shared string ${value}, but the table holds ${formatCount(strings.length)}.`,
            );
          }
          cell = found;
          break;
        }
        case 'str':
          cell = unescapeExcel(value ?? '');
          break;
        case 'inlineStr':
          cell = unescapeExcel(inline ?? '');
          break;
        case 'b':
          cell = value === '1' || value === 'true';
          break;
        case 'd':
          cell = value === null ? null : new Date(value);
          break;
        default:
          cell = null;
      }
    }
    if (cell === '' || (cell instanceof Date && Number.isNaN(cell.getTime()))) cell = null;
    stored = true;
    if (column < firstColumn || column > lastColumn) return;
    cells[column - firstColumn] = cell;
  };

  const endRow = (): void => {
    if (!stored) return;
    if (firstRow < 0) firstRow = row;
    if (row < firstRow) return;
    if (row > limits.maxRows) {
      throw new Refused(`sheet "${sheet.name}" has more than ${formatCount(limits.maxRows)} rows, the limit.`);
    }
    if (cells.length > width) width = Number.isFinite(lastColumn) ? lastColumn + 1 - firstColumn : cells.length;
    // Rows of the sheet that hold no cell are read as no cells, as SheetJS reads them.
    for (let r = Math.max(emitted + 1, firstRow); r < row; r++) ready.push({ row: r, cells: [] });
    const full: Cell[] = new Array<Cell>(width);
    for (let c = 0; c < width; c++) full[c] = cells[c] ?? null;
    const cleaned = cleanCells(full, limits.maxCellChars);
    ready.push(cleaned.warnings ? { row, cells: cleaned.cells, warnings: cleaned.warnings } : { row, cells: full });
    emitted = row;
  };

  const handlers: Handlers = {
    open: (name, a) => {
      switch (name) {
        case 'dimension': {
          const [from, to] = (a.ref ?? '').split(':');
          const start = from ? decodeRef(from) : null;
          const end = to ? decodeRef(to) : null;
          if (start && end && start.row <= end.row && start.column <= end.column) {
            firstRow = start.row;
            firstColumn = start.column;
            lastColumn = end.column;
            width = end.column + 1 - start.column;
          }
          break;
        }
        case 'row': {
          const r = a.r !== undefined ? Number(a.r) : row + 1;
          if (!Number.isInteger(r) || r < 1 || r <= row) {
            throw new Refused(`${where()}: the next row is numbered ${a.r ?? ''}, out of order.`);
          }
          row = r;
          column = -1;
          cells = [];
          stored = false;
          break;
        }
        case 'c': {
          const ref = a.r !== undefined ? decodeRef(a.r) : null;
          if (a.r !== undefined && !ref) throw new Refused(`${where()}: a cell has the reference "${a.r}".`);
          column = ref ? ref.column : column + 1;
          if (column + 1 > limits.maxColumns) {
            throw new Refused(
              `sheet "${sheet.name}" has more than ${formatCount(limits.maxColumns)} columns, the limit (row ${formatCount(row)} reaches column ${columnLetters(column + 1)}).`,
            );
          }
          cellType = a.t ?? '';
          cellStyle = a.s !== undefined ? Number(a.s) : -1;
          value = null;
          inline = null;
          break;
        }
        case 'v':
          text = 'v';
          value ??= '';
          break;
        case 'is':
          inline = '';
          break;
        case 'rPh':
          phonetic += 1;
          break;
        case 't':
          if (inline !== null && phonetic === 0) text = 't';
          break;
      }
    },
    close: (name) => {
      switch (name) {
        case 'c':
          endCell();
          break;
        case 'row':
          endRow();
          break;
        case 'rPh':
          phonetic -= 1;
          break;
        case 'v':
        case 't':
          text = null;
          break;
      }
    },
    text: (t) => {
      if (text === 'v') value = (value ?? '') + t;
      else if (text === 't') inline = (inline ?? '') + t;
    },
  };
  return parsePart(stream, where, limits.maxRowBytes, handlers, function* () {
    for (const r of ready) yield r;
    ready.length = 0;
  });
}

/** The limits the zip check applies before a workbook is streamed: no whole-workbook cell count. */
export function streamedZipLimits(limits: ReadLimits): ReadLimits {
  return {
    ...limits,
    maxUncompressedBytes: limits.maxStreamedUncompressedBytes,
    maxCells: Number.MAX_SAFE_INTEGER,
  };
}

/**
 * Opens an .xlsx (or .xlsm) to be read as a stream, after the zip checks of zipCheck.ts. Each
 * sheet's rows are parsed as they are read; nothing is parsed ahead of the reader.
 */
export async function openXlsxStream(
  path: string,
  size: number,
  limits: ReadLimits,
  only: string[] | undefined,
  signal: AbortSignal | undefined,
  onParsing?: () => void,
): Promise<OpenedFile> {
  if (signal?.aborted) throw cancelled(path);
  let zip: yauzl.ZipFile | null = null;
  let current: Readable | null = null;
  let closed = false;
  const close = () => {
    closed = true;
    current?.destroy();
    zip?.close();
    zip = null;
  };
  const refuse = (error: unknown): never => {
    close();
    if (error instanceof CaselinkFailure) throw error;
    if (error instanceof LimitExceeded) throw rejected(path, error.message, error.hint);
    throw rejected(
      path,
      `cannot be read as a workbook (${(error as Error).message})`,
      'Check that the file is complete and not password-protected.',
    );
  };
  let parts: WorkbookParts;
  let strings: string[];
  let dateStyles: boolean[];
  let names: { name: string; part: string }[];
  let entries: Map<string, yauzl.Entry>;
  try {
    await checkZippedWorkbook(path, streamedZipLimits(limits));
    if (signal?.aborted) throw cancelled(path);
    onParsing?.();
    zip = await openZip(path);
    entries = await entriesOf(zip);
    parts = await readWorkbookParts(zip, entries);
    dateStyles = await readDateStyles(zip, entries.get('xl/styles.xml'));
    strings = await readSharedStrings(zip, entries.get('xl/sharedStrings.xml'), limits);
    const all = parts.sheets.map((s) => s.name);
    const wanted = only?.length ? only : all;
    const missing = wanted.filter((n) => !all.includes(n));
    if (missing.length) {
      throw new LimitExceeded(
        `has no sheet named ${missing.map((m) => `"${m}"`).join(', ')}`,
        `Its sheets are: ${all.join(', ')}.`,
      );
    }
    names = wanted.map((n) => parts.sheets.find((s) => s.name === n) as { name: string; part: string });
    for (const s of names) {
      if (!entries.has(s.part)) {
        throw new LimitExceeded(
          `sheet "${s.name}" cannot be read: its XML is damaged, or of a kind Caselink does not read.`,
          'Open the file in Excel or LibreOffice and save it again, or save the sheet as CSV.',
        );
      }
    }
  } catch (error) {
    return refuse(error);
  }
  let open = names.length;
  const onAbort = () => close();
  signal?.addEventListener('abort', onAbort, { once: true });
  async function* rows(sheet: { name: string; part: string }): AsyncIterable<SheetRow> {
    try {
      if (closed || !zip) {
        if (signal?.aborted) throw cancelled(path);
        return;
      }
      const stream = await streamOf(zip, entries.get(sheet.part) as yauzl.Entry);
      current = stream;
      try {
        for await (const row of sheetRows(stream, {
          name: sheet.name,
          strings,
          dateStyles,
          date1904: parts.date1904,
          limits,
        })) {
          if (signal?.aborted) throw cancelled(path);
          yield row;
        }
      } catch (error) {
        if (signal?.aborted) throw cancelled(path);
        if (closed) return;
        refuse(error);
      }
    } finally {
      open -= 1;
      if (open === 0) {
        signal?.removeEventListener('abort', onAbort);
        close();
      }
    }
  }
  const sheets: SheetRows[] = names.map((s) => ({ name: s.name, rows: rows(s), rowCount: null }));
  return {
    path,
    fileName: basename(path),
    size,
    format: 'workbook',
    sheets,
    bytesRead: () => size,
    close,
  };
}
