import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../main/db/database';
import { startLocalNeo4j, stopLocalNeo4j } from '../../main/db/localNeo4j';
import { localOfflineLoader } from '../../main/db/offlineImport';
import { applySchema } from '../../main/db/schema';
import { bulkImportMany, type BulkLoadResult } from '../../main/services/import/bulkLoad';
import { importMany, type FileOutcome } from '../../main/services/import/importMany';
import { keyedCardHash } from '../../main/services/import/mappingPool';
import { loadManifest } from '../../main/services/import/profiles';
import { dumpGraph, type GraphDump } from '../support/graphDump';
import { openTestServices, type TestServices } from '../support/services';
import { prepareTestGraph } from '../support/testGraph';
import { takeDatabaseTurn } from '../support/testNeo4j';

const root = join(__dirname, '../..');

/**
 * Properties whose values differ between two imports of the same files at different moments (and
 * into different report folders): when the import ran, and the events' random ids. Their types are
 * still compared.
 */
const TIMES_AND_IDS = new Set([
  'Record.importedAt',
  'Source.firstImportedAt',
  'Source.startedAt',
  'Source.importedAt',
  'Source.reportPath',
  'Agency.createdAt',
  'AuditEvent.id',
  'AuditEvent.at',
  'CaselinkMeta.appliedAt',
  'CaselinkMeta.markedAt',
  'SAME_AS.decidedAt',
  'SAME_AS.proposedAt',
]);

// The sample agencies imported both ways: transactionally into the test database, and by the bulk
// first load into a local database of this test's own. The two graphs must be the same. The file
// runs beside the shared database's files (project own-neo4j) and takes its turn at the shared
// database only for the transactional import and its dump.
describe('the bulk first load', () => {
  let services: TestServices;
  let home: string;
  let bulkDb: Database | null = null;
  let transactional: FileOutcome[];
  let bulk: BulkLoadResult;
  let expected: GraphDump;
  let actual: GraphDump;

  beforeAll(async () => {
    const manifest = await loadManifest(join(root, 'fixtures/agencies.json'));
    // A keyed hash, as the CLI's: both paths map their rows on the worker threads of the pool.
    const cardHash = keyedCardHash('bulk-load-test');
    home = await mkdtemp(join(tmpdir(), 'caselink-bulk-'));
    // The bulk load's own database starts while the transactional import runs.
    const [local] = await Promise.all([
      startLocalNeo4j({ home, attached: true, heap: '512m', pageCache: '128m', timeoutMs: 600_000, warmup: false }),
      (async () => {
        const turn = await takeDatabaseTurn();
        try {
          services = await openTestServices();
          transactional = await importMany(services.db, manifest.files, {
            agencies: manifest.agencies,
            cardHash,
            reportDir: join(services.home, 'reports'),
          });
          expected = await dumpGraph(services.db, TIMES_AND_IDS);
        } finally {
          await turn.end();
        }
      })(),
    ]);
    bulkDb = await openDatabase({ ...local, database: 'neo4j', local: true });
    await applySchema(bulkDb);
    // Marked as the test database is, so that the mark is carried over as bookkeeping.
    await prepareTestGraph(bulkDb);
    const loader = await localOfflineLoader({ home, db: bulkDb, attached: true, heap: '512m', pageCache: '128m' });
    bulk = await bulkImportMany(loader, manifest.files, {
      agencies: manifest.agencies,
      cardHash,
      reportDir: join(home, 'reports'),
    });
    bulkDb = bulk.db;
    actual = await dumpGraph(bulkDb, TIMES_AND_IDS);
  }, 900_000);

  afterAll(async () => {
    await bulkDb?.close();
    if (home) {
      await stopLocalNeo4j(home);
      await rm(home, { recursive: true, force: true });
    }
    await services?.close();
  });

  it('imports every file, with the same counts as the transactional path', () => {
    const counts = (outcomes: FileOutcome[]) =>
      outcomes.map((o) =>
        o.ok
          ? {
              file: o.summary.file,
              outcome: o.summary.outcome,
              rowsRead: o.summary.rowsRead,
              rowsImported: o.summary.rowsImported,
              rowsRejected: o.summary.rowsRejected,
              duplicateRows: o.summary.duplicateRows,
              newRecords: o.summary.newRecords,
              problemCount: o.summary.problemCount,
            }
          : o.error.message,
      );
    expect(counts(bulk.outcomes)).toEqual(counts(transactional));
    expect(bulk.outcomes.every((o) => o.ok)).toBe(true);
  });

  it('writes the same labels and relationship types, as many of each', () => {
    expect(actual.labels).toEqual(expected.labels);
    expect(actual.types).toEqual(expected.types);
    expect(expected.types.HAS_ROW).toBeGreaterThan(0);
  });

  it('writes the same nodes with the same properties and types, provenance included', () => {
    expect(actual.nodes.length).toBe(expected.nodes.length);
    expect(actual.nodes).toEqual(expected.nodes);
  });

  it('writes the same relationships with the same properties between the same nodes', () => {
    expect(actual.relationships.length).toBe(expected.relationships.length);
    expect(actual.relationships).toEqual(expected.relationships);
  });

  it('refuses a second bulk load into the database it filled', async () => {
    const loader = {
      db: bulk.db,
      workDir: await mkdtemp(join(tmpdir(), 'caselink-bulk-refused-')),
      load: () => Promise.reject(new Error('must not load')),
    };
    await expect(bulkImportMany(loader, [], { cardHash: (p) => p })).rejects.toThrow(/needs an empty local database/);
  });
});
