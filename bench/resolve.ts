/**
 * `npm run bench:resolve`: how well Caselink links and matches, and how long resolution takes.
 *
 * - The development fixtures (fixtures/, or `--set DIR`), scored against their ground truth.
 *   Identifier links: every pair of spreadsheet rows that assert one identifier, per kind. Person
 *   matches: every pair of person mentions proposed (or confirmed) at or above the threshold,
 *   against every pair of mentions of one true person.
 * - The held-out fixtures (a second vocabulary no rule was tuned on), generated into
 *   .cache/fixtures-heldout when the generator offers `--vocabulary heldout`.
 * - The public FEBRL sets (bench/febrl.ts): imported through the command line, scored pairwise,
 *   with Splink 4 on the same files beside them.
 *
 * Flags: `--set DIR` (that set alone, unless `--febrl`), `--threshold S`, `--show-misses N`,
 * `--febrl` / `--no-febrl`, `--febrl-only`, `--febrl-sets febrl4,febrl1`, `--no-splink`,
 * `--no-heldout`, `--cli PATH` (the built command line to measure), `--matcher rules|model` (which
 * matcher resolution runs; rules by default), `--rows N` (the generated set of N rows in
 * .cache/fixtures-N, made when missing, in place of `--set`). With `--rows`, resolution at scale:
 * wall and CPU time (Node and Neo4j) and peak memory of the full resolution, Splink 4 (DuckDB) on
 * the same person mentions beside it, its time and its F1 scored the same way (bench/peers/
 * splinkMentions.ts; `--no-splink` leaves it out), then
 * `--incremental-rows K` (10,000 unless told; 0 for none) rows of another seed imported into the
 * same graph, resolved incrementally, and checked against a full resolution of the same graph.
 * `--splink-keep DIR` keeps Splink's input and the truth by mention (see below).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { readFile, writeFile } from 'node:fs/promises';
import { basename, join, resolve as resolvePath } from 'node:path';
import { DEFAULT_MATCH_THRESHOLD } from '../main/core/rules';
import { importMany } from '../main/services/import/importMany';
import { loadManifest } from '../main/services/import/profiles';
import { MATCHERS, resolve, type Matcher, type ResolveSummary } from '../main/services/resolveService';
import type { Database, Row } from '../main/db/database';
import { generateFixtures } from '../scripts/fixtures/generate';
import { benchFebrl, FEBRL_SETS, printFebrl, type FebrlSet } from './febrl';
import { pairsOf, scorePairs as score, type PairScore } from './pairs';
import { splinkOnMentions, type SplinkRun } from './peers/splinkMentions';
import { arg, flag, freshDatabase, say } from './support';

interface Mention {
  file: string;
  sheet: string;
  row: number;
  entity?: string;
}
interface GroundTruth {
  persons: { id: string; mentions: Mention[] }[];
  identifiers: { id: string; kind: string; canonical: string; hub: boolean; mentions: Mention[] }[];
}

const root = resolvePath(import.meta.dirname, '..', '..');

/** The truth's kind of a graph identifier. */
function kindOf(label: string, subkind: string): string {
  if (label !== 'Account') return label.toLowerCase();
  return (
    (
      {
        iban: 'iban',
        bank: 'bankAccount',
        card: 'card',
        'card-masked': 'card',
        btc: 'crypto',
        eth: 'crypto',
        payment: 'paymentApp',
      } as Record<string, string>
    )[subkind] ?? subkind
  );
}

const line = (name: string, s: PairScore) =>
  say(
    `  ${name.padEnd(14)} ${s.precision.toFixed(3).padStart(9)} ${s.recall.toFixed(3).padStart(7)} ${s.f1.toFixed(3).padStart(6)}   ${String(s.hits).padStart(6)} of ${String(s.predicted).padStart(6)} proposed, ${String(s.truth).padStart(6)} true`,
  );

const threshold = Number(arg('threshold', String(DEFAULT_MATCH_THRESHOLD)));
const matcher = arg('matcher', 'rules');
if (!(MATCHERS as readonly string[]).includes(matcher))
  throw new Error(`--matcher: "${matcher}" is not one of ${MATCHERS.join(', ')}`);

