/**
 * Checks a zipped workbook (.xlsx, .xlsm, .xlsb, .ods) before SheetJS inflates it: the zip
 * directory's declared sizes and ratios first, then every part inflated as a stream that stops
 * at its declared size (yauzl checks that), counting the rows and columns of each sheet on the
 * way. Memory stays at one chunk per part; a zip bomb or a sheet of millions of rows is refused
 * after reading only as far as the limit.
 */
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { formatBytes, formatCount, type ReadLimits } from './limits';

/** A limit a file broke, in words for the person importing it. */
export class LimitExceeded extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

const MiB = 1024 * 1024;
// Parts small enough to read whole: the workbook's list of sheets and its relationships.
const SMALL_PART_BYTES = 16 * MiB;
// The longest tag kept while scanning sheet XML across chunks; no real tag comes near it.
const MAX_TAG_CHARS = MiB;

const TOO_BIG_HINT = 'Save the sheet from Excel or LibreOffice as CSV, which Caselink reads as a stream, or split it.';

/** Opens a zip to read its directory entry by entry, checking each part's size as it inflates. */
export function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true }, (error, zip) =>
      error ? reject(error) : resolve(zip),
    ),
  );
}

function entriesOf(zip: yauzl.ZipFile, limits: ReadLimits): Promise<yauzl.Entry[]> {
  if (zip.entryCount > limits.maxZipEntries) {
    throw new LimitExceeded(
      `has ${formatCount(zip.entryCount)} parts; the limit is ${formatCount(limits.maxZipEntries)}.`,
    );
  }
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', reject);
    zip.readEntry();
  });
}

/** The inflating stream of one part of an opened zip. */
export function streamOf(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, (error, stream) => (error ? reject(error) : resolve(stream))),
  );
}

async function readSmall(zip: yauzl.ZipFile, entry: yauzl.Entry | undefined): Promise<string> {
  if (!entry || entry.uncompressedSize > SMALL_PART_BYTES) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of await streamOf(zip, entry)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function unescapeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (_m, name: string) =>
    name === 'amp' ? '&' : name === 'lt' ? '<' : name === 'gt' ? '>' : name === 'quot' ? '"' : "'",
  );
}

/** Sheet names by the zip path of their XML part, from xl/workbook.xml and its relationships. */
function sheetPartNames(workbookXml: string, relsXml: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const names = new Map<string, string>();
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]*)"/.exec(m[0])?.[1];
    const part = id ? targets.get(id) : undefined;
    if (name !== undefined && part) names.set(part, unescapeXml(name));
  }
  return names;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A column's letters from its number counted from 1 (1 → A, 27 → AA). */
export function columnLetters(n: number): string {
  let out = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) out = String.fromCharCode(65 + ((x - 1) % 26)) + out;
  return out;
}

/**
 * Counts rows and columns in a worksheet's XML as it streams by, as SheetJS will place them:
 * a row's `r` attribute when given, else the next row; likewise a cell's reference. The sheet's
 * `<dimension ref>` is not trusted: a file can claim one size and hold another.
 */
/**
 * Splits inflated XML at its last unfinished tag: the complete tags to scan now, and the tag
 * begun at the chunk's end, carried to the next chunk (refused past {@link MAX_TAG_CHARS}, so
 * that a tag that never closes cannot grow without bound).
 */
function completeTags(text: string, sheet: string): { text: string; carry: string } {
  const open = text.lastIndexOf('<');
  if (open < 0 || text.indexOf('>', open) >= 0) return { text, carry: '' };
  const carry = text.slice(open);
  if (carry.length > MAX_TAG_CHARS) {
    throw new LimitExceeded(`sheet "${sheet}" holds an XML tag longer than ${formatBytes(MAX_TAG_CHARS)}.`);
  }
  return { text: text.slice(0, open), carry };
}

class SheetCounter implements PartCounter {
  private row = 0;
  private column = 0;
  private carry = '';

