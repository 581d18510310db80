import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CsvTable, Typed } from '../../main/services/import/bulkCsv';

describe("the offline importer's CSV", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'caselink-bulkcsv-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const read = async (table: CsvTable) =>
    Promise.all(table.parts.map(async (p) => [await readFile(p.header, 'utf8'), await readFile(p.data, 'utf8')]));

  it('types columns as the driver sends values, and keeps an empty text apart from no value', async () => {
    const table = new CsvTable(dir, 't', 'Record', [':ID']);
    await table.add(['a'], { name: 'Ana', row: 3, score: 0.5, ok: true, warnings: ['x: y', 'z'], gone: null });
    await table.add(['b'], { name: '', row: 4, score: 1.5, ok: false, warnings: ['w'] });
    await table.close();
    expect(await read(table)).toEqual([
      [
        ':ID,name:string,row:long,score:double,ok:boolean,warnings:string[]\n',
        'a,Ana,3,0.5,true,x: y\u001fz\nb,"",4,1.5,false,w\n',
      ],
    ]);
  });

  it('quotes commas, quotes and line breaks, and puts the rows whose fields span lines in a file of their own', async () => {
    const table = new CsvTable(dir, 't', 'Record', [':ID']);
    await table.add(['a'], { note: 'one, "two"' });
    await table.close();
    expect(table.parts.map((p) => p.multiline)).toEqual([false]);
    expect((await read(table))[0]?.[1]).toBe('a,"one, ""two"""\n');
    const second = new CsvTable(dir, 'u', 'Record', [':ID']);
    await second.add(['a'], { note: 'plain' });
    await second.add(['b'], { note: 'line\nbreak' });
    await second.add(['c'], { note: 'plain too' });
    await second.add(['d'], { note: 'carriage\rreturn' });
    await second.close();
    // The importer reads only the second file line by line; both share one header.
    expect(second.parts.map((p) => p.multiline)).toEqual([false, true]);
    expect(second.parts[1]?.header).toBe(second.parts[0]?.header);
    expect((await read(second)).map(([, data]) => data)).toEqual([
      'a,plain\nc,plain too\n',
      'b,"line\nbreak"\nd,"carriage\rreturn"\n',
    ]);
  });

  it('starts a new part with one more column when a property first appears later', async () => {
    const table = new CsvTable(dir, 't', 'Person:Party', [':ID']);
    await table.add(['a'], { name: 'Ana' });
    await table.add(['b'], { name: 'Bo', joinKey: 'K1' });
    await table.add(['c'], { name: 'Cy' });
    await table.close();
    expect(await read(table)).toEqual([
      [':ID,name:string\n', 'a,Ana\n'],
      [':ID,name:string,joinKey:string\n', 'b,Bo,K1\nc,Cy,\n'],
    ]);
  });

  it('refuses a property met with two types, and notes empty lists for the caller', async () => {
    const table = new CsvTable(dir, 't', 'Record', [':ID']);
    await table.add(['a'], { birthYear: 1979, warnings: [] });
    expect(table.emptyLists).toEqual(new Set(['warnings']));
    await expect(table.add(['b'], { birthYear: '1979' })).rejects.toThrow(/long and as string/);
    await table.add(['c'], { at: new Typed('datetime', '2026-11-30T04:00:00Z') });
    await table.close();
    expect((await read(table))[1]?.[0]).toBe(':ID,birthYear:long,at:datetime\n');
  });
});
