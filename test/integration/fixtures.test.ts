import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importMany, type FileOutcome } from '../../main/services/import/importMany';
import { loadManifest } from '../../main/services/import/profiles';
import { graphStats, type GraphStats } from '../../main/services/statsService';
import { openTestServices, type TestServices } from '../support/services';

interface GroundTruth {
  files: { path: string; profile: string; sheets: { name: string; dataRows: number }[] }[];
  rejectedRows: { file: string; sheet: string; row: number }[];
  duplicateRows: { file: string; sheet: string; row: number }[];
}

const root = join(__dirname, '../..');

// The committed sample agencies, imported as a task force would: the manifest, twice.
describe('importing the sample agencies', () => {
  let services: TestServices;
  let truth: GroundTruth;
  let first: FileOutcome[];
  let afterFirst: GraphStats;

  const importAll = async () => {
    const manifest = await loadManifest(join(root, 'fixtures/agencies.json'));
    return importMany(services.db, manifest.files, {
      agencies: manifest.agencies,
      cardHash: (pan) => pan.slice(-4),
      reportDir: join(services.home, 'reports'),
    });
  };

  beforeAll(async () => {
    services = await openTestServices();
    truth = JSON.parse(await readFile(join(root, 'fixtures/ground-truth.json'), 'utf8')) as GroundTruth;
    first = await importAll();
    afterFirst = await graphStats(services.db);
  });
  afterAll(() => services.close());

  it('imports every file, reading every row the ground truth lists', () => {
    expect(first.map((o) => o.ok)).toEqual(truth.files.map(() => true));
    const read = first.map((o) => (o.ok ? o.summary.rowsRead + o.summary.blankRows : -1));
    expect(read).toEqual(truth.files.map((f) => f.sheets.reduce((n, s) => n + s.dataRows, 0)));
  });

  it('rejects exactly the rows with nothing to link, and folds exact duplicates', () => {
    const key = (r: { file: string; sheet: string; row: number | null }) => `${basename(r.file)}|${r.sheet}|${r.row}`;
    const rejected = first
      .flatMap((o) => (o.ok ? o.summary.problems.filter((p) => p.severity === 'rejected') : []))
      .map(key);
    expect(rejected.sort()).toEqual(truth.rejectedRows.map(key).sort());
    const duplicates = first.reduce((n, o) => n + (o.ok ? o.summary.duplicateRows : 0), 0);
    expect(duplicates).toBe(truth.duplicateRows.length);
  });

  it('writes an error report naming file, sheet, row and column', async () => {
    const withReport = first.find((o) => o.ok && o.summary.reportPath);
    const report = await readFile(
      (withReport as Extract<FileOutcome, { ok: true }>).summary.reportPath as string,
      'utf8',
    );
    expect(report.split('\r\n')[0]).toBe('\uFEFF"file","sheet","row","column","value","severity","reason"');
    expect(report.split('\r\n').length).toBeGreaterThan(2);
  });

  it('changes nothing when the same files are imported again', async () => {
    const again = await importAll();
    expect(again.map((o) => o.ok && o.summary.outcome)).toEqual(truth.files.map(() => 'unchanged'));
    expect(await graphStats(services.db)).toEqual(afterFirst);
    expect(afterFirst.byAgency.map((a) => [a.agency, a.completeSources])).toEqual([
      ['BORDER', 1],
      ['CITY-POL', 2],
      ['FIU', 1],
      ['LABOUR', 1],
      ['NGO', 1],
      ['RO-POL', 1],
    ]);
  });
});