  constructor(
    private readonly sheet: string,
    private readonly limits: ReadLimits,
    /** Cells seen so far in all the workbook's sheets. */
    private readonly tally: { cells: number },
  ) {}

  push(chunk: string): void {
    const { text, carry } = completeTags(this.carry + chunk, this.sheet);
    this.carry = carry;
    // Each match runs to the next '>', so the scan is linear in the text.
    for (const m of text.matchAll(/<(?:[A-Za-z_][\w.-]*:)?(row|c)(?=[\s>/])([^>]*)>/g)) {
      const attributes = m[2] ?? '';
      if (m[1] === 'row') {
        const r = /\br="(\d+)"/.exec(attributes)?.[1];
        this.row = r ? Number(r) : this.row + 1;
        this.column = 0;
        if (this.row > this.limits.maxRows) {
          throw new LimitExceeded(
            `sheet "${this.sheet}" has more than ${formatCount(this.limits.maxRows)} rows, the limit (it reaches row ${formatCount(this.row)}).`,
            TOO_BIG_HINT,
          );
        }
      } else {
        this.tally.cells += 1;
        if (this.tally.cells > this.limits.maxCells) {
          throw new LimitExceeded(
            `has more than ${formatCount(this.limits.maxCells)} cells, the limit for a workbook (reached in sheet "${this.sheet}", row ${formatCount(this.row)}).`,
            TOO_BIG_HINT,
          );
        }
        const ref = /\br="([A-Z]+)\d+"/.exec(attributes)?.[1];
        this.column = ref ? columnNumber(ref) : this.column + 1;
        if (this.column > this.limits.maxColumns) {
          throw new LimitExceeded(
            `sheet "${this.sheet}" has more than ${formatCount(this.limits.maxColumns)} columns, the limit (row ${formatCount(Math.max(this.row, 1))} reaches column ${columnLetters(this.column)}).`,
          );
        }
      }
    }
  }
}

/** Counts what a sheet XML part holds as it streams by. */
interface PartCounter {
  push(chunk: string): void;
}

/**
 * Counts the cells of an OpenDocument spreadsheet (content.xml) as SheetJS will expand them: a
 * row or cell may say it repeats (`number-rows-repeated`, `number-columns-repeated`), so a few
 * bytes can stand for billions of cells. Empty repeats are how LibreOffice pads every sheet to
 * its full size, and cost nothing; only repeats that hold a value are counted.
 */
class OdsCounter implements PartCounter {
  private sheet = '';
  private row = 0;
  private rowRepeat = 1;
  private column = 0;
  private rowCells = 0;
  private rowWidth = 0;
  private carry = '';

  constructor(
    private readonly limits: ReadLimits,
    private readonly tally: { cells: number },
  ) {}

  push(chunk: string): void {
    const { text, carry } = completeTags(this.carry + chunk, this.sheet);
    this.carry = carry;
    for (const m of text.matchAll(/<(\/?)table:(table-row|table-cell|covered-table-cell|table)(?=[\s>/])([^>]*)>/g)) {
      const closing = m[1] === '/';
      const element = m[2];
      const attributes = m[3] ?? '';
      if (element === 'table') {
        if (!closing) {
          this.sheet = unescapeXml(/\btable:name="([^"]*)"/.exec(attributes)?.[1] ?? '');
          this.row = 0;
        }
      } else if (element === 'table-row') {
        if (!closing) {
          this.rowRepeat = Number(/\btable:number-rows-repeated="(\d+)"/.exec(attributes)?.[1] ?? 1);
          this.column = 0;
          this.rowCells = 0;
          this.rowWidth = 0;
          if (attributes.endsWith('/')) this.endRow();
        } else {
          this.endRow();
        }
      } else if (!closing) {
        const repeat = Number(/\btable:number-columns-repeated="(\d+)"/.exec(attributes)?.[1] ?? 1);
        const empty = attributes.endsWith('/') && !/\boffice:value-type=/.test(attributes);
        this.column += repeat;
        if (!empty) {
          this.rowCells += repeat;
          this.rowWidth = this.column;
          if (this.rowWidth > this.limits.maxColumns) {
            throw new LimitExceeded(
              `sheet "${this.sheet}" has more than ${formatCount(this.limits.maxColumns)} columns, the limit (row ${formatCount(this.row + 1)} reaches column ${formatCount(this.rowWidth)}).`,
            );
          }
        }
      }
    }
  }

  private endRow(): void {
    if (this.rowCells > 0) {
      const lastRow = this.row + this.rowRepeat;
      if (lastRow > this.limits.maxRows) {
        throw new LimitExceeded(
          `sheet "${this.sheet}" has more than ${formatCount(this.limits.maxRows)} rows, the limit (it reaches row ${formatCount(lastRow)}).`,
          TOO_BIG_HINT,
        );
      }
      this.tally.cells += this.rowCells * this.rowRepeat;
      if (this.tally.cells > this.limits.maxCells) {
        throw new LimitExceeded(
          `has more than ${formatCount(this.limits.maxCells)} cells, the limit for a workbook (reached in sheet "${this.sheet}", row ${formatCount(lastRow)}).`,
          TOO_BIG_HINT,
        );
      }
    }
    this.row += this.rowRepeat;
    this.rowRepeat = 1;
  }
}

