/**
 * The investigator's panels over the chart: search, details, expand, paths and saved
 * investigations. Every answer lands on the chart through the chart slice's `addSlice` (or, when an
 * investigation is opened, replaces the chart as one undo step); this slice keeps what the panels
 * show about the last request (its options, notes and errors).
 */
import type { StateCreator } from 'zustand';
import type { CaselinkApi, CaselinkError } from '../../../main/contract/api';
import type {
  ChartEdgeKind,
  ChartNodeDto,
  ChartNoteDto,
  ChartSliceDto,
  EdgeEvidenceDto,
  InvestigationSummaryDto,
  NodeDetailsDto,
  OpenedInvestigationDto,
  PathDto,
  SearchHitDto,
  SearchResultDto,
} from '../../../main/contract/workspaceTypes';
import { NO_FILTERS, type ChartFilters } from '../graph/filters';
import { CHART_HISTORY_LIMIT, EMPTY_CHART, mergeSlice, type ChartContent } from './chartSlice';
import type { AppState } from './index';
import { settle } from './settle';

/** Whether an expansion draws identifiers as their own nodes or collapses them into direct links. */
export type IdentifierDrawing = 'nodes' | 'collapsed';

export interface ExpandOptions {
  /** Edge kinds to follow; empty for all. */
  edgeKinds: ChartEdgeKind[];
  /** Agencies whose records to follow; empty for all. */
  agencies: string[];
  hops: 1 | 2 | 3;
  includeHubs: boolean;
  identifiers: IdentifierDrawing;
  limit: number;
}

export const DEFAULT_EXPAND: ExpandOptions = {
  edgeKinds: [],
  agencies: [],
  hops: 1,
  includeHubs: false,
  identifiers: 'nodes',
  limit: 100,
};

/** The API's largest expansion. */
export const EXPAND_LIMIT_MAX = 2000;

export interface PathOptions {
  maxHops: number;
  includeHubs: boolean;
  limit: number;
}

export const DEFAULT_PATHS: PathOptions = { maxHops: 6, includeHubs: false, limit: 5 };

/** One row of the search list, in keyboard order: a hit, or a group's "Add all". */
export type SearchRow =
  { type: 'hit'; group: number; hit: SearchHitDto } | { type: 'all'; group: number; hits: SearchHitDto[] };

/** The last expansion: what it was asked with and what it left out (for "show the rest"). */
export interface ExpandOutcome {
  nodes: string[];
  options: ExpandOptions;
  added: number;
  hubsLeftOut: number;
  cappedOut: number;
  notes: ChartNoteDto[];
}

/** What an opened investigation could not put back as saved. */
export interface OpenOutcome {
  id: string;
  name: string;
  notes: string;
  missing: string[];
  moved: { from: string; to: string }[];
}

export interface WorkspaceSlice {
  searchText: string;
  searchResult: SearchResultDto | null;
  searchLoading: boolean;
  searchError: CaselinkError | null;
  /** Runs a search; an answer to an older text is dropped. Empty text clears the results. */
  runSearch(text: string): Promise<void>;
  clearSearch(): void;
  /** Puts search hits on the chart, selects them (so the view centres on them) and answers the ids. */
  addSearchHits(hits: readonly SearchHitDto[]): string[];

  /** The details of the one selected node or edge, and whose they are. */
  detailsFor: string | null;
  nodeDetails: NodeDetailsDto | null;
  edgeEvidence: EdgeEvidenceDto | null;
  detailsLoading: boolean;
  detailsError: CaselinkError | null;
  loadDetails(id: string | null): Promise<void>;

  expandOpen: boolean;
  expandOptions: ExpandOptions;
  expandLoading: boolean;
  expandError: CaselinkError | null;
  lastExpand: ExpandOutcome | null;
  openExpand(): void;
  closeExpand(): void;
  setExpandOptions(patch: Partial<ExpandOptions>): void;
  /** Expands the nodes with the current options and adds the answer next to the first. */
  expand(nodes: readonly string[]): Promise<boolean>;
  /** Asks the last expansion again with room for what the cap left out. */
  expandRest(): Promise<boolean>;