interface SetFigures {
  records: number;
  clusters: PairScore;
  pairs: PairScore;
  seconds: number;
}

/** Imports a fixture set into a fresh database, resolves it and prints its figures. */
async function benchFixtures(setDir: string): Promise<SetFigures> {
  const truth = JSON.parse(await readFile(join(setDir, 'ground-truth.json'), 'utf8')) as GroundTruth;
  const loc = (m: Mention) => `${basename(m.file)}|${m.sheet}|${m.row}`;

  // A loaded machine can take minutes to start the database.
  const { db, stop, pid } = await freshDatabase('resolve', 900_000);
  try {
    const manifest = await loadManifest(join(setDir, 'agencies.json'));
    const imported = await importMany(db, manifest.files, { agencies: manifest.agencies, cardHash: (pan) => pan });
    const records = imported.reduce((n, o) => n + (o.ok ? o.summary.rowsImported : 0), 0);
    const resolved = await measured(`full resolution of ${records.toLocaleString('en-GB')} records`, pid, () =>
      resolve(db, { matcher: matcher as Matcher }),
    );

    // Identifier links, per kind.
    const predictedLinks = new Map<string, Set<string>>();
    const identifierRows = await db.read('bench/identifier-locations');
    for (const r of identifierRows) {
      const kind = kindOf(r.get('label') as string, r.get('subkind') as string);
      const set = predictedLinks.get(kind) ?? new Set<string>();
      pairsOf(r.get('locations') as string[], set);
      predictedLinks.set(kind, set);
    }
    const truthLinks = new Map<string, Set<string>>();
    // Pairs of rows linked only by a hub (a hotline's or an office's own number, which the
    // generator writes in free text with no phone word): shown apart, so that the figure of
    // people's own identifiers is not drowned by them.
    const hubPairs = new Map<string, Set<string>>();
    for (const i of truth.identifiers) {
      const set = truthLinks.get(i.kind) ?? new Set<string>();
      pairsOf(i.mentions.map(loc), set);
      truthLinks.set(i.kind, set);
      if (i.hub) {
        const hubs = hubPairs.get(i.kind) ?? new Set<string>();
        pairsOf(i.mentions.map(loc), hubs);
        hubPairs.set(i.kind, hubs);
      }
    }

    // Person matches: a person node stands for every location of its record.
    const mentionsOf = new Map<string, string[]>();
    for (const r of await db.read('bench/person-locations'))
      mentionsOf.set(r.get('id') as string, r.get('locations') as string[]);
    const proposals = await db.read('bench/match-pairs', { minScore: threshold });
    const truthMatches = new Set<string>();
    for (const p of truth.persons)
      pairsOf(
        p.mentions.map((m) => `${loc(m)}|${m.entity}`),
        truthMatches,
      );
    const caselinkMatches = matchScores(
      mentionsOf,
      proposals.map((r) => [r.get('a') as string, r.get('b') as string]),
      truthMatches,
    );
    const predictedMatches = caselinkMatches.predicted;
    // Splink on the same mentions, scored by the same function (--rows; --no-splink leaves it out).
    let splink: { run: SplinkRun; scores: ReturnType<typeof matchScores> } | { error: string } | null = null;
    if ((rowsGiven || splinkKeep) && !flag('no-splink')) {
      try {
        const run = await splinkOnMentions(db, root, SPLINK_THRESHOLD, splinkKeep);
        if (splinkKeep)
          await writeFile(
            join(splinkKeep, 'truth.json'),
            JSON.stringify({
              locations: Object.fromEntries(mentionsOf),
              persons: truth.persons.map((p) => p.mentions.map((m) => `${loc(m)}|${m.entity}`)),
            }),
          );
        splink = { run, scores: matchScores(mentionsOf, run.pairs, truthMatches) };
      } catch (error) {
        splink = { error: (error as Error).message.split('\n').slice(-3).join(' ') };
      }
    }

    say(
      `Resolution quality on ${setDir} (${records.toLocaleString('en-GB')} records imported; match threshold ${threshold}).`,
    );
    say('');
    say(`  ${'identifier'.padEnd(14)} precision  recall     F1`);
    const all = { predicted: new Set<string>(), truth: new Set<string>() };
    for (const kind of [...new Set([...predictedLinks.keys(), ...truthLinks.keys()])].sort()) {
      const p = predictedLinks.get(kind) ?? new Set<string>();
      const t = truthLinks.get(kind) ?? new Set<string>();
      p.forEach((x) => all.predicted.add(`${kind}:${x}`));
      t.forEach((x) => all.truth.add(`${kind}:${x}`));
      line(kind, score(p, t));
      const hubs = hubPairs.get(kind);
      if (hubs) {
        const withoutHubs = (pairs: Set<string>) => new Set([...pairs].filter((x) => !hubs.has(x)));
        line(`${kind}, no hubs`, score(withoutHubs(p), withoutHubs(t)));
      }
    }
    line('all links', score(all.predicted, all.truth));
    say('');
    say(`  ${'persons'.padEnd(14)} precision  recall     F1`);
    const clusterScore = caselinkMatches.clusters;
    const pairScore = caselinkMatches.pairs;
    line('as clusters', clusterScore);
    line('pairs only', pairScore);
    if (splink && 'error' in splink) say(`  Splink failed: ${splink.error}`);
    else if (splink) {
      line(`Splink ${splink.run.version}, clusters`, splink.scores.clusters);
      line('Splink, pairs', splink.scores.pairs);
    }
    say('');
    // --show-misses N: a sample of missed and wrongly proposed pairs, to see what to improve.
    const show = Number(arg('show-misses', '0'));
    if (show > 0) {
      const who = new Map<string, string>();
      for (const r of await db.read('bench/person-details')) {
        for (const l of r.get('locations') as string[])
          who.set(
            l,
            `${r.get('name') as string} (${(r.get('birthDate') as string | null) ?? 'no DOB'}, ${(r.get('nationality') as string | null) ?? '?'})`,
          );
      }
      const describe = (pair: string) =>
        pair
          .split('§')
          .map((l) => `${l} = ${who.get(l) ?? 'NOT IMPORTED'}`)
          .join('  ~  ');
      say('Identifiers whose mentions were not all linked:');
      let shown = 0;
      for (const i of truth.identifiers) {
        const pairs = new Set<string>();
        pairsOf(i.mentions.map(loc), pairs);
        const missed = [...pairs].filter((p) => !(predictedLinks.get(i.kind) ?? new Set()).has(p));
        if (missed.length && !i.hub && shown++ < show) {
          say(
            `  ${i.kind} ${i.canonical}: ${i.mentions.map((m) => `${loc(m)}|${(m as Mention & { column?: string }).column ?? ''}`).join('  ;  ')}`,
          );
        }
      }
      say('Identifiers linking rows that the truth does not link:');
      shown = 0;
      for (const r of identifierRows) {
        const kind = kindOf(r.get('label') as string, r.get('subkind') as string);
        const pairs = new Set<string>();
        pairsOf(r.get('locations') as string[], pairs);
        const wrong = [...pairs].filter((p) => !(truthLinks.get(kind) ?? new Set()).has(p));
        if (wrong.length && shown++ < show)
          say(`  ${kind} ${r.get('display') as string}: ${wrong.slice(0, 3).join('  ;  ')}`);
      }
      say('Missed same-person pairs:');
      [...truthMatches]
        .filter((p) => !predictedMatches.has(p))
        .slice(0, show)
        .forEach((p) => say(`  ${describe(p)}`));
      say('Wrongly proposed pairs (as clusters):');
      [...predictedMatches]
        .filter((p) => !truthMatches.has(p))
        .slice(0, show)
        .forEach((p) => say(`  ${describe(p)}`));
      say('Wrong proposals, with their score and reasons:');
      proposals
        .map((r) => {
          const [x] = mentionsOf.get(r.get('a') as string) ?? [];
          const [y] = mentionsOf.get(r.get('b') as string) ?? [];
          return { pair: x && y ? (x < y ? `${x}§${y}` : `${y}§${x}`) : '', r };
        })
        .filter(({ pair }) => pair && !truthMatches.has(pair))
        .slice(0, show)
        .forEach(({ pair, r }) =>
          say(`  ${describe(pair)}\n    ${String(r.get('score'))}: ${(r.get('reasons') as string[]).join('; ')}`),
        );
    }
    const per100k = (resolved.seconds / Math.max(1, records)) * 100_000;
    say(
      `Resolution took ${resolved.seconds.toFixed(1)} s for ${records.toLocaleString('en-GB')} records: ${per100k.toFixed(1)} s per 100,000 records (${resolved.persons} person mentions, ${resolved.candidates} candidates, ${resolved.hubs} hubs).`,
    );
    if (splink && !('error' in splink)) {
      const r = splink.run;
      say(
        `Splink ${r.version} (DuckDB ${r.duckdb}, unsupervised, standardised input, match probability ≥ ${r.threshold}) on the same ${r.mentions.toLocaleString('en-GB')} person mentions: ${r.seconds.toFixed(1)} s wall, ${r.cpuSeconds.toFixed(1)} s CPU, peak RSS ${Math.round(r.peakMiB)} MiB (load average ${r.load}); ${r.comparisons.toLocaleString('en-GB')} pairs scored, ${r.pairs.length.toLocaleString('en-GB')} at or above the threshold. F1 as clusters: Caselink ${clusterScore.f1.toFixed(3)}, Splink ${splink.scores.clusters.f1.toFixed(3)}; pairs only: ${pairScore.f1.toFixed(3)}, ${splink.scores.pairs.f1.toFixed(3)}. Time: Caselink ${resolved.seconds.toFixed(1)} s, Splink ${r.seconds.toFixed(1)} s.`,
      );
    }
    say('');
    if (rowsGiven && incrementalRows > 0) await benchIncremental(db, pid, records);
    return { records, clusters: clusterScore, pairs: pairScore, seconds: resolved.seconds };
  } finally {
    await stop();
  }
}

