/**
 * The worker thread that parses a workbook. SheetJS reads a workbook whole and synchronously; run
 * here, a large or hostile file neither blocks the process that serves other requests, nor takes
 * it down: the worker runs under a heap limit, and is terminated on cancel. Rows go back to the
 * reader a chunk at a time, on request, cleaned.
 */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import * as XLSX from 'xlsx';
import type { Cell } from '../../core/cells';
import { cleanCells } from './cleanCells';
import { formatCount, type ReadLimits } from './limits';
import type { SheetRow } from './readers';
import { checkZippedWorkbook, LimitExceeded } from './zipCheck';

/** What the reader hands the worker. */
export interface WorkbookJob {
  path: string;
  zipped: boolean;
  sheets?: string[] | undefined;
  limits: ReadLimits;
}

/** What the reader asks of the worker after it opened the workbook. */
export interface RowsRequest {
  type: 'rows';
  sheet: number;
  /** 0-based offset into the sheet's rows. */
  from: number;
  count: number;
}

/** What the worker answers. */
export type WorkerMessage =
  | { type: 'parsing' }
  | { type: 'opened'; sheets: { name: string; rowCount: number }[] }
  | { type: 'rejected'; message: string; hint?: string }
  | { type: 'rows'; sheet: number; rows: SheetRow[] };

interface SheetExtent {
  name: string;
  data: (XLSX.CellObject | undefined)[][];
  firstRow: number;
  firstColumn: number;
  rowCount: number;
  columnCount: number;
}

function toCell(cell: XLSX.CellObject | undefined): Cell {
  if (!cell || cell.t === 'z' || cell.t === 'e') return null;
  const value = cell.v;
  if (value === undefined || value === null || value === '') return null;
  if (value instanceof Date || typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

/**
 * Where a sheet's rows lie. The `!ref` range is a claim the file makes; the end is taken from
 * the cells actually read, so a range claiming a million rows over three cells yields three rows.
 */
function extentOf(name: string, ws: XLSX.WorkSheet, limits: ReadLimits): SheetExtent {
  const data = ((ws as { '!data'?: (XLSX.CellObject | undefined)[][] })['!data'] ?? []) as (
    XLSX.CellObject | undefined
  )[][];
  const range = ws['!ref'] ? XLSX.utils.decode_range(ws['!ref']) : null;
  if (!range || data.length === 0) return { name, data, firstRow: 0, firstColumn: 0, rowCount: 0, columnCount: 0 };
  let width = 0;
  for (const row of data) if (row && row.length > width) width = row.length;
  const rowCount = Math.max(0, data.length - range.s.r);
  const columnCount = Math.max(0, Math.min(width, range.e.c + 1) - range.s.c);
  if (rowCount > limits.maxRows) {
    throw new LimitExceeded(
      `sheet "${name}" has more than ${formatCount(limits.maxRows)} rows, the limit.`,
      'Save the sheet as CSV, which Caselink reads as a stream, or split it.',
    );
  }
  if (range.s.c + columnCount > limits.maxColumns) {
    throw new LimitExceeded(`sheet "${name}" has more than ${formatCount(limits.maxColumns)} columns, the limit.`);
  }
  return { name, data, firstRow: range.s.r, firstColumn: range.s.c, rowCount, columnCount };
}

function rowsOf(sheet: SheetExtent, from: number, count: number, limits: ReadLimits): SheetRow[] {
  const out: SheetRow[] = [];
  const end = Math.min(sheet.rowCount, from + count);
  for (let i = from; i < end; i++) {
    const r = sheet.firstRow + i;
    const source = sheet.data[r];
    // A row the sheet does not hold at all is read as no cells, as SheetJS's own sheet_to_json does.
    const width = source ? sheet.columnCount : 0;
    const cells: Cell[] = new Array<Cell>(width);
    for (let c = 0; c < width; c++) cells[c] = toCell(source?.[sheet.firstColumn + c]);
    const cleaned = cleanCells(cells, limits.maxCellChars);
    out.push(
      cleaned.warnings ? { row: r + 1, cells: cleaned.cells, warnings: cleaned.warnings } : { row: r + 1, cells },
    );
  }
  return out;
}

async function open(job: WorkbookJob, parsing: () => void): Promise<SheetExtent[]> {
  if (job.zipped) await checkZippedWorkbook(job.path, job.limits);
  parsing();
  let workbook: XLSX.WorkBook;
  try {
    // One row past the limit is read, so that a sheet over it is seen to be over it.
    workbook = XLSX.read(readFileSync(job.path), {
      type: 'buffer',
      cellDates: true,
      dense: true,
      UTC: true,
      sheetRows: job.limits.maxRows + 1,
    });
  } catch (error) {
    throw new LimitExceeded(
      `cannot be read as a workbook (${(error as Error).message})`,
      'Check that the file is complete and not password-protected.',
    );
  }
  const names = job.sheets?.length ? job.sheets : workbook.SheetNames;
  const missing = names.filter((n) => !workbook.SheetNames.includes(n));
  if (missing.length) {
    throw new LimitExceeded(
      `has no sheet named ${missing.map((m) => `"${m}"`).join(', ')}`,
      `Its sheets are: ${workbook.SheetNames.join(', ')}.`,
    );
  }
  return names.map((name) => {
    const sheet = workbook.Sheets[name];
    if (!sheet) {
      throw new LimitExceeded(
        `sheet "${name}" cannot be read: its XML is damaged, or of a kind Caselink does not read.`,
        'Open the file in Excel or LibreOffice and save it again, or save the sheet as CSV.',
      );
    }
    return extentOf(name, sheet, job.limits);
  });
}

const port = parentPort;
if (port) {
  const job = workerData as WorkbookJob;
  open(job, () => port.postMessage({ type: 'parsing' } satisfies WorkerMessage)).then(
    (sheets) => {
      port.postMessage({
        type: 'opened',
        sheets: sheets.map((s) => ({ name: s.name, rowCount: s.rowCount })),
      } satisfies WorkerMessage);
      port.on('message', (request: RowsRequest) => {
        const sheet = sheets[request.sheet];
        const rows = sheet ? rowsOf(sheet, request.from, request.count, job.limits) : [];
        port.postMessage({ type: 'rows', sheet: request.sheet, rows } satisfies WorkerMessage);
      });
    },
    (error: unknown) => {
      const known = error instanceof LimitExceeded;
      port.postMessage({
        type: 'rejected',
        message: known ? error.message : `cannot be read as a workbook (${(error as Error).message})`,
        ...(known && error.hint ? { hint: error.hint } : {}),
      } satisfies WorkerMessage);
    },
  );
}