  pathsOpen: boolean;
  pathOptions: PathOptions;
  pathsLoading: boolean;
  pathsError: CaselinkError | null;
  /** The paths found last, between `pathEnds`; null before any search. */
  paths: PathDto[] | null;
  pathEnds: [string, string] | null;
  /** Nodes and edges on the paths found last, for the chart to draw highlighted. */
  highlighted: Record<string, true>;
  openPaths(): void;
  closePaths(): void;
  setPathOptions(patch: Partial<PathOptions>): void;
  findPaths(from: string, to: string): Promise<boolean>;
  clearHighlight(): void;

  investigationsOpen: 'save' | 'open' | null;
  investigations: InvestigationSummaryDto[] | null;
  investigationsLoading: boolean;
  investigationsError: CaselinkError | null;
  /** The investigation the chart was saved as or opened from, so a later save can go over it. */
  currentInvestigation: { id: string; name: string; notes: string } | null;
  lastOpened: OpenOutcome | null;
  showInvestigations(mode: 'save' | 'open'): void;
  closeInvestigations(): void;
  loadInvestigations(): Promise<void>;
  /** Saves the chart; `asNew` saves a copy instead of over the current investigation. */
  saveInvestigation(name: string, notes: string, asNew?: boolean): Promise<InvestigationSummaryDto | null>;
  openInvestigation(id: string): Promise<boolean>;
  /** Starts a new, empty chart (an undo step); the next save makes a new investigation. */
  newChart(): void;
  deleteInvestigation(id: string): Promise<boolean>;

  /** True while the dates behind the chart's nodes are being read (see {@link WorkspaceSlice.readChartDates}). */
  datesLoading: boolean;
  /**
   * Reads the record and event dates behind chart nodes that came without them (the overview
   * sends none for persons and identifiers) and puts them on those nodes, for the timeline and
   * the period filter. Not an undo step: the nodes are the same, better described.
   */
  readChartDates(ids?: readonly string[]): Promise<void>;
}

/** How many nodes one request for dates names (the most `readChartNodes` takes at once). */
const DATES_BATCH = 500;

/** Whether a chart node carries no date the timeline could draw. */
function undated(node: ChartNodeDto): boolean {
  return (node.dates ?? []).length === 0 && !(node.mentions ?? []).some((m) => m.date !== null);
}

/** `node` with the dates `read` gives (a person's mentions dated by mention and record). */
export function withDates(node: ChartNodeDto, read: ChartNodeDto): ChartNodeDto {
  const next: ChartNodeDto = { ...node };
  if (read.dates && read.dates.length > 0) next.dates = read.dates;
  if (node.mentions && read.mentions) {
    const dateOf = new Map(read.mentions.map((m) => [`${m.id}|${m.record}`, m.date]));
    next.mentions = node.mentions.map((m) =>
      m.date !== null ? m : { ...m, date: dateOf.get(`${m.id}|${m.record}`) ?? null },
    );
  }
  return next;
}

/** The search answer as keyboard rows: each group's hits, then its "Add all" when it has more than one. */
export function searchRows(result: SearchResultDto | null): SearchRow[] {
  const rows: SearchRow[] = [];
  result?.groups.forEach((group, index) => {
    for (const hit of group.hits) rows.push({ type: 'hit', group: index, hit });
    if (group.hits.length > 1) rows.push({ type: 'all', group: index, hits: group.hits });
  });
  return rows;
}

/** The next active row for an arrow key: wraps round; from none, Down starts at the top and Up at the bottom. */
export function moveActive(active: number, delta: 1 | -1, count: number): number {
  if (count === 0) return -1;
  if (active < 0) return delta === 1 ? 0 : count - 1;
  return (active + delta + count) % count;
}

function sliceOf(nodes: ChartNodeDto[]): ChartSliceDto {
  return { nodes, edges: [], hubsLeftOut: 0, cappedOut: 0, notes: [] };
}

