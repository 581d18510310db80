/** Where a node sits on the chart, in model coordinates. */
export interface ChartPosition {
  x: number;
  y: number;
}

/** FNV-1a of a string: a cheap, stable 32-bit hash (no cryptography needed for a seed). */
export function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A seeded pseudo-random generator (mulberry32) answering numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How far apart the seeded placement spreads nodes, per node (model pixels). */
const SPREAD_PER_NODE = 60;

/**
 * A node's first position from its id alone, in a disc sized for `nodeCount` nodes: the same id
 * always starts at the same place, so the same chart lays out the same.
 */
export function seededPosition(id: string, nodeCount: number, centre: ChartPosition = { x: 0, y: 0 }): ChartPosition {
  const random = seededRandom(hashOf(id));
  const radius = SPREAD_PER_NODE * Math.sqrt(Math.max(1, nodeCount)) * Math.sqrt(random());
  const angle = 2 * Math.PI * random();
  return { x: round(centre.x + radius * Math.cos(angle)), y: round(centre.y + radius * Math.sin(angle)) };
}

/** How far from its neighbour a new node is first put (model pixels). */
export const NEAR_DISTANCE = 110;

/**
 * A new node's first position next to `anchors` (the positions of its neighbours already on the
 * chart): on a ring around their centre, at an angle taken from its id, so nodes added together
 * fan out instead of landing on each other.
 */
export function nearPosition(id: string, anchors: readonly ChartPosition[], index = 0, count = 1): ChartPosition {
  const centre = {
    x: anchors.reduce((sum, p) => sum + p.x, 0) / anchors.length,
    y: anchors.reduce((sum, p) => sum + p.y, 0) / anchors.length,
  };
  const random = seededRandom(hashOf(id));
  // Spread the new nodes evenly around the ring, turned by the id's hash so it is not always the same side.
  const angle = 2 * Math.PI * (index / Math.max(1, count)) + 2 * Math.PI * random() * (count > 1 ? 0.1 : 1);
  const ring = NEAR_DISTANCE * (1 + Math.floor(index / 12) * 0.6);
  return { x: round(centre.x + ring * Math.cos(angle)), y: round(centre.y + ring * Math.sin(angle)) };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
