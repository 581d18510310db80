/**
 * `npm run bench:query [-- --rows N] [--runs N] [--warmup N] [--seed S] [--only search,expand1,…]
 * [--profile] [--by-statement] [--bulk | --transactional] [--pagecache 4096m] [--heap 2g]
 * [--cache-warmup both|on|off] [--rounds N] [--await-warmup | --await-questions]`:
 * how fast the workspace answers on a generated graph of N records (1,000,000 by default):
 * search, expand (one and two hops, hubs left out) and shortest paths, p50 and p95 beside the
 * targets of issue 10.
 *
 * The graph lives in a local Neo4j of its own under .cache/bench-query-N/ (never the user's): the
 * fixtures are generated into .cache/fixtures-N/ when missing, imported (by the bulk first load
 * with --bulk or from 300,000 rows, else transactionally) and resolved once, and reused by later runs. The questions are drawn from the graph with a seeded generator: names
 * typed with a typo or in the other script, phones in their national form, persons that have
 * neighbours, and pairs of persons of different agencies that are connected.
 *
 * Each operation's time is given twice: what the caller waited, and what Neo4j spent on its
 * statements (the result summaries' timings), with the statements per run and this process's CPU
 * time, so that a loaded machine's queueing is told apart from the statements' own cost.
 * `--profile` first prints Neo4j's PROFILE of every statement the operations run (db hits and rows
 * per operator); `--by-statement` follows each operation's line with each statement's times and rows.
 * A Neo4j already running on the bench's folder is used and left running.
 *
 * Each measurement starts Neo4j afresh, as a user's first minutes after `caselink db start` or
 * opening the app find it: with the launcher's background page-cache warm-up and without it
 * (`--cache-warmup both`, the default, one after the other, `--rounds` times, taking turns at
 * going first), and prints both side by side with Neo4j's CPU and the load. The timed runs start
 * as soon as Neo4j accepts connections, while the warm-up runs (it gives way to queries), unless
 * `--await-warmup` (all of it, at normal priority) or `--await-questions` (its questions, as a
 * user who waits for `caselink db status` to stop saying "Warming up: asking").
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join, resolve as resolvePath } from 'node:path';
import { performance } from 'node:perf_hooks';
import anyAscii from 'any-ascii';
import { parsePhoneNumberWithError } from 'libphonenumber-js';
import { nodeRef, searchInput } from '../../main/contract/workspaceTypes';
import { openDatabase, type Database } from '../../main/db/database';
import {
  awaitCacheWarmup,
  localNeo4jStatus,
  startLocalNeo4j,
  stopLocalNeo4j,
  type CacheWarmup,
} from '../../main/db/localNeo4j';
import { applySchema } from '../../main/db/schema';
import { localOfflineLoader } from '../../main/db/offlineImport';
import { bulkImportMany } from '../../main/services/import/bulkLoad';
import { importMany } from '../../main/services/import/importMany';
import { keyedCardHash } from '../../main/services/import/mappingPool';
import { loadManifest } from '../../main/services/import/profiles';
import { resolve } from '../../main/services/resolveService';
import { expandNodes } from '../../main/services/workspace/expandService';
import { findPaths } from '../../main/services/workspace/pathService';
import { search } from '../../main/services/workspace/searchService';
import { Rng } from '../../scripts/fixtures/random';
import { arg, flag, say } from '../support';
import { timedDatabase, waves, type StatementRun, type TimedDatabase } from './timedDatabase';

const root = resolvePath(import.meta.dirname, '..', '..');
const rows = Number(arg('rows', '1000000'));
const runs = Number(arg('runs', '50'));
const warmup = Number(arg('warmup', '10'));
const seed = Number(arg('seed', '20261130'));
const only = new Set(
  arg('only', '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);
const profile = flag('profile');
const byStatement = flag('by-statement');
// The first fill of an empty bench database: through the bulk first load (the offline importer)
// when asked, or by default from 300,000 rows, where the transactional import takes hours on a
// loaded machine; `--transactional` keeps the transactional import at any size.
const bulk = flag('bulk') || (!flag('transactional') && rows >= 300_000);
// The generated graph's store takes some 3.5 KB a row: a page cache that holds it all keeps the
// timings about the statements rather than the disk (at 100,000 rows the app's default, 512 MB,
// already does; at 1,000,000 it would not).
const pageCache = arg('pagecache', `${Math.max(512, Math.ceil((rows * 4) / 1024 / 256) * 256)}m`);
const heap = arg('heap', rows >= 500_000 ? '2g' : '1g');
const cacheWarmup = arg('cache-warmup', 'both');
if (!['both', 'on', 'off'].includes(cacheWarmup))
  throw new Error(`--cache-warmup: "${cacheWarmup}" is not both, on or off`);
const rounds = Number(arg('rounds', '1'));
if (!Number.isInteger(rounds) || rounds < 1)
  throw new Error(`--rounds: "${arg('rounds', '')}" is not a whole number ≥ 1`);
const awaitWarmup = flag('await-warmup');
const awaitQuestions = flag('await-questions');
const home = join(root, '.cache', `bench-query-${rows}`);
if (!Number.isInteger(rows) || rows < 1000)
  throw new Error(`--rows: "${arg('rows', '')}" is not a whole number ≥ 1000`);

/** The fixtures of this size, generated when missing. */
function fixtures(): string {
  const dir = join(root, '.cache', rows === 2000 ? 'fixtures-2000' : `fixtures-${rows}`);
  if (existsSync(join(dir, 'agencies.json'))) return dir;
  say(`Generating ${rows.toLocaleString('en-GB')} rows of fixtures into ${dir}…`);
  const made = spawnSync(
    process.execPath,
    [join(root, 'out', 'scripts', 'fixtures.js'), '--rows', String(rows), '--out', dir],
    {
      stdio: 'inherit',
    },
  );
  if (made.status !== 0) throw new Error(`The fixture generator ended with ${made.status}.`);
  return dir;
}

