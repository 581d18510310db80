/**
 * The investigator's chart: what is on it (nodes and edges by stable reference), where each node
 * sits, what is pinned, hidden or grouped, what is selected, and the history of edits for undo
 * and redo. Plain data only: the Cytoscape view (renderer/src/graph) draws it and writes back
 * positions; search, expand, paths and details panels add to it through {@link ChartSlice.addSlice}.
 */
import type { StateCreator } from 'zustand';
import type { GraphElements } from '../../../main/contract/api';
import type { ChartEdgeDto, ChartNodeDto, ChartNoteDto, ChartSliceDto } from '../../../main/contract/workspaceTypes';
import { overviewToSlice } from '../graph/fromOverview';
import { nearPosition, seededPosition, type ChartPosition } from '../graph/placement';
import type { AppState } from './index';

export type { ChartPosition } from '../graph/placement';

/** A group of nodes drawn inside one box (a Cytoscape compound node). */
export interface ChartGroup {
  /** `group:` followed by a number; never a node reference. */
  id: string;
  label: string;
  members: string[];
}

/** Everything one undo step restores. Never mutated: each edit makes a new one. */
export interface ChartContent {
  nodes: Record<string, ChartNodeDto>;
  edges: Record<string, ChartEdgeDto>;
  positions: Record<string, ChartPosition>;
  /** Nodes that layouts leave where they are. */
  pinned: Record<string, true>;
  /** Nodes (and edges) kept on the chart but not drawn; the view counts them. */
  hidden: Record<string, true>;
  groups: Record<string, ChartGroup>;
}

/**
 * What the view should lay out next: every node (`all`), or only the `nodes` just added (placed
 * next to their neighbours; the rest stay where they are). `seq` changes with every request.
 */
export interface ChartLayoutRequest {
  seq: number;
  scope: 'all' | 'new';
  nodes: string[];
}

export interface AddSliceOptions {
  /** Put the new nodes around this node (the one expanded) when it is on the chart. */
  near?: string;
  /** Select the nodes added (a search hit the investigator picked). */
  select?: boolean;
}

/** How many edits undo remembers. */
export const CHART_HISTORY_LIMIT = 100;

export interface ChartSlice {
  chart: ChartContent;
  /** Selected node and edge ids, in the order they were selected. Not part of undo. */
  chartSelection: string[];
  /** Earlier contents, newest last, and contents undone, newest last. */
  chartPast: ChartContent[];
  chartFuture: ChartContent[];
  chartLayout: ChartLayoutRequest;
  /** What the last slice added left out (hubs, the cap); their texts are shown beside the chart. */
  chartNotes: ChartNoteDto[];
  /**
   * Changes whenever the view should fit the whole chart without laying it out again (a saved
   * investigation opened at its saved positions).
   */
  chartFit: number;
  /**
   * Where the investigator asked to find paths from (the context menu's "Find paths from here");
   * a later "Find paths to here" pairs it with another node.
   */
  pathStart: string | null;

  /**
   * Adds a slice (a search hit, an expansion, paths): nodes and edges already on the chart are
   * updated in place, not duplicated; new nodes are put next to `near` or to their neighbours
   * already on the chart, then laid out locally. Edges whose ends are not on the chart are left out.
   * Answers the ids of the nodes that were new.
   */
  addSlice(slice: ChartSliceDto, options?: AddSliceOptions): string[];
  /** Replaces the chart with main's overview (element-id based), converted to stable references. */
  showOverview(graph: GraphElements): void;
  /** Removes nodes (with their edges) and edges. */
  removeFromChart(ids: readonly string[]): void;
  pinNodes(ids: readonly string[]): void;
  unpinNodes(ids: readonly string[]): void;
  hideElements(ids: readonly string[]): void;
  /** Shows the given hidden elements again, or every hidden one when `ids` is left out. */
  showElements(ids?: readonly string[]): void;
  /** Sets the selection (or adds to it); ids not on the chart are ignored. Not an undo step. */
  selectOnChart(ids: readonly string[], options?: { add?: boolean }): void;
  /** Puts the nodes in a new group (out of any group they were in); answers the group's id. */
  groupNodes(ids: readonly string[], label?: string): string | null;
  /** Dissolves groups; the nodes stay on the chart. */
  ungroup(groupIds: readonly string[]): void;
  /** Moves nodes: a user's drag is an undo step, a layout's result is not (`record: false`). */
  moveNodes(positions: Record<string, ChartPosition>, options?: { record?: boolean }): void;
  /** Asks the view to lay out the whole chart again (pinned nodes stay). */
  relayoutChart(): void;
  /** Asks the view to fit the whole chart in the window, as it stands. */
  fitChartView(): void;
  /** Remembers (or forgets, with null) the node to find paths from. */
  setPathStart(id: string | null): void;
  undoChart(): void;
  redoChart(): void;
  /** Empties the chart (an undo step). */
  clearChart(): void;
}

