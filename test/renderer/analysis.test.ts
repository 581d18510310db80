import { describe, expect, it } from 'vitest';
import type { ChartEdgeDto, ChartNodeDto } from '../../main/contract/workspaceTypes';
import { analyseChart, nodeColours, nodeSizes, NODE_SIZE_RANGE } from '../../renderer/src/graph/analysis';

const node = (id: string, records = 1): ChartNodeDto => ({
  id,
  kind: 'person',
  label: id,
  agencies: ['POL'],
  records,
  hub: false,
  properties: {},
});
const edge = (source: string, target: string, kind: ChartEdgeDto['kind'] = 'shares'): ChartEdgeDto => ({
  id: `${kind}|${source}|${target}`,
  source,
  target,
  kind,
  agencies: ['POL'],
  records: [],
});

/** Every pair of the given nodes linked. */
const clique = (ids: string[]): ChartEdgeDto[] => ids.flatMap((a, i) => ids.slice(i + 1).map((b) => edge(a, b)));

describe('analyseChart', () => {
  it('numbers connected components largest first and leaves out links to nodes not on the chart', () => {
    const nodes = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => node(id));
    const edges = [edge('a', 'b'), edge('d', 'e'), edge('e', 'f'), edge('c', 'off-chart')];
    const analysis = analyseChart(nodes, edges);
    expect(analysis.components).toEqual([
      { index: 0, nodes: ['d', 'e', 'f'] },
      { index: 1, nodes: ['a', 'b'] },
      { index: 2, nodes: ['c'] },
    ]);
    expect(analysis.byNode.c).toEqual({ component: 2, community: expect.any(Number), degree: 0, betweenness: 0 });
  });

  it('finds the two cliques of two cliques joined by one bridge as its communities, the same on every run', () => {
    const left = ['l1', 'l2', 'l3', 'l4', 'l5'];
    const right = ['r1', 'r2', 'r3', 'r4', 'r5'];
    const nodes = [...left, ...right].map((id) => node(id));
    const edges = [...clique(left), ...clique(right), edge('l1', 'r1')];
    const analysis = analyseChart(nodes, edges);
    expect(analysis.communities).toEqual([
      { index: 0, nodes: left },
      { index: 1, nodes: right },
    ]);
    expect(analysis.modularity).toBeGreaterThan(0.4);
    // Another order of the same chart, and another run, give the same numbers.
    expect(analyseChart([...nodes].reverse(), [...edges].reverse())).toEqual(analysis);
  });

  it("gives a star's centre all the betweenness and its leaves none; degree counts parallel links once", () => {
    const leaves = ['p1', 'p2', 'p3', 'p4'];
    const nodes = ['hub', ...leaves].map((id) => node(id));
    const edges = [...leaves.map((leaf) => edge('hub', leaf)), edge('hub', 'p1', 'phone')];
    const { byNode } = analyseChart(nodes, edges);
    expect(byNode.hub).toMatchObject({ degree: 4, betweenness: 1 });
    for (const leaf of leaves) expect(byNode[leaf]).toMatchObject({ degree: 1, betweenness: 0 });
    const quick = analyseChart(nodes, edges, { betweenness: false });
    expect(quick.betweennessComputed).toBe(false);
    expect(quick.byNode.hub).toMatchObject({ degree: 4, betweenness: 0 });
  });

  it('gives every node of a chart without links its own community', () => {
    const analysis = analyseChart([node('b'), node('a')], []);
    expect(analysis.communities).toEqual([
      { index: 0, nodes: ['a'] },
      { index: 1, nodes: ['b'] },
    ]);
    expect(analyseChart([], [])).toEqual({
      byNode: {},
      components: [],
      communities: [],
      modularity: 0,
      betweennessComputed: true,
    });
  });
});

describe('sizes and colours from the analysis', () => {
  const leaves = ['p1', 'p2', 'p3'];
  const nodes = [node('hub', 9), ...leaves.map((id) => node(id, 1))];
  const analysis = analyseChart(
    nodes,
    leaves.map((leaf) => edge('hub', leaf)),
  );

  it('sizes the most central node largest and the least smallest, by the chosen metric', () => {
    const [small, large] = NODE_SIZE_RANGE;
    expect(nodeSizes(nodes, analysis, 'betweenness')).toEqual({ hub: large, p1: small, p2: small, p3: small });
    expect(nodeSizes(nodes, analysis, 'records')).toEqual({ hub: large, p1: small, p2: small, p3: small });
    expect(nodeSizes(nodes, analysis, 'none')).toEqual({});
  });

  it('colours by community only when asked', () => {
    expect(nodeColours(analysis, 'agency')).toEqual({});
    const colours = nodeColours(analysis, 'community');
    expect(new Set(Object.values(colours)).size).toBe(analysis.communities.length);
  });
});