/**
 * The bench's own database: started (and on first use filled) under .cache/bench-query-N/. One
 * already running there (started by hand, to profile between runs) is used and left running.
 */
async function benchDatabase(
  warm: boolean,
): Promise<{ db: TimedDatabase; stop: () => Promise<void>; pid: () => number; startedHere: boolean }> {
  const ready = join(home, 'bench-ready.json');
  await mkdir(home, { recursive: true, mode: 0o700 });
  const connect = async () => {
    // Waited for, the warm-up runs at normal priority: at low priority a machine as busy as the
    // shared one here would leave it no core for many minutes.
    const local = await startLocalNeo4j({
      home,
      attached: true,
      heap,
      pageCache,
      timeoutMs: 600_000,
      warmup: warm && awaitWarmup ? 'now' : warm,
    });
    const settings = {
      uri: local.uri,
      user: local.user,
      password: local.password,
      database: 'neo4j',
      local: true,
    };
    return { local, settings };
  };
  const { local, settings } = await connect();
  let db = timedDatabase(await openDatabase(settings), settings);
  let pid = local.pid;
  // A bulk load stops the database and starts it again itself: this run stops it at the end then.
  let startedHere = local.startedHere;
  const stop = async () => {
    await db.close();
    if (startedHere) await stopLocalNeo4j(home);
  };
  try {
    await applySchema(db);
    if (!existsSync(ready)) {
      const dir = fixtures();
      const manifest = await loadManifest(join(dir, 'agencies.json'));
      const how = bulk ? 'bulk first load (offline importer)' : 'transactional import';
      say(`Importing ${dir} into the bench database (${home}) by the ${how}; later runs reuse it…`);
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      let records: number;
      if (bulk) {
        const loader = await localOfflineLoader({ home, db, attached: true, heap, pageCache, timeoutMs: 600_000 });
        startedHere = true;
        const loaded = await bulkImportMany(loader, manifest.files, {
          agencies: manifest.agencies,
          // A keyed hash travels to the mapping workers; a plain function would map on this thread.
          cardHash: keyedCardHash('bench-query'),
          onStage: (message) => say(`  ${message}`),
        });
        const again = await connect();
        db = timedDatabase(loaded.db, again.settings);
        pid = again.local.pid;
        const failed = loaded.outcomes.filter((o) => !o.ok);
        if (failed.length) throw new Error(`The bulk load refused ${failed.length} file(s): ${JSON.stringify(failed)}`);
        records = loaded.outcomes.reduce((n, o) => n + (o.ok ? o.summary.rowsImported : 0), 0);
        say(
          `  loaded: ${loaded.phases.map((p) => `${p.name} ${p.seconds.toFixed(0)} s (CPU ${p.cpuSeconds.toFixed(0)} s${p.otherCpuSeconds === null ? '' : `, other ${p.otherCpuSeconds.toFixed(0)} s`})`).join(', ')} (${loaded.nodes.toLocaleString('en-GB')} nodes, ${loaded.relationships.toLocaleString('en-GB')} relationships)`,
        );
      } else {
        const imported = await importMany(db, manifest.files, {
          agencies: manifest.agencies,
          cardHash: (pan) => pan,
        });
        records = imported.reduce((n, o) => n + (o.ok ? o.summary.rowsImported : 0), 0);
      }
      const importSeconds = (performance.now() - t0) / 1000;
      const resolved = await resolve(db);
      const seconds = (performance.now() - t0) / 1000;
      const c = process.cpuUsage(c0);
      const cpuSeconds = (c.user + c.system) / 1e6;
      const load = loadavg()
        .map((x) => x.toFixed(1))
        .join(', ');
      say(
        `  ${records.toLocaleString('en-GB')} records imported in ${importSeconds.toFixed(0)} s and resolved in ${(seconds - importSeconds).toFixed(0)} s (${resolved.persons} person mentions, ${resolved.candidates} candidates); this process's CPU ${cpuSeconds.toFixed(0)} s; load ${load}.`,
      );
      await writeFile(
        ready,
        JSON.stringify({ rows, records, how, importSeconds, seconds, cpuSeconds, load, at: new Date().toISOString() }),
      );
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { db, stop, pid: () => pid, startedHere };
}

/** User and system CPU of a /proc stat file, in milliseconds (ticks of 10 ms), or null. */
function statCpuMs(file: string): number | null {
  try {
    const fields = readFileSync(file, 'utf8').split(') ')[1]?.split(' ') ?? [];
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks * 10 : null;
  } catch {
    return null;
  }
}

/** The CPU time of the launcher's page-cache warm-up thread (named caselink-cache-warmup), in ms. */
function warmupCpuMs(pid: number): number {
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const comm = readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim();
      if (comm.startsWith('caselink-cache')) return statCpuMs(`/proc/${pid}/task/${tid}/stat`) ?? 0;
    }
  } catch {
    // No /proc: nothing to take off.
  }
  return 0;
}

