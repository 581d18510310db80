/**
 * `npm run bench:export [-- --nodes 500] [--rows 20000] [--hops 2] [--runs 3] [--synthetic-only]
 * [--check] [--profile] [--paper a4] [--orientation landscape] [--page docs/export-page.png]`: how long a chart of N
 * entities (500 by default) takes to export as a PDF with its evidence appendix, beside issue
 * 11's target of 5 s, with CPU time, peak memory and the load.
 *
 * First from the database, as `caselink export --seed … --seed … --hops 2 --format pdf` runs it:
 * generated rows imported and resolved into a fresh local Neo4j in a temporary folder
 * (bench/export/fromDatabase.ts), shared identifiers (then persons) whose neighbourhoods hold about N nodes as seeds,
 * and the whole export timed: every node's and link's sources read, laid out, drawn, written;
 * with the statements run and Neo4j's time and CPU in them. Then, labelled as such, the drawing
 * alone: a seeded sample chart (bench/export/sampleChart.ts) of N entities with no database,
 * laid out by ForceAtlas2 every run. `--synthetic-only` skips the database; `--check` also reads
 * the chart's sources one node and link at a time, as the details panel does (and the export did
 * before reading them for the whole chart at once), times that and compares; `--profile` prints
 * Neo4j's PROFILE of each statement the reads run (rows, db hits, index seeks or scans). `--page FILE` also
 * writes the README's page image: a small redacted sample chart's first page as PNG.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve as resolvePath } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chartFingerprint } from '../../main/services/export/chartModel';
import {
  chartPdf,
  chartPng,
  type ChartPrintOptions,
  type Orientation,
  type Paper,
} from '../../main/services/export/printChart';
import { redactChart } from '../../main/services/export/redact';
import { arg, flag, peakRssMiB, say } from '../support';
import {
  benchGraph,
  checkAgainstPanel,
  profileReads,
  resetPeakRss,
  seedsNear,
  timeExport,
  timeReads,
  type ExportRun,
} from './fromDatabase';
import { sampleChart } from './sampleChart';

const root = resolvePath(import.meta.dirname, '..', '..');
const size = Number(arg('nodes', '500'));
const runs = Number(arg('runs', '3'));
const rows = Number(arg('rows', '20000'));
const hops = Number(arg('hops', '2'));
const TARGET_SECONDS = 5;
const print: ChartPrintOptions = {
  paper: arg('paper', 'a4') as Paper,
  orientation: arg('orientation', 'landscape') as Orientation,
  reference: 'BENCH/EXPORT',
  author: 'bench:export',
  date: '2026-11-30T00:00:00Z',
};
if (!Number.isInteger(size) || size < 10) throw new Error(`--nodes: "${arg('nodes', '')}" is not a whole number ≥ 10`);
if (!Number.isInteger(rows) || rows < 1000)
  throw new Error(`--rows: "${arg('rows', '')}" is not a whole number ≥ 1000`);
if (!Number.isInteger(hops) || hops < 1 || hops > 3) throw new Error(`--hops: "${arg('hops', '')}" is not 1, 2 or 3`);

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

function describe(label: string, r: ExportRun): string {
  const neo = r.neo4jCpu === null ? '' : `, Neo4j ${r.neo4jCpu.toFixed(2)} s CPU`;
  return `  ${label}: ${r.wall.toFixed(2)} s wall, ${r.cpu.toFixed(2)} s CPU${neo}; ${r.statements} statements, ${r.serverSeconds.toFixed(2)} s in Neo4j (${r.clientSeconds.toFixed(2)} s waited); peak RSS ${r.peakRss.toFixed(0)} MiB${r.bytes ? `; ${(r.bytes / 1024).toFixed(0)} KiB` : ''}; load ${load()}`;
}

/** The export from the database (see the module comment). */
async function fromDatabase(dir: string): Promise<void> {
  say(`bench:export from the database — ${rows.toLocaleString('en-GB')} generated rows into a fresh local Neo4j…`);
  const graph = await benchGraph(rows);
  try {
    say(
      `  ${graph.records.toLocaleString('en-GB')} records imported and resolved in ${graph.importSeconds.toFixed(0)} s`,
    );
    const seed = await seedsNear(graph.db, size, hops);
    const definition = {
      title: `Bench chart around ${seed.displays[0]} and ${seed.seeds.length - 1} more seeds`,
      seeds: seed.seeds,
      hops: seed.hops,
      limit: size,
    };
    const reads = await timeReads(graph, definition);
    say(
      `  chart: ${seed.seeds.length} seeds, ${seed.hops} hops (${seed.nodes} nodes reached, limit ${size}): ${reads.nodes} entities, ${reads.edges} links, ${reads.sources} source rows`,
    );
    say(describe('reads alone (chart and sources, first run)', reads));
    const out = join(dir, `chart-db-${size}.pdf`);
    const done: ExportRun[] = [];
    for (let i = 0; i < runs; i++) {
      const run = await timeExport(graph, definition, out, print);
      done.push(run);
      say(describe(`export to PDF, run ${i + 1}`, run));
    }
    const best = [...done].sort((a, b) => a.wall - b.wall)[0] as ExportRun;
    if (flag('profile'))
      for (const p of await profileReads(graph, definition))
        say(
          `  PROFILE ${p.name} (${p.runs}×): ${p.rows} rows, ${p.dbHits.toLocaleString('en-GB')} db hits; starts by ${p.starts.join(', ') || 'no seek or scan'}`,
        );
    if (flag('check')) {
      const check = await checkAgainstPanel(graph, definition);
      say(
        describe(`the same sources read one node and link at a time (the details panel's way, the export's before)`, {
          ...check.run,
          nodes: 0,
          edges: 0,
          sources: 0,
          bytes: 0,
        }),
      );
      say(
        check.differ.length
          ? `  sources NOT the details panel's for ${check.differ.length} of ${check.elements} elements: ${check.differ.slice(0, 5).join(', ')}`
          : `  sources identical to the details panel's for all ${check.elements} nodes and links`,
      );
    }
    say(
      `PDF of ${best.nodes} entities from the database, evidence reads included: best ${best.wall.toFixed(2)} s wall (${best.cpu.toFixed(2)} s CPU), target ≤ ${TARGET_SECONDS} s: ${best.wall <= TARGET_SECONDS ? 'met' : 'NOT met'}; written to ${out}`,
    );
  } finally {
    await graph.stop();
  }
}

