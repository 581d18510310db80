/**
 * A record's identity: the profile's row key, or the row's content. So a row that stands in this
 * month's export and last month's is one record, written once.
 */
import { createHash } from 'node:crypto';
import { rawValue, type MappedRow } from '../../core/rowMapper';

/**
 * The id of a mapped row: a hash of the agency, the sheet (null for a text file, whose one sheet
 * has no name of its own) and either the row key's cells or all the row's cells. Cells are taken
 * in order of their header, each with it; two columns under one header both count, in column
 * order. (For a file whose headers are all different this is the id Caselink has always given.)
 */
export function recordId(
  agency: string,
  sheet: string | null,
  row: Pick<MappedRow, 'raw'>,
  rowKey: string[] | undefined,
): string {
  const hash = createHash('sha256')
    .update(agency)
    .update('\0')
    .update(sheet ?? '')
    .update('\0');
  if (rowKey?.length) {
    for (const column of rowKey) hash.update(rawValue(row.raw, column) ?? '').update('\0');
  } else {
    // A stable sort: cells under one header keep their column order.
    const cells = [...row.raw].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [header, value] of cells) hash.update(header).update('\u0001').update(value).update('\0');
  }
  return hash.digest('hex').slice(0, 32);
}

/** The row key's cells as written, for a message ("K-1 / 2024"). */
export function rowKeyText(row: Pick<MappedRow, 'raw'>, rowKey: string[]): string {
  return rowKey.map((column) => rawValue(row.raw, column) ?? '').join(' / ');
}
