/**
 * `npm run bench:export [-- --nodes 500] [--runs 3] [--paper a4] [--orientation landscape]
 * [--page docs/export-page.png]`: how long a chart of N entities (500 by default) takes to
 * write as a PDF with its evidence appendix (layout, pages, PDF), beside issue 11's target of
 * 5 s, with CPU time and peak memory. The chart is a seeded sample (bench/export/sampleChart.ts)
 * with no positions, so ForceAtlas2 lays it out every run; the database reads that build a chart
 * are bench:query's. `--page FILE` also writes the README's page image: a small redacted sample
 * chart's first page as PNG.
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
import { arg, say } from '../support';
import { sampleChart } from './sampleChart';

const root = resolvePath(import.meta.dirname, '..', '..');
const size = Number(arg('nodes', '500'));
const runs = Number(arg('runs', '3'));
const TARGET_SECONDS = 5;
const print: ChartPrintOptions = {
  paper: arg('paper', 'a4') as Paper,
  orientation: arg('orientation', 'landscape') as Orientation,
  reference: 'BENCH/EXPORT',
  author: 'bench:export',
  date: '2026-11-30T00:00:00Z',
};
if (!Number.isInteger(size) || size < 10) throw new Error(`--nodes: "${arg('nodes', '')}" is not a whole number ≥ 10`);

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
  const chart = sampleChart(size);
  const fingerprint = chartFingerprint(chart);
  const sources = [...chart.nodes, ...chart.edges].reduce((n, el) => n + el.sources.length, 0);
  say(
    `bench:export — ${chart.nodes.length} entities, ${chart.edges.length} links, ${sources} source rows; ${print.paper} ${print.orientation}`,
  );
  say(
    `machine: ${cpus().length} cores, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const times: { wall: number; cpu: number; bytes: number }[] = [];
  const dir = join(root, '.cache', 'bench-export');
  await mkdir(dir, { recursive: true });
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
  const peakRss = process.resourceUsage().maxRSS / 1024;
  say(
    `PDF of ${chart.nodes.length} entities with its appendix: best ${best.wall.toFixed(2)} s wall (${best.cpu.toFixed(2)} s CPU), target ≤ ${TARGET_SECONDS} s: ${best.wall <= TARGET_SECONDS ? 'met' : 'NOT met'}`,
  );
  say(`peak RSS ${peakRss.toFixed(0)} MiB; written to ${join(dir, `chart-${size}.pdf`)}`);
  say(
    `load average after: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