/**
 * The CPU time the bench's Neo4j has used answering, in milliseconds (user and system, from
 * /proc; in ticks of 10 ms, so read over many runs), less its page-cache warm-up thread's (given
 * apart), or null where there is no /proc. On a loaded machine it tells the statements' own cost
 * from the time they waited for a core.
 */
function neo4jCpuMs(pid: number): number | null {
  const all = statCpuMs(`/proc/${pid}/stat`);
  return all === null ? null : all - warmupCpuMs(pid);
}

/** One typo a hurried investigator makes: two neighbouring letters swapped, or one left out. */
function typo(rng: Rng, name: string): string {
  const words = name.split(' ');
  const longest = words.reduce((best, w, i) => (w.length > (words[best]?.length ?? 0) ? i : best), 0);
  const w = words[longest] ?? '';
  if (w.length < 5) return name;
  const at = rng.int(1, w.length - 3);
  words[longest] = rng.chance(0.5)
    ? w.slice(0, at) + w.charAt(at + 1) + w.charAt(at) + w.slice(at + 2)
    : w.slice(0, at) + w.slice(at + 1);
  return words.join(' ');
}

const NON_LATIN = /(?=\p{L})[^\p{Script=Latin}]/u;

interface Questions {
  searches: string[];
  persons: string[];
  pairs: [string, string][];
}

