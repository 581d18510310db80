/**
 * Shortest paths between two chart nodes, computed in Neo4j (SHORTEST k over the links records
 * make), as chart paths: a person's mentions are one node, so a path may start at any of them and
 * a step between two of them is no step. Several paths, shortest first, and a slice of everything
 * on them to add to the chart.
 */
import type { z } from 'zod';
import { CaselinkFailure } from '../../contract/errors';
import { findPathsInput, type ChartNoteDto, type PathDto, type PathsResultDto } from '../../contract/workspaceTypes';
import { inOneRead, type Database, type Params, type Row } from '../../db/database';
import { EdgeSet } from './chartEdges';
import { adviceNote, plainNote } from './chartNotes';
import { kindOfLabels, loadChartNodes, refOfNode } from './chartNodes';
import type { GraphLink } from './neighbours';

export type FindPathsInput = z.input<typeof findPathsInput>;

/** Paths the statement answers before mentions are joined, so that joined duplicates leave room. */
const RAW_PATHS = 100;

/** How many paths each statement asks Neo4j for per pair of ends (`SHORTEST k` in the .cypher files). */
const PER_PAIR = 12;
const PER_PAIR_MANY = 50;

type PathStatement = (db: Database, params: Params) => Promise<Row[]>;

/**
 * The statement for each bound on the steps (1 to 10, the contract's range): the bound is written
 * in each statement's pattern, so Neo4j never searches past it. Each name is written out, never
 * built, so the Cypher registry sees every statement the code runs. Index 0 is one step.
 */
const SHORTEST_PATHS: readonly PathStatement[] = [
  (db, p) => db.read('workspace/shortest-paths-1', p),
  (db, p) => db.read('workspace/shortest-paths-2', p),
  (db, p) => db.read('workspace/shortest-paths-3', p),
  (db, p) => db.read('workspace/shortest-paths-4', p),
  (db, p) => db.read('workspace/shortest-paths-5', p),
  (db, p) => db.read('workspace/shortest-paths-6', p),
  (db, p) => db.read('workspace/shortest-paths-7', p),
  (db, p) => db.read('workspace/shortest-paths-8', p),
  (db, p) => db.read('workspace/shortest-paths-9', p),
  (db, p) => db.read('workspace/shortest-paths-10', p),
];

/** As {@link SHORTEST_PATHS}, asking Neo4j for more paths per pair of ends (for more than five paths). */
const SHORTEST_PATHS_MANY: readonly PathStatement[] = [
  (db, p) => db.read('workspace/shortest-paths-many-1', p),
  (db, p) => db.read('workspace/shortest-paths-many-2', p),
  (db, p) => db.read('workspace/shortest-paths-many-3', p),
  (db, p) => db.read('workspace/shortest-paths-many-4', p),
  (db, p) => db.read('workspace/shortest-paths-many-5', p),
  (db, p) => db.read('workspace/shortest-paths-many-6', p),
  (db, p) => db.read('workspace/shortest-paths-many-7', p),
  (db, p) => db.read('workspace/shortest-paths-many-8', p),
  (db, p) => db.read('workspace/shortest-paths-many-9', p),
  (db, p) => db.read('workspace/shortest-paths-many-10', p),
];

/**
 * Runs the shortest-paths statement bounded at `maxHops` steps (1 to 10), asking for more paths
 * per pair of ends when more than five are wanted. Exported for tests of each statement.
 */
export async function shortestPathRows(
  db: Database,
  maxHops: number,
  many: boolean,
  params: { from: string[]; to: string[]; includeHubs: boolean; limit: number },
): Promise<Row[]> {
  const run = (many ? SHORTEST_PATHS_MANY : SHORTEST_PATHS)[maxHops - 1];
  if (!Number.isInteger(maxHops) || maxHops < 1 || !run)
    throw new RangeError(`maxHops must be a whole number from 1 to 10, not ${maxHops}`);
  return run(db, params);
}

interface RawPath {
  nodes: { labels: string[]; keys: Record<string, unknown> }[];
  rels: { type: string; record: string | null; agency: string | null; role: string | null }[];
}

