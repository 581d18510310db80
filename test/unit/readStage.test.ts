import { describe, expect, it } from 'vitest';
import type { Cell } from '../../main/core/cells';
import { parseProfile } from '../../main/core/profile';
import type { OpenedFile, SheetRow } from '../../main/services/import/readers';
import { readStage } from '../../main/services/import/readStage';

const profile = parseProfile({
  version: 1,
  agency: 'LABOUR',
  name: 'Workers',
  country: 'GB',
  dateOrder: 'DMY',
  grading: { system: '3x5x2', source: '2', information: 'C', handling: 'C' },
  entities: { worker: { kind: 'person', role: 'subject' } },
  columns: [
    { column: 'Surname', entity: 'worker', field: 'familyName' },
    { column: 'Phone', entity: 'worker', field: 'phone' },
  ],
});

/** A one-sheet file read from rows in memory, counting the rows the reader has handed over. */
function sheetOf(rows: Cell[][]): { file: OpenedFile; handedOver: () => number } {
  let handed = 0;
  async function* read(): AsyncGenerator<SheetRow> {
    for (const [i, cells] of rows.entries()) {
      handed += 1;
      yield { row: i + 1, cells };
    }
  }
  const file: OpenedFile = {
    path: '/nowhere/workers.csv',
    fileName: 'workers.csv',
    size: 1,
    format: 'delimited',
    sheets: [{ name: 'Sheet1', rows: read(), rowCount: null }],
    bytesRead: () => 0,
    close: () => undefined,
  };
  return { file, handedOver: () => handed };
}

describe('the read stage', () => {
  it('hands on each row as it is read once the header holds every column, holding none of them back', async () => {
    const rows: Cell[][] = [
      ['Surname', 'Phone'],
      ...Array.from({ length: 99 }, (_, i) => [`Smith${i}`, `0791200${i}`]),
    ];
    const { file, handedOver } = sheetOf(rows);
    const seen: { row: number; handedOver: number }[] = [];
    for await (const item of readStage(file, { profile, report: () => undefined, timings: { readSeconds: 0 } })) {
      if (item.kind === 'row') seen.push({ row: item.row.row, handedOver: handedOver() });
    }
    expect({ rows: seen.length, first: seen[0], last: seen.at(-1) }).toEqual({
      rows: 99,
      first: { row: 2, handedOver: 2 },
      last: { row: 100, handedOver: 100 },
    });
  });

  it('reads the first rows before settling on a header that holds only some of the columns, and loses none', async () => {
    const rows: Cell[][] = [['Surname', 'Notes'], ...Array.from({ length: 49 }, (_, i) => [`Smith${i}`, 'seen'])];
    const { file, handedOver } = sheetOf(rows);
    const seen: { row: number; handedOver: number }[] = [];
    for await (const item of readStage(file, { profile, report: () => undefined, timings: { readSeconds: 0 } })) {
      if (item.kind === 'row') seen.push({ row: item.row.row, handedOver: handedOver() });
    }
    expect({ rows: seen.length, first: seen[0], rowNumbers: seen.every((s, i) => s.row === i + 2) }).toEqual({
      rows: 49,
      first: { row: 2, handedOver: 30 },
      rowNumbers: true,
    });
  });
});
