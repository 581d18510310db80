/**
 * Analysis of what is on the chart: connected components, communities, degree and betweenness,
 * computed by graphology's packages on a graphology copy of the chart (never by hand-written
 * algorithms). Pure: plain arrays of chart DTOs in, plain data out.
 */
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import { connectedComponents } from 'graphology-components';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { ChartEdgeDto, ChartNodeDto } from '../../../main/contract/workspaceTypes';

/** The seed of Louvain's random walk: the same chart always splits into the same communities. */
export const COMMUNITY_SEED = 20240113;

/**
 * Betweenness takes time in nodes × links (Brandes): about 0.3 s for 1,000 nodes and 2,500
 * links here, a minute past 5,000 nodes. Larger charts are analysed without it, and say so.
 */
export const BETWEENNESS_NODE_LIMIT = 2500;

/** What the analysis says about one node. Component and community numbers start at 0, largest first. */
export interface NodeMetrics {
  component: number;
  community: number;
  /** How many other nodes on the chart it is linked to (parallel links count once). */
  degree: number;
  /** Normalised betweenness centrality, 0–1: the share of shortest paths that pass through it. */
  betweenness: number;
}

/** A component or a community: its number and its nodes (sorted by id). */
export interface NodeGroup {
  index: number;
  nodes: string[];
}

export interface ChartAnalysis {
  byNode: Record<string, NodeMetrics>;
  /** Largest first; ties by the smallest node id, so numbers do not change between runs. */
  components: NodeGroup[];
  communities: NodeGroup[];
  /** Modularity of the community split (higher: the communities are more separate). */
  modularity: number;
  /** False when the chart was too large for betweenness ({@link BETWEENNESS_NODE_LIMIT}): every node's is then 0. */
  betweennessComputed: boolean;
}

export interface AnalysisOptions {
  /** Louvain's seed; {@link COMMUNITY_SEED} unless a test needs another. */
  seed?: number;
  /** Leave betweenness out (0 for every node), when nothing shows it. */
  betweenness?: boolean;
}

/**
 * Analyses the nodes and edges on the chart. Edges whose ends are not both among `nodes`, and
 * links of a node to itself, are left out; parallel links between two nodes become one link whose
 * weight (for communities) is how many there were. Deterministic: the result depends neither on
 * the order of the arrays nor on the run.
 */
export function analyseChart(
  nodes: readonly ChartNodeDto[],
  edges: readonly ChartEdgeDto[],
  options: AnalysisOptions = {},
): ChartAnalysis {
  const { seed = COMMUNITY_SEED } = options;
  const graph = new Graph<Record<string, never>, { weight: number }>({
    type: 'undirected',
    multi: false,
    allowSelfLoops: false,
  });
  for (const id of nodes.map((n) => n.id).sort()) graph.mergeNode(id);
  const sortedEdges = [...edges].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const edge of sortedEdges) {
    if (edge.source === edge.target || !graph.hasNode(edge.source) || !graph.hasNode(edge.target)) continue;
    graph.updateEdge(edge.source, edge.target, (attributes) => ({ weight: (attributes.weight ?? 0) + 1 }));
  }

  const components = numbered(connectedComponents(graph));
  const betweennessComputed = options.betweenness !== false && graph.order <= BETWEENNESS_NODE_LIMIT;
  const betweenness = betweennessComputed && graph.order > 0 ? betweennessCentrality(graph, { normalized: true }) : {};
  const rng = xoroshiro128plus(seed);
  const detailed =
    graph.size > 0 ? louvain.detailed(graph, { getEdgeWeight: 'weight', rng: () => uniformFloat64(rng) }) : null;
  const byCommunity = new Map<number, string[]>();
  // With no links at all Louvain has nothing to split: every node is then its own community.
  graph.forEachNode((node) => {
    const key = detailed?.communities[node] ?? -1 - byCommunity.size;
    const group = byCommunity.get(key);
    if (group) group.push(node);
    else byCommunity.set(key, [node]);
  });
  const communities = numbered([...byCommunity.values()]);

  const componentOf = indexOf(components);
  const communityOf = indexOf(communities);
  const byNode: Record<string, NodeMetrics> = {};
  graph.forEachNode((node) => {
    byNode[node] = {
      component: componentOf.get(node) ?? 0,
      community: communityOf.get(node) ?? 0,
      degree: graph.degree(node),
      betweenness: betweenness[node] ?? 0,
    };
  });
  return { byNode, components, communities, modularity: detailed?.modularity ?? 0, betweennessComputed };
}

function numbered(groups: string[][]): NodeGroup[] {
  return groups
    .map((nodes) => [...nodes].sort())
    .sort((a, b) => b.length - a.length || ((a[0] ?? '') < (b[0] ?? '') ? -1 : 1))
    .map((nodes, index) => ({ index, nodes }));
}

function indexOf(groups: NodeGroup[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const group of groups) for (const node of group.nodes) map.set(node, group.index);
  return map;
}

/** What sets a node's size on the chart. */
export type SizeMetric = 'none' | 'degree' | 'betweenness' | 'records';
/** What sets a node's colour on the chart. */
export type ColourScheme = 'agency' | 'community';

/** Node diameters in pixels, smallest and largest, when sized by a metric. */
export const NODE_SIZE_RANGE = [24, 72] as const;

/**
 * Node diameters by a metric, scaled by square root between {@link NODE_SIZE_RANGE} (area, not
 * width, grows with the value, as readers judge it); an empty object for `none`, or when every
 * node has the same value.
 */
export function nodeSizes(
  nodes: readonly ChartNodeDto[],
  analysis: ChartAnalysis,
  metric: SizeMetric,
): Record<string, number> {
  if (metric === 'none') return {};
  const value = (node: ChartNodeDto): number =>
    metric === 'records' ? node.records : (analysis.byNode[node.id]?.[metric] ?? 0);
  const values = nodes.map((node) => Math.sqrt(Math.max(0, value(node))));
  const low = Math.min(...values);
  const high = Math.max(...values);
  if (!(high > low)) return {};
  const [small, large] = NODE_SIZE_RANGE;
  const sizes: Record<string, number> = {};
  nodes.forEach((node, i) => {
    sizes[node.id] = Math.round(small + ((values[i]! - low) / (high - low)) * (large - small));
  });
  return sizes;
}

/**
 * Twelve colours told apart by people with the common colour-vision deficiencies (Paul Tol's
 * "muted" and "light" schemes); communities past twelve reuse them, and the panel lists the number.
 */
export const COMMUNITY_COLOURS = [
  '#332288',
  '#88CCEE',
  '#44AA99',
  '#117733',
  '#999933',
  '#DDCC77',
  '#CC6677',
  '#882255',
  '#AA4499',
  '#EE8866',
  '#77AADD',
  '#BBCC33',
] as const;

/** The colour of a community by its number. */
export function communityColour(index: number): string {
  return COMMUNITY_COLOURS[index % COMMUNITY_COLOURS.length]!;
}

/** Node colours by community; an empty object for `agency` (the chart's own colours apply). */
export function nodeColours(analysis: ChartAnalysis, scheme: ColourScheme): Record<string, string> {
  if (scheme === 'agency') return {};
  const colours: Record<string, string> = {};
  for (const [id, metrics] of Object.entries(analysis.byNode)) colours[id] = communityColour(metrics.community);
  return colours;
}
