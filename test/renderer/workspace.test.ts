import { describe, expect, it } from 'vitest';
import type { InvestigationInput } from '../../main/contract/workspaceTypes';
import type {
  ChartEdgeDto,
  ChartNodeDto,
  ChartSliceDto,
  OpenedInvestigationDto,
  SearchResultDto,
} from '../../main/contract/workspaceTypes';
import { pathSteps } from '../../renderer/src/features/paths/PathsPanel';
import { createAppStore } from '../../renderer/src/store';
import { moveActive, searchRows } from '../../renderer/src/store/workspaceSlice';
import { fakeApi } from '../support/fakeApi';

const node = (id: string, more: Partial<ChartNodeDto> = {}): ChartNodeDto => ({
  id,
  kind: (id.split(':')[0] as ChartNodeDto['kind']) ?? 'person',
  label: id,
  agencies: ['POL'],
  records: 1,
  hub: false,
  properties: {},
  ...more,
});
const edge = (kind: ChartEdgeDto['kind'], source: string, target: string): ChartEdgeDto => ({
  id: `${kind}|${source}|${target}`,
  kind,
  source,
  target,
  agencies: ['POL'],
  records: [],
});
const slice = (
  nodes: ChartNodeDto[],
  edges: ChartEdgeDto[] = [],
  more: Partial<ChartSliceDto> = {},
): ChartSliceDto => ({
  nodes,
  edges,
  hubsLeftOut: 0,
  cappedOut: 0,
  notes: [],
  ...more,
});

const oleksandr = node('person:p1', { label: 'Oleksandr Bondarenko', agencies: ['NGO', 'POL'], records: 3 });
const olek = node('person:p2', { label: 'Olek Bondar', agencies: ['BORDER'] });
const phone = node('phone:%2B447700900123', { label: '+44 7700 900123', agencies: ['BORDER', 'POL'], records: 4 });
const searchAnswer: SearchResultDto = {
  readAs: ['as a name: oleksandr'],
  groups: [
    {
      kind: 'person',
      total: 2,
      hits: [
        { node: oleksandr, matched: 'name "Олександр Бондаренко" (transliterated)', score: 2 },
        { node: olek, matched: 'name "Olek Bondar"', score: 1 },
      ],
    },
    { kind: 'phone', total: 1, hits: [{ node: phone, matched: 'phone +447700900123', score: 0.5 }] },
  ],
};

describe('the search box', () => {
  it('walks the hits with the arrows (an "Add all" row after a group of several) and Enter adds the hit, selected', async () => {
    const asked: string[] = [];
    const store = createAppStore(
      fakeApi({
        search: async (input) => {
          asked.push(input.text);
          return { ok: true, value: searchAnswer };
        },
      }),
      undefined,
    );
    await store.getState().runSearch('  Olek ');
    expect(asked).toEqual(['Olek']);
    const rows = searchRows(store.getState().searchResult);
    expect(rows.map((r) => (r.type === 'hit' ? r.hit.node.id : `all ${r.group}`))).toEqual([
      'person:p1',
      'person:p2',
      'all 0',
      'phone:%2B447700900123',
    ]);

    // Down from nothing starts at the top; Up from the top wraps to the bottom.
    let active = moveActive(-1, 1, rows.length);
    expect(active).toBe(0);
    expect(moveActive(0, -1, rows.length)).toBe(3);
    active = moveActive(active, 1, rows.length);
    const row = rows[active]!;
    expect(row.type === 'hit' && row.hit.node.label).toBe('Olek Bondar');

    const added = store.getState().addSearchHits(row.type === 'hit' ? [row.hit] : []);
    expect(added).toEqual(['person:p2']);
    expect(Object.keys(store.getState().chart.nodes)).toEqual(['person:p2']);
    expect(store.getState().chartSelection).toEqual(['person:p2']);

    // "Add all" of the persons: both on the chart, both selected, the one already there not doubled.
    const all = rows[2]!;
    store.getState().addSearchHits(all.type === 'all' ? all.hits : []);
    expect(Object.keys(store.getState().chart.nodes).sort()).toEqual(['person:p1', 'person:p2']);
    expect(store.getState().chartSelection).toEqual(['person:p1', 'person:p2']);
  });

  it('drops the answer to an older text that arrives after the newer one', async () => {
    const waiting: ((value: SearchResultDto) => void)[] = [];
    const store = createAppStore(
      fakeApi({
        search: (input) =>
          new Promise((done) =>
            waiting.push((value) =>
              done({ ok: true, value: input.text === 'Ol' ? { readAs: ['old'], groups: [] } : value }),
            ),
          ),
      }),
      undefined,
    );
    const first = store.getState().runSearch('Ol');
    const second = store.getState().runSearch('Olek');
    waiting[1]!(searchAnswer);
    await second;
    waiting[0]!(searchAnswer);
    await first;
    expect(store.getState().searchResult?.readAs).toEqual(['as a name: oleksandr']);
  });

  it('says in plain words why a search failed, and clears when the text is emptied', async () => {
    const store = createAppStore(
      fakeApi({
        search: async () => ({
          ok: false,
          error: { kind: 'ConnectionUnavailable', message: 'Neo4j is not running.', hint: 'Start it.' },
        }),
      }),
      undefined,
    );
    await store.getState().runSearch('x');
    expect(store.getState().searchError?.message).toBe('Neo4j is not running.');
    await store.getState().runSearch('');
    expect(store.getState().searchError).toBeNull();
    expect(store.getState().searchResult).toBeNull();
  });
});