/** Splink's match probability at or above which its pairs count, as for FEBRL. */
const SPLINK_THRESHOLD = 0.5;

/**
 * Person matches scored against the truth, the same way for Caselink's proposals and Splink's
 * pairs: a mention stands for every location of its record; as clusters (mentions joined by
 * pairs are one person, as the graph view shows them) and as the pairs alone.
 */
function matchScores(
  mentionsOf: Map<string, string[]>,
  pairs: [string, string][],
  truthMatches: Set<string>,
): { clusters: PairScore; pairs: PairScore; predicted: Set<string> } {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    const p = parent.get(x) ?? x;
    if (p === x) return x;
    const top = find(p);
    parent.set(x, top);
    return top;
  };
  const pairwise = new Set<string>();
  for (const locations of mentionsOf.values()) pairsOf(locations, pairwise);
  for (const [a, b] of pairs) {
    parent.set(find(a), find(b));
    for (const x of mentionsOf.get(a) ?? []) {
      for (const y of mentionsOf.get(b) ?? []) if (x !== y) pairwise.add(x < y ? `${x}§${y}` : `${y}§${x}`);
    }
  }
  const clusters = new Map<string, string[]>();
  for (const [id, locations] of mentionsOf) {
    const top = find(id);
    const list = clusters.get(top);
    if (list) list.push(...locations);
    else clusters.set(top, [...locations]);
  }
  const predicted = new Set<string>();
  for (const locations of clusters.values()) pairsOf(locations, predicted);
  return { clusters: score(predicted, truthMatches), pairs: score(pairwise, truthMatches), predicted };
}

