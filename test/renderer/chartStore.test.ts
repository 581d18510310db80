import { describe, expect, it } from 'vitest';
import type { CaselinkApi, GraphElements } from '../../main/contract/api';
import {
  NODE_REF_PARTS,
  nodeRef,
  type ChartEdgeDto,
  type ChartNodeDto,
  type ChartSliceDto,
} from '../../main/contract/workspaceTypes';
import { chartRef, REF_PARTS } from '../../renderer/src/graph/fromOverview';
import { NEAR_DISTANCE, seededPosition } from '../../renderer/src/graph/placement';
import { createAppStore } from '../../renderer/src/store';

function store() {
  return createAppStore({} as CaselinkApi, undefined);
}

function node(id: string, extra: Partial<ChartNodeDto> = {}): ChartNodeDto {
  const kind = id.split(':')[0] as ChartNodeDto['kind'];
  return { id, kind, label: id, agencies: ['MET'], records: 1, hub: false, properties: {}, ...extra };
}

function edge(source: string, target: string, kind: ChartEdgeDto['kind'] = 'phone'): ChartEdgeDto {
  return { id: `${kind}|${source}|${target}`, source, target, kind, agencies: ['MET'], records: [] };
}

function slice(nodes: ChartNodeDto[], edges: ChartEdgeDto[] = []): ChartSliceDto {
  return { nodes, edges, hubsLeftOut: 0, cappedOut: 0, notes: [] };
}

const distance = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

describe('the chart store', () => {
  it('adds a node once however many slices bring it, and keeps the newest description', () => {
    const s = store();
    s.getState().addSlice(slice([node('person:a'), node('phone:1')], [edge('person:a', 'phone:1')]));
    const added = s
      .getState()
      .addSlice(
        slice([node('phone:1', { agencies: ['MET', 'UKBF'] }), node('person:b')], [edge('person:b', 'phone:1')]),
      );
    const { chart } = s.getState();
    expect(added).toEqual(['person:b']);
    expect(Object.keys(chart.nodes).sort()).toEqual(['person:a', 'person:b', 'phone:1']);
    expect(chart.nodes['phone:1']?.agencies).toEqual(['MET', 'UKBF']);
    expect(Object.keys(chart.edges)).toHaveLength(2);
  });

  it('leaves out edges whose far end is not on the chart', () => {
    const s = store();
    s.getState().addSlice(slice([node('person:a')], [edge('person:a', 'phone:9')]));
    expect(s.getState().chart.edges).toEqual({});
  });

  it('puts new nodes next to the node they were expanded from, and asks for a local layout of them only', () => {
    const s = store();
    s.getState().addSlice(slice([node('person:a'), node('person:far')]));
    s.getState().moveNodes({ 'person:a': { x: 1000, y: 1000 }, 'person:far': { x: -1000, y: -1000 } });
    s.getState().addSlice(slice([node('phone:1'), node('phone:2')], [edge('person:a', 'phone:1')]), {
      near: 'person:a',
    });
    const { chart, chartLayout } = s.getState();
    for (const id of ['phone:1', 'phone:2']) {
      expect(distance(chart.positions[id]!, { x: 1000, y: 1000 })).toBeLessThanOrEqual(NEAR_DISTANCE * 1.01);
    }
    expect(chartLayout).toMatchObject({ scope: 'new', nodes: ['phone:1', 'phone:2'] });
  });

  it('puts a new node next to its neighbours on the chart when no node is named', () => {
    const s = store();
    s.getState().addSlice(slice([node('person:a'), node('person:far')]));
    s.getState().moveNodes({ 'person:a': { x: 500, y: 0 }, 'person:far': { x: -5000, y: 0 } });
    s.getState().addSlice(slice([node('phone:1')], [edge('person:a', 'phone:1')]));
    expect(distance(s.getState().chart.positions['phone:1']!, { x: 500, y: 0 })).toBeLessThanOrEqual(
      NEAR_DISTANCE * 1.01,
    );
  });

  it('seeds first positions from the ids, so the same chart starts from the same places', () => {
    const a = store();
    const b = store();
    a.getState().addSlice(slice([node('person:a'), node('phone:1'), node('case:MET:1')]));
    b.getState().addSlice(slice([node('case:MET:1'), node('phone:1'), node('person:a')]));
    expect(a.getState().chart.positions).toEqual(b.getState().chart.positions);
    expect(a.getState().chart.positions['phone:1']).toEqual(seededPosition('phone:1', 3));
  });

  it('undoes a removal (the node, its edges and its pin come back) and redoes it', () => {
    const s = store();
    s.getState().addSlice(slice([node('person:a'), node('phone:1')], [edge('person:a', 'phone:1')]));
    s.getState().pinNodes(['phone:1']);
    s.getState().moveNodes({ 'phone:1': { x: 42, y: 7 } }, { record: true });
    s.getState().selectOnChart(['phone:1']);
    s.getState().removeFromChart(['phone:1']);
    expect(s.getState().chart.nodes['phone:1']).toBeUndefined();
    expect(s.getState().chart.edges).toEqual({});
    expect(s.getState().chartSelection).toEqual([]);

    s.getState().undoChart();
    const back = s.getState().chart;
    expect(back.nodes['phone:1']).toBeDefined();
    expect(Object.keys(back.edges)).toEqual(['phone|person:a|phone:1']);
    expect(back.pinned['phone:1']).toBe(true);
    expect(back.positions['phone:1']).toEqual({ x: 42, y: 7 });

    s.getState().redoChart();
    expect(s.getState().chart.nodes['phone:1']).toBeUndefined();
    s.getState().undoChart();
    s.getState().undoChart();
    expect(s.getState().chart.positions['phone:1']).not.toEqual({ x: 42, y: 7 });
  });

  it('forgets what was undone once a new edit is made, and a layout does not count as an edit', () => {
    const s = store();
    s.getState().addSlice(slice([node('person:a'), node('person:b')]));
    s.getState().hideElements(['person:b']);
    s.getState().undoChart();
    expect(s.getState().chartFuture).toHaveLength(1);
    s.getState().moveNodes({ 'person:a': { x: 3, y: 3 } });
    expect(s.getState().chartFuture).toHaveLength(1);
    s.getState().pinNodes(['person:a']);
    expect(s.getState().chartFuture).toHaveLength(0);
    expect(s.getState().chartPast).toHaveLength(2);
  });

  it('groups nodes, moves a node from one group to another, and ungroups', () => {
    const s = store();
    s.getState().addSlice(slice([node('person:a'), node('person:b'), node('person:c')]));
    const first = s.getState().groupNodes(['person:a', 'person:b'], 'Family')!;
    const second = s.getState().groupNodes(['person:b', 'person:c'])!;
    expect(s.getState().chart.groups[first]).toMatchObject({ label: 'Family', members: ['person:a'] });
    expect(s.getState().chart.groups[second]?.members).toEqual(['person:b', 'person:c']);
    s.getState().ungroup([first, second]);
    expect(s.getState().chart.groups).toEqual({});
    s.getState().undoChart();
    expect(Object.keys(s.getState().chart.groups)).toHaveLength(2);
  });

  it('shows hidden elements again, all at once', () => {
    const s = store();
    s.getState().addSlice(slice([node('person:a'), node('person:b')]));
    s.getState().hideElements(['person:a', 'person:b', 'person:unknown']);
    expect(Object.keys(s.getState().chart.hidden).sort()).toEqual(['person:a', 'person:b']);
    s.getState().showElements();
    expect(s.getState().chart.hidden).toEqual({});
  });
});

