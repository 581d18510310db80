import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaselinkFailure } from '../../main/contract/errors';
import { parseProfile } from '../../main/core/profile';
import type { Database } from '../../main/db/database';
import { upsertAgency } from '../../main/services/agencyService';
import { importFile } from '../../main/services/import/importFile';
import { graphStats } from '../../main/services/statsService';
import { openTestServices, type TestServices } from '../support/services';
import { personProfile, writeDelimited } from '../support/sheets';

const ROWS = 1_200;
const CASES = 120;
const BATCH = 100;

/**
 * The real database, except that the `n`th write batch is refused before it reaches the server,
 * as a server that drops the connection at that moment would. Every other write is real.
 */
function refusingBatch(db: Database, n: number): Database {
  let batches = 0;
  return {
    ...db,
    writeWork: (label, work) => {
      if (label === 'imports/write-batch' && ++batches === n) {
        return Promise.reject(
          new CaselinkFailure({ kind: 'DatabaseError', message: 'Neo4j refused the transaction (test)' }),
        );
      }
      return db.writeWork(label, work);
    },
  };
}

describe('an import whose write batch fails', () => {
  let services: TestServices;
  let dir: string;
  let file: string;
  const profile = parseProfile(
    personProfile('BATCH', { Case: 'record.caseRef', Name: 'subject.fullName', Mobile: 'subject.phone' }),
  );
  const run = (db: Database) =>
    importFile(db, {
      path: file,
      agency: 'BATCH',
      profile,
      profileSource: 'test',
      batchSize: BATCH,
      concurrency: 2,
      cardHash: (pan) => pan,
    });

  beforeAll(async () => {
    services = await openTestServices();
    dir = await mkdtemp(join(tmpdir(), 'caselink-batch-'));
    file = join(dir, 'batch.csv');
    const rows = [['Case', 'Name', 'Mobile']];
    for (let i = 0; i < ROWS; i++) rows.push([`B-${i % CASES}`, `Person ${i}`, `07911 ${200000 + i}`]);
    await writeDelimited(file, rows, ',');
    await upsertAgency(services.db, { code: 'BATCH', name: 'Batch test agency', country: 'GB' });
  });
  afterAll(async () => {
    await services.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('fails the file, leaves it unfinished, and a re-run completes it with exact counts', async () => {
    // The second batch fails while the third is being read: no write is being waited for then.
    const failed = await run(refusingBatch(services.db, 2)).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(CaselinkFailure);
    expect((failed as CaselinkFailure).error).toMatchObject({
      kind: 'DatabaseError',
      message: expect.stringMatching(/^batch\.csv: rows .* could not be written/),
      hint: expect.stringContaining('Run the same import again'),
    });
    const partial = await graphStats(services.db);
    expect(partial.byAgency).toEqual([expect.objectContaining({ agency: 'BATCH', completeSources: 0 })]);
    expect(partial.nodesByLabel.Record ?? 0).toBeLessThan(ROWS);

    const again = await run(services.db);
    expect(again).toMatchObject({ outcome: 'imported', rowsRead: ROWS, rowsImported: ROWS, rowsRejected: 0 });
    const stats = await graphStats(services.db);
    expect(stats.nodesByLabel).toMatchObject({ Record: ROWS, Person: ROWS, Phone: ROWS, Case: CASES, Source: 1 });
    expect(stats.relationshipsByType).toMatchObject({
      HAS_ROW: ROWS,
      MENTIONS: ROWS,
      ABOUT: ROWS,
      HAS_PHONE: ROWS,
      SUPPLIED: 1,
    });
    expect(stats.byAgency).toEqual([expect.objectContaining({ agency: 'BATCH', completeSources: 1, records: ROWS })]);
    expect((await run(services.db)).outcome).toBe('unchanged');
  });
});