export const EMPTY_CHART: ChartContent = { nodes: {}, edges: {}, positions: {}, pinned: {}, hidden: {}, groups: {} };

function without<T>(record: Record<string, T>, ids: Iterable<string>): Record<string, T> {
  const next = { ...record };
  for (const id of ids) delete next[id];
  return next;
}

function centreOf(positions: Record<string, ChartPosition>): ChartPosition {
  const all = Object.values(positions);
  if (all.length === 0) return { x: 0, y: 0 };
  return {
    x: all.reduce((sum, p) => sum + p.x, 0) / all.length,
    y: all.reduce((sum, p) => sum + p.y, 0) / all.length,
  };
}

/** The chart with `slice` merged in, and the ids of the nodes that were new. */
export function mergeSlice(
  chart: ChartContent,
  slice: ChartSliceDto,
  near?: string,
): { chart: ChartContent; added: string[] } {
  const nodes = { ...chart.nodes };
  const added: string[] = [];
  for (const node of slice.nodes) {
    if (!(node.id in nodes)) added.push(node.id);
    nodes[node.id] = node;
  }
  const edges = { ...chart.edges };
  for (const edge of slice.edges) {
    if (edge.source in nodes && edge.target in nodes) edges[edge.id] = edge;
  }

  const positions = { ...chart.positions };
  const wasEmpty = Object.keys(chart.nodes).length === 0;
  const anchorOf = new Map<string, ChartPosition[]>();
  if (!wasEmpty) {
    const isNew = new Set(added);
    for (const edge of Object.values(edges)) {
      for (const [from, to] of [
        [edge.source, edge.target],
        [edge.target, edge.source],
      ] as const) {
        const at = positions[to];
        if (isNew.has(from) && !isNew.has(to) && at) anchorOf.set(from, [...(anchorOf.get(from) ?? []), at]);
      }
    }
  }
  const nearAt = near !== undefined ? positions[near] : undefined;
  const total = Object.keys(nodes).length;
  const centre = centreOf(chart.positions);
  added.forEach((id, index) => {
    const anchors = nearAt ? [nearAt] : anchorOf.get(id);
    positions[id] =
      anchors && anchors.length > 0
        ? nearPosition(id, anchors, index, added.length)
        : seededPosition(id, total, centre);
  });
  return { chart: { ...chart, nodes, edges, positions }, added };
}

/** The chart without the given nodes and edges (a node takes its edges and group membership with it). */
export function removeElements(chart: ChartContent, ids: readonly string[]): ChartContent {
  const gone = new Set(ids.filter((id) => id in chart.nodes));
  const edges = Object.fromEntries(
    Object.entries(chart.edges).filter(
      ([id, edge]) => !ids.includes(id) && !gone.has(edge.source) && !gone.has(edge.target),
    ),
  );
  const groups: Record<string, ChartGroup> = {};
  for (const group of Object.values(chart.groups)) {
    if (ids.includes(group.id)) continue;
    const members = group.members.filter((m) => !gone.has(m));
    if (members.length > 0) groups[group.id] = { ...group, members };
  }
  const removedEdges = Object.keys(chart.edges).filter((id) => !(id in edges));
  return {
    nodes: without(chart.nodes, gone),
    edges,
    positions: without(chart.positions, gone),
    pinned: without(chart.pinned, gone),
    hidden: without(chart.hidden, [...gone, ...removedEdges]),
    groups,
  };
}

