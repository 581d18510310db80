/**
 * Cells cut to what is read of them while a file is only looked at (its header found, its
 * mapping proposed), so that the first rows of a hostile file (rows of up to 32 MiB) are not held
 * whole for it.
 */
import type { Cell } from '../../core/cells';

/**
 * The characters of a cell kept: more than any header or value the proposal decides by (a note is
 * a note past 60), far fewer than a cell may hold (32,767).
 */
export const SAMPLE_CELL_CHARS = 1_024;

/** Whether a cell is longer than what is kept of it. */
export const isCut = (cell: Cell): boolean => typeof cell === 'string' && cell.length > SAMPLE_CELL_CHARS;

/** The cell cut and copied, so that the whole text it was cut from can go. */
export function cutCell(cell: Cell): Cell {
  if (typeof cell !== 'string' || cell.length <= SAMPLE_CELL_CHARS) return cell;
  return Buffer.from(cell.slice(0, SAMPLE_CELL_CHARS), 'utf8').toString('utf8');
}

/** The row with each of its cells cut. */
export function cutRow<R extends { cells: Cell[] }>(r: R): R {
  return { ...r, cells: r.cells.map(cutCell) };
}