/** CPU seconds a process has used (the local Neo4j's), from /proc; NaN where there is none. */
function processCpu(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

/**
 * Runs `work` and prints its wall time, this process's CPU time (worker threads included), the
 * database's CPU time, this process's peak resident memory while it ran (sampled every 50 ms:
 * resolution keeps this thread free), and the load average: the machine is shared.
 */
async function measured<T>(label: string, pid: number, work: () => Promise<T>): Promise<T> {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const dbCpu = processCpu(pid);
  let peak = process.memoryUsage.rss();
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 50);
  try {
    return await work();
  } finally {
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage.rss());
    const used = process.cpuUsage(cpu);
    say(
      `  ${label}: ${((performance.now() - wall) / 1000).toFixed(1)} s wall, ${((used.user + used.system) / 1e6).toFixed(1)} s Node CPU, ${(processCpu(pid) - dbCpu).toFixed(1)} s Neo4j CPU, peak RSS ${Math.round(peak / 2 ** 20)} MiB (load average ${loadavg()[0]?.toFixed(1)})`,
    );
  }
}

const same = (x: Row[], y: Row[]) =>
  x.length === y.length &&
  x.every((r, i) => {
    const o = y[i] as Row;
    return (
      ['a', 'b', 'status', 'score'].every((k) => r.get(k) === o.get(k)) &&
      JSON.stringify(r.get('reasons')) === JSON.stringify(o.get('reasons'))
    );
  });