/** A path's ends and steps by stable keys (never element ids), to order paths the same way in any database. */
function pathKey(p: RawPath): string {
  return p.nodes
    .map((n, i) => {
      const rel = i > 0 ? p.rels[i - 1] : undefined;
      const step = rel ? `${rel.type}:${rel.record ?? ''}:${rel.role ?? ''} ` : '';
      return `${step}${refOfNode(n.labels, n.keys) ?? n.labels.join(':')}`;
    })
    .join(' ');
}

/**
 * The paths that any database holding the same data answers alike. `SHORTEST k` gives each pair
 * of ends its k shortest paths, but when more paths than k are as short as the k-th, which of them
 * come back is the order Neo4j meets relationships in (the order they were written in, which a
 * restored copy, another import order or another import's batches change); the same holds for the
 * statement's LIMIT. Every path shorter than the longest of a pair that filled its k (or of an
 * answer that filled its LIMIT) came back, so those are kept (`paths`) and that length and longer
 * are left out (`cutAt`); `cut` holds the paths of that length, ordered by key, for when nothing
 * shorter is left.
 */
function certainPaths(
  raw: readonly RawPath[],
  perPair: number,
  limit = RAW_PATHS,
): { paths: RawPath[]; cutAt: number | null; cut: RawPath[] } {
  const pairs = new Map<string, number[]>();
  for (const p of raw) {
    const [first, last] = [p.nodes[0], p.nodes[p.nodes.length - 1]];
    const pair = [first, last].map((n) => (n ? (refOfNode(n.labels, n.keys) ?? '') : '')).join(' ');
    const lengths = pairs.get(pair);
    if (lengths) lengths.push(p.rels.length);
    else pairs.set(pair, [p.rels.length]);
  }
  let cutAt = Infinity;
  for (const lengths of pairs.values()) if (lengths.length >= perPair) cutAt = Math.min(cutAt, Math.max(...lengths));
  if (raw.length >= limit) cutAt = Math.min(cutAt, Math.max(...raw.map((p) => p.rels.length)));
  const byKey = (a: RawPath, b: RawPath) => {
    const [x, y] = [pathKey(a), pathKey(b)];
    return a.rels.length - b.rels.length || (x < y ? -1 : x > y ? 1 : 0);
  };
  if (cutAt === Infinity) return { paths: [...raw].sort(byKey), cutAt: null, cut: [] };
  return {
    paths: raw.filter((p) => p.rels.length < cutAt).sort(byKey),
    cutAt,
    cut: raw.filter((p) => p.rels.length === cutAt).sort(byKey),
  };
}

/**
 * Finds the shortest paths between two chart nodes; see the module comment. One read transaction
 * for the ends, the paths and what is on them.
 */
export async function findPaths(db: Database, input: FindPathsInput): Promise<PathsResultDto> {
  const opts = findPathsInput.parse(input);
  return inOneRead(db, 'workspace/find-paths', (tx) => findPathsIn(tx, opts));
}

