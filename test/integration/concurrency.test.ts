import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseProfile } from '../../main/core/profile';
import { upsertAgency } from '../../main/services/agencyService';
import { listIdentifiers } from '../../main/services/identifierService';
import { importFile } from '../../main/services/import/importFile';
import { graphStats } from '../../main/services/statsService';
import { emptyTestGraph, openTestServices, type TestServices } from '../support/services';
import { personProfile, writeDelimited } from '../support/sheets';

const cardHash = (pan: string) => `h${pan.slice(-2)}`;
const profile = parseProfile(
  personProfile('BORDER', {
    Ref: 'record.recordRef',
    Case: 'record.caseRef',
    Name: 'subject.fullName',
    Phone: 'subject.phone',
    Email: 'subject.email',
  }),
);

/**
 * Row i of one agency export. Phones, e-mails and cases repeat across rows far apart, so that
 * batches of the two imports create the same identifier and case nodes at the same time.
 */
function row(i: number): string[] {
  return [
    `R-${i}`,
    `C-${i % 37}`,
    `Person ${i}`,
    `+44 7700 9${String(i % 53).padStart(5, '0')}`,
    `contact${i % 41}@example.org`,
  ];
}
const HEADER = ['Ref', 'Case', 'Name', 'Phone', 'Email'];
const rows = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => row(from + k));

/** The graph as an investigator sees it, leaving out the files (Sources) it came from. */
async function snapshot(services: TestServices) {
  const stats = await graphStats(services.db);
  const { Source: _sources, ...nodes } = stats.nodesByLabel;
  const { HAS_ROW: _rows, SUPPLIED: _supplied, ...relationships } = stats.relationshipsByType;
  const identifiers = (await listIdentifiers(services.db, 10_000)).map((i) => `${i.label}:${i.key}`).sort();
  return { nodes, relationships, identifiers };
}

// Analysts import overlapping exports of one agency at once: the June export (rows 1-200), the
// cumulative September one (rows 1-300), which starts with the same rows, and the September one
// sorted newest first. In small batches, so that their transactions create the same records at
// the same moment (and, in opposite orders, deadlock): all succeed, and the graph holds what one
// import of rows 1-300 gives.
describe('imports at once', () => {
  let services: TestServices;
  let dir: string;

  beforeAll(async () => {
    services = await openTestServices();
    dir = await mkdtemp(join(tmpdir(), 'caselink-concurrency-'));
  });
  afterAll(async () => {
    await services.close();
    await rm(dir, { recursive: true, force: true });
  });

  const run = (path: string) =>
    importFile(services.db, {
      path,
      agency: 'BORDER',
      profile,
      profileSource: 'test',
      reportDir: join(dir, 'reports'),
      cardHash,
      batchSize: 10,
      concurrency: 3,
    });

  it('of overlapping exports all succeed and write each record once', async () => {
    const june = join(dir, 'border-june.csv');
    const september = join(dir, 'border-september.csv');
    const newestFirst = join(dir, 'border-september-newest-first.csv');
    await writeDelimited(june, [HEADER, ...rows(1, 200)], ',');
    await writeDelimited(september, [HEADER, ...rows(1, 300)], ',');
    await writeDelimited(newestFirst, [HEADER, ...rows(1, 300).reverse()], ',');

    await upsertAgency(services.db, { code: 'BORDER', name: 'Border', country: 'GB' });
    const summaries = await Promise.all([run(june), run(september), run(newestFirst)]);
    expect(summaries.map((s) => s.rowsImported)).toEqual([200, 300, 300]);
    // Each record is new to exactly one of the three imports, however their batches interleaved.
    expect(summaries.reduce((sum, s) => sum + s.newRecords, 0)).toBe(300);
    const concurrent = await snapshot(services);
    expect((await graphStats(services.db)).relationshipsByType.HAS_ROW).toBe(800);

    await emptyTestGraph(services.db);
    await upsertAgency(services.db, { code: 'BORDER', name: 'Border', country: 'GB' });
    expect(await run(newestFirst)).toMatchObject({ rowsImported: 300, newRecords: 300 });
    const single = await snapshot(services);

    expect(single.nodes.Record).toBe(300);
    expect(concurrent).toEqual(single);
  });

  it('runs a batch again, whole, when another transaction created its record first', async () => {
    await emptyTestGraph(services.db);
    await upsertAgency(services.db, { code: 'BORDER', name: 'Border', country: 'GB' });
    const source = 'race:source';
    await services.db.write('imports/begin-source', {
      source,
      sha256: 'race',
      profileHash: 'source',
      profileJson: '{}',
      fileName: 'race.csv',
      size: 1,
      agency: 'BORDER',
      profile: 'test',
      profileName: 'test',
      grading: { system: '3x5x2', source: '2', information: 'B', handling: 'P' },
      now: new Date().toISOString(),
    });
    const rowsOf = (row: number) => [
      { id: 'race-record', locations: [{ sheet: 'Sheet1', row }], props: { agency: 'BORDER' } },
    ];

    // The first batch creates the record and holds its transaction open; the second, having
    // checked before the first committed, creates it too.
    let created!: () => void;
    let commit!: () => void;
    const firstCreated = new Promise<void>((r) => (created = r));
    const firstMayCommit = new Promise<void>((r) => (commit = r));
    const first = services.db.writeWork('test/first-batch', async (write) => {
      await write('imports/create-records', { source, rows: rowsOf(1) });
      created();
      await firstMayCommit;
    });
    await firstCreated;
    let attempts = 0;
    const second = services.db.writeWork('test/second-batch', async (write) => {
      attempts += 1;
      if (attempts > 1) {
        const known = await write('imports/known-records', { source, rows: rowsOf(2) });
        if (known.length > 0) return 'found the record written by the other';
      }
      await write('imports/create-records', { source, rows: rowsOf(2) });
      return 'created';
    });
    commit();
    await first;
    expect(await second).toBe('found the record written by the other');
    expect(attempts).toBe(2);
    const stats = await graphStats(services.db);
    expect([stats.nodesByLabel.Record, stats.relationshipsByType.HAS_ROW]).toEqual([1, 2]);
  });
});