/**
 * `--incremental-rows K` rows of another seed imported into the resolved graph, resolved
 * incrementally, then the same graph resolved in full: both timed, and their pairs compared.
 */
async function benchIncremental(db: Database, pid: number, records: number): Promise<void> {
  const dir = join(root, '.cache', `fixtures-${incrementalRows}-seed-${INCREMENT_SEED}`);
  if (!existsSync(join(dir, 'agencies.json'))) {
    say(`Generating ${incrementalRows} rows (seed ${INCREMENT_SEED}) into ${dir}…`);
    generateFixtures({ outDir: dir, rows: incrementalRows, seed: INCREMENT_SEED });
  }
  const manifest = await loadManifest(join(dir, 'agencies.json'));
  const imported = await importMany(db, manifest.files, { agencies: manifest.agencies, cardHash: (pan) => pan });
  const added = imported.reduce((n, o) => n + (o.ok ? o.summary.rowsImported : 0), 0);
  say(
    `Incremental resolution: ${added.toLocaleString('en-GB')} new records imported into a graph of ${records.toLocaleString('en-GB')}.`,
  );
  const incremental: ResolveSummary = await measured('incremental resolution', pid, () =>
    resolve(db, { incremental: true }),
  );
  say(
    `  ${incremental.incremental?.newPersons ?? 0} new person mentions, ${incremental.incremental?.readInFull ?? 0} persons read in full (the others' stored match views read), ${incremental.incremental?.rescored ?? 0} scored again; ${incremental.compared} pairs compared, ${incremental.candidates} candidates, ${incremental.withdrawn} withdrawn${incremental.incremental ? '' : ' (it fell back to a full resolution)'}.`,
  );
  const afterIncremental = await db.read('resolve/same-as-pairs');
  const full = await measured('full resolution of the same graph', pid, () => resolve(db));
  const afterFull = await db.read('resolve/same-as-pairs');
  say(
    `  full: ${full.compared} pairs compared, ${full.candidates} candidates; same pairs, statuses, scores and reasons as the incremental one: ${same(afterIncremental, afterFull) ? 'yes' : 'NO'} (${afterFull.length} pairs).`,
  );
  say('');
}

/**
 * The held-out fixtures (the generator's second vocabulary, on which no rule is tuned) in
 * .cache/fixtures-heldout, generated when missing; null when this generator has no such vocabulary.
 */
function heldOutSet(): string | null {
  const dir = join(root, '.cache', 'fixtures-heldout');
  if (existsSync(join(dir, 'ground-truth.json'))) return dir;
  // The generator built beside this bench (vite.scripts.config.ts builds both into one folder).
  const generator = join(import.meta.dirname, 'fixtures.js');
  if (!existsSync(generator))
    throw new Error(`${generator} is missing: build the scripts first (vite.scripts.config.ts).`);
  const help = spawnSync(process.execPath, [generator, '--help'], { encoding: 'utf8' });
  if (!`${help.stdout}${help.stderr}`.includes('--vocabulary')) return null;
  say(`Generating the held-out fixtures into ${dir}…`);
  const made = spawnSync(process.execPath, [generator, '--vocabulary', 'heldout', '--out', dir], {
    stdio: 'inherit',
  });
  if (made.status !== 0) throw new Error(`The fixture generator ended with ${made.status} for the held-out set.`);
  return dir;
}

