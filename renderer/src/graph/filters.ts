/**
 * Filters that act on the chart: which nodes and edges stay visible, and how many each filter
 * hides, so that nothing leaves the chart without the investigator being told. Pure: plain
 * arrays of chart DTOs and a filter value in, ids and counts out.
 */
import type { ChartEdgeDto, ChartNodeDto, ChartNodeKind } from '../../../main/contract/workspaceTypes';

/** A period, both ends inclusive, as `YYYY-MM-DD`; null leaves that side open. */
export interface DateRange {
  from: string | null;
  to: string | null;
}

/** What the investigator chose to leave out. The empty value ({@link NO_FILTERS}) hides nothing. */
export interface ChartFilters {
  /** Agencies left out: a node or edge goes when every agency that asserts it is left out. */
  agencies: string[];
  /** Kinds of node left out. */
  kinds: ChartNodeKind[];
  /** Roles left out: a node with roles goes when every one of its roles is left out; so does a `mentions` edge in that role. */
  roles: string[];
  /** Gradings left out (e.g. "E5"; {@link UNGRADED} for nodes that carry none). */
  gradings: string[];
  /** Only what has a date in this period stays; nodes with no date at all stay (and are counted). */
  dates: DateRange;
  /** Persons drawn once from confirmed matches only (or a single mention). */
  confirmedPersons: boolean;
  /** Persons that open candidates joined, drawn as unconfirmed. */
  unconfirmedPersons: boolean;
  /** Open same-as candidates drawn as edges. */
  openCandidates: boolean;
}

export const NO_FILTERS: ChartFilters = {
  agencies: [],
  kinds: [],
  roles: [],
  gradings: [],
  dates: { from: null, to: null },
  confirmedPersons: true,
  unconfirmedPersons: true,
  openCandidates: true,
};

/** The grading value of a node that has none. */
export const UNGRADED = 'ungraded';

/** Why an element is hidden, in the order the reasons are tested: each hidden element is counted under the first. */
export const FILTER_REASONS = ['kind', 'agency', 'role', 'grading', 'date', 'match', 'end'] as const;
export type FilterReason = (typeof FILTER_REASONS)[number];

const REASON_WORDS: Record<FilterReason, string> = {
  kind: 'by kind',
  agency: 'by agency',
  role: 'by role',
  grading: 'by grading',
  date: 'by date',
  match: 'by match status',
  end: 'with a hidden end',
};

export interface FilterResult {
  visibleNodes: Set<string>;
  visibleEdges: Set<string>;
  hiddenNodes: number;
  hiddenEdges: number;
  /** Hidden nodes by the first reason that hides them (the counts add up to `hiddenNodes`). */
  nodesBy: Record<FilterReason, number>;
  edgesBy: Record<FilterReason, number>;
  /** Nodes kept while a period is set only because they carry no date. */
  undatedKept: number;
}

/** True when the filters hide anything at all. */
export function filtersActive(filters: ChartFilters): boolean {
  return (
    filters.agencies.length > 0 ||
    filters.kinds.length > 0 ||
    filters.roles.length > 0 ||
    filters.gradings.length > 0 ||
    filters.dates.from !== null ||
    filters.dates.to !== null ||
    !filters.confirmedPersons ||
    !filters.unconfirmedPersons ||
    !filters.openCandidates
  );
}

/**
 * The gradings of a node, written source then information ("B2" in 5x5x5, "1A" in 3x5x2): its
 * `grading` display property (one, or a list for a node several records assert), else a record's
 * own `sourceEvaluation` and `informationAssessment` as the import writes them; {@link UNGRADED}
 * when it has neither.
 */
export function gradingsOf(node: ChartNodeDto): string[] {
  const { grading, sourceEvaluation, informationAssessment } = node.properties;
  const list = (Array.isArray(grading) ? grading : [grading]).filter(
    (g): g is string => typeof g === 'string' && g.length > 0,
  );
  if (list.length === 0 && typeof sourceEvaluation === 'string' && typeof informationAssessment === 'string') {
    list.push(`${sourceEvaluation}${informationAssessment}`);
  }
  return list.length > 0 ? list : [UNGRADED];
}