async function findPathsIn(db: Database, opts: z.output<typeof findPathsInput>): Promise<PathsResultDto> {
  const ends = await loadChartNodes(db, [opts.from, opts.to]);
  const [from, to] = [ends.resolved.get(opts.from), ends.resolved.get(opts.to)];
  for (const [asked, found] of [
    [opts.from, from],
    [opts.to, to],
  ] as const) {
    if (!found) throw new CaselinkFailure({ kind: 'NotFound', message: `${asked} is not in the graph.` });
  }
  const notes: ChartNoteDto[] = [];
  if (from === to) {
    return {
      paths: [],
      slice: { nodes: [], edges: [], hubsLeftOut: 0, cappedOut: 0, notes: [plainNote('Both ends are the same node.')] },
    };
  }
  const read = async (many: boolean) => {
    const rows = await shortestPathRows(db, opts.maxHops, many, {
      from: ends.elements.get(from as string) ?? [],
      to: ends.elements.get(to as string) ?? [],
      includeHubs: opts.includeHubs,
      limit: RAW_PATHS,
    });
    return certainPaths(
      rows.map((r) => ({ nodes: r.get('nodes'), rels: r.get('rels') }) as RawPath),
      many ? PER_PAIR_MANY : PER_PAIR,
    );
  };
  // Asking Neo4j for more paths per pair of ends costs more: the wider statement only when wanted,
  // or when the narrower one left out paths it could not choose among and kept fewer than asked.
  let found = await read(opts.limit > 5);
  if (found.paths.length < opts.limit && found.cutAt !== null && opts.limit <= 5) found = await read(true);
  let raw = found.paths;
  if (raw.length === 0 && found.cutAt !== null) {
    // More shortest paths than any statement reads: some of them, in the order of their keys.
    raw = found.cut;
    notes.push(
      plainNote(
        `There are more paths of ${found.cutAt} steps than one search reads: these are some of them, and another database holding the same data may show others.`,
      ),
    );
  } else if (found.cutAt !== null) {
    notes.push(
      plainNote(`Paths of ${found.cutAt} steps or more are left out: there are more of them than one search reads.`),
    );
  }
  const graphRefs = raw.flatMap((p) => p.nodes.map((n) => refOfNode(n.labels, n.keys) ?? ''));
  const loaded = await loadChartNodes(
    db,
    graphRefs.filter((r) => r !== ''),
  );
  const chartRef = (n: RawPath['nodes'][number]) => {
    const ref = refOfNode(n.labels, n.keys);
    return ref ? (loaded.resolved.get(ref) ?? null) : null;
  };

  const edges = new EdgeSet();
  const seen = new Set<string>();
  const paths: PathDto[] = [];
  for (const p of raw) {
    const nodes: string[] = [];
    const pathEdges: string[] = [];
    let broken = false;
    p.nodes.forEach((n, i) => {
      const ref = chartRef(n);
      if (!ref) {
        broken = true;
        return;
      }
      const previous = nodes[nodes.length - 1];
      if (previous === ref) return;
      const rel = p.rels[i - 1];
      if (previous !== undefined && rel) {
        const link: GraphLink = {
          from: previous,
          to: ref,
          toKind: kindOfLabels(n.labels) ?? 'person',
          type: rel.type,
          record: rel.record,
          agency: rel.agency,
          role: rel.role,
          hub: n.keys.hub === true,
          use: null,
        };
        const id = rel.type === 'SAME_AS' ? null : edges.addLink(link, previous, ref);
        if (!id) {
          broken = true;
          return;
        }
        pathEdges.push(id);
      }
      nodes.push(ref);
    });
    const key = nodes.join(' ');
    if (broken || seen.has(key) || nodes[0] !== from || nodes[nodes.length - 1] !== to) continue;
    // A path that comes back to a node it passed is a longer way round a shorter one.
    if (new Set(nodes).size !== nodes.length) continue;
    seen.add(key);
    paths.push({ nodes, edges: pathEdges });
  }
  paths.sort((a, b) => a.nodes.length - b.nodes.length || (a.nodes.join(' ') < b.nodes.join(' ') ? -1 : 1));
  const kept = paths.slice(0, opts.limit);
  const onPaths = new Set(kept.flatMap((p) => p.nodes));
  const edgeIds = new Set(kept.flatMap((p) => p.edges));
  if (kept.length === 0) {
    notes.push(
      opts.includeHubs
        ? adviceNote('no-path', `No path of ${opts.maxHops} steps or fewer`)
        : adviceNote('no-path-without-hubs', `No path of ${opts.maxHops} steps or fewer without hubs`),
    );
  } else if (!opts.includeHubs) {
    notes.push(adviceNote('path-hubs-left-out', 'Paths through hub identifiers are left out'));
  }
  const nodeOrder = [...onPaths];
  return {
    paths: kept,
    slice: {
      nodes: nodeOrder.map((ref) => loaded.nodes.get(ref) ?? ends.nodes.get(ref)).filter((n) => n !== undefined),
      edges: edges.list().filter((e) => edgeIds.has(e.id)),
      hubsLeftOut: 0,
      cappedOut: Math.max(0, paths.length - kept.length),
      notes,
    },
  };
}