/** The questions, drawn from the graph with the seeded generator. */
async function questions(db: Database, count: number): Promise<Questions> {
  const rng = new Rng(seed);
  const persons = await db.read('bench/query-samples', { max: 20_000 });
  const phones = await db.read('bench/query-phones', { max: 20_000 });
  const pairs = await db.read('bench/query-pairs', { max: 2_000 });
  if (!persons.length || !phones.length || !pairs.length)
    throw new Error('The bench graph has no persons with neighbours, phones or connected pairs to ask about.');
  const searches: string[] = [];
  for (let i = 0; i < count; i++) {
    const kind = i % 3;
    if (kind === 2) {
      const e164 = rng.pick(phones).string('e164');
      try {
        searches.push(parsePhoneNumberWithError(e164).formatNational());
      } catch {
        searches.push(e164);
      }
      continue;
    }
    const p = rng.pick(persons);
    const name = p.string('name');
    // A name written in another script is typed in Latin letters; a Latin one with a typo.
    searches.push(NON_LATIN.test(name) ? (p.stringOrNull('nameLatin') ?? anyAscii(name)) : typo(rng, name));
  }
  return {
    searches,
    persons: Array.from({ length: count }, () => rng.pick(persons).string('id')),
    pairs: Array.from({ length: count }, () => {
      const r = rng.pick(pairs);
      return [r.string('a'), r.string('b')] as [string, string];
    }),
  };
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;

interface Operation {
  name: string;
  label: string;
  target: number;
  run: (i: number) => Promise<unknown>;
}

/** p50, p95 and the slowest of some timings. */
interface Spread {
  p50: number;
  p95: number;
  max: number;
}

function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), max: sorted[sorted.length - 1] ?? NaN };
}

/**
 * What the runs of one operation cost: the time the caller waited (wall), the time Neo4j spent
 * producing and streaming the rows of its statements (server; statements that ran side by side
 * are added up, so it can exceed the wall time), this process's CPU time, and how many statements,
 * transactions and rounds of waiting (see {@link waves}) one run took.
 */
interface Measured {
  wall: Spread;
  server: Spread;
  cpu: Spread;
  statements: Spread;
  transactions: Spread;
  waves: Spread;
  /** Per statement: the wall time it took less its server time (the round trip, queueing, mapping). */
  overhead: Spread;
  /** The bench's Neo4j's CPU time over the timed runs, per run (a mean: see {@link neo4jCpuMs}). */
  neo4jCpu: number | null;
  /** Each statement's runs, by name. */
  byName: Map<string, StatementRun[]>;
  /** The 1-minute load average when the timed runs ended. */
  load: number;
  /** How far the page-cache warm-up had got when the timed runs began and ended (and when, after ready). */
  warmupAt: [string, string];
  /** The warm-up thread's CPU during the timed runs, ms. */
  warmupCpu: number;
}

/** The page-cache warm-up's state now, as a short word for the tables. */
async function warmupNow(): Promise<string> {
  const w = (await localNeo4jStatus(home)).warmup;
  const at = `@${((performance.now() - readyAt) / 1000).toFixed(0)}s`;
  if (!w) return `-${at}`;
  if (w.state === 'warming' && w.phase === 'questions') return `q${w.questions ?? 0}/${w.questionsPlanned ?? '?'}${at}`;
  return `${w.state === 'warming' ? `${w.percent ?? 0}%` : w.state}${at}`;
}

