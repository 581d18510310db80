/**
 * Cleaning cell text before it reaches the graph: control characters and invisible ones (direction
 * marks, zero-width spaces: main/core/text.ts) removed, invalid UTF-8 and
 * lone surrogates shown as U+FFFD, over-long text cut. A court needs to know that a value was
 * changed, so each change is reported per row and column rather than made silently; the cell is
 * kept (cleaned) so that the rest of the row, and its identifiers, still count.
 */
import type { Cell } from '../../core/cells';
import type { CellWarning } from './readers';
import { formatCount } from './limits';
import { withoutInvisible } from '../../core/text';

// C0 controls other than tab, line feed and carriage return, which are part of ordinary text.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROLS = /[\x00-\x08\x0b\x0c\x0e-\x1f]/g;
const REPLACEMENT = '\uFFFD';

// ES2024's String methods, in Node since 20; the project's lib is ES2023.
interface WellFormed {
  isWellFormed(): boolean;
  toWellFormed(): string;
}
function wellFormed(text: string): string {
  const s = text as unknown as WellFormed;
  return s.isWellFormed() ? text : s.toWellFormed();
}

/**
 * Cleans the text cells of one row. Linear in the row's length: each cell is scanned a fixed
 * number of times, by patterns without backtracking.
 */
export function cleanCells(cells: Cell[], maxCellChars: number): { cells: Cell[]; warnings?: CellWarning[] } {
  let warnings: CellWarning[] | undefined;
  let out: Cell[] | undefined;
  for (let column = 0; column < cells.length; column++) {
    const cell = cells[column];
    if (typeof cell !== 'string') continue;
    const reasons: string[] = [];
    let text = cell;
    const controls = text.match(CONTROLS)?.length ?? 0;
    if (controls) {
      text = text.replace(CONTROLS, '');
      const nul = cell.includes('\0');
      reasons.push(
        `${formatCount(controls)} control character${controls === 1 ? '' : 's'}${nul ? ' (NUL)' : ''} removed`,
      );
    }
    const invisible = withoutInvisible(text);
    if (invisible.removed) {
      text = invisible.text;
      const n = invisible.removed;
      reasons.push(
        `${formatCount(n)} invisible character${n === 1 ? '' : 's'} (direction marks, zero-width spaces) removed`,
      );
    }
    text = wellFormed(text);
    if (text.includes(REPLACEMENT)) {
      reasons.push('holds bytes that are not valid text in its encoding (shown as \uFFFD)');
    }
    if (text.length > maxCellChars) {
      reasons.push(`${formatCount(text.length)} characters cut to the first ${formatCount(maxCellChars)}`);
      text = text.slice(0, maxCellChars);
      // A cut between the two halves of a surrogate pair would leave half a character.
      text = wellFormed(text);
    }
    if (!reasons.length) continue;
    out ??= cells.slice();
    out[column] = text.trim() === '' ? null : text;
    (warnings ??= []).push({ column, reason: reasons.join('; ') });
  }
  return warnings ? { cells: out ?? cells, warnings } : { cells };
}
