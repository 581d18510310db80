/**
 * bench:export's database part: generated agency rows (scripts/fixtures) imported and resolved
 * into a fresh local Neo4j in a temporary folder, a seed whose neighbourhood holds about the
 * chart size asked for, and the export as `caselink export --seed … --hops … --format pdf` runs
 * it (exportService.exportChart: the chart read out of the graph with every node's and link's
 * sources, then drawn), timed whole. Reads go through bench:query's timed database, so that the
 * statements run (round trips) and Neo4j's own time in them are counted beside wall and CPU time.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { nodeRef, type IdentifierNodeKind } from '../../main/contract/workspaceTypes';
import { exportChart, prepareChart, type ChartPrintOptions } from '../../main/services/export/exportService';
import { canonicalJson, distinctSorted, type ChartDefinitionInput } from '../../main/services/export/chartModel';
import { importMany } from '../../main/services/import/importMany';
import { loadManifest } from '../../main/services/import/profiles';
import { sharedIdentifiers } from '../../main/services/linkService';
import { resolve } from '../../main/services/resolveService';
import { explainEdge, nodeDetails } from '../../main/services/workspace/detailsService';
import { expandNodes } from '../../main/services/workspace/expandService';
import { generateFixtures } from '../../scripts/fixtures/generate';
import { timedDatabase, type StatementRun, type TimedDatabase } from '../query/timedDatabase';
import { freshDatabase, peakRssMiB } from '../support';

/** The bench's graph: its database (reads timed), the Neo4j process, and how it was filled. */
export interface BenchGraph {
  db: TimedDatabase;
  /** Neo4j's process id, to read its CPU time. */
  pid: number;
  home: string;
  records: number;
  importSeconds: number;
  stop: () => Promise<void>;
}

