/**
 * The read stage: a file's sheets, each with its header row found and the profile's columns
 * located in it, then the rows under that header, one at a time. A sheet the profile cannot read
 * is reported and skipped; a file that cannot be read fails the run.
 */
import { headerTexts, HeaderScan } from '../../core/headers';
import type { Profile } from '../../core/profile';
import { resolveColumns, type ResolvedMapping } from '../../core/rowMapper';
import { cutRow } from './cutCells';
import type { OpenedFile, SheetRow } from './readers';
import type { Problem } from './report';

/** A sheet as the profile reads it. */
export interface SheetLayout {
  name: string;
  /** The 1-based header row; null when none was found. */
  headerRow: number | null;
  /** Header texts by column ("column N" where blank). */
  header: string[];
  /** The profile's columns found in the header; none when the sheet is skipped. */
  mappings: ResolvedMapping[];
  /** The profile's columns not in the header. */
  missing: string[];
}

/** What the read stage hands on: each sheet's layout, then its rows under the header. */
export type ReadItem = { kind: 'sheet'; layout: SheetLayout } | { kind: 'row'; layout: SheetLayout; row: SheetRow };

export interface ReadStageOptions {
  profile: Profile;
  /** Reports a problem (the file name is added by the caller). */
  report: (problem: Omit<Problem, 'file'>) => void;
  /** Seconds spent waiting on the reader, added up. */
  timings: { readSeconds: number };
}

async function timed<T>(timings: { readSeconds: number }, next: () => Promise<T>): Promise<T> {
  const t = performance.now();
  try {
    return await next();
  } finally {
    timings.readSeconds += (performance.now() - t) / 1000;
  }
}

/**
 * A scan for a sheet's header, by the profile's header row or the columns it names for the sheet;
 * the rows before any of them are kept cut (see HeaderScan).
 */
export function headerScan(profile: Profile, sheet: string): HeaderScan<SheetRow> {
  const columns = profile.columns.filter((c) => c.sheet === undefined || c.sheet === sheet).map((c) => c.column);
  return new HeaderScan<SheetRow>(columns, cutRow, profile.headerRow);
}

/** The sheets and rows of an opened file, as the profile reads them. */
export async function* readStage(file: OpenedFile, options: ReadStageOptions): AsyncGenerator<ReadItem> {
  const { profile, report, timings } = options;
  let dataRows = 0;
  for (const sheet of file.sheets) {
    const rows = sheet.rows[Symbol.asyncIterator]();
    const scan = headerScan(profile, sheet.name);
    let read = 0;
    while (!scan.settled) {
      const next = await timed(timings, () => rows.next());
      if (next.done) break;
      read += 1;
      scan.push(next.value);
    }
    if (read === 0) continue;
    const layout: SheetLayout = { name: sheet.name, headerRow: null, header: [], mappings: [], missing: [] };
    const { header: headerRow, following } = scan.result();
    if (!headerRow) {
      report({
        sheet: sheet.name,
        row: null,
        column: null,
        value: '',
        severity: 'rejected',
        reason: 'no header row found',
      });
      await rows.return?.();
      yield { kind: 'sheet', layout };
      continue;
    }
    layout.headerRow = headerRow.row;
    layout.header = headerTexts(headerRow.cells);
    const { mappings, missing } = resolveColumns(profile, layout.header, sheet.name);
    layout.missing = missing;
    for (const w of headerRow.warnings ?? []) {
      report({
        sheet: sheet.name,
        row: headerRow.row,
        column: layout.header[w.column] ?? `column ${w.column + 1}`,
        value: layout.header[w.column] ?? '',
        severity: 'warning',
        reason: w.reason,
      });
    }
    if (mappings.length === 0) {
      report({
        sheet: sheet.name,
        row: headerRow.row,
        column: null,
        value: layout.header.join(' | '),
        severity: 'rejected',
        reason: `none of the profile's columns is in this sheet (the profile expects ${profile.columns.map((c) => `"${c.column}"`).join(', ')})`,
      });
      await rows.return?.();
      yield { kind: 'sheet', layout };
      continue;
    }
    layout.mappings = mappings;
    for (const column of missing) {
      report({
        sheet: sheet.name,
        row: headerRow.row,
        column,
        value: '',
        severity: 'warning',
        reason: 'column named in the profile is not in this sheet',
      });
    }
    yield { kind: 'sheet', layout };
    for (const row of following) {
      dataRows += 1;
      yield { kind: 'row', layout, row };
    }
    for (;;) {
      const next = await timed(timings, () => rows.next());
      if (next.done) break;
      dataRows += 1;
      yield { kind: 'row', layout, row: next.value };
    }
  }
  if (dataRows === 0 && file.size > 0) {
    // Not an error (an export of a quiet month may be empty), but never a silent success of 0 rows.
    report({
      sheet: file.sheets.map((s) => s.name).join(', '),
      row: null,
      column: null,
      value: '',
      severity: 'warning',
      reason: 'the file holds no rows to import: no sheet has data below a header the profile recognises',
    });
  }
}