/**
 * Refuses a zipped workbook whose parts are too large, too compressed, or whose sheets have too
 * many rows or columns. Throws {@link LimitExceeded}; other errors mean a broken zip.
 */
export async function checkZippedWorkbook(path: string, limits: ReadLimits): Promise<void> {
  const zip = await openZip(path);
  try {
    const entries = await entriesOf(zip, limits);
    let declared = 0;
    for (const entry of entries) {
      declared += entry.uncompressedSize;
      if (declared > limits.maxUncompressedBytes) {
        throw new LimitExceeded(
          `inflates to more than ${formatBytes(limits.maxUncompressedBytes)}, the limit (its zip directory declares ${formatBytes(entries.reduce((n, e) => n + e.uncompressedSize, 0))}).`,
          TOO_BIG_HINT,
        );
      }
      const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
      if (entry.uncompressedSize > MiB && ratio > limits.maxCompressionRatio) {
        throw new LimitExceeded(
          `part ${entry.fileName} inflates ${Math.round(ratio)} times, beyond the limit of ${limits.maxCompressionRatio}: a zip bomb, not a workbook.`,
        );
      }
    }
    const byName = new Map(entries.map((e) => [e.fileName, e]));
    const sheetNames = sheetPartNames(
      await readSmall(zip, byName.get('xl/workbook.xml')),
      await readSmall(zip, byName.get('xl/_rels/workbook.xml.rels')),
    );
    let inflated = 0;
    const tally = { cells: 0 };
    for (const entry of entries) {
      if (entry.fileName.endsWith('/')) continue;
      const counter: PartCounter | null = /^xl\/worksheets\/[^/]+\.xml$/i.test(entry.fileName)
        ? new SheetCounter(sheetNames.get(entry.fileName) ?? entry.fileName, limits, tally)
        : entry.fileName === 'content.xml'
          ? new OdsCounter(limits, tally)
          : null;
      const stream = await streamOf(zip, entry);
      try {
        for await (const chunk of stream) {
          inflated += (chunk as Buffer).length;
          if (inflated > limits.maxUncompressedBytes) {
            throw new LimitExceeded(
              `inflates to more than ${formatBytes(limits.maxUncompressedBytes)}, the limit.`,
              TOO_BIG_HINT,
            );
          }
          // Tags and attribute names are ASCII: latin1 keeps them intact at a fraction of UTF-8's cost.
          counter?.push((chunk as Buffer).toString('latin1'));
        }
      } catch (error) {
        stream.destroy();
        if (error instanceof LimitExceeded) throw error;
        // yauzl stops a part that inflates past the size its directory declares.
        throw new LimitExceeded(
          `part ${entry.fileName} is damaged or lies about its size (${(error as Error).message}).`,
        );
      }
    }
  } finally {
    zip.close();
  }
}
