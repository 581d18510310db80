import { describe, expect, it } from 'vitest';
import type { ChartEdgeDto, ChartNodeDto } from '../../main/contract/workspaceTypes';
import { chartElements, edgeText, isCrossAgency } from '../../renderer/src/graph/chartElements';
import { iconUri } from '../../renderer/src/graph/icons';
import cytoscape from 'cytoscape';
import { registerExtensions } from '../../renderer/src/graph/extensions';
import { layoutFor, runLayout, runSeeded } from '../../renderer/src/graph/layout';
import { seededPosition } from '../../renderer/src/graph/placement';
import {
  labelBudget,
  labelFontSize,
  MIN_LEGIBLE_PX,
  placeLabels,
  rankByImportance,
  type LabelBox,
} from '../../renderer/src/graph/lod';
import { agencyColours, AGENCY_PALETTE, graphStylesheet, ringData } from '../../renderer/src/graph/style';
import { EMPTY_CHART, type ChartContent } from '../../renderer/src/store/chartSlice';

function node(id: string, extra: Partial<ChartNodeDto> = {}): ChartNodeDto {
  const kind = id.split(':')[0] as ChartNodeDto['kind'];
  return { id, kind, label: id, agencies: ['MET'], records: 1, hub: false, properties: {}, ...extra };
}

function edge(source: string, target: string, extra: Partial<ChartEdgeDto> = {}): ChartEdgeDto {
  return { id: `phone|${source}|${target}`, source, target, kind: 'phone', agencies: ['MET'], records: [], ...extra };
}

describe('level of detail', () => {
  it('draws labels at least 8 px high on screen at any zoom where it draws them', () => {
    for (const zoom of [0.1, 0.2, 0.3, 0.45, 0.8, 1, 2, 4]) {
      const budget = labelBudget(200, zoom, 0.3, 1000 * 700);
      if (budget > 0) expect(labelFontSize(zoom) * zoom).toBeGreaterThanOrEqual(MIN_LEGIBLE_PX);
    }
    // Out at a tenth, even the largest label would be a smudge: none at all.
    expect(labelBudget(200, 0.1, 0.3, 1000 * 700)).toBe(0);
  });

  it('names some of a 200-node chart at fit, and more the further in the investigator zooms', () => {
    const atFit = labelBudget(200, 0.4, 0.4, 1000 * 700);
    expect(atFit).toBeGreaterThanOrEqual(10);
    expect(atFit).toBeLessThan(200);
    expect(labelBudget(200, 0.6, 0.4, 1000 * 700)).toBeGreaterThan(atFit);
    expect(labelBudget(200, 1.2, 0.4, 1000 * 700)).toBe(200);
  });

  it('ranks nodes several agencies know, and hubs of links, above lone records', () => {
    const nodes = [
      node('record:r1', { records: 1 }),
      node('person:lone'),
      node('phone:shared', { agencies: ['MET', 'UKBF', 'NGO'] }),
      node('person:hub'),
      node('phone:a'),
      node('phone:b'),
    ];
    const edges = [edge('person:hub', 'phone:a'), edge('person:hub', 'phone:b'), edge('person:hub', 'phone:shared')];
    const ranks = rankByImportance(nodes, edges);
    expect(ranks.slice(0, 2)).toEqual(['phone:shared', 'person:hub']);
    expect(ranks[ranks.length - 1]).toBe('record:r1');
  });

  it('keeps the more important of two overlapping labels, and leaves a label off that would cover another node', () => {
    const box = (id: string, x: number, top: number): LabelBox => ({ id, x, top, width: 100, height: 14 });
    const kept = placeLabels([box('a', 0, 0), box('b', 30, 5), box('c', 300, 0), box('d', 600, 0)], 10, [
      { id: 'x', x: 600, top: -5, width: 20, height: 20 },
    ]);
    expect([...kept].sort()).toEqual(['a', 'c']);
    // The most important labels are written even over other nodes.
    expect([...placeLabels([box('d', 600, 0)], 10, [{ id: 'x', x: 600, top: -5, width: 20, height: 20 }], 1)]).toEqual([
      'd',
    ]);
    expect(placeLabels([box('a', 0, 0), box('c', 300, 0)], 1).size).toBe(1);
  });
});

