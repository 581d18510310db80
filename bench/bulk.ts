/**
 * The bulk first load measured for `npm run bench:import -- --bulk`: a fresh local Neo4j of its
 * own, the manifest's agencies registered, then `bulkImportMany` end to end (reading, mapping and
 * writing the importer's CSV; the database stopped, loaded offline and started again with the
 * schema applied; the sources completed and the audit events written), with this process's peak
 * memory and CPU time.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../main/db/database';
import { startLocalNeo4j, stopLocalNeo4j } from '../main/db/localNeo4j';
import { localOfflineLoader } from '../main/db/offlineImport';
import { applySchema } from '../main/db/schema';
import type { PhaseFigures } from '../main/services/import/phaseMeter';
import { bulkImportMany, type CsvSteps } from '../main/services/import/bulkLoad';
import { keyedCardHash } from '../main/services/import/mappingPool';
import type { loadManifest } from '../main/services/import/profiles';

type Manifest = Awaited<ReturnType<typeof loadManifest>>;

export interface BulkFigures {
  rows: number;
  seconds: number;
  peakMiB: number;
  cpuSeconds: number;
  phases: PhaseFigures[];
  csvSteps: CsvSteps;
  nodes: number;
  relationships: number;
  /** The 1, 5 and 15 minute load averages at the end. */
  loadAverage: string;
}

/** Loads the manifest's files into a fresh local database through the bulk first load. */
export async function measureBulk(manifest: Manifest): Promise<BulkFigures> {
  const home = await mkdtemp(join(tmpdir(), 'caselink-bench-bulk-'));
  // A loaded machine can take minutes to start Neo4j.
  const local = await startLocalNeo4j({ home, attached: true, timeoutMs: 600_000 });
  let db = await openDatabase({ ...local, database: 'neo4j', local: true });
  try {
    await applySchema(db);
    const loader = await localOfflineLoader({ home, db, attached: true });
    let peak = process.memoryUsage.rss();
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 50);
    const cpu = process.cpuUsage();
    const started = performance.now();
    try {
      const result = await bulkImportMany(loader, manifest.files, {
        agencies: manifest.agencies,
        cardHash: keyedCardHash('bench'),
      });
      db = result.db;
      const seconds = (performance.now() - started) / 1000;
      const used = process.cpuUsage(cpu);
      const failed = result.outcomes.filter((o) => !o.ok);
      if (failed.length) throw new Error(`bulk load failed: ${JSON.stringify(failed)}`);
      return {
        rows: result.outcomes.reduce(
          (n, o) => n + (o.ok && o.summary.outcome === 'imported' ? o.summary.rowsRead : 0),
          0,
        ),
        seconds,
        peakMiB: Math.max(peak, process.memoryUsage.rss()) / 1024 / 1024,
        cpuSeconds: (used.user + used.system) / 1e6,
        phases: result.phases,
        csvSteps: result.csvSteps,
        nodes: result.nodes,
        relationships: result.relationships,
        loadAverage: loadavg()
          .map((n) => n.toFixed(1))
          .join(' '),
      };
    } finally {
      clearInterval(timer);
    }
  } finally {
    await db.close();
    await stopLocalNeo4j(home);
    await rm(home, { recursive: true, force: true });
  }
}
