/**
 * The layout of large charts: every connected component as a balloon tree around its best-linked
 * node (each subtree on a circle around its parent), the components packed in rows, largest
 * first. Linear in the chart's size and deterministic (no random numbers; ties broken by id), so
 * the same chart lands the same way; no two nodes land on each other and a tree link is drawn at
 * fcose's ideal length. Links that are not in the tree are drawn long. Force layouts cost too
 * much here: fcose's draft took 4.4 s of CPU on 10,000 nodes (and leaves nodes on top of each
 * other), ForceAtlas2 and d3-force about 0.15 s of CPU a round, and need a hundred rounds.
 */
import type { ChartPosition } from './placement';

/** The distance between a node and its parent in the tree (fcose's idealEdgeLength). */
export const RING_STEP = 115;
/** The room one node takes on a ring (its disc and a short label). */
const NODE_ROOM = 46;
/** The angle left free around the link to a node's parent, so its subtrees do not sit on it. */
const PARENT_GAP = Math.PI / 3;
/** The space between two packed components. */
const COMPONENT_GAP = 80;

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The connected components of the graph, each node list starting with its root (highest degree, then smallest id). */
function components(ids: readonly string[], neighbours: Map<string, string[]>): string[][] {
  const seen = new Set<string>();
  const found: string[][] = [];
  const degree = (id: string) => neighbours.get(id)?.length ?? 0;
  // Roots in order of degree, so each component starts at its best-linked node.
  const roots = [...ids].sort((a, b) => degree(b) - degree(a) || byId(a, b));
  for (const root of roots) {
    if (seen.has(root)) continue;
    const members = [root];
    seen.add(root);
    for (let i = 0; i < members.length; i++) {
      for (const next of neighbours.get(members[i]!) ?? []) {
        if (!seen.has(next)) {
          seen.add(next);
          members.push(next);
        }
      }
    }
    found.push(members);
  }
  return found;
}

/**
 * One component as a balloon tree around `members[0]`, centred on (0, 0): each node's subtrees
 * sit on a circle around it, each in a sector as wide as the subtree's own circle, so a subtree
 * never reaches into its neighbour's. Compact (the area grows with the node count) and linear.
 * Answers the positions and the radius of the whole.
 */
function radialTree(
  members: readonly string[],
  neighbours: Map<string, string[]>,
): { at: Map<string, ChartPosition>; radius: number } {
  const root = members[0]!;
  const seen = new Set([root]);
  const children = new Map<string, string[]>();
  const order = [root];
  for (let i = 0; i < order.length; i++) {
    const id = order[i]!;
    const kids = (neighbours.get(id) ?? []).filter((n) => !seen.has(n)).sort(byId);
    for (const kid of kids) {
      seen.add(kid);
      order.push(kid);
    }
    children.set(id, kids);
  }
  // From the leaves up: the circle the children sit on (`ring`), and the radius of the whole subtree.
  const ring = new Map<string, number>();
  const radius = new Map<string, number>();
  for (let i = order.length - 1; i >= 0; i--) {
    const id = order[i]!;
    const kids = children.get(id)!;
    if (kids.length === 0) {
      radius.set(id, NODE_ROOM / 2);
      continue;
    }
    const around = kids.reduce((sum, k) => sum + 2 * radius.get(k)!, 0);
    const biggest = Math.max(...kids.map((k) => radius.get(k)!));
    // Far enough out for the children's circles to fit side by side, and never nearer than a link.
    // One child needs only a link's length; several, a circle long enough for them side by side.
    const r = kids.length === 1 ? RING_STEP : Math.max(RING_STEP, around / (2 * Math.PI - PARENT_GAP));
    ring.set(id, r);
    radius.set(id, r + biggest);
  }
  const at = new Map<string, ChartPosition>([[root, { x: 0, y: 0 }]]);
  const facing = new Map<string, number>([[root, 0]]);
  for (const id of order) {
    const kids = children.get(id)!;
    if (kids.length === 0) continue;
    const centre = at.get(id)!;
    const r = ring.get(id)!;
    const total = kids.reduce((sum, k) => sum + radius.get(k)!, 0);
    // The root's children go all round; others' round the rest of the circle, leaving a gap towards their parent.
    const arc = id === root ? 2 * Math.PI : 2 * Math.PI - PARENT_GAP;
    let angle = facing.get(id)! + (id === root ? 0 : PARENT_GAP / 2);
    for (const kid of kids) {
      const share = (arc * radius.get(kid)!) / total;
      const a = angle + share / 2;
      at.set(kid, { x: centre.x + r * Math.cos(a), y: centre.y + r * Math.sin(a) });
      facing.set(kid, a + Math.PI);
      angle += share;
    }
  }
  return { at, radius: radius.get(root)! };
}

/**
 * Places every node: each component as a radial tree, the components in rows (largest first),
 * the rows about as wide as the whole is tall. Pure; positions in model pixels around (0, 0).
 */
export function radialForest(
  ids: readonly string[],
  links: readonly (readonly [string, string])[],
): Map<string, ChartPosition> {
  const neighbours = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const [a, b] of links) {
    if (a === b || !neighbours.has(a) || !neighbours.has(b)) continue;
    neighbours.get(a)!.push(b);
    neighbours.get(b)!.push(a);
  }
  const trees = components(ids, neighbours)
    .map((members) => radialTree(members, neighbours))
    .sort((a, b) => b.radius - a.radius);
  const area = trees.reduce((sum, t) => sum + (2 * t.radius + COMPONENT_GAP) ** 2, 0);
  const rowWidth = Math.max(Math.sqrt(area), 2 * (trees[0]?.radius ?? 0) + COMPONENT_GAP);
  const placed = new Map<string, ChartPosition>();
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  for (const tree of trees) {
    const size = 2 * tree.radius + COMPONENT_GAP;
    if (x > 0 && x + size > rowWidth) {
      x = 0;
      y += rowHeight;
      rowHeight = 0;
    }
    for (const [id, p] of tree.at) placed.set(id, { x: x + size / 2 + p.x, y: y + size / 2 + p.y });
    x += size;
    rowHeight = Math.max(rowHeight, size);
  }
  // Centred on the origin, as the seeded start is.
  const dx = rowWidth / 2;
  const dy = (y + rowHeight) / 2;
  for (const p of placed.values()) {
    p.x = Math.round((p.x - dx) * 10) / 10;
    p.y = Math.round((p.y - dy) * 10) / 10;
  }
  return placed;
}
