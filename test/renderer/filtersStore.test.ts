import { describe, expect, it } from 'vitest';
import type { CaselinkApi } from '../../main/contract/api';
import type { ChartEdgeDto, ChartNodeDto, ChartSliceDto } from '../../main/contract/workspaceTypes';
import { NODE_SIZE_RANGE } from '../../renderer/src/graph/analysis';
import { describeHidden } from '../../renderer/src/graph/filters';
import {
  createAppStore,
  selectChartAnalysis,
  selectChartAppearance,
  selectFilterResult,
} from '../../renderer/src/store';

const node = (id: string, agencies: string[]): ChartNodeDto => ({
  id,
  kind: 'person',
  label: id,
  agencies,
  records: 1,
  hub: false,
  properties: {},
});
const edge = (source: string, target: string): ChartEdgeDto => ({
  id: `shares|${source}|${target}`,
  source,
  target,
  kind: 'shares',
  agencies: ['POL'],
  records: [],
});
const slice = (nodes: ChartNodeDto[], edges: ChartEdgeDto[]): ChartSliceDto => ({
  nodes,
  edges,
  hubsLeftOut: 0,
  cappedOut: 0,
  notes: [],
});

// A star: the centre the police and the NGO know, three leaves of which the border force knows two.
function chartStore() {
  const store = createAppStore({} as CaselinkApi, undefined);
  store
    .getState()
    .addSlice(
      slice(
        [
          node('person:hub', ['NGO', 'POL']),
          node('person:a', ['BORDER']),
          node('person:b', ['BORDER']),
          node('person:c', ['POL']),
        ],
        [edge('person:hub', 'person:a'), edge('person:hub', 'person:b'), edge('person:hub', 'person:c')],
      ),
    );
  return store;
}

describe('filters and analysis over the chart store', () => {
  it('filters the chart by agency and says what it hid, until the filters are cleared', () => {
    const store = chartStore();
    store.getState().setChartFilters({ agencies: ['BORDER'] });
    const result = selectFilterResult(store.getState());
    expect([...result.visibleNodes].sort()).toEqual(['person:c', 'person:hub']);
    expect(describeHidden(result)).toBe(
      '2 nodes hidden by filters: 2 by agency; 2 edges hidden by filters: 2 with a hidden end',
    );
    // The same state answers the same object, so components do not redraw for nothing.
    expect(selectFilterResult(store.getState())).toBe(result);

    store.getState().clearChartFilters();
    expect(selectFilterResult(store.getState()).hiddenNodes).toBe(0);
  });

  it('analyses only what is shown: neither filtered out nor hidden by hand', () => {
    const store = chartStore();
    expect(selectChartAnalysis(store.getState()).components).toHaveLength(1);
    store.getState().hideElements(['person:hub']);
    expect(selectChartAnalysis(store.getState()).components).toHaveLength(3);
    store.getState().showElements();
    store.getState().setChartFilters({ agencies: ['NGO', 'POL'] });
    expect(Object.keys(selectChartAnalysis(store.getState()).byNode).sort()).toEqual(['person:a', 'person:b']);
  });

  it('sizes nodes by betweenness and colours them by community only when asked', () => {
    const store = chartStore();
    expect(selectChartAppearance(store.getState())).toEqual({ sizes: {}, colours: {} });
    store.getState().setChartSizeBy('betweenness');
    const { sizes } = selectChartAppearance(store.getState());
    expect(sizes['person:hub']).toBe(NODE_SIZE_RANGE[1]);
    expect(sizes['person:a']).toBe(NODE_SIZE_RANGE[0]);
    store.getState().setChartColourBy('community');
    expect(Object.keys(selectChartAppearance(store.getState()).colours).sort()).toEqual([
      'person:a',
      'person:b',
      'person:c',
      'person:hub',
    ]);
  });
});