describe('the chart as drawn', () => {
  const chart: ChartContent = {
    ...EMPTY_CHART,
    nodes: {
      'person:a': node('person:a', {
        label: 'Ion Popa',
        agencies: ['MET', 'UKBF'],
        mentions: [
          { id: 'm1', name: 'Ion Popa', role: null, agency: 'MET', record: 'r1', date: null },
          { id: 'm2', name: 'ION POPA', role: null, agency: 'UKBF', record: 'r2', date: null },
        ],
        unconfirmed: true,
      }),
      'phone:1': node('phone:1', { agencies: ['UKBF'] }),
      'phone:2': node('phone:2', { agencies: ['MET'] }),
    },
    edges: {
      'phone|person:a|phone:1': edge('person:a', 'phone:1', { agencies: ['UKBF'] }),
      'phone|phone:2|phone:1': edge('phone:2', 'phone:1', { agencies: ['MET'] }),
    },
    positions: { 'person:a': { x: 1, y: 2 } },
    pinned: { 'person:a': true },
    hidden: { 'phone:2': true },
    groups: { 'group:1': { id: 'group:1', label: 'Family', members: ['person:a'] } },
  };
  const elements = chartElements(chart);
  const byId = (id: string) => elements.find((e) => e.data.id === id)!;

  it('draws a person once with how many mentions it joins, dashed when a join is unconfirmed', () => {
    const person = byId('person:a');
    expect(person.data.label).toBe('Ion Popa (2)');
    expect(String(person.data.title)).toContain('ION POPA (UKBF)');
    expect(person.classes).toContain('joined');
    expect(person.classes).toContain('unconfirmed');
    expect(person.classes).toContain('pinned');
    expect(person.data.parent).toBe('group:1');
    expect(person.position).toEqual({ x: 1, y: 2 });
    expect(graphStylesheet(3).find((b) => b.selector === 'node.unconfirmed')).toMatchObject({
      style: { 'border-style': 'dashed' },
    });
  });

  it('rings a node in one colour-blind-safe colour per agency', () => {
    const colours = agencyColours(['UKBF', 'MET', 'MET']);
    expect([...colours]).toEqual([
      ['MET', AGENCY_PALETTE[0]],
      ['UKBF', AGENCY_PALETTE[1]],
    ]);
    expect(byId('person:a').data).toMatchObject({
      ring1Color: AGENCY_PALETTE[0],
      ring1Size: 50,
      ring2Color: AGENCY_PALETTE[1],
      ring2Size: 50,
      ring3Size: 0,
    });
    expect(ringData(['MET'], colours)).toMatchObject({ ring1Size: 100, ring2Size: 0 });
  });

  it('draws the paths found last highlighted, and nothing else', () => {
    const drawn = chartElements(chart, { highlighted: { 'person:a': true, 'phone|person:a|phone:1': true } });
    const classesOf = (id: string) => String(drawn.find((e) => e.data.id === id)!.classes).split(' ');
    expect(classesOf('person:a')).toContain('path');
    expect(classesOf('phone|person:a|phone:1')).toContain('path');
    expect(classesOf('phone:1')).not.toContain('path');
    expect(classesOf('phone|phone:2|phone:1')).not.toContain('path');
    expect(graphStylesheet(3).some((b) => b.selector === 'edge.path')).toBe(true);
  });

  it('marks links between agencies, and hides what is hidden with the edges that touch it', () => {
    expect(
      isCrossAgency(chart.edges['phone|person:a|phone:1']!, chart.nodes['person:a']!, chart.nodes['phone:1']!),
    ).toBe(false);
    expect(isCrossAgency(chart.edges['phone|phone:2|phone:1']!, chart.nodes['phone:2']!, chart.nodes['phone:1']!)).toBe(
      true,
    );
    expect(byId('phone|phone:2|phone:1').classes).toContain('cross');
    expect(byId('phone|phone:2|phone:1').classes).toContain('hidden');
    expect(byId('phone:2').classes).toContain('hidden');
    expect(byId('group:1')).toMatchObject({ data: { label: 'Family' }, classes: 'group' });
  });

  it('writes the kind of link along an edge', () => {
    expect(edgeText(edge('a', 'b'))).toBe('phone');
    expect(edgeText({ ...edge('a', 'b'), kind: 'mentions', role: 'suspect' })).toBe('suspect');
    expect(edgeText({ ...edge('a', 'b'), kind: 'same-as', score: 0.873 })).toBe('same person? 0.87');
    expect(byId('phone|person:a|phone:1').data.label).toBe('phone');
  });

  it('draws each kind with its own icon, inline (no remote content)', () => {
    const person = iconUri('person', '#000000');
    expect(person.startsWith('data:image/svg+xml;utf8,')).toBe(true);
    expect(person).not.toBe(iconUri('phone', '#000000'));
    expect(decodeURIComponent(person)).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });
});

