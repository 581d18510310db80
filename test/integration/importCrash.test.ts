import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseProfile } from '../../main/core/profile';
import { openDatabase, type Database } from '../../main/db/database';
import { startLocalNeo4j, stopLocalNeo4j, type RunningLocalNeo4j } from '../../main/db/localNeo4j';
import { applySchema } from '../../main/db/schema';
import { upsertAgency } from '../../main/services/agencyService';
import { importFile } from '../../main/services/import/importFile';
import { graphStats } from '../../main/services/statsService';
import { personProfile, writeDelimited } from '../support/sheets';

// Twelve batches, the kill after the fourth: enough to crash mid-import with batches both behind
// and ahead of it. The rows are few because each is imported up to twice, and the two database
// starts already make this one of the run's longest files.
const ROWS = 3_000;
const CASES = 300;
const BATCH = 250;

// Neo4j is killed (SIGKILL, as in a power cut) while the import writes; after a restart the same
// import is run again and must finish with exactly the counts of an undisturbed import.
//
// Every wait is for an event: the database's start (its state file, or its exit), the import's
// progress after a batch, the import's failure, its end. None has a clock budget (the timeouts
// below are 0, none), so a busy machine makes the test slower, never failed: on a fresh-clone CI
// run two database starts and two imports did not fit the 120 s the other tests get.
const NO_BUDGET = 0;
const start = (home: string) =>
  startLocalNeo4j({
    home,
    attached: true,
    heap: '768m',
    pageCache: '256m',
    timeoutMs: Number.POSITIVE_INFINITY,
    warmup: false,
  });
describe('an import that Neo4j dies under', () => {
  let home: string;
  let file: string;

  const open = async (local: RunningLocalNeo4j): Promise<Database> => {
    const db = await openDatabase(
      { uri: local.uri, user: local.user, password: local.password, database: 'neo4j', local: true },
      { maxTransactionRetryTimeMs: 1_000 },
    );
    await applySchema(db);
    return db;
  };
  const profile = parseProfile(
    personProfile('CRASH', {
      Case: 'record.caseRef',
      Name: 'subject.fullName',
      Mobile: 'subject.phone',
      Address: 'subject.address',
    }),
  );
  const run = (db: Database, onProgress?: (rowsWritten: number) => void) =>
    importFile(db, {
      path: file,
      agency: 'CRASH',
      profile,
      profileSource: 'test',
      batchSize: BATCH,
      cardHash: (pan) => pan,
      onProgress: (p) => onProgress?.(p.rowsWritten),
    });

  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'caselink-crash-'));
    file = join(home, 'big.csv');
    const rows = [['Case', 'Name', 'Mobile', 'Address']];
    for (let i = 0; i < ROWS; i++) {
      const n = String(100000 + i);
      rows.push([`C-${i % CASES}`, `Person ${i}`, `07911 ${n}`, `${i} Long Road, Leeds LS${(i % 9) + 1} 4AB`]);
    }
    await writeDelimited(file, rows, ',');
  }, NO_BUDGET);
  afterAll(async () => {
    await stopLocalNeo4j(home);
    await rm(home, { recursive: true, force: true });
  }, NO_BUDGET);

  it(
    'finishes on a re-run with no duplicates and nothing half-written',
    async () => {
      const first = await start(home);
      let db = await open(first);
      await upsertAgency(db, { code: 'CRASH', name: 'Crash test agency', country: 'GB' });
      let killedAt = 0;
      const failed = await run(db, (written) => {
        if (!killedAt && written >= 4 * BATCH) {
          killedAt = written;
          process.kill(first.pid, 'SIGKILL');
        }
      }).catch((error: unknown) => error);
      expect(killedAt).toBeGreaterThan(0);
      expect(failed).toBeInstanceOf(Error);
      await db.close().catch(() => undefined);

      const second = await start(home);
      expect(second.startedHere).toBe(true);
      db = await open(second);
      const partial = await graphStats(db);
      // Whole batches only: what survived the crash is a multiple of the batch size.
      expect((partial.nodesByLabel.Record ?? 0) % BATCH).toBe(0);
      expect(partial.nodesByLabel.Record ?? 0).toBeLessThan(ROWS);

      const summary = await run(db);
      expect(summary).toMatchObject({ outcome: 'imported', rowsRead: ROWS, rowsImported: ROWS, rowsRejected: 0 });
      const stats = await graphStats(db);
      expect(stats.nodesByLabel).toMatchObject({
        Record: ROWS,
        Person: ROWS,
        Phone: ROWS,
        Address: ROWS,
        Case: CASES,
        Source: 1,
        Agency: 1,
      });
      expect(stats.relationshipsByType).toEqual({
        HAS_ROW: ROWS,
        MENTIONS: ROWS,
        ABOUT: ROWS,
        HAS_PHONE: ROWS,
        HAS_ADDRESS: ROWS,
        SUPPLIED: 1,
      });
      expect(stats.byAgency).toEqual([expect.objectContaining({ agency: 'CRASH', completeSources: 1, records: ROWS })]);
      await db.close();
    },
    NO_BUDGET,
  );
});