/** The dates of a node: its records' dates and, for a person, its mentions' dates. */
export function datesOf(node: ChartNodeDto): string[] {
  const dates = [...(node.dates ?? [])];
  for (const mention of node.mentions ?? []) if (mention.date) dates.push(mention.date);
  return dates;
}

/**
 * The first and last day a date or date prefix covers: "2024" is the whole year, "2024-03" the
 * month, "2024-03-07" the day. Null for text that is none of these.
 */
export function dateSpan(date: string): { first: string; last: string } | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!match) return null;
  const [, year, month, day] = match;
  if (day) return { first: date, last: date };
  if (month) {
    // Day 0 of the next month is the last day of this one.
    const lastDay = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
    return { first: `${year}-${month}-01`, last: `${year}-${month}-${String(lastDay).padStart(2, '0')}` };
  }
  return { first: `${year}-01-01`, last: `${year}-12-31` };
}

/** True when a date (or date prefix) overlaps the period. ISO dates compare as text. */
export function dateInRange(date: string, range: DateRange): boolean {
  const span = dateSpan(date);
  if (!span) return false;
  return (range.from === null || span.last >= range.from) && (range.to === null || span.first <= range.to);
}

function everyLeftOut(values: readonly string[], leftOut: ReadonlySet<string>): boolean {
  return values.length > 0 && values.every((value) => leftOut.has(value));
}

const noCounts = (): Record<FilterReason, number> =>
  Object.fromEntries(FILTER_REASONS.map((reason) => [reason, 0])) as Record<FilterReason, number>;

/**
 * Applies the filters to the chart. A node is hidden by the first filter that hides it; an edge is
 * hidden when either end is hidden (counted as `end`) or a filter hides the edge itself (agency,
 * role of a mention, open candidates). Edges whose ends are not among `nodes` are not visible.
 */
