/**
 * `npm run bench:import [-- --rows 100000,1000000]`: import throughput on generated agency sets.
 *
 * For each size: rows per second for reading, for reading + mapping/normalising, and for the
 * whole import (the write rate is derived), the peak memory of this Node process in each phase
 * (sampled every 50 ms), and — on the same Neo4j build and settings in the same run — two
 * baselines: the fair one (bench/fairBaseline.ts), LOAD CSV statements that write the same graph
 * as Caselink from CSV prepared beforehand by Caselink's own mapping (checked: the same nodes by
 * label, relationships by type, property keys and types), and the old plain LOAD CSV + MERGE of
 * the raw rows (cypher/bench/load-csv-baseline.cypher), which writes about half as much.
 */
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { basename, join, resolve } from 'node:path';
import Papa from 'papaparse';
import { findHeaderRow, headerTexts, HEADER_SCAN_ROWS } from '../main/core/headers';
import type { Profile } from '../main/core/profile';
import { mapRow, resolveColumns } from '../main/core/rowMapper';
import type { Cell } from '../main/core/cells';
import { localNeo4jPaths } from '../main/db/localNeo4j';
import { upsertAgency } from '../main/services/agencyService';
import { importMany } from '../main/services/import/importMany';
import { keyedCardHash, sharedMappingPool } from '../main/services/import/mappingPool';
import { loadManifest, type ManifestEntry } from '../main/services/import/profiles';
import { openAgencyFile } from '../main/services/import/readers';
import { generateFixtures } from '../scripts/fixtures/generate';
import { measureBulk } from './bulk';
import { graphShape, loadFairBaseline, prepareFairBaseline, shapeDifferences } from './fairBaseline';
import { arg, flag, freshDatabase, say } from './support';

const root = resolve(import.meta.dirname, '..', '..');

/** The CPU seconds a process has used so far (utime + stime from /proc), or null where unreadable. */
function processCpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/**
 * Runs `work` while sampling this process's resident memory; answers seconds, peak MiB, this
 * process's CPU seconds, the database's (when its pid is given) and the load average at the end.
 */
async function measure<T>(
  work: () => Promise<T>,
  databasePid?: number,
): Promise<{ value: T; seconds: number; peakMiB: number; cpu: number; dbCpu: number | null; load: string }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const dbBefore = databasePid === undefined ? null : processCpuSeconds(databasePid);
  try {
    const value = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    const cpu = process.cpuUsage(cpuBefore);
    const dbAfter = databasePid === undefined ? null : processCpuSeconds(databasePid);
    return {
      value,
      seconds: (performance.now() - started) / 1000,
      peakMiB: peak / 1024 / 1024,
      cpu: (cpu.user + cpu.system) / 1e6,
      dbCpu: dbBefore === null || dbAfter === null ? null : dbAfter - dbBefore,
      load: loadavg()
        .map((l) => l.toFixed(1))
        .join(' '),
    };
  } finally {
    clearInterval(timer);
  }
}

/** Iterates every non-blank data row of every file in the manifest, below its header. */
async function eachRow(
  files: ManifestEntry[],
  visit: (entry: ManifestEntry, sheet: string, header: string[], cells: Cell[], row: number) => void,
): Promise<number> {
  let rows = 0;
  for (const entry of files) {
    const file = await openAgencyFile(entry.path, {
      sheets: entry.profile.sheets,
      encoding: entry.profile.encoding,
      delimiter: entry.profile.delimiter,
    });
    for (const sheet of file.sheets) {
      const head: { row: number; cells: Cell[] }[] = [];
      let header: string[] | null = null;
      const emit = (r: { row: number; cells: Cell[] }) => {
        if (!header || r.cells.every((c) => c === null)) return;
        rows += 1;
        visit(entry, sheet.name, header, r.cells, r.row);
      };
      const takeHeader = () => {
        const at = findHeaderRow(
          head.map((h) => h.cells),
          entry.profile.columns.map((c) => c.column),
        );
        header = headerTexts(head[at]?.cells ?? []);
        head.slice(at + 1).forEach(emit);
      };
      for await (const r of sheet.rows) {
        if (header) emit(r);
        else {
          head.push(r);
          if (head.length >= HEADER_SCAN_ROWS) takeHeader();
        }
      }
      if (!header && head.length) takeHeader();
    }
  }
  return rows;
}

const columnsOf = (profile: Profile, fields: string[]) =>
  profile.columns.filter((c) => fields.includes(c.field)).map((c) => c.column);

