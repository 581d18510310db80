/**
 * The limits on what Caselink reads from an agency file, defined once. Each is checked before or
 * while the bytes are inflated and parsed, so that a hostile or broken file is refused with a
 * message naming the file, the sheet and the limit, instead of exhausting memory or time. The
 * README's "Limits" section states them for users.
 */

export interface ReadLimits {
  /** Largest workbook file (.xlsx, .xls, .ods …); SheetJS reads a workbook whole. */
  maxWorkbookBytes: number;
  /** Largest text file (.csv, .tsv, .txt); streamed, so this only bounds the time an import takes. */
  maxTextBytes: number;
  /** Largest total of a zipped workbook's parts once inflated, as its zip directory declares them and as they inflate. */
  maxUncompressedBytes: number;
  /** Largest inflated-to-compressed ratio of one zip part over 1 MiB: beyond it the part is a zip bomb. */
  maxCompressionRatio: number;
  /** Most parts in one zipped workbook. */
  maxZipEntries: number;
  /** Most rows in one sheet of a workbook. */
  maxRows: number;
  /** Most columns in any row. */
  maxColumns: number;
  /** Most cells in one workbook: SheetJS holds every cell as an object, about 100 bytes each. */
  maxCells: number;
  /** Longest cell text kept; a longer cell is cut to this length and the row carries a warning. */
  maxCellChars: number;
  /** Longest row of a text file in bytes (an unclosed quote makes the rest of the file one row). */
  maxRowBytes: number;
  /** Heap of the worker that parses a workbook; past it the worker fails, not the process. */
  workerHeapMb: number;
  /** An .xlsx or .xlsm file larger than this is read as a stream (xlsxStream.ts), not whole by SheetJS. */
  streamWorkbookBytes: number;
  /** Largest .xlsx or .xlsm file read as a stream. */
  maxStreamedWorkbookBytes: number;
  /** Largest total of a streamed workbook's parts once inflated (checked as maxUncompressedBytes is). */
  maxStreamedUncompressedBytes: number;
  /** Most strings in a streamed workbook's shared strings table, which is held whole. */
  maxSharedStrings: number;
  /** Most bytes of text (UTF-8) in a streamed workbook's shared strings table. */
  maxSharedStringBytes: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_READ_LIMITS: Readonly<ReadLimits> = Object.freeze({
  maxWorkbookBytes: 50 * MiB,
  maxTextBytes: 4 * 1024 * MiB,
  maxUncompressedBytes: 256 * MiB,
  maxCompressionRatio: 200,
  maxZipEntries: 10_000,
  // Excel's own maxima: a sheet with more rows or a longer cell was not written by Excel.
  maxRows: 1_048_576,
  maxColumns: 2_000,
  maxCells: 5_000_000,
  maxCellChars: 32_767,
  maxRowBytes: 32 * MiB,
  // With the inflated parts held beside it, this keeps a process reading one workbook under 1.5 GiB.
  workerHeapMb: 896,
  // About 100,000 rows: below it SheetJS reads the workbook whole in well under 300 MB.
  streamWorkbookBytes: 8 * MiB,
  maxStreamedWorkbookBytes: 1024 * MiB,
  // A million rows of ten columns inflate to about 500 MiB; a part declaring 2 GB is refused unread.
  maxStreamedUncompressedBytes: 1536 * MiB,
  // Excel's own cap on unique strings is about 2^31; these keep the table under ~600 MB of heap.
  maxSharedStrings: 8_000_000,
  maxSharedStringBytes: 256 * MiB,
});

/** The environment variable through which an advanced user (or a test) overrides limits, as JSON. */
export const LIMITS_VARIABLE = 'CASELINK_READ_LIMITS';

function fromEnvironment(): Partial<ReadLimits> {
  const raw = process.env[LIMITS_VARIABLE];
  if (!raw) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new Error(`${LIMITS_VARIABLE} is not JSON: ${raw}`);
  }
  return pickLimits(parsed, LIMITS_VARIABLE);
}

function pickLimits(value: unknown, where: string): Partial<ReadLimits> {
  if (typeof value !== 'object' || value === null) throw new Error(`${where} must be an object of limits.`);
  const out: Partial<ReadLimits> = {};
  for (const [key, limit] of Object.entries(value)) {
    if (!Object.hasOwn(DEFAULT_READ_LIMITS, key)) {
      throw new Error(
        `${where}: unknown limit "${key}"; the limits are ${Object.keys(DEFAULT_READ_LIMITS).join(', ')}.`,
      );
    }
    if (typeof limit !== 'number' || !Number.isFinite(limit) || limit <= 0) {
      throw new Error(`${where}: ${key} must be a positive number.`);
    }
    out[key as keyof ReadLimits] = limit;
  }
  return out;
}

/** The limits in force: the defaults, then CASELINK_READ_LIMITS, then the caller's overrides. */
export function readLimits(overrides: Partial<ReadLimits> = {}): ReadLimits {
  return { ...DEFAULT_READ_LIMITS, ...fromEnvironment(), ...pickLimits(overrides, 'read limits') };
}

/** A number of bytes as people read it ("256 MiB"). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * MiB) return `${(bytes / (1024 * MiB)).toFixed(bytes % (1024 * MiB) ? 1 : 0)} GiB`;
  if (bytes >= MiB) return `${(bytes / MiB).toFixed(bytes % MiB ? 1 : 0)} MiB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KiB`;
  return `${bytes} bytes`;
}

/** A count with thousands separators ("1,048,576"). */
export function formatCount(n: number): string {
  return n.toLocaleString('en-GB');
}
