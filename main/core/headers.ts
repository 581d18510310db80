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