describe('expand and paths', () => {
  it('adds the expansion next to the node, keeps its notes, and "show the rest" asks again with room for what was cut', async () => {
    const limits: number[] = [];
    const store = createAppStore(
      fakeApi({
        expandNodes: async (input) => {
          limits.push(input.limit ?? 100);
          return {
            ok: true,
            value:
              input.limit === 10
                ? slice([oleksandr, phone], [edge('phone', oleksandr.id, phone.id)], {
                    cappedOut: 40,
                    hubsLeftOut: 12,
                    notes: [
                      { kind: 'hubs-left-out', text: '12 hub neighbours left out', fact: '12 hub neighbours left out' },
                      { kind: 'capped', text: '40 more — show the rest', fact: '40 more' },
                    ],
                  })
                : slice([oleksandr, phone, olek], [edge('phone', olek.id, phone.id)]),
          };
        },
      }),
      undefined,
    );
    store.getState().addSlice(slice([oleksandr]));
    store.getState().setExpandOptions({ limit: 10 });
    expect(await store.getState().expand([oleksandr.id])).toBe(true);
    expect(store.getState().lastExpand).toMatchObject({ added: 1, cappedOut: 40, hubsLeftOut: 12 });
    expect(store.getState().lastExpand?.notes.map((n) => n.text)).toContain('40 more — show the rest');
    expect(await store.getState().expandRest()).toBe(true);
    expect(limits).toEqual([10, 50]);
    expect(Object.keys(store.getState().chart.nodes).sort()).toEqual([oleksandr.id, olek.id, phone.id].sort());
    expect(store.getState().lastExpand?.cappedOut).toBe(0);
  });

  it('adds the paths, highlights every node and link on them, and reads each path as steps with their kinds', async () => {
    const links = [edge('phone', oleksandr.id, phone.id), edge('phone', olek.id, phone.id)];
    const store = createAppStore(
      fakeApi({
        findPaths: async () => ({
          ok: true,
          value: {
            paths: [{ nodes: [oleksandr.id, phone.id, olek.id], edges: links.map((l) => l.id) }],
            slice: slice([oleksandr, phone, olek], links),
          },
        }),
      }),
      undefined,
    );
    store.getState().addSlice(slice([oleksandr, olek]));
    expect(await store.getState().findPaths(oleksandr.id, olek.id)).toBe(true);
    const state = store.getState();
    expect(Object.keys(state.highlighted).sort()).toEqual(
      [...links.map((l) => l.id), oleksandr.id, olek.id, phone.id].sort(),
    );
    expect(pathSteps(state.paths![0]!, state.chart)).toEqual([
      'Oleksandr Bondarenko',
      'uses phone +44 7700 900123',
      'uses phone Olek Bondar',
    ]);
  });
});