/** The chart settings an investigation keeps (opaque to main): filters and the analysis drawing. */
export function chartSettings(state: AppState): Record<string, unknown> {
  return { filters: state.chartFilters, sizeBy: state.chartSizeBy, colourBy: state.chartColourBy };
}

/** The chart of an opened investigation: the graph's nodes today, at their saved places, pinned and hidden as saved. */
export function chartOfInvestigation(opened: OpenedInvestigationDto): ChartContent {
  const { chart } = mergeSlice(EMPTY_CHART, opened.slice);
  const movedTo = new Map(opened.moved.map((m) => [m.from, m.to]));
  const positions = { ...chart.positions };
  const pinned: Record<string, true> = {};
  const hidden: Record<string, true> = {};
  for (const saved of opened.chart.nodes) {
    const id = movedTo.get(saved.id) ?? saved.id;
    if (!(id in chart.nodes)) continue;
    positions[id] = { x: saved.x, y: saved.y };
    if (saved.pinned) pinned[id] = true;
    if (saved.hidden) hidden[id] = true;
  }
  return { ...chart, positions, pinned, hidden };
}

export function createWorkspaceSlice(api: CaselinkApi): StateCreator<AppState, [], [], WorkspaceSlice> {
  let searchSeq = 0;
  let detailsSeq = 0;
  return (set, get) => {
    /** Replaces the chart as one undo step, without a new layout (positions are the saved ones). */
    const replaceChart = (next: ChartContent) => {
      const { chart, chartPast } = get();
      set({
        chart: next,
        chartPast: [...chartPast, chart].slice(-CHART_HISTORY_LIMIT),
        chartFuture: [],
        chartSelection: [],
        chartNotes: [],
        pathStart: null,
      });
    };

    return {
      searchText: '',
      searchResult: null,
      searchLoading: false,
      searchError: null,

      async runSearch(text) {
        const request = ++searchSeq;
        const trimmed = text.trim();
        set({ searchText: text });
        if (trimmed === '') {
          set({ searchResult: null, searchLoading: false, searchError: null });
          return;
        }
        set({ searchLoading: true });
        const result = await settle(() => api.search({ text: trimmed.slice(0, 200) }));
        if (request !== searchSeq) return;
        if (result.ok) set({ searchResult: result.value, searchLoading: false, searchError: null });
        else set({ searchResult: null, searchLoading: false, searchError: result.error });
      },

      clearSearch() {
        searchSeq += 1;
        set({ searchText: '', searchResult: null, searchLoading: false, searchError: null });
      },

      addSearchHits(hits) {
        if (hits.length === 0) return [];
        const ids = hits.map((h) => h.node.id);
        get().addSlice(sliceOf(hits.map((h) => h.node)), { select: true });
        return ids;
      },

      detailsFor: null,
      nodeDetails: null,
      edgeEvidence: null,
      detailsLoading: false,
      detailsError: null,

      async loadDetails(id) {
        const request = ++detailsSeq;
        if (id === null) {
          set({ detailsFor: null, nodeDetails: null, edgeEvidence: null, detailsLoading: false, detailsError: null });
          return;
        }
        const { chart } = get();
        const edge = chart.edges[id];
        set({ detailsFor: id, nodeDetails: null, edgeEvidence: null, detailsLoading: true, detailsError: null });
        if (edge) {
          const result = await settle(() =>
            api.explainEdge({ edge: edge.id, source: edge.source, target: edge.target, kind: edge.kind }),
          );
          if (request !== detailsSeq) return;
          if (result.ok) set({ edgeEvidence: result.value, detailsLoading: false });
          else set({ detailsError: result.error, detailsLoading: false });
          return;
        }
        const result = await settle(() => api.getNodeDetails({ node: id }));
        if (request !== detailsSeq) return;
        if (result.ok) set({ nodeDetails: result.value, detailsLoading: false });
        else set({ detailsError: result.error, detailsLoading: false });
      },

      expandOpen: false,
      expandOptions: DEFAULT_EXPAND,
      expandLoading: false,
      expandError: null,
      lastExpand: null,
      openExpand() {
        // The options live in the left panel: opened from the chart's menu, it must be there to see.
        set({ expandOpen: true, expandError: null, pathsOpen: false, panelsOpen: { ...get().panelsOpen, left: true } });
      },
      closeExpand() {
        set({ expandOpen: false });
      },
      setExpandOptions(patch) {
        set((state) => ({ expandOptions: { ...state.expandOptions, ...patch } }));
      },

      async expand(nodes) {
        const starts = nodes.filter((id) => id in get().chart.nodes);
        if (starts.length === 0) return false;
        const options = get().expandOptions;
        set({ expandLoading: true, expandError: null });
        const result = await settle(() =>
          api.expandNodes({
            nodes: starts,
            edgeKinds: options.edgeKinds,
            agencies: options.agencies,
            hops: options.hops,
            includeHubs: options.includeHubs,
            identifiers: options.identifiers,
            limit: options.limit,
          }),
        );
        if (!result.ok) {
          set({ expandLoading: false, expandError: result.error });
          return false;
        }
        const slice = result.value;
        const added = get().addSlice(slice, { near: starts[0] });
        set({
          expandLoading: false,
          expandOpen: false,
          lastExpand: {
            nodes: starts,
            options,
            added: added.length,
            hubsLeftOut: slice.hubsLeftOut,
            cappedOut: slice.cappedOut,
            notes: slice.notes,
          },
        });
        return true;
      },

      async expandRest() {
        const last = get().lastExpand;
        if (!last || last.cappedOut === 0) return false;
        const limit = Math.min(EXPAND_LIMIT_MAX, last.options.limit + last.cappedOut);
        set({ expandOptions: { ...last.options, limit } });
        return get().expand(last.nodes);
      },

      pathsOpen: false,
      pathOptions: DEFAULT_PATHS,
      pathsLoading: false,
      pathsError: null,
      paths: null,
      pathEnds: null,
      highlighted: {},
      openPaths() {
        set({ pathsOpen: true, pathsError: null, expandOpen: false, panelsOpen: { ...get().panelsOpen, left: true } });
      },
      closePaths() {
        set({ pathsOpen: false });
      },
      setPathOptions(patch) {
        set((state) => ({ pathOptions: { ...state.pathOptions, ...patch } }));
      },

      async findPaths(from, to) {
        const options = get().pathOptions;
        set({ pathsLoading: true, pathsError: null });
        const result = await settle(() => api.findPaths({ from, to, ...options }));
        if (!result.ok) {
          set({ pathsLoading: false, pathsError: result.error });
          return false;
        }
        const { paths, slice } = result.value;
        get().addSlice(slice, { near: from });
        const onPaths = [...new Set(paths.flatMap((p) => [...p.nodes, ...p.edges]))];
        const highlighted = Object.fromEntries(onPaths.map((id) => [id, true as const]));
        set({ pathsLoading: false, paths, pathEnds: [from, to], highlighted });
        // Drawn highlighted (class `path`), and selected too, so the keyboard list and the toolbar act on them.
        if (onPaths.length > 0) get().selectOnChart(onPaths);
        return true;
      },

      clearHighlight() {
        set({ highlighted: {}, paths: null, pathEnds: null });
      },

      investigationsOpen: null,
      investigations: null,
      investigationsLoading: false,
      investigationsError: null,
      currentInvestigation: null,
      lastOpened: null,

      showInvestigations(mode) {
        set({ investigationsOpen: mode, investigationsError: null });
        if (mode === 'open') void get().loadInvestigations();
      },
      closeInvestigations() {
        set({ investigationsOpen: null });
      },

      async loadInvestigations() {
        set({ investigationsLoading: true });
        const result = await settle(() => api.listInvestigations());
        if (result.ok) set({ investigations: result.value, investigationsLoading: false, investigationsError: null });
        else set({ investigationsLoading: false, investigationsError: result.error });
      },

      async saveInvestigation(name, notes, asNew = false) {
        const state = get();
        const { chart } = state;
        const current = state.currentInvestigation;
        set({ investigationsLoading: true, investigationsError: null });
        const result = await settle(() =>
          api.saveInvestigation({
            ...(current && !asNew ? { id: current.id } : {}),
            name,
            notes,
            nodes: Object.keys(chart.nodes).map((id) => ({
              id,
              x: chart.positions[id]?.x ?? 0,
              y: chart.positions[id]?.y ?? 0,
              pinned: chart.pinned[id] === true,
              hidden: chart.hidden[id] === true,
            })),
            settings: chartSettings(state) as Record<string, never>,
          }),
        );
        if (!result.ok) {
          set({ investigationsLoading: false, investigationsError: result.error });
          return null;
        }
        set({
          investigationsLoading: false,
          investigationsOpen: null,
          currentInvestigation: { id: result.value.id, name: result.value.name, notes },
        });
        return result.value;
      },

      async openInvestigation(id) {
        set({ investigationsLoading: true, investigationsError: null });
        const result = await settle(() => api.openInvestigation({ id }));
        if (!result.ok) {
          set({ investigationsLoading: false, investigationsError: result.error });
          return false;
        }
        const opened = result.value;
        replaceChart(chartOfInvestigation(opened));
        const settings = opened.chart.settings as {
          filters?: Partial<ChartFilters>;
          sizeBy?: unknown;
          colourBy?: unknown;
        };
        if (settings.filters && typeof settings.filters === 'object')
          set({ chartFilters: { ...NO_FILTERS, ...settings.filters } });
        if (typeof settings.sizeBy === 'string') get().setChartSizeBy(settings.sizeBy as AppState['chartSizeBy']);
        if (typeof settings.colourBy === 'string')
          get().setChartColourBy(settings.colourBy as AppState['chartColourBy']);
        set({
          investigationsLoading: false,
          investigationsOpen: null,
          highlighted: {},
          paths: null,
          pathEnds: null,
          lastExpand: null,
          currentInvestigation: { id: opened.id, name: opened.name, notes: opened.chart.notes },
          // The view still shows wherever the old chart was: fitted to this one, once its filters are back.
          chartFit: get().chartFit + 1,
          lastOpened: {
            id: opened.id,
            name: opened.name,
            notes: opened.chart.notes,
            missing: opened.missing,
            moved: opened.moved,
          },
        });
        return true;
      },

      newChart() {
        get().clearChart();
        set({
          currentInvestigation: null,
          lastOpened: null,
          lastExpand: null,
          highlighted: {},
          paths: null,
          pathEnds: null,
        });
      },

      datesLoading: false,

      async readChartDates(ids) {
        const { nodes } = get().chart;
        const wanted = (ids ?? Object.keys(nodes)).filter((id) => nodes[id] && undated(nodes[id]));
        if (wanted.length === 0) return;
        set({ datesLoading: true });
        for (let at = 0; at < wanted.length; at += DATES_BATCH) {
          const batch = wanted.slice(at, at + DATES_BATCH);
          const result = await settle(() => api.readChartNodes({ nodes: batch }));
          if (!result.ok) break;
          const read = new Map(result.value.map((n) => [n.id, n]));
          // The chart may have changed while main answered: only nodes still on it, still undated, change.
          const { chart } = get();
          const changed: Record<string, ChartNodeDto> = {};
          for (const id of batch) {
            const node = chart.nodes[id];
            const found = read.get(id);
            if (node && found && undated(node)) changed[id] = withDates(node, found);
          }
          if (Object.keys(changed).length > 0) set({ chart: { ...chart, nodes: { ...chart.nodes, ...changed } } });
        }
        set({ datesLoading: false });
      },

      async deleteInvestigation(id) {
        set({ investigationsLoading: true, investigationsError: null });
        const result = await settle(() => api.deleteInvestigation({ id }));
        if (!result.ok) {
          set({ investigationsLoading: false, investigationsError: result.error });
          return false;
        }
        if (get().currentInvestigation?.id === id) set({ currentInvestigation: null });
        set({ investigations: (get().investigations ?? []).filter((i) => i.id !== id), investigationsLoading: false });
        return true;
      },
    };
  };
}