async function run(size: number): Promise<void> {
  const dir = join(root, '.cache', `fixtures-${size}`);
  if (!existsSync(join(dir, 'agencies.json'))) {
    say(`Generating ${size} rows into ${dir}…`);
    generateFixtures({ outDir: dir, rows: size });
  }
  const manifest = await loadManifest(join(dir, 'agencies.json'));

  // --bulk: the bulk first load (Neo4j's offline importer) first, timed end to end; --bulk-only
  // leaves out the transactional import and the baseline.
  if (flag('bulk') || flag('bulk-only')) {
    const bulk = await measureBulk(manifest);
    const perSecond = Math.round(bulk.rows / bulk.seconds).toLocaleString('en-GB');
    say('');
    say(`${bulk.rows.toLocaleString('en-GB')} rows in ${manifest.files.length} files (${dir})`);
    say(
      `  bulk first load, end to end${perSecond.padStart(9)} rows/s  ${bulk.seconds.toFixed(1).padStart(7)} s   peak ${bulk.peakMiB.toFixed(0)} MiB   Node CPU ${bulk.cpuSeconds.toFixed(1)} s`,
    );
    say(
      `    ${bulk.nodes.toLocaleString('en-GB')} nodes, ${bulk.relationships.toLocaleString('en-GB')} relationships; load average ${bulk.loadAverage}`,
    );
    say('    phase                                      wall s   Node CPU s  other CPU s   peak MiB');
    for (const p of bulk.phases) {
      say(
        `    ${p.name.padEnd(42)}${p.seconds.toFixed(1).padStart(7)}${p.cpuSeconds.toFixed(1).padStart(13)}${(p.otherCpuSeconds === null ? '–' : p.otherCpuSeconds.toFixed(1)).padStart(13)}${p.peakRssMiB.toFixed(0).padStart(11)}`,
      );
    }
    const s = bulk.csvSteps;
    const cpu = (n: number | null) => (n === null ? '–' : n.toFixed(1));
    say(
      `    inside "read, map and write CSV" (${s.workers} mapping workers): waiting on readers ${s.readSeconds.toFixed(1)} s, mapping ${s.mapSeconds.toFixed(1)} s (over the workers), building and deduplicating ${s.buildSeconds.toFixed(1)} s, CSV ${s.csvSeconds.toFixed(1)} s; CPU main thread ${cpu(s.mainThreadCpuSeconds)} s, workers ${cpu(s.workerCpuSeconds)} s`,
    );
    if (flag('bulk-only')) return;
  }

  const read = await measure(() => eachRow(manifest.files, () => undefined));
  const cardHash = (pan: string) => pan.slice(-4);
  const contexts = new Map<string, { header: string[]; mappings: ReturnType<typeof resolveColumns>['mappings'] }>();
  const mapped = await measure(() =>
    eachRow(manifest.files, (entry, sheet, header, cells, row) => {
      const key = `${entry.profileSource}|${sheet}`;
      let ctx = contexts.get(key);
      if (!ctx || ctx.header !== header) {
        ctx = { header, mappings: resolveColumns(entry.profile, header).mappings };
        contexts.set(key, ctx);
      }
      mapRow({ profile: entry.profile, sheet, header, cardHash }, ctx.mappings, cells, row);
    }),
  );

  const caselink = await freshDatabase('import', 900_000);
  for (const a of manifest.agencies) await upsertAgency(caselink.db, a);
  const importHash = keyedCardHash('bench');
  const imported = await measure(() => importMany(caselink.db, manifest.files, { cardHash: importHash }), caselink.pid);
  const failed = imported.value.filter((o) => !o.ok);
  if (failed.length) throw new Error(`import failed: ${JSON.stringify(failed)}`);
  const caselinkShape = await graphShape(caselink.db);
  await caselink.stop();

  // The fair baseline: the same rows read and mapped by Caselink's own stages beforehand (untimed)
  // into CSV, then written by LOAD CSV; its graph's shape is checked against Caselink's.
  const fair = await freshDatabase('fair', 900_000);
  for (const a of manifest.agencies) await upsertAgency(fair.db, a);
  const fairPrepared = await prepareFairBaseline(manifest.files, localNeo4jPaths(fair.home).importDir, {
    cardHash: importHash,
    pool: sharedMappingPool(),
  });
  const fairLoaded = await measure(() => loadFairBaseline(fair.db, fairPrepared), fair.pid);
  const fairShape = await graphShape(fair.db);
  await fair.stop();
  const fairDifferences = shapeDifferences(caselinkShape, fairShape);

  // The baseline reads plain UTF-8 CSV with the header on line 1: prepared here, not timed, in
  // the import folder, the only one the local Neo4j lets LOAD CSV read.
  const baseline = await freshDatabase('baseline', 900_000);
  const csvDir = localNeo4jPaths(baseline.home).importDir;
  await mkdir(csvDir, { recursive: true });
  const prepared: { entry: ManifestEntry; path: string }[] = [];
  for (const [i, entry] of manifest.files.entries()) {
    const path = join(csvDir, `${i}.csv`);
    const out = createWriteStream(path);
    let wroteHeader = false;
    await eachRow([entry], (_e, _s, header, cells) => {
      if (!wroteHeader) {
        out.write(`${Papa.unparse([header])}\n`);
        wroteHeader = true;
      }
      out.write(
        `${Papa.unparse([cells.map((c) => (c instanceof Date ? c.toISOString().slice(0, 10) : c === null ? '' : String(c)))])}\n`,
      );
    });
    await new Promise<void>((done) => out.end(done));
    prepared.push({ entry, path });
  }
  for (const a of manifest.agencies) await upsertAgency(baseline.db, a);
  const loaded = await measure(async () => {
    for (const [i, { entry, path }] of prepared.entries()) {
      await baseline.db.runAutoCommit('bench/load-csv-baseline', {
        url: `file:///${encodeURIComponent(basename(path))}`,
        source: String(i),
        agency: entry.agency,
        caseColumns: columnsOf(entry.profile, ['caseRef']),
        nameColumns: columnsOf(entry.profile, ['fullName', 'familyName', 'nameLatin']),
        phoneColumns: columnsOf(entry.profile, ['phone']),
        addressColumns: columnsOf(entry.profile, ['address', 'addressStreet']),
        emailColumns: columnsOf(entry.profile, ['email']),
      });
    }
  }, baseline.pid);
  const plainShape = await graphShape(baseline.db);
  await baseline.stop();

  const rows = read.value;
  const rate = (n: number, s: number) => Math.round(n / s).toLocaleString('en-GB');
  const writeSeconds = Math.max(0.001, imported.seconds - mapped.seconds);
  say('');
  say(`${rows.toLocaleString('en-GB')} rows in ${manifest.files.length} files (${dir})`);
  say(
    `  reading                    ${rate(rows, read.seconds).padStart(9)} rows/s  ${read.seconds.toFixed(1).padStart(7)} s   peak ${read.peakMiB.toFixed(0)} MiB`,
  );
  say(
    `  reading + mapping          ${rate(rows, mapped.seconds).padStart(9)} rows/s  ${mapped.seconds.toFixed(1).padStart(7)} s   peak ${mapped.peakMiB.toFixed(0)} MiB`,
  );
  say(`  mapping/normalising alone  ${rate(rows, Math.max(0.001, mapped.seconds - read.seconds)).padStart(9)} rows/s`);
  say(`  writing (derived)          ${rate(rows, writeSeconds).padStart(9)} rows/s`);
  const count = (shape: typeof caselinkShape, sigil: string) =>
    Object.entries(shape)
      .filter(([name]) => name.startsWith(sigil))
      .reduce((n, [name, e]) => n + (sigil === ':' && name !== ':Party' ? e.count : sigil === '-' ? e.count : 0), 0);
  const cpu = (m: { cpu: number; dbCpu: number | null }) =>
    `Node CPU ${m.cpu.toFixed(1)} s, Neo4j CPU ${m.dbCpu === null ? '–' : `${m.dbCpu.toFixed(1)} s`}`;
  say(
    `  Caselink import, end to end${rate(rows, imported.seconds).padStart(9)} rows/s  ${imported.seconds.toFixed(1).padStart(7)} s   peak ${imported.peakMiB.toFixed(0)} MiB   ${cpu(imported)}   load ${imported.load}`,
  );
  say(
    `    wrote ${count(caselinkShape, ':').toLocaleString('en-GB')} nodes (Party counted once), ${count(caselinkShape, '-').toLocaleString('en-GB')} relationships`,
  );
  say(
    `  fair LOAD CSV baseline     ${rate(rows, fairLoaded.seconds).padStart(9)} rows/s  ${fairLoaded.seconds.toFixed(1).padStart(7)} s   (writing only: rows read and mapped beforehand, untimed)   ${cpu(fairLoaded)}   load ${fairLoaded.load}`,
  );
  say(
    fairDifferences.length
      ? `    NOT the same graph as Caselink's:\n${fairDifferences.map((d) => `      ${d}`).join('\n')}`
      : `    same graph shape as Caselink's: ${Object.keys(caselinkShape).length} labels and types, their counts, property keys and value types`,
  );
  say(
    `  Caselink / fair baseline   ${(fairLoaded.seconds / imported.seconds).toFixed(2).padStart(9)} ×   (target ≥ 1.0)`,
  );
  say(
    `  old LOAD CSV + MERGE of the raw rows (not like for like)${rate(rows, loaded.seconds).padStart(9)} rows/s  ${loaded.seconds.toFixed(1).padStart(7)} s   ${cpu(loaded)}   load ${loaded.load}`,
  );
  say(
    `    wrote ${count(plainShape, ':').toLocaleString('en-GB')} nodes, ${count(plainShape, '-').toLocaleString('en-GB')} relationships; ${shapeDifferences(caselinkShape, plainShape).length} labels or types differ from Caselink's`,
  );
  say(`  Caselink / old baseline    ${(loaded.seconds / imported.seconds).toFixed(2).padStart(9)} ×`);
}

const sizes = arg('rows', '100000,1000000')
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => n > 0);
say(
  `Import benchmark: ${sizes.join(', ')} rows; Node ${process.version}; local Neo4j (heap ${process.env.CASELINK_NEO4J_HEAP ?? '1g'}, page cache ${process.env.CASELINK_NEO4J_PAGECACHE ?? '512m'}).`,
);
for (const size of sizes) await run(size);