describe('investigations', () => {
  it('saves positions, pinned and hidden nodes and the filters, and opening puts them back, replacing the chart and naming what is gone', async () => {
    let saved: InvestigationInput | null = null;
    const store = createAppStore(
      fakeApi({
        saveInvestigation: async (input) => {
          saved = input;
          return {
            ok: true,
            value: {
              id: '00000000-0000-4000-8000-000000000001',
              name: input.name,
              nodeCount: input.nodes.length,
              savedAt: '2026-11-30T02:00:00Z',
              savedBy: 'ana',
            },
          };
        },
        openInvestigation: async ({ id }) => {
          const chart = saved!;
          const opened: OpenedInvestigationDto = {
            id,
            name: chart.name,
            nodeCount: chart.nodes.length,
            savedAt: '2026-11-30T02:00:00Z',
            savedBy: 'ana',
            chart: {
              ...chart,
              id,
              settings: chart.settings ?? {},
              notes: chart.notes ?? '',
              nodes: chart.nodes.map((n) => ({ ...n, pinned: n.pinned ?? false, hidden: n.hidden ?? false })),
            },
            // The phone was deleted from the graph since the save.
            slice: slice([oleksandr, olek], []),
            missing: [phone.id],
            moved: [],
          };
          return { ok: true, value: opened };
        },
      }),
      undefined,
    );
    const s = store.getState();
    s.addSlice(slice([oleksandr, olek, phone]));
    s.moveNodes({ [oleksandr.id]: { x: 10, y: 20 }, [olek.id]: { x: -30, y: 40 }, [phone.id]: { x: 5, y: 5 } });
    s.pinNodes([oleksandr.id]);
    s.hideElements([olek.id]);
    s.setChartFilters({ agencies: ['NGO'] });

    const summary = await s.saveInvestigation('Op Birch', 'Two suspects, one phone');
    expect(summary?.nodeCount).toBe(3);
    expect(saved!.nodes).toContainEqual({ id: oleksandr.id, x: 10, y: 20, pinned: true, hidden: false });
    expect(saved!.nodes).toContainEqual({ id: olek.id, x: -30, y: 40, pinned: false, hidden: true });
    expect(saved!.settings).toMatchObject({ filters: { agencies: ['NGO'] } });

    s.clearChart();
    s.clearChartFilters();
    s.addSlice(slice([node('case:POL:X1')]));
    expect(await s.openInvestigation(summary!.id)).toBe(true);
    const after = store.getState();
    expect(Object.keys(after.chart.nodes).sort()).toEqual([oleksandr.id, olek.id].sort());
    expect(after.chart.positions[oleksandr.id]).toEqual({ x: 10, y: 20 });
    expect(after.chart.positions[olek.id]).toEqual({ x: -30, y: 40 });
    expect(after.chart.pinned).toEqual({ [oleksandr.id]: true });
    expect(after.chart.hidden).toEqual({ [olek.id]: true });
    expect(after.chartFilters.agencies).toEqual(['NGO']);
    expect(after.lastOpened?.missing).toEqual([phone.id]);
    expect(after.currentInvestigation).toEqual({ id: summary!.id, name: 'Op Birch', notes: 'Two suspects, one phone' });

    // Opening is one undo step: the chart before it comes back.
    after.undoChart();
    expect(Object.keys(store.getState().chart.nodes)).toEqual(['case:POL:X1']);
  });

  it('saves over the opened investigation unless asked for a new one', async () => {
    const ids: (string | undefined)[] = [];
    const store = createAppStore(
      fakeApi({
        saveInvestigation: async (input) => {
          ids.push(input.id);
          return {
            ok: true,
            value: {
              id: input.id ?? '00000000-0000-4000-8000-00000000000' + ids.length,
              name: input.name,
              nodeCount: 1,
              savedAt: '',
              savedBy: '',
            },
          };
        },
      }),
      undefined,
    );
    store.getState().addSlice(slice([oleksandr]));
    await store.getState().saveInvestigation('A', '');
    await store.getState().saveInvestigation('A', 'more');
    await store.getState().saveInvestigation('B', '', true);
    expect(ids).toEqual([undefined, '00000000-0000-4000-8000-000000000001', undefined]);
  });
});