describe('layouts', () => {
  it('start from the seeded positions and keep pinned nodes fixed', () => {
    const fixed = [{ nodeId: 'person:a', position: { x: 1, y: 2 } }];
    expect(layoutFor(150, { fixed })).toMatchObject({
      randomize: false,
      fixedNodeConstraint: fixed,
      packComponents: false,
    });
    expect(layoutFor(150, { local: true })).toMatchObject({ randomize: false, packComponents: false });
  });

  it('seed Math.random from the chart, and put it back afterwards', () => {
    const original = Math.random;
    const first = runSeeded(['b', 'a'], () => [Math.random(), Math.random()]);
    const again = runSeeded(['a', 'b'], () => [Math.random(), Math.random()]);
    expect(first).toEqual(again);
    expect(Math.random).toBe(original);
  });
});

describe('layouts on a headless chart', () => {
  /** A star of `n` phones around a person, a second person linked to one phone, positions seeded. */
  function chartCore(n: number, reversed = false) {
    registerExtensions();
    const core = cytoscape({ headless: true, styleEnabled: true });
    const ids = ['person:a', 'person:b', ...Array.from({ length: n }, (_, i) => `phone:${i}`)];
    const order = reversed ? [...ids].reverse() : ids;
    core.add(order.map((id) => ({ group: 'nodes' as const, data: { id }, position: seededPosition(id, ids.length) })));
    core.add(
      Array.from({ length: n }, (_, i) => ({
        group: 'edges' as const,
        data: { id: `e${i}`, source: 'person:a', target: `phone:${i}` },
      })),
    );
    core.add({ group: 'edges', data: { id: 'eb', source: 'person:b', target: 'phone:0' } });
    return core;
  }
  const positionsOf = (core: cytoscape.Core) =>
    Object.fromEntries(core.nodes().map((n) => [n.id(), { ...n.position() }]));

  it('lands the same chart the same way every time, whatever order its nodes came in', () => {
    const first = chartCore(12);
    const second = chartCore(12, true);
    runLayout(first, { pinned: {} }, 'all', []);
    runLayout(second, { pinned: {} }, 'all', []);
    expect(positionsOf(first)).toEqual(positionsOf(second));
  });

  it('leaves pinned nodes where they are', () => {
    const core = chartCore(12);
    core.getElementById('person:b').position({ x: 5000, y: -5000 });
    runLayout(core, { pinned: { 'person:b': true } }, 'all', []);
    const at = core.getElementById('person:b').position();
    expect(at.x).toBeCloseTo(5000, 0);
    expect(at.y).toBeCloseTo(-5000, 0);
  });

  it('lays out new nodes around their neighbours and moves nothing else', () => {
    const core = chartCore(12);
    runLayout(core, { pinned: {} }, 'all', []);
    const before = positionsOf(core);
    const hub = before['person:a']!;
    core.add({ group: 'nodes', data: { id: 'phone:new' }, position: { x: hub.x + 110, y: hub.y } });
    core.add({ group: 'edges', data: { id: 'enew', source: 'person:a', target: 'phone:new' } });
    runLayout(core, { pinned: {} }, 'new', ['phone:new']);
    const after = positionsOf(core);
    for (const [id, at] of Object.entries(before)) {
      expect(after[id]!.x).toBeCloseTo(at.x, 0);
      expect(after[id]!.y).toBeCloseTo(at.y, 0);
    }
    const fresh = after['phone:new']!;
    expect(Math.hypot(fresh.x - hub.x, fresh.y - hub.y)).toBeLessThan(400);
  });

  it('lands the chart the same way whatever is selected, joined or on a path when it runs', () => {
    // fcose puts the chart back where it started by its drawn bounds: a selected node's thicker
    // border (or, in a browser, a label drawn before the font loaded) moved the whole chart.
    const styled = (mark: (core: cytoscape.Core) => void) => {
      const core = chartCore(12);
      core.style(graphStylesheet(core.nodes().length));
      core.nodes().forEach((n) => {
        n.data({ size: 30, label: n.id() });
      });
      mark(core);
      runLayout(core, { pinned: {} }, 'all', []);
      return positionsOf(core);
    };
    const plain = styled(() => {});
    for (const marked of [
      styled((core) => core.getElementById('phone:3').select()),
      styled((core) => core.getElementById('person:b').addClass('joined')),
      styled((core) => core.$('#phone:0, #eb').addClass('path')),
    ]) {
      for (const [id, at] of Object.entries(plain)) {
        expect(marked[id]!.x).toBeCloseTo(at.x, 3);
        expect(marked[id]!.y).toBeCloseTo(at.y, 3);
      }
    }
  });
});
