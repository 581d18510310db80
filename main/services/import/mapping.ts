/**
 * Mapping a file before importing it: propose a profile from its headers and values, and preview
 * the first rows as they will be imported. Reads the file only; writes nothing.
 */
import type { Cell } from '../../core/cells';
import { findHeaderRow, headerTexts, HEADER_SCAN_ROWS } from '../../core/headers';
import { proposeProfile, type Proposal } from '../../core/mappingProposal';
import type { Profile } from '../../core/profile';
import { mapRow, resolveColumns, type MappedRow } from '../../core/rowMapper';
import { openAgencyFile } from './readers';

export interface SheetPreview {
  sheet: string;
  headerRow: number | null;
  header: string[];
  missingColumns: string[];
  rows: MappedRow[];
}

async function firstRows(rows: AsyncIterable<{ row: number; cells: Cell[] }>, count: number) {
  const out: { row: number; cells: Cell[] }[] = [];
  for await (const r of rows) {
    out.push(r);
    if (out.length >= count) break;
  }
  return out;
}

/** A proposed profile for the file's first sheet (or the sheets given). */
export async function proposeForFile(
  path: string,
  agency: string,
  country: string,
  sheets?: string[],
): Promise<Proposal & { sheet: string; headerRow: number | null }> {
  const file = await openAgencyFile(path, { sheets });
  const sheet = file.sheets[0];
  if (!sheet) {
    file.close();
    return { ...proposeProfile({ agency, country, header: [], samples: [] }), sheet: '', headerRow: null };
  }
  // Only the first rows are read: the rest of the file, and its worker, are let go.
  const rows = await firstRows(sheet.rows, HEADER_SCAN_ROWS + 50).finally(() => file.close());
  const headerIndex = findHeaderRow(rows.map((r) => r.cells));
  const header = headerTexts(rows[headerIndex]?.cells ?? []);
  const samples = rows.slice(headerIndex + 1).map((r) => r.cells);
  const proposal = proposeProfile({
    agency,
    country,
    header,
    samples,
    ...(file.format === 'workbook' ? { sheets: sheets ?? [sheet.name] } : {}),
  });
  return { ...proposal, sheet: sheet.name, headerRow: rows[headerIndex]?.row ?? null };
}

/** The first `count` data rows of each sheet as the profile will import them. */
export async function previewFile(
  path: string,
  profile: Profile,
  cardHash: (pan: string) => string,
  count = 10,
): Promise<SheetPreview[]> {
  const file = await openAgencyFile(path, {
    sheets: profile.sheets,
    encoding: profile.encoding,
    delimiter: profile.delimiter,
  });
  const previews: SheetPreview[] = [];
  const read: { row: number; cells: Cell[] }[][] = [];
  try {
    for (const sheet of file.sheets) read.push(await firstRows(sheet.rows, HEADER_SCAN_ROWS + count));
  } finally {
    file.close();
  }
  for (const [i, sheet] of file.sheets.entries()) {
    const rows = read[i] ?? [];
    const headerIndex = profile.headerRow
      ? rows.findIndex((r) => r.row === profile.headerRow)
      : findHeaderRow(
          rows.map((r) => r.cells),
          profile.columns.map((c) => c.column),
        );
    const headerRow = rows[headerIndex];
    if (!headerRow) {
      previews.push({
        sheet: sheet.name,
        headerRow: null,
        header: [],
        missingColumns: profile.columns.map((c) => c.column),
        rows: [],
      });
      continue;
    }
    const header = headerTexts(headerRow.cells);
    const { mappings, missing } = resolveColumns(profile, header);
    const ctx = { profile, sheet: sheet.name, header, cardHash };
    const mapped = rows
      .slice(headerIndex + 1)
      .filter((r) => r.cells.some((c) => c !== null))
      .slice(0, count)
      .map((r) => mapRow(ctx, mappings, r.cells, r.row));
    previews.push({ sheet: sheet.name, headerRow: headerRow.row, header, missingColumns: missing, rows: mapped });
  }
  return previews;
}