export function createChartSlice(): StateCreator<AppState, [], [], ChartSlice> {
  let layoutSeq = 0;
  return (set, get) => {
    /** Records the current chart for undo and puts `next` in its place. */
    const edit = (next: ChartContent, extra: Partial<ChartSlice> = {}) => {
      const { chart, chartPast } = get();
      if (next === chart) return;
      set({
        chart: next,
        chartPast: [...chartPast, chart].slice(-CHART_HISTORY_LIMIT),
        chartFuture: [],
        ...extra,
      });
    };
    const keepSelection = (chart: ChartContent) =>
      get().chartSelection.filter((id) => id in chart.nodes || id in chart.edges || id in chart.groups);
    const onChart = (ids: readonly string[]) => {
      const { nodes } = get().chart;
      return ids.filter((id) => id in nodes);
    };
    const layout = (scope: 'all' | 'new', nodes: string[]): ChartLayoutRequest => ({ seq: ++layoutSeq, scope, nodes });

    return {
      chart: EMPTY_CHART,
      chartSelection: [],
      chartPast: [],
      chartFuture: [],
      chartLayout: { seq: 0, scope: 'all', nodes: [] },
      chartNotes: [],
      chartFit: 0,
      pathStart: null,

      addSlice(slice, options = {}) {
        const before = get().chart;
        const { chart, added } = mergeSlice(before, slice, options.near);
        const wasEmpty = Object.keys(before.nodes).length === 0;
        edit(chart, {
          chartNotes: slice.notes,
          ...(added.length > 0 ? { chartLayout: layout(wasEmpty ? 'all' : 'new', added) } : {}),
          ...(options.select ? { chartSelection: slice.nodes.map((n) => n.id) } : {}),
        });
        return added;
      },

      showOverview(graph) {
        const slice = overviewToSlice(graph);
        const { chart } = mergeSlice(EMPTY_CHART, slice);
        edit(chart, {
          chartNotes: slice.notes,
          chartSelection: [],
          chartLayout: layout('all', Object.keys(chart.nodes)),
        });
      },

      removeFromChart(ids) {
        if (ids.length === 0) return;
        const chart = removeElements(get().chart, ids);
        edit(chart);
        set({ chartSelection: keepSelection(chart) });
      },

      pinNodes(ids) {
        const nodes = onChart(ids);
        if (nodes.length === 0) return;
        const { chart } = get();
        edit({ ...chart, pinned: { ...chart.pinned, ...Object.fromEntries(nodes.map((id) => [id, true as const])) } });
      },

      unpinNodes(ids) {
        const nodes = onChart(ids).filter((id) => get().chart.pinned[id]);
        if (nodes.length === 0) return;
        const { chart } = get();
        edit({ ...chart, pinned: without(chart.pinned, nodes) });
      },

      hideElements(ids) {
        const { chart } = get();
        const known = ids.filter((id) => id in chart.nodes || id in chart.edges);
        if (known.length === 0) return;
        edit({ ...chart, hidden: { ...chart.hidden, ...Object.fromEntries(known.map((id) => [id, true as const])) } });
        set({ chartSelection: get().chartSelection.filter((id) => !known.includes(id)) });
      },

      showElements(ids) {
        const { chart } = get();
        const shown = ids ? ids.filter((id) => chart.hidden[id]) : Object.keys(chart.hidden);
        if (shown.length === 0) return;
        edit({ ...chart, hidden: without(chart.hidden, shown) });
      },

      selectOnChart(ids, options = {}) {
        const { chart, chartSelection } = get();
        const known = ids.filter((id) => id in chart.nodes || id in chart.edges || id in chart.groups);
        const next = options.add ? [...chartSelection, ...known.filter((id) => !chartSelection.includes(id))] : known;
        if (next.length === chartSelection.length && next.every((id, i) => id === chartSelection[i])) return;
        set({ chartSelection: next });
      },

      groupNodes(ids, label) {
        const members = onChart(ids);
        if (members.length === 0) return null;
        const { chart } = get();
        const taken = new Set(members);
        const groups: Record<string, ChartGroup> = {};
        for (const group of Object.values(chart.groups)) {
          const rest = group.members.filter((m) => !taken.has(m));
          if (rest.length > 0) groups[group.id] = { ...group, members: rest };
        }
        let n = Object.keys(chart.groups).length + 1;
        while (`group:${n}` in chart.groups) n += 1;
        const id = `group:${n}`;
        groups[id] = { id, label: label?.trim() || `Group ${n}`, members };
        edit({ ...chart, groups });
        return id;
      },

      ungroup(groupIds) {
        const { chart } = get();
        const known = groupIds.filter((id) => id in chart.groups);
        if (known.length === 0) return;
        edit({ ...chart, groups: without(chart.groups, known) });
        set({ chartSelection: keepSelection(get().chart) });
      },

      moveNodes(positions, options = {}) {
        const { chart } = get();
        const moved = Object.entries(positions).filter(([id, p]) => {
          const at = chart.positions[id];
          return id in chart.nodes && (!at || Math.abs(at.x - p.x) > 0.5 || Math.abs(at.y - p.y) > 0.5);
        });
        if (moved.length === 0) return;
        const next = { ...chart, positions: { ...chart.positions, ...Object.fromEntries(moved) } };
        if (options.record) edit(next);
        else set({ chart: next });
      },

      relayoutChart() {
        set({ chartLayout: layout('all', Object.keys(get().chart.nodes)) });
      },

      fitChartView() {
        set({ chartFit: get().chartFit + 1 });
      },

      setPathStart(id) {
        set({ pathStart: id !== null && id in get().chart.nodes ? id : null });
      },

      undoChart() {
        const { chart, chartPast, chartFuture } = get();
        const previous = chartPast[chartPast.length - 1];
        if (!previous) return;
        set({ chart: previous, chartPast: chartPast.slice(0, -1), chartFuture: [...chartFuture, chart] });
        set({ chartSelection: keepSelection(previous) });
      },

      redoChart() {
        const { chart, chartPast, chartFuture } = get();
        const next = chartFuture[chartFuture.length - 1];
        if (!next) return;
        set({ chart: next, chartPast: [...chartPast, chart], chartFuture: chartFuture.slice(0, -1) });
        set({ chartSelection: keepSelection(next) });
      },

      clearChart() {
        if (Object.keys(get().chart.nodes).length === 0) return;
        edit(EMPTY_CHART, { chartSelection: [], chartNotes: [] });
      },
    };
  };
}