export function applyFilters(
  nodes: readonly ChartNodeDto[],
  edges: readonly ChartEdgeDto[],
  filters: ChartFilters,
): FilterResult {
  const agencies = new Set(filters.agencies);
  const kinds = new Set<string>(filters.kinds);
  const roles = new Set(filters.roles);
  const gradings = new Set(filters.gradings);
  const dated = filters.dates.from !== null || filters.dates.to !== null;

  const nodesBy = noCounts();
  const visibleNodes = new Set<string>();
  let undatedKept = 0;
  for (const node of nodes) {
    const reason = nodeReason(node);
    if (reason) nodesBy[reason] += 1;
    else {
      visibleNodes.add(node.id);
      if (dated && datesOf(node).length === 0) undatedKept += 1;
    }
  }

  function nodeReason(node: ChartNodeDto): FilterReason | null {
    if (kinds.has(node.kind)) return 'kind';
    if (everyLeftOut(node.agencies, agencies)) return 'agency';
    if (everyLeftOut(node.roles ?? [], roles)) return 'role';
    if (gradings.size > 0 && everyLeftOut(gradingsOf(node), gradings)) return 'grading';
    if (dated) {
      const dates = datesOf(node);
      if (dates.length > 0 && !dates.some((date) => dateInRange(date, filters.dates))) return 'date';
    }
    if (node.kind === 'person') {
      if (node.unconfirmed ? !filters.unconfirmedPersons : !filters.confirmedPersons) return 'match';
    }
    return null;
  }

  const onChart = new Set(nodes.map((node) => node.id));
  const edgesBy = noCounts();
  const visibleEdges = new Set<string>();
  for (const edge of edges) {
    // An edge to a node that is not on the chart is never drawn: not a filter's doing.
    if (!onChart.has(edge.source) || !onChart.has(edge.target)) continue;
    const reason = edgeReason(edge);
    if (reason) edgesBy[reason] += 1;
    else visibleEdges.add(edge.id);
  }

  function edgeReason(edge: ChartEdgeDto): FilterReason | null {
    if (!visibleNodes.has(edge.source) || !visibleNodes.has(edge.target)) return 'end';
    if (everyLeftOut(edge.agencies, agencies)) return 'agency';
    if (edge.kind === 'mentions' && edge.role !== undefined && roles.has(edge.role)) return 'role';
    if (edge.kind === 'same-as' && !filters.openCandidates) return 'match';
    return null;
  }

  return {
    visibleNodes,
    visibleEdges,
    hiddenNodes: nodes.length - visibleNodes.size,
    hiddenEdges: FILTER_REASONS.reduce((sum, reason) => sum + edgesBy[reason], 0),
    nodesBy,
    edgesBy,
    undatedKept,
  };
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * What the filters hide, in words: "12 nodes hidden by filters: 8 by agency, 4 by date", then the
 * edges likewise; null when nothing is hidden.
 */
export function describeHidden(result: FilterResult): string | null {
  const part = (count: number, word: string, by: Record<FilterReason, number>) =>
    count === 0
      ? null
      : `${plural(count, word)} hidden by filters: ${FILTER_REASONS.filter((reason) => by[reason] > 0)
          .map((reason) => `${by[reason]} ${REASON_WORDS[reason]}`)
          .join(', ')}`;
  const parts = [part(result.hiddenNodes, 'node', result.nodesBy), part(result.hiddenEdges, 'edge', result.edgesBy)];
  const text = parts.filter((p): p is string => p !== null).join('; ');
  return text === '' ? null : text;
}

/** One value a filter can leave out, with how many nodes (or edges) on the chart carry it. */
export interface FilterOption<T extends string = string> {
  value: T;
  count: number;
}

export interface FilterOptions {
  agencies: FilterOption[];
  kinds: FilterOption<ChartNodeKind>[];
  roles: FilterOption[];
  gradings: FilterOption[];
  /** The first and last day any node's dates cover; null when no node has a date. */
  period: { first: string; last: string } | null;
  persons: { confirmed: number; unconfirmed: number };
  openCandidates: number;
}

/** The values each filter can take on this chart, so the panel offers only what is there. */
export function filterOptions(nodes: readonly ChartNodeDto[], edges: readonly ChartEdgeDto[]): FilterOptions {
  const agencies = new Map<string, number>();
  const kinds = new Map<ChartNodeKind, number>();
  const roles = new Map<string, number>();
  const gradings = new Map<string, number>();
  const bump = <K>(map: Map<K, number>, key: K) => map.set(key, (map.get(key) ?? 0) + 1);
  let first: string | null = null;
  let last: string | null = null;
  const persons = { confirmed: 0, unconfirmed: 0 };
  for (const node of nodes) {
    for (const agency of node.agencies) bump(agencies, agency);
    bump(kinds, node.kind);
    for (const role of new Set(node.roles ?? [])) bump(roles, role);
    for (const grading of new Set(gradingsOf(node))) bump(gradings, grading);
    for (const date of datesOf(node)) {
      const span = dateSpan(date);
      if (!span) continue;
      if (first === null || span.first < first) first = span.first;
      if (last === null || span.last > last) last = span.last;
    }
    if (node.kind === 'person') persons[node.unconfirmed ? 'unconfirmed' : 'confirmed'] += 1;
  }
  const sorted = <T extends string>(map: Map<T, number>): FilterOption<T>[] =>
    [...map].map(([value, count]) => ({ value, count })).sort((a, b) => (a.value < b.value ? -1 : 1));
  return {
    agencies: sorted(agencies),
    kinds: sorted(kinds),
    roles: sorted(roles),
    gradings: sorted(gradings),
    period: first !== null && last !== null ? { first, last } : null,
    persons,
    openCandidates: edges.filter((edge) => edge.kind === 'same-as').length,
  };
}
