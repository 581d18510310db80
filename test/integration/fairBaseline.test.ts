import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  graphShape,
  loadFairBaseline,
  prepareFairBaseline,
  shapeDifferences,
  type GraphShape,
} from '../../bench/fairBaseline';
import { openDatabase, type Database } from '../../main/db/database';
import { localNeo4jPaths, startLocalNeo4j, stopLocalNeo4j } from '../../main/db/localNeo4j';
import { applySchema } from '../../main/db/schema';
import { upsertAgency } from '../../main/services/agencyService';
import { importMany } from '../../main/services/import/importMany';
import { keyedCardHash } from '../../main/services/import/mappingPool';
import { loadManifest } from '../../main/services/import/profiles';
import { dumpGraph, type GraphDump } from '../support/graphDump';
import { emptyTestGraph, prepareTestGraph } from '../support/testGraph';

const root = join(__dirname, '../..');

/** Values that differ between two imports run at different moments (their types are still compared). */
const TIMES_AND_IDS = new Set([
  'Record.importedAt',
  'Source.firstImportedAt',
  'Source.startedAt',
  'Source.importedAt',
  'Agency.createdAt',
  'AuditEvent.id',
  'AuditEvent.at',
  'CaselinkMeta.appliedAt',
  'CaselinkMeta.markedAt',
]);

// Cells that a hand-written CSV or LOAD CSV's legacy backslash escaping could get wrong: quotes,
// a backslash before a quote and at the end of a field, a line break, the delimiters, an empty
// quoted string. The border file is Windows-1252 and semicolon-separated.
const AWKWARD_ROWS = [
  'BF-LHR-26-9000001;04/07/2026;"Heathrow ""T5""";SMITH\\;"JO""HN";22/10/1990;GBR;M;P;GBR;510000001;;;+44 7700 900123;"Flat 2, 1 High St\nLondon";;"He said \\""go\\"" then, left \\"',
  'BF-LHR-26-9000002;05/07/2026;Heathrow;NOWAK;ANNA;01/02/1985;POL;F;P;POL;510000002;;;"""";;;""""',
];

// bench:import's fair baseline writes, through LOAD CSV, the graph Caselink's transactional import
// writes for the same files: the sample agencies (workbooks, an OpenDocument sheet, a CSV) and a
// copy of the border file with awkward cells, imported both ways into a Neo4j of the test's own
// (LOAD CSV reads only its import folder), and the two graphs compared whole.
describe("bench:import's fair LOAD CSV baseline", () => {
  let home: string;
  let db: Database;
  let caselink: { dump: GraphDump; shape: GraphShape };
  let baseline: { dump: GraphDump; shape: GraphShape };

  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'caselink-fair-'));
    const manifest = await loadManifest(join(root, 'fixtures/agencies.json'));
    const awkward = join(home, 'encounters-awkward.csv');
    await copyFile(join(root, 'fixtures/border/encounters.csv'), awkward);
    const original = await readFile(awkward);
    await writeFile(awkward, Buffer.concat([original, Buffer.from(`${AWKWARD_ROWS.join('\n')}\n`, 'latin1')]));
    const border = manifest.files.find((f) => f.agency === 'BORDER');
    if (!border) throw new Error('the sample agencies have no border file');
    const files = [...manifest.files, { ...border, path: awkward }];
    const cardHash = keyedCardHash('fair-baseline-test');

    const local = await startLocalNeo4j({
      home,
      attached: true,
      heap: '512m',
      pageCache: '128m',
      timeoutMs: 600_000,
      warmup: false,
    });
    db = await openDatabase({ ...local, database: 'neo4j', local: true });
    await prepareTestGraph(db);
    await applySchema(db);
    const outcomes = await importMany(db, files, { agencies: manifest.agencies, cardHash });
    expect(outcomes.filter((o) => !o.ok)).toEqual([]);
    caselink = { dump: await dumpGraph(db, TIMES_AND_IDS), shape: await graphShape(db) };

    await emptyTestGraph(db);
    await applySchema(db);
    for (const a of manifest.agencies) await upsertAgency(db, a);
    const prepared = await prepareFairBaseline(files, localNeo4jPaths(home).importDir, {
      cardHash,
      pool: undefined,
    });
    await loadFairBaseline(db, prepared);
    baseline = { dump: await dumpGraph(db, TIMES_AND_IDS), shape: await graphShape(db) };
  }, 1_800_000);

  afterAll(async () => {
    await db?.close();
    await stopLocalNeo4j(home).catch(() => undefined);
    await rm(home, { recursive: true, force: true });
  });

  it('writes the same nodes of each label and relationships of each type, with the same property keys and types', () => {
    expect(Object.keys(caselink.shape)).toContain(':Phone');
    expect(shapeDifferences(caselink.shape, baseline.shape)).toEqual([]);
  });

  it('writes the same graph, node by node and relationship by relationship, every value with its type', () => {
    expect(baseline.dump.labels).toEqual(caselink.dump.labels);
    expect(baseline.dump.types).toEqual(caselink.dump.types);
    expect(baseline.dump.nodes).toEqual(caselink.dump.nodes);
    expect(baseline.dump.relationships).toEqual(caselink.dump.relationships);
  });

  it('carries the awkward cells through (a backslash before a quote, at the end of a field)', () => {
    const awkward = baseline.dump.nodes.find((n) => n.startsWith('Record ') && n.includes('BF-LHR-26-9000001'));
    expect(awkward).toContain('then, left');
    expect(awkward).toContain('\\\\');
  });
});
