/**
 * The workspace around the chart: what the side panel counts, the dates the timeline gets for
 * nodes the overview sent undated, the view fitted to an opened investigation, the path start
 * the context menu remembers, and the layout of large charts.
 */
import { describe, expect, it } from 'vitest';
import type { GraphElements } from '../../main/contract/api';
import type { CaselinkApi } from '../../main/contract/api';
import type { ChartEdgeDto, ChartNodeDto, ChartSliceDto } from '../../main/contract/workspaceTypes';
import { chartCounts } from '../../renderer/src/features/explore/ChartSummary';
import { timelineItems } from '../../renderer/src/features/timeline/timelineItems';
import { radialForest, RING_STEP } from '../../renderer/src/graph/largeLayout';
import { createAppStore } from '../../renderer/src/store';
import { withDates } from '../../renderer/src/store/workspaceSlice';
import { fakeApi } from '../support/fakeApi';

const node = (id: string, more: Partial<ChartNodeDto> = {}): ChartNodeDto => ({
  id,
  kind: id.split(':')[0] as ChartNodeDto['kind'],
  label: id,
  agencies: ['POL'],
  records: 1,
  hub: false,
  properties: {},
  ...more,
});
const edge = (kind: ChartEdgeDto['kind'], source: string, target: string, agencies = ['POL']): ChartEdgeDto => ({
  id: `${kind}|${source}|${target}`,
  kind,
  source,
  target,
  agencies,
  records: [],
});
const slice = (nodes: ChartNodeDto[], edges: ChartEdgeDto[] = []): ChartSliceDto => ({
  nodes,
  edges,
  hubsLeftOut: 0,
  cappedOut: 0,
  notes: [],
});

describe('what the side panel says is on the chart', () => {
  it('counts the chart’s nodes by kind, its links by kind and the agencies behind them, not the overview', () => {
    const counts = chartCounts(
      {
        nodes: {
          'person:a': node('person:a', { agencies: ['BORDER', 'POL'] }),
          'person:b': node('person:b', { agencies: ['POL'] }),
          'phone:1': node('phone:1', { agencies: ['BORDER'] }),
        },
        edges: {
          e1: edge('phone', 'person:a', 'phone:1'),
          e2: edge('phone', 'person:b', 'phone:1'),
          e3: edge('same-as', 'person:a', 'person:b'),
        },
      },
      new Set(['person:a', 'phone:1']),
    );
    expect(counts.nodes).toBe(3);
    expect(counts.edges).toBe(3);
    expect(counts.hiddenNodes).toBe(1);
    expect(counts.nodesByKind).toEqual([
      ['person', 2],
      ['phone', 1],
    ]);
    expect(counts.edgesByKind).toEqual([
      ['phone', 2],
      ['same-as', 1],
    ]);
    // Most nodes first, then by name.
    expect(counts.agencies).toEqual([
      ['BORDER', 2],
      ['POL', 2],
    ]);
  });
});

describe('the dates behind the chart', () => {
  // The overview as main sends it: persons and identifiers carry no dates.
  const overview: GraphElements = {
    nodes: [
      {
        data: {
          id: '4:p1',
          kind: 'Person',
          label: 'Ana Popa',
          properties: { id: 'p1', name: 'Ana Popa', agency: 'POL', record: 'r1' },
        },
      },
      { data: { id: '4:t1', kind: 'Phone', label: '+44 7700 900123', properties: { e164: '+447700900123' } } },
    ],
    edges: [
      {
        data: {
          id: '5:x',
          kind: 'HAS_PHONE',
          source: '4:p1',
          target: '4:t1',
          properties: { agency: 'POL', record: 'r1' },
        },
      },
    ],
    truncated: false,
  } as unknown as GraphElements;

  it('reads them for the overview’s undated nodes, so the timeline draws the records and events behind the chart', async () => {
    const asked: Parameters<CaselinkApi['readChartNodes']>[0][] = [];
    const store = createAppStore(
      fakeApi({
        getOverview: async () => ({ ok: true, value: overview }),
        readChartNodes: async (input) => {
          asked.push(input);
          return {
            ok: true,
            value: [
              node('person:p1', {
                mentions: [
                  { id: 'p1', name: 'Ana Popa', role: 'suspect', agency: 'POL', record: 'r1', date: '2026-03-14' },
                ],
                dates: ['2026-03-14'],
              }),
              node('phone:%2B447700900123', { dates: ['2026-03-14', '2026-05-02'] }),
            ],
          };
        },
      }),
      undefined,
    );
    await store.getState().loadOverview();
    await expect.poll(() => store.getState().datesLoading).toBe(false);
    const { chart } = store.getState();
    expect(Object.keys(chart.nodes).sort()).toEqual(['person:p1', 'phone:%2B447700900123']);
    // One request, naming the chart's nodes.
    expect(asked).toHaveLength(1);
    expect([...asked[0]!.nodes].sort()).toEqual(['person:p1', 'phone:%2B447700900123']);
    const timeline = timelineItems(Object.values(chart.nodes));
    expect(timeline.items.map((i) => `${i.group} ${i.date} ${i.node}`)).toEqual([
      'POL 2026-03-14 person:p1',
      'POL 2026-03-14 phone:%2B447700900123',
      'POL 2026-05-02 phone:%2B447700900123',
    ]);
    expect(timeline.undated).toBe(0);
  });

  it('dates a person’s mentions by mention and record, and leaves dates already there alone', () => {
    const onChart = node('person:p1', {
      mentions: [
        { id: 'p1', name: 'Ana', role: null, agency: 'POL', record: 'r1', date: null },
        { id: 'p2', name: 'Ana', role: null, agency: 'NGO', record: 'r9', date: '2025-01' },
      ],
    });
    const read = node('person:p1', {
      mentions: [
        { id: 'p1', name: 'Ana', role: null, agency: 'POL', record: 'r1', date: '2026-02-01' },
        { id: 'p2', name: 'Ana', role: null, agency: 'NGO', record: 'r9', date: '2026-09-09' },
      ],
      dates: ['2026-02-01', '2026-09-09'],
    });
    expect(withDates(onChart, read).mentions?.map((m) => m.date)).toEqual(['2026-02-01', '2025-01']);
  });
});

