import { describe, expect, it } from 'vitest';
import type { EdgeElement, GraphElements, NodeElement } from '../../main/contract/api';
import { confirmedPersons, toElements } from '../../renderer/src/graph/toElements';

const person = (id: string, name: string, agency: string, group: string): NodeElement => ({
  group: 'nodes',
  data: { id, kind: 'Person', label: name, properties: { name, agency, role: 'suspect', group } },
});
const edge = (id: string, source: string, target: string, kind: string): EdgeElement => ({
  group: 'edges',
  data: { id, source, target, kind, properties: {} },
});

const graph: GraphElements = {
  nodes: [
    person('p1', 'Ionuț MARIN', 'RO-POL', 'p1'),
    person('p2', 'IONUT MARIN', 'BORDER', 'p1'),
    person('p3', 'Ionut Marin', 'LABOUR', 'p1'),
    person('p4', 'Elena Stoica', 'BORDER', 'p4'),
    { group: 'nodes', data: { id: 't1', kind: 'Phone', label: '+40 740 629 640', properties: { hub: false } } },
    { group: 'nodes', data: { id: 't2', kind: 'Phone', label: '08000 121 700', properties: { hub: true } } },
  ],
  edges: [
    edge('s1', 'p1', 'p2', 'SAME_AS'),
    edge('s2', 'p2', 'p3', 'SAME_AS'),
    edge('h1', 'p1', 't1', 'HAS_PHONE'),
    edge('h2', 'p3', 't1', 'HAS_PHONE'),
    edge('h3', 'p4', 't1', 'HAS_PHONE'),
    edge('h4', 'p4', 't2', 'HAS_PHONE'),
  ],
  truncated: false,
};

describe('persons confirmed as one', () => {
  it('lists each group of two or more mentions with their names joined', () => {
    expect(confirmedPersons(graph)).toEqual([
      {
        id: 'group:p1',
        label: 'Ionuț MARIN / IONUT MARIN / Ionut Marin',
        mentions: ['Ionuț MARIN (RO-POL, suspect)', 'IONUT MARIN (BORDER, suspect)', 'Ionut Marin (LABOUR, suspect)'],
        members: ['p1', 'p2', 'p3'],
      },
    ]);
  });

  it('draws a group as one node, re-points its edges, and leaves out the SAME_AS inside it and hubs', () => {
    expect(toElements(graph)).toEqual([
      {
        group: 'nodes',
        data: {
          id: 'group:p1',
          kind: 'Person',
          label: 'Ionuț MARIN / IONUT MARIN / Ionut Marin',
          merged: true,
          title:
            'Confirmed same person — 3 mentions:\nIonuț MARIN (RO-POL, suspect)\nIONUT MARIN (BORDER, suspect)\nIonut Marin (LABOUR, suspect)',
          properties: {
            members: ['p1', 'p2', 'p3'],
            mentions: [
              'Ionuț MARIN (RO-POL, suspect)',
              'IONUT MARIN (BORDER, suspect)',
              'Ionut Marin (LABOUR, suspect)',
            ],
          },
        },
      },
      { group: 'nodes', data: graph.nodes[3]?.data },
      { group: 'nodes', data: graph.nodes[4]?.data },
      { group: 'edges', data: { id: 'h1', source: 'group:p1', target: 't1', kind: 'HAS_PHONE', properties: {} } },
      { group: 'edges', data: { id: 'h2', source: 'group:p1', target: 't1', kind: 'HAS_PHONE', properties: {} } },
      { group: 'edges', data: { id: 'h3', source: 'p4', target: 't1', kind: 'HAS_PHONE', properties: {} } },
    ]);
  });

  it('writes a name shared by every mention once', () => {
    const same: GraphElements = {
      nodes: [person('a', 'ARBEN HOXHA', 'BORDER', 'a'), person('b', 'ARBEN HOXHA', 'BORDER', 'a')],
      edges: [edge('s', 'a', 'b', 'SAME_AS')],
      truncated: false,
    };
    expect(toElements(same).map((e) => e.data.label ?? e.data.id)).toEqual(['ARBEN HOXHA']);
  });
});
