/**
 * Where each node of a printed chart sits. A chart drawn in the app carries its positions, and
 * those are kept; nodes without one (a chart made from seeds on the command line) are laid out
 * by ForceAtlas2 from graphology, started from seeded random places, with the placed nodes held
 * fixed. Nothing here is random between runs: the same chart lands the same way every time.
 */
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
// The CLI is ES modules under Node, which resolves a package's subpath only by its file name.
import random from 'graphology-layout/random.js';
import type { ExportChart } from './chartModel';

export interface Point {
  x: number;
  y: number;
}

/** A small seeded generator (mulberry32): enough to spread start positions, same every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LAYOUT_SEED = 20261130;

/** Iterations by size: ForceAtlas2 settles small charts fast; big ones use Barnes–Hut and fewer. */
const iterationsFor = (order: number) => (order <= 100 ? 500 : order <= 300 ? 250 : 120);

/**
 * Every node's position: the chart's own where it has one, a deterministic layout elsewhere.
 * `drawn` says whether the positions are the analyst's (every node placed in the app): those
 * keep their proportions on paper, a computed layout may be stretched to fill it.
 */
export function chartPositions(chart: Pick<ExportChart, 'definition' | 'nodes' | 'edges'>): {
  positions: Map<string, Point>;
  drawn: boolean;
} {
  const given = chart.definition.positions;
  const placed = new Map<string, Point>();
  for (const n of chart.nodes) {
    const p = given[n.id];
    if (p) placed.set(n.id, { x: p.x, y: p.y });
  }
  if (placed.size === chart.nodes.length) return { positions: placed, drawn: true };

  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  const ids = chart.nodes.map((n) => n.id).sort();
  for (const id of ids) graph.addNode(id);
  for (const e of chart.edges)
    if (
      e.source !== e.target &&
      graph.hasNode(e.source) &&
      graph.hasNode(e.target) &&
      !graph.hasEdge(e.source, e.target)
    )
      graph.addEdge(e.source, e.target);

  // Start the free nodes inside the placed ones' box (or a unit box), so the two scales agree.
  const xs = [...placed.values()].map((p) => p.x);
  const ys = [...placed.values()].map((p) => p.y);
  const box = xs.length
    ? {
        x: Math.min(...xs),
        y: Math.min(...ys),
        w: Math.max(...xs) - Math.min(...xs) || 100,
        h: Math.max(...ys) - Math.min(...ys) || 100,
      }
    : { x: 0, y: 0, w: 100, h: 100 };
  random.assign(graph, { rng: seeded(LAYOUT_SEED), scale: 1, center: 0.5 });
  graph.forEachNode((id, attrs) => {
    const p = placed.get(id);
    if (p) graph.mergeNodeAttributes(id, { x: p.x, y: p.y, fixed: true });
    else
      graph.mergeNodeAttributes(id, {
        x: box.x + (attrs.x as number) * box.w,
        y: box.y + (attrs.y as number) * box.h,
      });
  });
  const settings = forceAtlas2.inferSettings(graph);
  forceAtlas2.assign(graph, {
    iterations: iterationsFor(graph.order),
    settings: { ...settings, barnesHutOptimize: graph.order > 300, strongGravityMode: true, gravity: 0.5 },
  });
  const out = new Map<string, Point>();
  graph.forEachNode((id, attrs) => out.set(id, { x: attrs.x as number, y: attrs.y as number }));
  return { positions: out, drawn: false };
}
