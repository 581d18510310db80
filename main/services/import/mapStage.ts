/**
 * The map stage: each row read becomes a mapped record with its identity, or a problem in the
 * report (a blank row, a row with nothing to import). Counts what it sees. A row that stands
 * twice in the file is handed on as a repeat, to be written once with both locations.
 */
import { cellText, isBlank } from '../../core/cells';
import type { Profile } from '../../core/profile';
import { mapRow, type MappedRow, type RowContext, type RowProblem } from '../../core/rowMapper';
import { cardKeyOf, type MappingPool, type PooledItem, type PooledRow } from './mappingPool';
import type { ReadItem, SheetLayout } from './readStage';
import { recordId, rowKeyText } from './recordIdentity';
import type { Problem } from './report';

/** A row ready to be written under its record id. */
export interface MappedRecord {
  id: string;
  row: MappedRow;
  /** True when an earlier row of this file had the same id: only its location is new. */
  repeat: boolean;
}

export interface MapCounts {
  rowsRead: number;
  blankRows: number;
  rowsImported: number;
  rowsWithWarnings: number;
  rowsRejected: number;
  /** Rows that stand twice in the file (same content); imported once, both locations kept. */
  duplicateRows: number;
}

export interface SheetSummary {
  name: string;
  headerRow: number | null;
  missingColumns: string[];
  rowsRead: number;
}

export interface MapStageOptions {
  agency: string;
  profile: Profile;
  /** Text files have one sheet without a name of its own: their record ids leave the sheet out. */
  format: 'workbook' | 'delimited';
  cardHash: (pan: string) => string;
  report: (problem: Omit<Problem, 'file'>) => void;
  counts: MapCounts;
  /** Filled with one summary per sheet as the sheets come. */
  sheets: SheetSummary[];
  timings: { mapSeconds: number };
  /**
   * Worker threads to map the rows on. Used when `cardHash` was made by `keyedCardHash` (its key
   * can be handed to them); rows are mapped on this thread otherwise.
   */
  pool?: MappingPool | undefined;
}

/** Counts of a file not read yet. */
export const emptyCounts = (): MapCounts => ({
  rowsRead: 0,
  blankRows: 0,
  rowsImported: 0,
  rowsWithWarnings: 0,
  rowsRejected: 0,
  duplicateRows: 0,
});

/** The cells the reader had to clean, as problems of the row, each named by its column's header. */
function readerWarnings(item: Extract<ReadItem, { kind: 'row' }>): RowProblem[] {
  const { layout, row } = item;
  return (row.warnings ?? []).map((w) => {
    const cell = row.cells[w.column] ?? null;
    return {
      column: layout.header[w.column] ?? `column ${w.column + 1}`,
      value: isBlank(cell) ? '' : cellText(cell),
      reason: w.reason,
    };
  });
}

/** Maps the rows of the read stage through the profile. */
export async function* mapStage(
  items: AsyncIterable<ReadItem>,
  options: MapStageOptions,
): AsyncGenerator<MappedRecord> {
  const { agency, profile, counts, report, timings } = options;
  const rowKey = profile.rowKey?.length ? profile.rowKey : undefined;
  const idSheetOf = (name: string) => (options.format === 'delimited' ? null : name);
  const cardKey = cardKeyOf(options.cardHash);
  const pool = options.pool;
  const source: AsyncIterable<PooledItem | ReadItem> =
    pool && cardKey !== null
      ? pool.map(
          items,
          (l) => ({
            profile,
            sheet: l.name,
            header: l.header,
            mappings: l.mappings,
            agency,
            idSheet: idSheetOf(l.name),
            rowKey,
            cardKey,
          }),
          timings,
        )
      : items;
  const seenIds = new Set<string>();
  const contentOfKey = new Map<string, { content: string; row: number }>();
  let sheet: SheetSummary | null = null;
  let ctx: RowContext | null = null;
  let layout: SheetLayout | null = null;
  for await (const entry of source) {
    const item = 'item' in entry ? entry.item : entry;
    // Mapped by a worker already: the row, its record id and (with a row key) its id by content.
    const pooled: PooledRow | null = 'item' in entry && entry.kind === 'row' ? entry.mapped : null;
    if (item.kind === 'sheet') {
      layout = item.layout;
      sheet = { name: layout.name, headerRow: layout.headerRow, missingColumns: layout.missing, rowsRead: 0 };
      options.sheets.push(sheet);
      ctx = { profile, sheet: layout.name, header: layout.header, cardHash: options.cardHash };
      continue;
    }
    if (!sheet || !ctx || !layout || item.layout !== layout)
      throw new Error('the read stage handed on a row before its sheet');
    const { row, cells } = item.row;
    const cleaned = readerWarnings(item);
    for (const w of cleaned) report({ sheet: sheet.name, row, ...w, severity: 'warning' });
    if (cells.every(isBlank)) {
      counts.blankRows += 1;
      continue;
    }
    counts.rowsRead += 1;
    sheet.rowsRead += 1;
    const t = performance.now();
    const mapped = pooled ? pooled.row : mapRow(ctx, layout.mappings, cells, row);
    if (!pooled) timings.mapSeconds += (performance.now() - t) / 1000;
    if (mapped.rejected) {
      counts.rowsRejected += 1;
      const value = cells
        .map(cellText)
        .filter((v) => v !== '')
        .join(' | ');
      report({ sheet: sheet.name, row, column: null, value, severity: 'rejected', reason: mapped.rejected });
      continue;
    }
    for (const w of mapped.warnings)
      report({ sheet: sheet.name, row, column: w.column, value: w.value, severity: 'warning', reason: w.reason });
    mapped.warnings.unshift(...cleaned);
    counts.rowsImported += 1;
    const idSheet = idSheetOf(sheet.name);
    let id = pooled ? pooled.id : recordId(agency, idSheet, mapped, rowKey);
    if (rowKey) {
      // A row key must name one row: a second row under the same key with other content is
      // kept as a row of its own, and said.
      const content = pooled?.content ?? recordId(agency, idSheet, mapped, undefined);
      const earlier = contentOfKey.get(id);
      if (earlier === undefined) contentOfKey.set(id, { content, row });
      else if (earlier.content !== content) {
        const problem = {
          column: rowKey.join(' + '),
          value: rowKeyText(mapped, rowKey),
          reason: `the row key repeats row ${earlier.row} with other content; kept as a row of its own`,
        };
        mapped.warnings.push(problem);
        report({ sheet: sheet.name, row, ...problem, value: '', severity: 'warning' });
        id = content;
      }
    }
    if (mapped.warnings.length) counts.rowsWithWarnings += 1;
    const repeat = seenIds.has(id);
    if (repeat) counts.duplicateRows += 1;
    else seenIds.add(id);
    yield { id, row: mapped, repeat };
  }
}