describe('the overview on the chart', () => {
  const person = (id: string, name: string, agency: string, group: string) => ({
    group: 'nodes' as const,
    data: { id, kind: 'Person', label: name, properties: { id: `p-${id}`, name, agency, role: 'suspect', group } },
  });
  const overview: GraphElements = {
    nodes: [
      person('e1', 'Ion Popa', 'MET', 'e1'),
      person('e2', 'Ion POPA', 'UKBF', 'e1'),
      person('e3', 'Ana Rusu', 'UKBF', 'e3'),
      {
        group: 'nodes',
        data: { id: 'e4', kind: 'Phone', label: '+447700900123', properties: { e164: '+447700900123' } },
      },
      { group: 'nodes', data: { id: 'e5', kind: 'Agency', label: 'MET', properties: { code: 'MET' } } },
    ],
    edges: [
      {
        group: 'edges',
        data: { id: 'r1', source: 'e1', target: 'e4', kind: 'HAS_PHONE', properties: { agency: 'MET' } },
      },
      {
        group: 'edges',
        data: { id: 'r2', source: 'e2', target: 'e4', kind: 'HAS_PHONE', properties: { agency: 'UKBF' } },
      },
      {
        group: 'edges',
        data: { id: 'r3', source: 'e3', target: 'e4', kind: 'HAS_PHONE', properties: { agency: 'UKBF' } },
      },
      {
        group: 'edges',
        data: { id: 'r4', source: 'e1', target: 'e2', kind: 'SAME_AS', properties: { status: 'confirmed' } },
      },
    ],
    truncated: false,
  };

  it('draws a confirmed person once, listing its mentions, with one edge per link carrying both agencies', () => {
    const s = store();
    s.getState().showOverview(overview);
    const { chart } = s.getState();
    const persons = Object.values(chart.nodes).filter((n) => n.kind === 'person');
    expect(persons.map((p) => p.label).sort()).toEqual(['Ana Rusu', 'Ion POPA / Ion Popa']);
    const ion = persons.find((p) => p.mentions?.length === 2)!;
    expect(ion.id).toBe('person:p-e1');
    expect(ion.agencies).toEqual(['MET', 'UKBF']);
    expect(ion.mentions?.map((m) => m.agency).sort()).toEqual(['MET', 'UKBF']);
    const phone = chart.nodes['phone:%2B447700900123']!;
    expect(phone.agencies).toEqual(['MET', 'UKBF']);
    const edges = Object.values(chart.edges);
    expect(edges).toHaveLength(2);
    expect(edges.find((e) => e.source === ion.id)?.agencies).toEqual(['MET', 'UKBF']);
    expect(s.getState().chartNotes.map((n) => n.text)).toContain(
      '1 agency or source file node not drawn on the chart.',
    );
  });

  it('puts the overview on the chart when it loads, in place of what was there', async () => {
    const api = { getOverview: () => Promise.resolve({ ok: true, value: overview }) } as unknown as CaselinkApi;
    const s = createAppStore(api, undefined);
    s.getState().addSlice(slice([node('person:old')]));
    await s.getState().loadOverview();
    expect(s.getState().chart.nodes['person:old']).toBeUndefined();
    expect(Object.keys(s.getState().chart.nodes)).toHaveLength(3);
    s.getState().undoChart();
    expect(Object.keys(s.getState().chart.nodes)).toEqual(['person:old']);
  });
});

describe('node references in the renderer', () => {
  it('are written as main/contract writes them', () => {
    expect(REF_PARTS).toEqual(NODE_REF_PARTS);
    expect(chartRef('document', ['passport', 'RO', 'A:1/2'])).toBe(nodeRef('document', ['passport', 'RO', 'A:1/2']));
  });
});
