/**
 * Same-person pairs grouped for review: the connected components of the pairs still in play (open
 * candidates at or above the reviewer's score, and confirmed pairs). A cluster is what one
 * reviewer decision can confirm; rejected pairs never join mentions.
 */
import { byScoreThenPair } from './matching';

/** One same-person pair as clustering sees it: its two mentions, status and score. */
export interface ClusterEdge {
  a: string;
  b: string;
  status: 'candidate' | 'confirmed';
  score: number;
}

/** A group of mentions joined by open or confirmed pairs. */
export interface PairCluster {
  /** The smallest person id in the cluster: stable while its pairs are decided, and any id in it finds it. */
  id: string;
  /** Person ids, sorted. */
  persons: string[];
  /** Every pair inside, best score first (ties by ids, so the order never depends on input order). */
  edges: ClusterEdge[];
  /** How many of its pairs are open (status 'candidate'). */
  open: number;
  /** The best score among its open pairs; 0 when none is open. */
  bestScore: number;
}

/**
 * The clusters of `edges`, those with an open pair first, by best open score, then by size, then
 * by id. Union-find with path halving: linear in the number of pairs for any input order.
 */
export function clusterPairs(edges: readonly ClusterEdge[]): PairCluster[] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let node = x;
    for (;;) {
      const up = parent.get(node) ?? node;
      if (up === node) return node;
      const grand = parent.get(up) ?? up;
      parent.set(node, grand);
      node = grand;
    }
  };
  for (const e of edges) {
    if (!parent.has(e.a)) parent.set(e.a, e.a);
    if (!parent.has(e.b)) parent.set(e.b, e.b);
    const [ra, rb] = [find(e.a), find(e.b)];
    // The smaller id becomes the root, so a root is its cluster's smallest id.
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
  const groups = new Map<string, { persons: Set<string>; edges: ClusterEdge[] }>();
  for (const e of edges) {
    const root = find(e.a);
    const group = groups.get(root) ?? { persons: new Set<string>(), edges: [] };
    group.persons.add(e.a).add(e.b);
    group.edges.push(e);
    groups.set(root, group);
  }
  const clusters = [...groups].map(([root, g]): PairCluster => {
    const open = g.edges.filter((e) => e.status === 'candidate');
    return {
      id: root,
      persons: [...g.persons].sort(),
      edges: g.edges.sort(byScoreThenPair),
      open: open.length,
      bestScore: open.reduce((best, e) => Math.max(best, e.score), 0),
    };
  });
  return clusters.sort(
    (p, q) =>
      Number(q.open > 0) - Number(p.open > 0) ||
      q.bestScore - p.bestScore ||
      q.persons.length - p.persons.length ||
      (p.id < q.id ? -1 : p.id > q.id ? 1 : 0),
  );
}

/** The cluster holding `person`, or null. */
export function clusterOf(clusters: readonly PairCluster[], person: string): PairCluster | null {
  return clusters.find((c) => c.persons.includes(person)) ?? null;
}