describe('an opened investigation and the context menu', () => {
  it('asks the view to fit the opened chart, and forgets a path start', async () => {
    const store = createAppStore(
      fakeApi({
        openInvestigation: async ({ id }) => ({
          ok: true,
          value: {
            id,
            name: 'Op Birch',
            nodeCount: 1,
            savedAt: '2026-11-30T02:00:00Z',
            savedBy: 'ana',
            chart: {
              id,
              name: 'Op Birch',
              notes: '',
              settings: {},
              nodes: [{ id: 'phone:1', x: 5000, y: 9000, pinned: false, hidden: false }],
            },
            slice: slice([node('phone:1')]),
            missing: [],
            moved: [],
          },
        }),
      }),
      undefined,
    );
    const s = store.getState();
    s.addSlice(slice([node('person:a'), node('person:b')]));
    s.setPathStart('person:a');
    expect(store.getState().pathStart).toBe('person:a');
    s.setPathStart('person:not-on-the-chart');
    expect(store.getState().pathStart).toBeNull();
    s.setPathStart('person:a');
    const before = store.getState().chartFit;
    expect(await s.openInvestigation('00000000-0000-4000-8000-000000000001')).toBe(true);
    expect(store.getState().chartFit).toBe(before + 1);
    expect(store.getState().pathStart).toBeNull();
    expect(store.getState().chart.positions['phone:1']).toEqual({ x: 5000, y: 9000 });
  });

  it('opens the left panel for the expand and paths options, and for the details', () => {
    const store = createAppStore(fakeApi({}), undefined);
    store.getState().setPanelOpen('left', false);
    store.getState().openExpand();
    expect(store.getState().panelsOpen.left).toBe(true);
    store.getState().setPanelOpen('left', false);
    store.getState().revealDetails();
    expect(store.getState().panelsOpen.left).toBe(true);
    expect(store.getState().panelFocus?.target).toBe('details');
  });
});

describe('the layout of large charts', () => {
  // A forest of small neighbourhoods joined here and there, like an expanded investigation (as bench:render's).
  function forest(n: number): { ids: string[]; links: [string, string][] } {
    let seed = 777;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const ids = Array.from({ length: n }, (_, i) => `n${i}`);
    const links: [string, string][] = [];
    for (let i = 1; i < n; i++) {
      if (i % 500 === 0) continue; // a few separate components
      const parent = rand() < 0.9 ? Math.floor(i / 4) : Math.floor(rand() * i);
      links.push([`n${parent}`, `n${i}`]);
    }
    return { ids, links };
  }

  it('places every node, none on another, tree links at the ideal length, the same way every time and in any order', () => {
    const { ids, links } = forest(3000);
    const placed = radialForest(ids, links);
    expect(placed.size).toBe(ids.length);
    const again = radialForest([...ids].reverse(), [...links].reverse());
    expect([...again].sort()).toEqual([...placed].sort());

    // No two nodes within 20 px of each other (a grid of 20 px cells, neighbours checked).
    const cells = new Map<string, { x: number; y: number }[]>();
    for (const p of placed.values()) {
      const key = `${Math.floor(p.x / 20)},${Math.floor(p.y / 20)}`;
      cells.set(key, [...(cells.get(key) ?? []), p]);
    }
    let close = 0;
    for (const p of placed.values()) {
      const cx = Math.floor(p.x / 20);
      const cy = Math.floor(p.y / 20);
      for (let dx = -1; dx <= 1; dx++)
        for (let dy = -1; dy <= 1; dy++)
          for (const q of cells.get(`${cx + dx},${cy + dy}`) ?? [])
            if (q !== p && Math.hypot(p.x - q.x, p.y - q.y) < 20) close += 1;
    }
    expect(close).toBe(0);

    const lengths = links
      .map(([a, b]) => Math.hypot(placed.get(a)!.x - placed.get(b)!.x, placed.get(a)!.y - placed.get(b)!.y))
      .sort((x, y) => x - y);
    expect(lengths[Math.floor(lengths.length / 2)]).toBeCloseTo(RING_STEP, 0);
  });
});
