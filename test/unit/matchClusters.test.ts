import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clusterOf, clusterPairs, type ClusterEdge } from '../../main/core/matchClusters';

const edge = (a: string, b: string, score: number, status: ClusterEdge['status'] = 'candidate'): ClusterEdge => ({
  a,
  b,
  status,
  score,
});

describe('clusters of same-person pairs', () => {
  it('joins mentions through open and confirmed pairs, best open score first, named by the smallest id', () => {
    const clusters = clusterPairs([
      edge('p3', 'p4', 0.82),
      edge('p1', 'p2', 0.95),
      edge('p2', 'p5', 0.9, 'confirmed'),
      edge('p5', 'p6', 0.85),
      edge('p7', 'p8', 0.99, 'confirmed'),
    ]);
    expect(clusters.map((c) => ({ id: c.id, persons: c.persons, open: c.open, best: c.bestScore }))).toEqual([
      { id: 'p1', persons: ['p1', 'p2', 'p5', 'p6'], open: 2, best: 0.95 },
      { id: 'p3', persons: ['p3', 'p4'], open: 1, best: 0.82 },
      // Nothing left to decide: listed last.
      { id: 'p7', persons: ['p7', 'p8'], open: 0, best: 0 },
    ]);
    expect(clusterOf(clusters, 'p6')?.id).toBe('p1');
    expect(clusterOf(clusters, 'p9')).toBeNull();
  });

  it('does not depend on the order the pairs come in', () => {
    const ids = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g');
    const pair = fc
      .record({ a: ids, b: ids, score: fc.double({ min: 0.5, max: 1, noNaN: true }), confirmed: fc.boolean() })
      .filter((p) => p.a < p.b)
      .map((p) => edge(p.a, p.b, p.score, p.confirmed ? 'confirmed' : 'candidate'));
    fc.assert(
      fc.property(
        fc.uniqueArray(pair, { selector: (p) => `${p.a}|${p.b}`, maxLength: 15 }),
        fc.infiniteStream(fc.double()),
        (edges, noise) => {
          const shuffled = edges
            .map((e) => ({ e, k: noise.next().value as number }))
            .sort((x, y) => x.k - y.k)
            .map(({ e }) => e);
          expect(clusterPairs(shuffled)).toEqual(clusterPairs(edges));
          // Every pair lands in exactly one cluster.
          expect(clusterPairs(edges).reduce((n, c) => n + c.edges.length, 0)).toBe(edges.length);
        },
      ),
    );
  });
});
