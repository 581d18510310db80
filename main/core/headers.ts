/**
 * Finding the header row: agencies put title rows, dates and merged banners above it.
 */
import { cellText, isBlank, type Cell } from './cells';
import { headerKey } from './rowMapper';

/** How many rows from the top to look at. */
export const HEADER_SCAN_ROWS = 30;

function textCells(cells: Cell[]): string[] {
  return cells
    .filter((c) => typeof c === 'string' && !isBlank(c) && !/^[\d\s.,/:+-]+$/.test(c))
    .map((c) => cellText(c));
}

/**
 * The index (in `rows`) of the header row. With known column names (a profile), the row that
 * holds the most of them; otherwise the first row whose text cells are as many as the widest
 * row's and all different — a title row has one cell, a data row has numbers and dates.
 */
export function findHeaderRow(rows: Cell[][], knownColumns: string[] = []): number {
  const scan = rows.slice(0, HEADER_SCAN_ROWS);
  if (knownColumns.length) {
    const wanted = new Set(knownColumns.map(headerKey));
    let best = -1;
    let bestHits = 0;
    scan.forEach((cells, i) => {
      const hits = cells.filter((c) => typeof c === 'string' && wanted.has(headerKey(c))).length;
      if (hits > bestHits) {
        best = i;
        bestHits = hits;
      }
    });
    if (best >= 0) return best;
  }
  const widest = Math.max(0, ...scan.map((cells) => cells.filter((c) => !isBlank(c)).length));
  for (let i = 0; i < scan.length; i++) {
    const texts = textCells(scan[i] ?? []);
    const distinct = new Set(texts.map(headerKey)).size;
    if (texts.length >= 2 && texts.length >= Math.ceil(widest * 0.6) && distinct === texts.length) return i;
  }
  return scan.findIndex((cells) => cells.some((c) => !isBlank(c)));
}

/** Header texts by column; blank headers get "column N" so every cell can be named. */
export function headerTexts(cells: Cell[]): string[] {
  return cells.map((c, i) => (isBlank(c) ? `column ${i + 1}` : cellText(c).replace(/\s+/g, ' ')));
}

/**
 * Characters of whole rows a header scan holds after its best row so far before it settles on
 * that row: a row may hold 32 MiB, and the 29 rows under a first-row header would be near a
 * gigabyte of text held at once. Far above any real sheet's first rows.
 */
export const HEADER_HOLD_CHARS = 64 * 1024 * 1024;

function heldChars(cells: Cell[]): number {
  let n = 0;
  for (const c of cells) if (typeof c === 'string') n += c.length;
  return n;
}

/**
 * Finds a sheet's header among its first rows as they are read, for a profile's columns, holding
 * whole only the rows that may be read as data: the best row so far and those after it. It
 * settles at once on the first row that holds every column the profile names for the sheet (the
 * row with the most of them otherwise, as findHeaderRow does), and after HEADER_SCAN_ROWS rows, or
 * once the rows held after the best one pass HEADER_HOLD_CHARS. A row at or over the profile's
 * header row settles it the same way. Rows before any of the profile's columns are kept only as
 * `cut` makes them, to name the likeliest header when none holds a profile column: that sheet
 * is then not read (no column to read), so none of its rows is needed whole.
 */
export class HeaderScan<R extends { row: number; cells: Cell[] }> {
  private readonly wanted: Set<string>;
  private scanned = 0;
  private bestHits = 0;
  private best: R | null = null;
  private following: R[] = [];
  private held = 0;
  private readonly unmatched: R[] = [];
  /** True once the header is settled: no more rows are needed to find it. */
  settled = false;

  constructor(
    knownColumns: string[],
    private readonly cut: (row: R) => R,
    private readonly headerRow?: number,
    private readonly holdChars = HEADER_HOLD_CHARS,
  ) {
    this.wanted = new Set(knownColumns.map(headerKey).filter((k) => k !== ''));
  }

  /** Takes the sheet's next row; says whether the header is now settled. */
  push(r: R): boolean {
    if (this.settled) throw new Error('HeaderScan: the header is already settled');
    this.scanned += 1;
    if (this.headerRow !== undefined) {
      if (r.row === this.headerRow) {
        this.best = r;
        this.settled = true;
      } else if (r.row > this.headerRow) this.settled = true;
    } else {
      const hits = r.cells.filter((c) => !isBlank(c) && this.wanted.has(headerKey(cellText(c)))).length;
      if (hits > this.bestHits) {
        this.best = r;
        this.bestHits = hits;
        this.following = [];
        this.held = 0;
        this.unmatched.length = 0;
        if (hits >= this.wanted.size) this.settled = true;
      } else if (this.best) {
        this.following.push(r);
        this.held += heldChars(r.cells);
        if (this.held > this.holdChars) this.settled = true;
      } else this.unmatched.push(this.cut(r));
    }
    if (this.scanned >= HEADER_SCAN_ROWS) this.settled = true;
    return this.settled;
  }

  /**
   * The header row and the rows read after it, whole. Without a row holding a profile column,
   * the likeliest header by findHeaderRow's reading (cut) and no rows after it; null when the
   * sheet's first rows are blank or the profile's header row is not among them.
   */
  result(): { header: R | null; following: R[] } {
    if (this.best) return { header: this.best, following: this.following };
    if (this.headerRow !== undefined) return { header: null, following: [] };
    const index = findHeaderRow(this.unmatched.map((r) => r.cells));
    return { header: this.unmatched[index] ?? null, following: [] };
  }
}