const summaryLine = (label: string, f: SetFigures) =>
  say(
    `  ${label.padEnd(38)} ${f.clusters.precision.toFixed(3).padStart(9)} ${f.clusters.recall.toFixed(3).padStart(7)} ${f.clusters.f1.toFixed(3).padStart(6)}   ${f.pairs.precision.toFixed(3).padStart(9)} ${f.pairs.recall.toFixed(3).padStart(7)} ${f.pairs.f1.toFixed(3).padStart(6)}   ${f.records.toLocaleString('en-GB').padStart(7)} records`,
  );

const rowsGiven = process.argv.includes('--rows');
/**
 * `--splink-keep DIR`: Splink's input (mentions.csv) and the truth by mention (truth.json) kept
 * there, to study Splink's settings on a set without importing it again; Splink then also runs
 * on a `--set`.
 */
const splinkKeep = flag('splink-keep') ? resolvePath(arg('splink-keep', '')) : undefined;
const incrementalRows = Number(arg('incremental-rows', '10000'));
/** The seed of the increment's rows: another seed than the set's, so other rows with the same vocabulary. */
const INCREMENT_SEED = 7;
const setGiven = process.argv.includes('--set') || rowsGiven;
const febrlOnly = flag('febrl-only');
const runFebrl = !flag('no-febrl') && (febrlOnly || flag('febrl') || !setGiven);
const figures: [string, SetFigures][] = [];
if (!febrlOnly) {
  const rows = Number(arg('rows', '0'));
  const setDir = rowsGiven ? join(root, '.cache', `fixtures-${rows}`) : resolvePath(arg('set', join(root, 'fixtures')));
  if (rowsGiven && !existsSync(join(setDir, 'agencies.json'))) {
    say(`Generating ${rows} rows into ${setDir}…`);
    generateFixtures({ outDir: setDir, rows });
  }
  figures.push([setGiven ? basename(setDir) : 'development (fixtures/)', await benchFixtures(setDir)]);
  const heldOut = setGiven || flag('no-heldout') ? null : heldOutSet();
  if (heldOut) figures.push(['held-out (no rule tuned on it)', await benchFixtures(heldOut)]);
  else if (!setGiven && !flag('no-heldout'))
    say('No held-out fixtures: this generator has no --vocabulary heldout yet.\n');
}
const febrlSets = arg('febrl-sets', FEBRL_SETS.join(','))
  .split(',')
  .map((s) => (/^\d$/.test(s.trim()) ? `febrl${s.trim()}` : s.trim()));
for (const s of febrlSets)
  if (!(FEBRL_SETS as readonly string[]).includes(s))
    throw new Error(`--febrl-sets: "${s}" is not one of ${FEBRL_SETS.join(', ')}`);
const febrl = runFebrl
  ? await benchFebrl({
      root,
      sets: febrlSets as FebrlSet[],
      threshold,
      splink: !flag('no-splink'),
      matcher,
      cli: resolvePath(arg('cli', join(root, 'out', 'main', 'cli.js'))),
    })
  : [];

say(`Summary (matcher ${matcher}, match threshold ${threshold}; ${new Date().toISOString().slice(0, 10)}):`);
say('');
if (figures.length) {
  const head = 'precision  recall     F1';
  say(`  ${'generated fixtures, persons'.padEnd(38)} ${'as clusters'.padEnd(head.length)}   pairs only`);
  say(`  ${''.padEnd(38)} ${head}   ${head}`);
  for (const [label, f] of figures) summaryLine(label, f);
  say('');
}
if (febrl.length) printFebrl(febrl, threshold);