/** Warm-up, then the timed runs one after another. */
async function measure(op: Operation): Promise<Measured> {
  for (let i = 0; i < warmup; i++) await op.run(runs + i);
  const before = await warmupNow();
  const warmupCpu0 = warmupCpuMs(neo4jPid());
  db.take();
  const wall: number[] = [];
  const server: number[] = [];
  const cpu: number[] = [];
  const statements: number[] = [];
  const transactions: number[] = [];
  const rounds: number[] = [];
  const perStatement: number[] = [];
  const byName = new Map<string, StatementRun[]>();
  const neo4jBefore = neo4jCpuMs(neo4jPid());
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await op.run(i);
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    const ran = db.take();
    server.push(ran.reduce((n, r) => n + r.serverMs, 0));
    statements.push(ran.length);
    transactions.push(new Set(ran.map((r) => r.transaction)).size);
    rounds.push(waves(ran));
    for (const r of ran) {
      perStatement.push(r.wallMs - r.serverMs);
      byName.set(r.name, [...(byName.get(r.name) ?? []), r]);
    }
  }
  return {
    wall: spread(wall),
    server: spread(server),
    cpu: spread(cpu),
    statements: spread(statements),
    transactions: spread(transactions),
    waves: spread(rounds),
    overhead: spread(perStatement),
    neo4jCpu: neo4jBefore === null ? null : ((neo4jCpuMs(neo4jPid()) ?? NaN) - neo4jBefore) / runs,
    byName,
    load: loadavg()[0] ?? NaN,
    warmupAt: [before, await warmupNow()],
    warmupCpu: warmupCpuMs(neo4jPid()) - warmupCpu0,
  };
}

/**
 * Neo4j's PROFILE of the statements the operation runs over all its questions: for each statement,
 * how many ran and their database hits (median and most), then the plan of the costliest one,
 * each operator with the rows it produced and the hits it cost.
 */
async function profileOf(op: Operation): Promise<void> {
  const byName = new Map<string, { hits: number[]; worst: StatementRun | null; worstHits: number }>();
  for (let i = 0; i < runs; i++) {
    db.take();
    await op.run(i);
    for (const r of db.take()) {
      const p = await db.profile(r.name, r.params);
      const entry = byName.get(r.name) ?? { hits: [], worst: null, worstHits: -1 };
      entry.hits.push(p.dbHits);
      if (p.dbHits > entry.worstHits) [entry.worst, entry.worstHits] = [r, p.dbHits];
      byName.set(r.name, entry);
    }
  }
  say(`  ${op.name}:`);
  for (const [name, entry] of byName) {
    const hits = spread(entry.hits);
    say(
      `    ${name}: ${entry.hits.length} runs, db hits p50 ${hits.p50.toLocaleString('en-GB')}, most ${hits.max.toLocaleString('en-GB')}`,
    );
    if (!entry.worst) continue;
    const p = await db.profile(entry.worst.name, entry.worst.params);
    for (const line of p.lines) {
      say(
        `      ${'  '.repeat(line.depth)}${line.operator} rows=${line.rows} hits=${line.dbHits} ${line.details.replace(/\s+/g, ' ').slice(0, 110)}`,
      );
    }
  }
}

/** The questions of this size and seed, kept beside the bench database once drawn. */
async function cachedQuestions(from: Database | null): Promise<Questions | null> {
  const file = join(home, `questions-${seed}-${runs + warmup}.json`);
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Questions;
  } catch {
    if (!from) return null;
  }
  const q = await questions(from, runs + warmup);
  await writeFile(file, JSON.stringify(q));
  return q;
}

function operationsFor(q: Questions): Operation[] {
  const all: Operation[] = [
    {
      name: 'search',
      label: 'search (typo / other script / national phone)',
      target: 100,
      run: (i) => search(db, searchInput.parse({ text: q.searches[i] })),
    },
    {
      name: 'expand1',
      label: 'expand a person, 1 hop, hubs left out',
      target: 50,
      run: (i) => expandNodes(db, { nodes: [nodeRef('person', [q.persons[i] as string])], hops: 1 }),
    },
    {
      name: 'expand2',
      label: 'expand a person, 2 hops, hubs left out',
      target: 150,
      run: (i) => expandNodes(db, { nodes: [nodeRef('person', [q.persons[i] as string])], hops: 2 }),
    },
    {
      name: 'path',
      label: 'shortest paths, two persons (≤ 6 steps, no hubs)',
      target: 200,
      run: (i) => {
        const [a, b] = q.pairs[i] as [string, string];
        return findPaths(db, { from: nodeRef('person', [a]), to: nodeRef('person', [b]) });
      },
    },
  ];
  return all.filter((op) => !only.size || only.has(op.name));
}

const cell = (s: Spread) => `${s.p50.toFixed(0).padStart(5)} /${s.p95.toFixed(0).padStart(5)}`;

