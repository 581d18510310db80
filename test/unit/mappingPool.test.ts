import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Profile } from '../../main/core/profile';
import { emptyCounts, mapStage, type MappedRecord } from '../../main/services/import/mapStage';
import { keyedCardHash, MappingPool } from '../../main/services/import/mappingPool';
import { loadProfile } from '../../main/services/import/profiles';
import { openAgencyFile, type SheetRow } from '../../main/services/import/readers';
import { readStage, type ReadItem, type SheetLayout } from '../../main/services/import/readStage';
import type { Problem } from '../../main/services/import/report';

const root = join(__dirname, '../..');
const cardHash = keyedCardHash('unit-test-key');
const pool = new MappingPool(2);

afterAll(() => pool.close());

interface Mapped {
  records: MappedRecord[];
  counts: ReturnType<typeof emptyCounts>;
  problems: Omit<Problem, 'file'>[];
}

/** A file through the read and map stages, on the pool or on this thread. */
async function mapFile(path: string, profile: Profile, withPool: boolean): Promise<Mapped> {
  const file = await openAgencyFile(path, {
    sheets: profile.sheets,
    encoding: profile.encoding,
    delimiter: profile.delimiter,
  });
  const problems: Omit<Problem, 'file'>[] = [];
  const counts = emptyCounts();
  const timings = { readSeconds: 0, mapSeconds: 0 };
  const records: MappedRecord[] = [];
  try {
    const rows = readStage(file, { profile, report: (p) => problems.push(p), timings });
    for await (const r of mapStage(rows, {
      agency: profile.agency,
      profile,
      format: file.format,
      cardHash,
      report: (p) => problems.push(p),
      counts,
      sheets: [],
      timings,
      pool: withPool ? pool : undefined,
    }))
      records.push(r);
  } finally {
    file.close();
  }
  return { records, counts, problems };
}

describe('mapping on worker threads', { timeout: 120_000 }, () => {
  it('gives the same records, in the same order, with the same problems and counts, as mapping on one thread', async () => {
    // Border Force: a row key, repeated rows, phones, documents, vehicles, Latin-1 text. One
    // column's grading overrides the profile's: its links carry their own, the rest none.
    const profile = await loadProfile(join(root, 'fixtures/profiles/border.json'));
    const phone = profile.columns.find((c) => c.field === 'phone');
    if (phone) phone.grading = { information: 'D' };
    const path = join(root, 'fixtures/border/encounters.csv');
    const inline = await mapFile(path, profile, false);
    const pooled = await mapFile(path, profile, true);
    expect(inline.records.length).toBeGreaterThan(500);
    expect(pooled.counts).toEqual(inline.counts);
    expect(pooled.problems).toEqual(inline.problems);
    expect(pooled.records).toEqual(inline.records);
    // "No override" is the profile's own grading object, which writers compare by identity.
    const own = (m: Mapped) =>
      m.records.flatMap((r) => r.row.identifiers.map((i) => (i.grading === profile.grading ? 'profile' : i.column)));
    expect(own(pooled)).toEqual(own(inline));
    expect(own(pooled)).toContain('profile');
    expect(own(pooled)).toContain(phone?.column);
  });

  it('maps a workbook of several agencies’ kinds of rows the same way', async () => {
    const profile = await loadProfile(join(root, 'fixtures/profiles/fiu.json'));
    const path = join(root, 'fixtures/fiu/sar-extract.xlsx');
    const inline = await mapFile(path, profile, false);
    const pooled = await mapFile(path, profile, true);
    expect(inline.records.length).toBeGreaterThan(100);
    expect(pooled).toEqual(inline);
  });

  it('reads ahead only the chunks in flight, however long the file', async () => {
    const profile = await loadProfile(join(root, 'fixtures/profiles/border.json'));
    const layout: SheetLayout = {
      name: 'Sheet1',
      headerRow: 1,
      header: ['Encounter ID', 'Surname', 'Given Names'],
      mappings: profile.columns
        .filter((c) => ['Encounter ID', 'Surname', 'Given Names'].includes(c.column))
        .map((c, index) => ({ ...c, index })),
      missing: [],
    };
    let pulled = 0;
    async function* endless(): AsyncGenerator<ReadItem> {
      yield { kind: 'sheet', layout };
      for (let row = 2; ; row += 1) {
        pulled += 1;
        const cells: SheetRow['cells'] = [`E-${row}`, 'IVANOV', 'PETYA'];
        yield { kind: 'row', layout, row: { row, cells } };
      }
    }
    const records = pool.map(endless(), () => ({
      profile,
      sheet: 'Sheet1',
      header: layout.header,
      mappings: layout.mappings,
      agency: 'BORDER',
      idSheet: null,
      rowKey: ['Encounter ID'],
      cardKey: 'k',
    }));
    const first = await records.next();
    const second = await records.next();
    await records.return(undefined);
    expect(first.value).toMatchObject({ kind: 'sheet' });
    expect(second.value).toMatchObject({ kind: 'row', mapped: { row: { recordRef: 'E-2' } } });
    // Two workers, two chunks of 256 rows each in flight, and the chunk being filled.
    expect(pulled).toBeLessThanOrEqual(5 * 256 + 1);
  });

  it('fails the stage when a row cannot be mapped, naming the cause', async () => {
    const profile = await loadProfile(join(root, 'fixtures/profiles/border.json'));
    const layout: SheetLayout = { name: 'Sheet1', headerRow: 1, header: ['Encounter ID'], mappings: [], missing: [] };
    async function* rows(): AsyncGenerator<ReadItem> {
      yield { kind: 'sheet', layout };
      yield { kind: 'row', layout, row: { row: 2, cells: ['E-2'] } };
    }
    const run = async () => {
      const items = pool.map(rows(), () => ({
        profile,
        sheet: 'Sheet1',
        header: layout.header,
        // Not a list: the row mapper throws on it, in the worker.
        mappings: null as unknown as SheetLayout['mappings'],
        agency: 'BORDER',
        idSheet: null,
        rowKey: undefined,
        cardKey: 'k',
      }));
      for await (const item of items) void item;
    };
    await expect(run()).rejects.toThrow(/mapping a row failed: .*not iterable/);
  });
});
