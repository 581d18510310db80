/**
 * Filters that act on the chart, and how the analysis draws it (size by a metric, colour by
 * community). Derived values — what the filters leave visible, the analysis, node sizes and
 * colours — are selectors over the chart slice, computed once per change of what they read.
 */
import type { StateCreator } from 'zustand';
import type { ChartEdgeDto, ChartNodeDto } from '../../../main/contract/workspaceTypes';
import {
  analyseChart,
  nodeColours,
  nodeSizes,
  type ChartAnalysis,
  type ColourScheme,
  type SizeMetric,
} from '../graph/analysis';
import { applyFilters, NO_FILTERS, type ChartFilters, type FilterResult } from '../graph/filters';
import type { AppState } from './index';

export interface AnalysisSlice {
  chartFilters: ChartFilters;
  /** Changes some filters; the rest stay. */
  setChartFilters(patch: Partial<ChartFilters>): void;
  /** Shows everything the filters hid. */
  clearChartFilters(): void;
  chartSizeBy: SizeMetric;
  chartColourBy: ColourScheme;
  setChartSizeBy(metric: SizeMetric): void;
  setChartColourBy(scheme: ColourScheme): void;
}

export function createAnalysisSlice(): StateCreator<AppState, [], [], AnalysisSlice> {
  return (set) => ({
    chartFilters: NO_FILTERS,
    setChartFilters(patch) {
      set((state) => ({ chartFilters: { ...state.chartFilters, ...patch } }));
    },
    clearChartFilters() {
      set({ chartFilters: NO_FILTERS });
    },
    chartSizeBy: 'none',
    chartColourBy: 'agency',
    setChartSizeBy(metric) {
      set({ chartSizeBy: metric });
    },
    setChartColourBy(scheme) {
      set({ chartColourBy: scheme });
    },
  });
}

/** Remembers the last answer of `compute` for the same inputs (by identity), as selectors need. */
function lastOf<A extends readonly unknown[], R>(compute: (...args: A) => R): (...args: A) => R {
  let last: { args: A; result: R } | null = null;
  return (...args) => {
    if (last && last.args.length === args.length && last.args.every((arg, i) => arg === args[i])) return last.result;
    const result = compute(...args);
    last = { args, result };
    return result;
  };
}

const chartArrays = lastOf(
  (nodes: Record<string, ChartNodeDto>, edges: Record<string, ChartEdgeDto>) =>
    [Object.values(nodes), Object.values(edges)] as const,
);

const filterResult = lastOf(
  (nodes: Record<string, ChartNodeDto>, edges: Record<string, ChartEdgeDto>, filters: ChartFilters) => {
    const [nodeList, edgeList] = chartArrays(nodes, edges);
    return applyFilters(nodeList, edgeList, filters);
  },
);

/** What the filters leave visible on the chart and what they hide, by reason. */
export function selectFilterResult(state: AppState): FilterResult {
  return filterResult(state.chart.nodes, state.chart.edges, state.chartFilters);
}

/** The nodes and edges the investigator sees: on the chart, not hidden by hand, not filtered out. */
const shownElements = lastOf(
  (
    nodes: Record<string, ChartNodeDto>,
    edges: Record<string, ChartEdgeDto>,
    hidden: Record<string, true>,
    result: FilterResult,
  ) => ({
    nodes: Object.values(nodes).filter((n) => result.visibleNodes.has(n.id) && !hidden[n.id]),
    edges: Object.values(edges).filter(
      (e) => result.visibleEdges.has(e.id) && !hidden[e.id] && !hidden[e.source] && !hidden[e.target],
    ),
  }),
);

type Shown = { nodes: ChartNodeDto[]; edges: ChartEdgeDto[] };
// Betweenness is the slow part: the colours and the other sizes are worked out without it.
const fullAnalysisOf = lastOf((shown: Shown) => analyseChart(shown.nodes, shown.edges));
const quickAnalysisOf = lastOf((shown: Shown) => analyseChart(shown.nodes, shown.edges, { betweenness: false }));

function shownOf(state: AppState): Shown {
  const { chart } = state;
  return shownElements(chart.nodes, chart.edges, chart.hidden, selectFilterResult(state));
}

/** The analysis of what is shown on the chart (filters and hidden elements left out), with betweenness. */
export function selectChartAnalysis(state: AppState): ChartAnalysis {
  return fullAnalysisOf(shownOf(state));
}

const NO_APPEARANCE = { sizes: {}, colours: {} } as const;

const appearanceOf = lastOf((shown: Shown, analysis: ChartAnalysis, sizeBy: SizeMetric, colourBy: ColourScheme) => ({
  sizes: nodeSizes(shown.nodes, analysis, sizeBy),
  colours: nodeColours(analysis, colourBy),
}));

/**
 * Node diameters (px) and fill colours the analysis asks for, by node id; both empty while the
 * investigator sizes by nothing and colours by agency (the analysis is then not run at all).
 */
export function selectChartAppearance(state: AppState): {
  sizes: Readonly<Record<string, number>>;
  colours: Readonly<Record<string, string>>;
} {
  if (state.chartSizeBy === 'none' && state.chartColourBy === 'agency') return NO_APPEARANCE;
  const shown = shownOf(state);
  const analysis = state.chartSizeBy === 'betweenness' ? fullAnalysisOf(shown) : quickAnalysisOf(shown);
  return appearanceOf(shown, analysis, state.chartSizeBy, state.chartColourBy);
}