/** One fresh start of Neo4j, with or without the page-cache warm-up, and its operations timed. */
async function measureStart(warm: boolean, first: boolean): Promise<Map<string, Measured> | null> {
  const started = await benchDatabase(warm);
  db = started.db;
  neo4jPid = started.pid;
  readyAt = performance.now();
  const results = new Map<string, Measured>();
  try {
    let q = await cachedQuestions(null);
    if (!q) {
      // Drawing the questions reads the graph: draw them, then start again, so that the timed
      // runs find the cache as a fresh start leaves it.
      q = await cachedQuestions(db);
      if (started.startedHere && q) {
        await started.stop();
        return measureStart(warm, first);
      }
    }
    if (!q) throw new Error('no questions');
    const [counts] = await db.read('bench/query-counts');
    const startedAt = neo4jCpuMs(neo4jPid());
    if (first) {
      say(
        `bench:query on ${rows.toLocaleString('en-GB')} generated rows (${counts?.number('records').toLocaleString('en-GB')} records, ${counts?.number('nodes').toLocaleString('en-GB')} nodes, ${counts?.number('relationships').toLocaleString('en-GB')} relationships); ${warmup} warm-up and ${runs} timed runs each, seed ${seed}, ${new Date().toISOString().slice(0, 16)}Z.`,
      );
    }
    const operations = operationsFor(q);
    if (profile && first) {
      say('');
      say('PROFILE of the statements each operation runs, over its questions:');
      for (const op of operations) await profileOf(op);
    }
    if (!started.startedHere) {
      say('');
      say('A Neo4j already running on the bench folder is used as it is (its cache is not cold; --cache-warmup does');
      say('not apply to it).');
    } else if (warm && awaitWarmup) {
      const w = await awaitCacheWarmup(home);
      say(`  (waited for the page-cache warm-up: ${w.state}, ${w.seconds?.toFixed(1) ?? '?'} s)`);
    } else if (warm && awaitQuestions) {
      const w = await awaitCacheWarmup(home, 600_000, 'questions');
      say(
        `  (waited for the warm-up's questions: ${w.questions ?? 0} in ${w.questionSeconds?.toFixed(1) ?? '?'} s, ${((performance.now() - readyAt) / 1000).toFixed(0)} s after ready)`,
      );
    }
    say('');
    say(
      `Neo4j ${started.startedHere ? `started afresh, page-cache warm-up ${warm ? 'on' : 'off'}` : 'already running'}; load average ${loadavg()
        .map((x) => x.toFixed(1))
        .join(
          ', ',
        )} (1, 5, 15 minutes); Neo4j's CPU since its start ${startedAt === null ? '-' : `${(startedAt / 1000).toFixed(1)} s`}.`,
    );
    say(
      `  ${'operation'.padEnd(56)} ${'wall'.padStart(12)} ${'server'.padStart(12)} ${'per stmt'.padStart(12)} ${'cpu'.padStart(12)} ${'s/t/w'.padStart(7)} ${'neo4j cpu'.padStart(9)}  target p95    load  cache warm-up`,
    );
    for (const op of operations) {
      const m = await measure(op);
      results.set(op.name, m);
      say(
        `  ${op.label.padEnd(56)} ${cell(m.wall)} ${cell(m.server)} ${cell(m.overhead)} ${cell(m.cpu)} ${`${m.statements.p50}/${m.transactions.p50}/${m.waves.p50}`.padStart(7)} ${(m.neo4jCpu === null ? '-' : m.neo4jCpu.toFixed(1)).padStart(9)}  ≤ ${String(op.target).padEnd(4)}${m.wall.p95 <= op.target ? 'met   ' : 'MISSED'} ${m.load.toFixed(1).padStart(5)}  ${m.warmupAt.join(' → ')}${m.warmupCpu > 0 ? ` (its cpu ${m.warmupCpu} ms)` : ''}`,
      );
      if (byStatement) {
        for (const [name, list] of m.byName) {
          const server = spread(list.map((r) => r.serverMs));
          const wall = spread(list.map((r) => r.wallMs));
          const rowsRead = spread(list.map((r) => r.rows));
          say(
            `      ${name.padEnd(40)} ${String(list.length).padStart(4)} runs, wall ${cell(wall)}, server ${cell(server)}, rows ${cell(rowsRead)}`,
          );
          // The slowest run's parameters, to ask Neo4j about that one by hand.
          const slowest = list.reduce((a, b) => (b.serverMs > a.serverMs ? b : a));
          say(`        slowest (${slowest.serverMs.toFixed(0)} ms): ${JSON.stringify(slowest.params).slice(0, 400)}`);
        }
      }
    }
    if (warm && started.startedHere) {
      const w: CacheWarmup | undefined = (await localNeo4jStatus(home)).warmup;
      say(
        `  warm-up: ${w?.state ?? '-'}${w?.state === 'warming' ? ` ${w.phase === 'questions' ? `asking questions, ${w.questions ?? 0} of ${w.questionsPlanned ?? '?'}` : `${w.percent ?? 0} %`}` : ''}${w?.questionSeconds === undefined ? '' : `; ${w.questions} questions (${w.questionsFailed ?? 0} failed) in ${w.questionSeconds.toFixed(1)} s`}${w?.seconds === undefined ? '' : `; page cache ${((w.bytes ?? 0) / 2 ** 20).toFixed(0)} MiB, all in ${w.seconds.toFixed(1)} s wall, ${w.cpuSeconds?.toFixed(1)} s of its thread's CPU`}`,
      );
    }
    return started.startedHere ? results : null;
  } finally {
    await started.stop();
  }
}

