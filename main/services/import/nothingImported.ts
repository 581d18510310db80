import type { ImportSummary } from './importFile';

/** A file that gave no row to import, and why: what the CLI and the app both say of it. */
export interface NothingImported {
  /**
   * The file is not one the mapping reads: no sheet gave its columns (no header found, none of its
   * columns, nothing in the file), or every row read was rejected. Reported as a file not imported.
   * Otherwise only warned about: the mapping's header with no row below it (a quiet month's export).
   */
  refused: boolean;
  why: string;
}

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** Why a file gave no row to import, or null when it gave some (or was imported before, unchanged). */
export function nothingImported(
  s: Pick<ImportSummary, 'outcome' | 'rowsRead' | 'rowsImported' | 'rowsRejected' | 'duplicateRows' | 'blankRows'> &
    Pick<ImportSummary, 'problems' | 'sheets'>,
): NothingImported | null {
  if (s.outcome !== 'imported') return null;
  if (s.rowsImported === 0 && s.rowsRejected > 0 && s.duplicateRows === 0) {
    const blank = s.blankRows ? ` (and ${count(s.blankRows, 'blank row')})` : '';
    return { refused: true, why: `every row was rejected, ${s.rowsRejected.toLocaleString('en-GB')} of them${blank}` };
  }
  if (s.rowsRead > 0) return null;
  // With no row read, every rejection is of a whole sheet (the read stage's), never of a row.
  const rejected = s.problems.filter((p) => p.severity === 'rejected');
  const refusedSheets = new Set(rejected.map((p) => p.sheet));
  if (s.sheets.some((sheet) => sheet.headerRow !== null && !refusedSheets.has(sheet.name)))
    return { refused: false, why: 'no row below the header' };
  const why = rejected.map((p) => `sheet ${p.sheet}: ${p.reason}`).join('; ');
  return { refused: true, why: why || 'it holds no row to read' };
}
