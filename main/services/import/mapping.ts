/**
 * Mapping a file before importing it: propose a profile from its headers and values, and preview
 * the first rows as they will be imported. Reads the file only; writes nothing.
 */
import type { Cell } from '../../core/cells';
import { findHeaderRow, headerTexts, HEADER_SCAN_ROWS } from '../../core/headers';
import { mergeSheetProposals, proposeProfile, type Proposal } from '../../core/mappingProposal';
import type { Profile } from '../../core/profile';
import { mapRow, resolveColumns, type MappedRow } from '../../core/rowMapper';
import { cutCell, isCut } from './cutCells';
import { openAgencyFile } from './readers';
import { headerScan } from './readStage';

/** Where a sheet's header was found. */
export interface SheetLayoutFound {
  sheet: string;
  headerRow: number | null;
}

export interface SheetPreview {
  sheet: string;
  headerRow: number | null;
  header: string[];
  missingColumns: string[];
  rows: MappedRow[];
}

type ReadRow = { row: number; cells: Cell[] };

/** The first `count` rows, each as `keep` makes it (whole by default), the rest left unread. */
async function firstRows<T = ReadRow>(
  rows: AsyncIterable<ReadRow>,
  count: number,
  keep: (row: ReadRow) => T = (row) => row as T,
): Promise<T[]> {
  const out: T[] = [];
  for await (const r of rows) {
    out.push(keep(r));
    if (out.length >= count) break;
  }
  return out;
}

/** A sampled row: its cells cut to what the proposal reads, and which of them were cut. */
interface SampledRow {
  row: number;
  cells: Cell[];
  cut: ReadonlySet<number>;
}

/** A row with each cell cut and copied, so that the whole text it was cut from can go. */
function sampleRow(r: ReadRow): SampledRow {
  const cut = new Set<number>();
  r.cells.forEach((cell, i) => isCut(cell) && cut.add(i));
  return { row: r.row, cells: r.cells.map(cutCell), cut };
}

/**
 * A proposed profile for every sheet of the file (or the sheets given): a workbook whose sheets
 * hold different columns ("Workers", "Agents") gets columns per sheet.
 */
export async function proposeForFile(
  path: string,
  agency: string,
  country: string,
  sheets?: string[],
): Promise<Proposal & { sheet: string; headerRow: number | null; layouts: SheetLayoutFound[] }> {
  const file = await openAgencyFile(path, { sheets });
  const read: { name: string; rows: SampledRow[] }[] = [];
  try {
    // Only the first rows of each sheet are read: the rest of the file, and its worker, are let go.
    for (const sheet of file.sheets)
      read.push({ name: sheet.name, rows: await firstRows(sheet.rows, HEADER_SCAN_ROWS + 50, sampleRow) });
  } finally {
    file.close();
  }
  if (read.length === 0) {
    return { ...proposeProfile({ agency, country, header: [], samples: [] }), sheet: '', headerRow: null, layouts: [] };
  }
  const headed = read.map(({ name, rows }) => {
    const headerIndex = findHeaderRow(rows.map((r) => r.cells));
    // A header longer than the proposal reads is no column name a profile could find again by its
    // first characters: it is passed over, as a blank one is.
    const cut = rows[headerIndex]?.cut ?? new Set<number>();
    const header = headerTexts(rows[headerIndex]?.cells ?? []).map((h, i) => (cut.has(i) ? `column ${i + 1}` : h));
    return { name, rows, headerIndex, header };
  });
  const fileHeaders = headed.flatMap((h) => h.header);
  const found = headed.map(({ name, rows, headerIndex, header }) => {
    const proposal = proposeProfile({
      agency,
      country,
      header,
      samples: rows.slice(headerIndex + 1).map((r) => r.cells),
      ...(file.format === 'workbook' ? { sheets: [name] } : {}),
      fileHeaders,
    });
    return { sheet: name, headerRow: rows[headerIndex]?.row ?? null, proposal };
  });
  const proposal =
    file.format === 'workbook' ? mergeSheetProposals(found) : (found[0] as (typeof found)[number]).proposal;
  const first = found[0] as (typeof found)[number];
  return {
    ...proposal,
    sheet: first.sheet,
    headerRow: first.headerRow,
    layouts: found.map(({ sheet, headerRow }) => ({ sheet, headerRow })),
  };
}

/**
 * The first `count` data rows of each sheet as the profile will import them. The header is found
 * as the import finds it (the same scan), and each row is mapped as it is read, so that no more
 * than the scan's rows are held whole.
 */
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
  try {
    for (const sheet of file.sheets) {
      const rows = sheet.rows[Symbol.asyncIterator]();
      const scan = headerScan(profile, sheet.name);
      while (!scan.settled) {
        const next = await rows.next();
        if (next.done) break;
        scan.push(next.value);
      }
      const { header: headerRow, following } = scan.result();
      if (!headerRow) {
        previews.push({
          sheet: sheet.name,
          headerRow: null,
          header: [],
          missingColumns: profile.columns.map((c) => c.column),
          rows: [],
        });
        await rows.return?.();
        continue;
      }
      const header = headerTexts(headerRow.cells);
      const { mappings, missing } = resolveColumns(profile, header, sheet.name);
      const ctx = { profile, sheet: sheet.name, header, cardHash };
      const mapped: MappedRow[] = [];
      const take = (r: ReadRow) => {
        if (r.cells.some((c) => c !== null)) mapped.push(mapRow(ctx, mappings, r.cells, r.row));
      };
      for (const r of following) if (mapped.length < count) take(r);
      while (mapped.length < count && mappings.length > 0) {
        const next = await rows.next();
        if (next.done) break;
        take(next.value);
      }
      await rows.return?.();
      previews.push({ sheet: sheet.name, headerRow: headerRow.row, header, missingColumns: missing, rows: mapped });
    }
  } finally {
    file.close();
  }
  return previews;
}
