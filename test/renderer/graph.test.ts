import { describe, expect, it } from 'vitest';
import type { GraphElements } from '../../main/contract/api';
import { layoutFor } from '../../renderer/src/graph/layout';
import { graphStylesheet } from '../../renderer/src/graph/style';
import { toElements } from '../../renderer/src/graph/toElements';

describe('toElements', () => {
  it('maps nodes and edges to Cytoscape definitions and leaves out edges whose far end is missing', () => {
    const graph: GraphElements = {
      nodes: [
        { group: 'nodes', data: { id: 'p1', kind: 'Person', label: 'Ana Popescu', properties: { role: 'victim' } } },
        { group: 'nodes', data: { id: 't1', kind: 'Phone', label: '+447700900100', properties: {} } },
      ],
      edges: [
        { group: 'edges', data: { id: 'e1', source: 'p1', target: 't1', kind: 'HAS_PHONE', properties: { row: 4 } } },
        { group: 'edges', data: { id: 'e2', source: 'p1', target: 'cut-off', kind: 'HAS_PHONE', properties: {} } },
      ],
      truncated: true,
    };
    expect(toElements(graph)).toEqual([
      { group: 'nodes', data: { id: 'p1', kind: 'Person', label: 'Ana Popescu', properties: { role: 'victim' } } },
      { group: 'nodes', data: { id: 't1', kind: 'Phone', label: '+447700900100', properties: {} } },
      { group: 'edges', data: { id: 'e1', source: 'p1', target: 't1', kind: 'HAS_PHONE', properties: { row: 4 } } },
    ]);
  });
});

describe('chart drawing for size', () => {
  it('lays out up to 200 nodes at default quality and bigger graphs in draft', () => {
    expect(layoutFor(200)).toMatchObject({ name: 'fcose', quality: 'default' });
    expect(layoutFor(201)).toMatchObject({ name: 'fcose', quality: 'draft' });
  });

  it('draws straight edges without arrows when the chart is crowded', () => {
    const edgeStyle = (nodeCount: number) => graphStylesheet(nodeCount).find((block) => block.selector === 'edge');
    expect(edgeStyle(200)).toMatchObject({ style: { 'curve-style': 'bezier', 'target-arrow-shape': 'triangle' } });
    expect(edgeStyle(201)).toMatchObject({ style: { 'curve-style': 'haystack' } });
  });
});
