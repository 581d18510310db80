/**
 * Small agency files written for a test: workbooks through SheetJS (xlsx, xls, ods) and
 * delimited text in a chosen encoding.
 */
import { writeFile } from 'node:fs/promises';
import * as XLSX from 'xlsx';
import type { ProfileInput } from '../../main/core/profile';

export interface SheetSpec {
  name: string;
  rows: unknown[][];
  /** Merged ranges such as "A1:F1". */
  merges?: string[];
}

export async function writeWorkbook(
  path: string,
  sheets: SheetSpec[],
  bookType: XLSX.BookType = 'xlsx',
): Promise<void> {
  const wb = XLSX.utils.book_new();
  for (const sheet of sheets) {
    const ws = XLSX.utils.aoa_to_sheet(sheet.rows, { cellDates: true, UTC: true });
    if (sheet.merges) ws['!merges'] = sheet.merges.map((m) => XLSX.utils.decode_range(m));
    XLSX.utils.book_append_sheet(wb, ws, sheet.name);
  }
  await writeFile(path, XLSX.write(wb, { type: 'buffer', bookType }) as Buffer);
}

/** Writes rows as delimited text; `latin1` encodes as Windows-1252/ISO-8859-1 does for these characters. */
export async function writeDelimited(
  path: string,
  rows: string[][],
  delimiter: string,
  encoding: 'utf8' | 'latin1' = 'utf8',
): Promise<void> {
  const text = rows
    .map((r) => r.map((v) => (/[";\n,\t]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(delimiter))
    .join('\r\n');
  await writeFile(path, Buffer.from(`${text}\r\n`, encoding));
}

export const GRADING = { system: '3x5x2', source: '2', information: 'B', handling: 'P' } as const;

export function personProfile(
  agency: string,
  columns: Record<string, string>,
  extra: Partial<ProfileInput> = {},
): ProfileInput {
  return {
    version: 1,
    agency,
    name: `${agency} test profile`,
    country: 'GB',
    dateOrder: 'DMY',
    grading: { ...GRADING },
    entities: { subject: { kind: 'person', role: 'subject' } },
    columns: Object.entries(columns).map(([column, target]) => {
      const [entity, field] = target.split('.') as [string, string];
      return { column, entity, field } as ProfileInput['columns'][number];
    }),
    ...extra,
  };
}