async function main(): Promise<void> {
  const page = arg('page', '');
  if (page) {
    const made = sampleChart(24, 7, 'Operation Harbour — shared phones and addresses across agencies');
    made.definition.redaction.enabled = true;
    const sample = redactChart(made).chart;
    const png = await chartPng(sample, chartFingerprint(sample), {
      ...print,
      reference: 'OP-HARBOUR/2026/17',
      author: 'DC A. Analyst',
      date: '2026-11-30 09:00 UTC',
      dpi: 110,
    });
    const out = resolvePath(root, page);
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, png);
    say(`Wrote ${out} (${png.length.toLocaleString('en-GB')} bytes).`);
  }
  say(`machine: ${cpus().length} cores, load average ${load()}; ${print.paper} ${print.orientation}`);
  const dir = join(root, '.cache', 'bench-export');
  await mkdir(dir, { recursive: true });
  if (!flag('synthetic-only')) await fromDatabase(dir);
  const chart = sampleChart(size);
  const fingerprint = chartFingerprint(chart);
  const sources = [...chart.nodes, ...chart.edges].reduce((n, el) => n + el.sources.length, 0);
  say(
    `synthetic chart, no database (drawing alone) — ${chart.nodes.length} entities, ${chart.edges.length} links, ${sources} source rows`,
  );
  const times: { wall: number; cpu: number; bytes: number }[] = [];
  resetPeakRss();
  for (let i = 0; i < runs; i++) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const pdf = await chartPdf(chart, fingerprint, print);
    const wall = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    times.push({ wall, cpu: (cpu.user + cpu.system) / 1e6, bytes: pdf.length });
    await writeFile(join(dir, `chart-${size}.pdf`), pdf);
    say(
      `  run ${i + 1}: ${wall.toFixed(2)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU, ${(pdf.length / 1024).toFixed(0)} KiB`,
    );
  }
  const best = [...times].sort((a, b) => a.wall - b.wall)[0] as (typeof times)[number];
  const peakRss = peakRssMiB();
  say(
    `synthetic PDF of ${chart.nodes.length} entities with its appendix, no database: best ${best.wall.toFixed(2)} s wall (${best.cpu.toFixed(2)} s CPU), target ≤ ${TARGET_SECONDS} s: ${best.wall <= TARGET_SECONDS ? 'met' : 'NOT met'}`,
  );
  say(`peak RSS ${peakRss.toFixed(0)} MiB; written to ${join(dir, `chart-${size}.pdf`)}`);
  say(`load average after: ${load()}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