let db: TimedDatabase;
let neo4jPid: () => number;
/** When the Neo4j being measured accepted connections. */
let readyAt = 0;

say('Milliseconds, p50 / p95. wall: what the caller waited; server: Neo4j producing and streaming');
say("the rows of its statements (those run side by side added up); per stmt: each statement's wall");
say('time less its server time (round trip, queueing, mapping); cpu: this process; s/t/w: statements,');
say('transactions and rounds of waiting (statements in flight side by side count once) per run, p50;');
say("neo4j cpu: the CPU time the bench's Neo4j used, per run (a mean over the timed runs); load: the");
say('1-minute load average when the operation finished; cache warm-up: how far the page-cache warm-up');
say('had got when the timed runs began and ended, and when (seconds after Neo4j was ready), with its own');
say('CPU over the timed runs (not counted in neo4j cpu).');
say('');
const modes: boolean[] = cacheWarmup === 'both' ? [false, true] : [cacheWarmup === 'on'];
const measured = new Map<string, Map<string, Measured>[]>([
  ['off', []],
  ['on', []],
]);
let first = true;
for (let round = 0; round < rounds; round++) {
  // Taking turns at going first, so that a load that grows or falls does not favour one side.
  const order = round % 2 === 0 ? modes : [...modes].reverse();
  for (const warm of order) {
    const results = await measureStart(warm, first);
    first = false;
    if (!results) {
      process.exitCode = 0;
      break;
    }
    measured.get(warm ? 'on' : 'off')?.push(results);
  }
}
const off = measured.get('off') ?? [];
const on = measured.get('on') ?? [];
if (off.length && on.length) {
  say('');
  say('Side by side, each run on a freshly started Neo4j: wall p50 / p95 ms (server p50 / p95), Neo4j CPU ms a');
  say('run, and the 1-minute load, warm-up off | on, one pair of columns per round:');
  const names = [...(off[0]?.keys() ?? [])];
  for (const name of names) {
    const side = (list: Map<string, Measured>[]) =>
      list
        .map((r) => r.get(name))
        .filter((m): m is Measured => !!m)
        .map(
          (m) =>
            `${cell(m.wall)} (${m.server.p50.toFixed(0)}/${m.server.p95.toFixed(0)}) cpu ${m.neo4jCpu?.toFixed(1) ?? '-'} load ${m.load.toFixed(1)}`,
        )
        .join('; ');
    say(`  ${name.padEnd(8)} off: ${side(off)}`);
    say(`  ${''.padEnd(8)} on:  ${side(on)}`);
  }
}