/** A fresh local Neo4j holding `rows` generated rows, imported and resolved as the app does. */
export async function benchGraph(rows: number): Promise<BenchGraph> {
  const fresh = await freshDatabase('export', 600_000);
  const db = timedDatabase(fresh.db, fresh.settings);
  // The timed database closes the inner one with its own driver; freshDatabase's stop closes it again, harmlessly.
  const stop = async () => {
    await db.close();
    await fresh.stop();
  };
  try {
    const t0 = performance.now();
    const dir = join(fresh.home, 'fixtures');
    generateFixtures({ outDir: dir, rows });
    const manifest = await loadManifest(join(dir, 'agencies.json'));
    const imported = await importMany(db, manifest.files, { agencies: manifest.agencies, cardHash: (pan) => pan });
    const records = imported.reduce((n, o) => n + (o.ok ? o.summary.rowsImported : 0), 0);
    await resolve(db);
    db.take();
    return { db, pid: fresh.pid, home: fresh.home, records, importSeconds: (performance.now() - t0) / 1000, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The shared identifiers whose node reference the link list gives whole (as main/cli/demoChart.ts). */
const REFERABLE: Record<string, IdentifierNodeKind> = { Phone: 'phone', Email: 'email', Address: 'address' };

/**
 * Seeds for a chart of about `size` nodes, as `caselink export --seed … --seed … --hops N` takes
 * them: phones, e-mails and addresses shared across agencies (hubs left out), most agencies
 * first, then persons with neighbours, each adding its neighbourhood `hops` steps out, until together they reach `size` (the
 * export's limit cuts a few more to `size`); one step more (up to 3) when they all fall short. A
 * generated graph's networks are some tens to a hundred nodes each.
 */
export async function seedsNear(
  db: TimedDatabase,
  size: number,
  hops: number,
): Promise<{ seeds: string[]; displays: string[]; nodes: number; hops: number }> {
  const shared = (await sharedIdentifiers(db, { limit: 5000 }))
    .filter((l) => !l.hub && REFERABLE[l.label])
    .map((l) => ({ seed: nodeRef(REFERABLE[l.label] as IdentifierNodeKind, [l.key]), display: l.display }));
  // A generated graph shares a dozen or so identifiers across agencies: then persons with neighbours (bench:query's sample).
  const persons = (await db.read('bench/query-samples', { max: 2000 })).map((r) => ({
    seed: nodeRef('person', [r.string('id')]),
    display: r.string('name'),
  }));
  const candidates = [...shared, ...persons];
  let found = { seeds: [] as string[], displays: [] as string[], nodes: 0, hops };
  for (let h = hops; h <= 3 && found.nodes < size; h++) {
    const reached = new Set<string>();
    found = { seeds: [], displays: [], nodes: 0, hops: h };
    for (const { seed, display } of candidates) {
      if (reached.size >= size) break;
      if (reached.has(seed)) continue;
      const slice = await expandNodes(db, { nodes: [seed], hops: h, limit: size });
      found.seeds.push(seed);
      found.displays.push(display);
      reached.add(seed);
      for (const n of slice.nodes) reached.add(n.id);
    }
    found.nodes = reached.size;
  }
  db.take();
  if (found.seeds.length === 0)
    throw new Error('The bench graph has no identifier shared across agencies to start a chart from.');
  return found;
}

/**
 * The sources the details panel gives every node and link of the chart, read one element at a
 * time (nodeDetails, explainEdge: as the export read them before chartEvidence.ts), and how many
 * of the chart's elements carry other sources: the chart must carry the same.
 */
export async function checkAgainstPanel(
  graph: BenchGraph,
  definition: ChartDefinitionInput,
): Promise<{ run: Omit<ExportRun, 'nodes' | 'edges' | 'sources' | 'bytes'>; elements: number; differ: string[] }> {
  const { chart } = await prepareChart(graph.db, definition);
  const { value: expected, run } = await timed(graph, async () => {
    const out = new Map<string, string>();
    for (const n of chart.nodes) {
      const d = await nodeDetails(graph.db, { node: n.id });
      out.set(
        n.id,
        canonicalJson(
          distinctSorted([...d.properties.flatMap((p) => p.sources), ...d.agencies.flatMap((a) => a.records)]),
        ),
      );
    }
    for (const e of chart.edges) {
      const evidence = await explainEdge(graph.db, { edge: e.id });
      out.set(e.id, canonicalJson(distinctSorted(evidence.facts.flatMap((f) => f.sources))));
    }
    return out;
  });
  const differ = [...chart.nodes, ...chart.edges]
    .filter((el) => canonicalJson(el.sources) !== expected.get(el.id))
    .map((el) => el.id);
  return { run, elements: chart.nodes.length + chart.edges.length, differ };
}

/** A process's CPU time in seconds (user and system, from /proc), or null where there is none. */
export function processCpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces), counted from field 3: utime is 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** Starts the peak resident memory afresh (Linux: writing 5 to clear_refs), so an export's peak is its own, not the import's. */
export function resetPeakRss(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

/** One export timed: wall, this process's CPU, Neo4j's CPU, statements and Neo4j's time in them. */
export interface ExportRun {
  wall: number;
  cpu: number;
  neo4jCpu: number | null;
  statements: number;
  /** Neo4j's time producing and streaming the statements' rows (summaries), summed. */
  serverSeconds: number;
  /** The statements' time as this process waited for them, summed (they may overlap). */
  clientSeconds: number;
  peakRss: number;
  nodes: number;
  edges: number;
  sources: number;
  bytes: number;
}

/** Times `work` (reads counted through `graph.db`). */
async function timed<T>(
  graph: BenchGraph,
  work: () => Promise<T>,
): Promise<{ value: T; run: Omit<ExportRun, 'nodes' | 'edges' | 'sources' | 'bytes'> }> {
  graph.db.take();
  resetPeakRss();
  const neo0 = processCpuSeconds(graph.pid);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await work();
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const neo1 = processCpuSeconds(graph.pid);
  const statements = graph.db.take();
  return {
    value,
    run: {
      wall,
      cpu: (cpu.user + cpu.system) / 1e6,
      neo4jCpu: neo0 !== null && neo1 !== null ? neo1 - neo0 : null,
      statements: statements.length,
      serverSeconds: statements.reduce((n, s) => n + s.serverMs, 0) / 1000,
      clientSeconds: statements.reduce((n, s) => n + s.wallMs, 0) / 1000,
      peakRss: peakRssMiB(),
    },
  };
}

/**
 * Neo4j's PROFILE of each statement the chart's reads run (with the parameters of its largest
 * run): its rows, database hits, and how it finds its start nodes (index seeks, or scans).
 */
export async function profileReads(
  graph: BenchGraph,
  definition: ChartDefinitionInput,
): Promise<{ name: string; runs: number; rows: number; dbHits: number; starts: string[] }[]> {
  graph.db.take();
  await prepareChart(graph.db, definition);
  const byName = new Map<string, StatementRun[]>();
  for (const run of graph.db.take()) byName.set(run.name, [...(byName.get(run.name) ?? []), run]);
  const out = [];
  for (const [name, runs] of [...byName].sort(([a], [b]) => a.localeCompare(b))) {
    const largest = [...runs].sort((a, b) => b.rows - a.rows)[0] as StatementRun;
    const plan = await graph.db.profile(name, largest.params);
    const starts = [...new Set(plan.lines.filter((l) => /Seek|Scan/.test(l.operator)).map((l) => l.operator))].sort();
    out.push({ name, runs: runs.length, rows: plan.rows, dbHits: plan.dbHits, starts });
  }
  return out;
}

/** Builds the chart alone (every read the export makes, nothing drawn). */
export async function timeReads(graph: BenchGraph, definition: ChartDefinitionInput): Promise<ExportRun> {
  const { value, run } = await timed(graph, () => prepareChart(graph.db, definition));
  const { chart } = value;
  const sources = [...chart.nodes, ...chart.edges].reduce((n, el) => n + el.sources.length, 0);
  return { ...run, nodes: chart.nodes.length, edges: chart.edges.length, sources, bytes: 0 };
}

/** The whole export to a PDF file, as the CLI makes it. */
export async function timeExport(
  graph: BenchGraph,
  definition: ChartDefinitionInput,
  out: string,
  print: ChartPrintOptions,
): Promise<ExportRun> {
  const { value, run } = await timed(graph, () => exportChart(graph.db, { definition, format: 'pdf', out, print }));
  const bytes = readFileSync(out).length;
  return { ...run, nodes: value.nodes, edges: value.edges, sources: 0, bytes };
}
