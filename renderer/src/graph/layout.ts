import type { CollectionReturnValue, Core, EdgeCollection, LayoutOptions, NodeCollection } from 'cytoscape';
import type { ChartContent } from '../store/chartSlice';
import { radialForest } from './largeLayout';
import { hashOf, seededRandom, type ChartPosition } from './placement';
import { LAYING_OUT } from './style';

/** Above this many nodes fcose runs in draft quality: default quality took ~39 s for 2k nodes. */
export const DRAFT_LAYOUT_ABOVE = 200;

export interface LayoutChoices {
  /** Nodes the layout must leave where they are (pinned ones, or the chart around new nodes). */
  fixed?: { nodeId: string; position: ChartPosition }[];
  /** A local layout of a few new nodes: no packing of components, which would move the rest. */
  local?: boolean;
}

/**
 * The fcose layout for `nodeCount` nodes. Up to {@link DRAFT_LAYOUT_ABOVE} it starts from the
 * positions the chart store seeded from the ids (randomize: false), so the same chart lays out
 * the same; above, draft quality needs fcose's own random start, which {@link runSeeded} seeds.
 */
export function layoutFor(nodeCount: number, choices: LayoutChoices = {}): LayoutOptions {
  const draft = nodeCount > DRAFT_LAYOUT_ABOVE && !choices.local;
  const fixed = choices.fixed ?? [];
  return {
    name: 'fcose',
    quality: draft ? 'draft' : 'default',
    // fcose accepts a start from the current positions only at default quality.
    randomize: draft,
    // Nodes stay where the layout puts them instead of sliding there: a chart that moves while
    // an investigator reads it is worse than one that appears at once.
    animate: false,
    // The view fits the chart once the layout stops, without zooming a small chart up to poster size.
    fit: false,
    nodeRepulsion: 16000,
    idealEdgeLength: 115,
    // Draft is the spectral step alone, with no forces to push nodes apart afterwards: spread
    // it wider so that fewer nodes land on top of each other.
    nodeSeparation: draft ? 150 : 80,
    packComponents: !choices.local && fixed.length === 0,
    // Unconnected nodes are tiled in a grid; leave room for their labels between them.
    tilingPaddingHorizontal: 90,
    tilingPaddingVertical: 40,
    ...(fixed.length > 0 ? { fixedNodeConstraint: fixed } : {}),
  } as LayoutOptions;
}

/**
 * Runs `work` (a synchronous layout) with Math.random seeded from `ids`, so that fcose's random
 * choices (draft's spectral start, separating overlapping nodes) are the same for the same chart.
 */
export function runSeeded<T>(ids: readonly string[], work: () => T): T {
  const original = Math.random;
  Math.random = seededRandom(hashOf([...ids].sort().join('\n')));
  try {
    return work();
  } finally {
    Math.random = original;
  }
}

/**
 * Runs fcose on `eles` seeded and measured by node bodies alone: labels, borders and halos, which
 * change with selection, hover, zoom and font loading, are off while it runs (style.ts).
 */
function runFcose(eles: CollectionReturnValue, seedIds: readonly string[], options: LayoutOptions): void {
  eles.addClass(LAYING_OUT);
  try {
    runSeeded(seedIds, () => eles.layout(options).run());
  } finally {
    eles.removeClass(LAYING_OUT);
  }
}

/**
 * From this many nodes a layout places the chart as balloon trees (largeLayout.ts) instead of
 * running fcose, whose draft took 16 s (4.4 s of CPU) for 10,000 nodes here. Below it, fcose
 * (whose force-directed result reads better on an investigator's chart) stays.
 */
export const LARGE_LAYOUT_FROM = 1500;

/** Lays out `nodes` as balloon trees; `fixed` nodes stay where they are. */
export function runLargeLayout(nodes: NodeCollection, edges: EdgeCollection, fixed: ReadonlySet<string>): void {
  const ids = nodes.filter((n) => !fixed.has(n.id())).map((n) => n.id());
  const links = edges.map((e) => [e.source().id(), e.target().id()] as const);
  const placed = radialForest(ids, links);
  // Beside the nodes that stay (pinned ones, or the chart that was there), never on top of them.
  const staying = nodes.filter((n) => fixed.has(n.id()));
  let dx = 0;
  let dy = 0;
  if (staying.nonempty()) {
    const box = staying.boundingBox({});
    const xs = [...placed.values()].map((p) => p.x);
    dx = box.x2 + 200 - Math.min(...xs);
    dy = (box.y1 + box.y2) / 2;
  }
  nodes.forEach((n) => {
    const at = placed.get(n.id());
    if (at) n.position({ x: at.x + dx, y: at.y + dy });
  });
}

/** The closest a fitted view zooms in: a chart of three nodes should not fill the screen. */
export const MAX_FIT_ZOOM = 1.25;

/** The padding around a fitted chart, in pixels. */
export const FIT_PADDING = 40;

/**
 * Lays out the chart: every node (pinned ones fixed) from the seeded positions, or only the new
 * nodes with their neighbours, the neighbours fixed. Synchronous (animate: false) and seeded, so
 * the same chart always lands the same way.
 */
export function runLayout(
  core: Core,
  chart: Pick<ChartContent, 'pinned'>,
  scope: 'all' | 'new',
  added: readonly string[],
): void {
  // Sorted by id: fcose's result depends on the order of the elements it is given.
  const leaves = (core.nodes(':childless').not('.hidden') as NodeCollection).sort((a, b) =>
    a.id() < b.id() ? -1 : a.id() > b.id() ? 1 : 0,
  ) as NodeCollection;
  if (leaves.empty()) return;
  const pinned = (id: string) => chart.pinned[id] === true;
  if (scope === 'all') {
    const fixed = (leaves.filter((n) => pinned(n.id())) as NodeCollection).map((n) => ({
      nodeId: n.id(),
      position: { ...n.position() },
    }));
    if (leaves.length >= LARGE_LAYOUT_FROM) {
      runLargeLayout(leaves, leaves.edgesWith(leaves), new Set(fixed.map((f) => f.nodeId)));
      return;
    }
    const eles = leaves.union(leaves.parents()).union(leaves.edgesWith(leaves));
    runFcose(
      eles,
      leaves.map((n) => n.id()),
      layoutFor(leaves.length, { fixed }),
    );
    return;
  }
  const isNew = new Set(added);
  const fresh = leaves.filter((n) => isNew.has(n.id())) as NodeCollection;
  if (fresh.empty()) return;
  const around = fresh
    .neighborhood('node:childless')
    .not('.hidden')
    .filter((n) => !isNew.has(n.id())) as NodeCollection;
  const nodes = fresh.union(around) as NodeCollection;
  const fixed = (nodes.filter((n) => !isNew.has(n.id()) || pinned(n.id())) as NodeCollection).map((n) => ({
    nodeId: n.id(),
    position: { ...n.position() },
  }));
  if (fresh.length >= LARGE_LAYOUT_FROM) {
    runLargeLayout(nodes, nodes.edgesWith(nodes), new Set(fixed.map((f) => f.nodeId)));
    return;
  }
  runFcose(
    nodes.union(nodes.edgesWith(nodes)),
    nodes.map((n) => n.id()),
    layoutFor(nodes.length, { fixed, local: true }),
  );
}
