/**
 * Where `caselink resolve` (rules) spends its time, phase by phase, on one fixture set kept in a
 * database of its own between runs (imported once), and the whole `resolve` beside it.
 *
 * `node out/perf/bench-resolve-phases.js --set .cache/fixtures-100000 --home /tmp/x [--runs 2]
 * [--dump people.json] [--whole-only] [--increment DIR]`: `--dump` writes the mentions read for
 * matching, for bench-rule-scoring; `--whole-only` times the whole `resolve` alone; `--increment`
 * imports another set into the resolved graph (once), times `resolve --incremental`, then a
 * whole `resolve`, and says whether they leave the same pairs. `--whole-only` also splits the
 * run into its phases as `resolve` reports them (hubs, reading, matching, writing), each with its
 * wall and CPU time and the peak resident memory of this process (worker included) and Neo4j.
 * A `--home` that bench:query filled (bench-ready.json) is used as it is; `--heap` and
 * `--pagecache` size its Neo4j as bench:query does. `--pairs FILE` writes every same-person pair
 * the last run left (ids, status, score, reasons; one a line), to compare two versions' output.
 * `--read-only` times reading the mentions alone (as a full resolution reads them, no writes).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join, resolve as resolvePath } from 'node:path';
import { openDatabase } from '../../main/db/database';
import { startLocalNeo4j } from '../../main/db/localNeo4j';
import { applySchema } from '../../main/db/schema';
import { findRuleCandidates } from '../../main/core/ruleMatching';
import { claimGraphLock } from '../../main/services/graphLock';
import { importMany } from '../../main/services/import/importMany';
import { loadManifest } from '../../main/services/import/profiles';
import { loadPersonMentions, resolve } from '../../main/services/resolveService';
import { DEFAULT_HUB_THRESHOLD } from '../../main/core/rules';
import { arg, flag, say } from '../support';

const set = resolvePath(arg('set', '.cache/fixtures-2000'));
const home = resolvePath(arg('home', `/tmp/caselink-perf-${set.split('/').pop() ?? 'set'}`));
const runs = Number(arg('runs', '1'));
const dump = arg('dump', '');
const wholeOnly = flag('whole-only');
const readOnly = flag('read-only');
const increment = arg('increment', '');
const pairsOut = arg('pairs', '');
const heap = arg('heap', '');
const pageCache = arg('pagecache', '');

/** CPU seconds the database's process has used: wall time on a shared machine says little. */
function databaseCpu(): number {
  try {
    const fields = readFileSync(`/proc/${databasePid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}
let databasePid = 0;

/** Resident memory in MiB of the process `pid` (this one when 0), from /proc. */
function rssMiB(pid = 0): number {
  try {
    const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid || 'self'}/status`, 'utf8'));
    return rss ? Number(rss[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/**
 * The whole `resolve`, timed phase by phase as it reports them (what comes before 'reading' is
 * the hub flagging): wall, this process's CPU (worker included), Neo4j's CPU, and the peak
 * resident memory of both, sampled every 100 ms (the main thread is free while the worker matches).
 */
async function phasedResolve(label: string): Promise<Awaited<ReturnType<typeof resolve>>> {
  interface Phase {
    name: string;
    wall: number;
    cpu: NodeJS.CpuUsage;
    dbCpu: number;
    peak: number;
    dbPeak: number;
  }
  const begin = (name: string): Phase => ({
    name,
    wall: performance.now(),
    cpu: process.cpuUsage(),
    dbCpu: databaseCpu(),
    peak: rssMiB(),
    dbPeak: rssMiB(databasePid),
  });
  const end = (p: Phase) => {
    const used = process.cpuUsage(p.cpu);
    say(
      `  ${p.name.padEnd(10)} ${((performance.now() - p.wall) / 1000).toFixed(1).padStart(7)} s wall ${((used.user + used.system) / 1e6).toFixed(1).padStart(7)} s node CPU ${(databaseCpu() - p.dbCpu).toFixed(1).padStart(7)} s Neo4j CPU  peak RSS node ${Math.round(p.peak)} MiB, Neo4j ${Math.round(p.dbPeak)} MiB`,
    );
  };
  const whole = begin(label);
  let phase = begin('hubs');
  const sampler = setInterval(() => {
    const node = rssMiB();
    const neo = rssMiB(databasePid);
    for (const p of [phase, whole]) {
      p.peak = Math.max(p.peak, node);
      p.dbPeak = Math.max(p.dbPeak, neo);
    }
  }, 100);
  say(
    `${label} (load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(', ')}):`,
  );
  try {
    const summary = await resolve(db, {
      onPhase: (next, detail) => {
        end(phase);
        if (detail?.workerHeapBytes)
          say(`  worker heap after matching ${Math.round(detail.workerHeapBytes / 2 ** 20)} MiB`);
        phase = begin(next);
      },
    });
    end(phase);
    end(whole);
    say(
      `  (load ${loadavg()
        .map((l) => l.toFixed(1))
        .join(', ')})`,
    );
    return summary;
  } finally {
    clearInterval(sampler);
  }
}

async function timed<T>(label: string, work: () => Promise<T> | T): Promise<T> {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const dbCpu = databaseCpu();
  const result = await work();
  const used = process.cpuUsage(cpu);
  say(
    `  ${label.padEnd(22)} ${((performance.now() - wall) / 1000).toFixed(2).padStart(8)} s wall ${((used.user + used.system) / 1e6).toFixed(2).padStart(8)} s node CPU ${(databaseCpu() - dbCpu).toFixed(2).padStart(8)} s Neo4j CPU`,
  );
  return result;
}

await mkdir(home, { recursive: true });
// A loaded machine can take minutes to start the database.
const local = await startLocalNeo4j({
  home,
  attached: true,
  timeoutMs: 900_000,
  warmup: false,
  ...(heap ? { heap } : {}),
  ...(pageCache ? { pageCache } : {}),
});
databasePid = local.pid;
const db = await openDatabase({
  uri: local.uri,
  user: local.user,
  password: local.password,
  database: 'neo4j',
  local: true,
});
try {
  const marker = join(home, 'imported.txt');
  // bench:query's database (bench-ready.json) is imported and resolved already.
  if (!existsSync(marker) && !existsSync(join(home, 'bench-ready.json'))) {
    await applySchema(db);
    const manifest = await loadManifest(join(set, 'agencies.json'));
    await timed('import', () =>
      importMany(db, manifest.files, { agencies: manifest.agencies, cardHash: (pan) => pan }),
    );
    await writeFile(marker, set);
  }
  if (increment) {
    const added = join(home, 'increment.txt');
    if (!existsSync(added)) {
      const manifest = await loadManifest(join(resolvePath(increment), 'agencies.json'));
      await timed('import increment', () =>
        importMany(db, manifest.files, { agencies: manifest.agencies, cardHash: (pan) => pan }),
      );
      await writeFile(added, increment);
    }
    const summary = await timed('incremental resolve', () => resolve(db, { incremental: true }));
    say(
      `  ${summary.incremental ? `${summary.incremental.newPersons} new mentions, ${summary.incremental.rescored} matched again` : 'resolved in full'}; ${summary.compared} compared, ${summary.candidates} candidates, ${summary.withdrawn} withdrawn`,
    );
    const pairs = async () =>
      JSON.stringify(
        (await db.read('resolve/same-as-pairs')).map((r) =>
          ['a', 'b', 'status', 'score', 'reasons'].map((k) => r.get(k)),
        ),
      );
    const afterIncremental = await pairs();
    const whole = await timed('whole resolve', () => resolve(db));
    say(
      `  whole: ${whole.compared} compared, ${whole.candidates} candidates; the same pairs as the incremental run: ${afterIncremental === (await pairs()) ? 'yes' : 'NO'}`,
    );
  }
  for (let i = 0; i < runs; i++) {
    if (readOnly) {
      const people = await timed(`read mentions ${i + 1}`, () => loadPersonMentions(db));
      say(`  ${people.length} mentions`);
      if (dump && i === 0) await writeFile(dump, JSON.stringify(people));
      continue;
    }
    if (wholeOnly) {
      const summary = await phasedResolve(`whole resolve ${i + 1}`);
      say(
        `  resolve says ${summary.seconds.toFixed(1)} s, ${summary.compared} compared, ${summary.candidates} candidates`,
      );
      continue;
    }
    say(`run ${i + 1}, phases:`);
    await timed('flag hubs', () =>
      db.runAutoCommit('resolve/flag-hubs', { threshold: DEFAULT_HUB_THRESHOLD, batch: 10_000 }),
    );
    const people = await timed('read mentions', () => loadPersonMentions(db));
    if (dump && i === 0) await writeFile(dump, JSON.stringify(people));
    const { candidates } = await timed('block and score', () => findRuleCandidates(people));
    const run = randomBytes(8).toString('hex');
    const claim = await claimGraphLock(db, 'resolve', run);
    if (!claim.ok) throw new Error('resolve lock held');
    try {
      await timed('write candidates', async () => {
        for (let c = 0; c < candidates.length; c += 2_000)
          await db.write('resolve/merge-candidates', {
            candidates: candidates.slice(c, c + 2_000),
            run,
            now: new Date().toISOString(),
          });
      });
      await timed('prune', () => db.write('resolve/prune-candidates', { run, limit: 1_000_000 }));
    } finally {
      await claim.lock.release();
    }
    say(`  (${people.length} mentions, ${candidates.length} candidates)`);
    const summary = await timed('whole resolve', () => resolve(db));
    say(
      `  resolve says ${summary.seconds.toFixed(1)} s, ${summary.compared} compared, ${summary.candidates} candidates`,
    );
  }
  if (pairsOut) {
    const rows = await db.read('resolve/same-as-pairs');
    await writeFile(
      pairsOut,
      rows.map((r) => JSON.stringify(['a', 'b', 'status', 'score', 'reasons'].map((k) => r.get(k)))).join('\n') + '\n',
    );
    say(`  ${rows.length} pairs written to ${pairsOut}`);
  }
  // The import ran in an earlier process (see the marker): this is resolution's peak, worker included.
  say(`peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`);
} finally {
  await db.close();
}
process.exit(0);
