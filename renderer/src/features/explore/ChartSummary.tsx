import { useMemo } from 'react';
import type { ChartEdgeKind, ChartNodeKind } from '../../../../main/contract/workspaceTypes';
import { iconUri } from '../../graph/icons';
import { agencyColours, styleOfKind } from '../../graph/style';
import { selectFilterResult, useAppStore, type ChartContent } from '../../store';
import { countOf, formatNumber } from '../../ui/format';
import { EDGE_WORDS, KIND_WORDS } from '../search/words';

export interface ChartCounts {
  nodes: number;
  edges: number;
  /** Nodes on the chart that are not drawn (hidden by hand or by the filters). */
  hiddenNodes: number;
  nodesByKind: [ChartNodeKind, number][];
  edgesByKind: [ChartEdgeKind, number][];
  /** Each agency with the number of nodes it asserts, most first. */
  agencies: [string, number][];
}

const byCountThenName = <T extends string>(a: [T, number], b: [T, number]) =>
  b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/** What is on the chart, counted: nodes and links by kind, and the agencies behind the nodes. */
export function chartCounts(chart: Pick<ChartContent, 'nodes' | 'edges'>, drawn?: ReadonlySet<string>): ChartCounts {
  const nodes = Object.values(chart.nodes);
  const edges = Object.values(chart.edges);
  const kinds = new Map<ChartNodeKind, number>();
  const agencies = new Map<string, number>();
  for (const node of nodes) {
    kinds.set(node.kind, (kinds.get(node.kind) ?? 0) + 1);
    for (const agency of node.agencies) agencies.set(agency, (agencies.get(agency) ?? 0) + 1);
  }
  const links = new Map<ChartEdgeKind, number>();
  for (const edge of edges) links.set(edge.kind, (links.get(edge.kind) ?? 0) + 1);
  const kindOrder = Object.keys(KIND_WORDS) as ChartNodeKind[];
  const linkOrder = Object.keys(EDGE_WORDS) as ChartEdgeKind[];
  return {
    nodes: nodes.length,
    edges: edges.length,
    hiddenNodes: drawn ? nodes.filter((n) => !drawn.has(n.id)).length : 0,
    nodesByKind: kindOrder.filter((k) => kinds.has(k)).map((k) => [k, kinds.get(k)!]),
    edgesByKind: linkOrder.filter((k) => links.has(k)).map((k) => [k, links.get(k)!]),
    agencies: [...agencies].sort(byCountThenName),
  };
}

/** The side panel's account of what is on the chart (not of what the overview loaded). */
export function ChartSummary() {
  const chart = useAppStore((state) => state.chart);
  const filtered = useAppStore(selectFilterResult);
  const counts = useMemo(() => {
    const drawn = new Set([...filtered.visibleNodes].filter((id) => !chart.hidden[id]));
    return chartCounts(chart, drawn);
  }, [chart, filtered]);
  const colours = useMemo(() => agencyColours(counts.agencies.map(([a]) => a)), [counts]);

  return (
    <section className="panel-section" aria-labelledby="on-chart-heading" data-testid="on-chart">
      <h2 id="on-chart-heading">On the chart</h2>
      {counts.nodes === 0 ? (
        <p className="panel-note">Nothing on the chart. Search (/) and add what you find, or open an investigation.</p>
      ) : (
        <>
          <p className="panel-summary" data-testid="on-chart-summary">
            {countOf(counts.nodes, 'node', 'nodes')} · {countOf(counts.edges, 'link', 'links')} ·{' '}
            {countOf(counts.agencies.length, 'agency', 'agencies')}
          </p>
          {counts.hiddenNodes > 0 && (
            <p className="panel-note" data-testid="on-chart-hidden">
              {countOf(counts.hiddenNodes, 'node is', 'nodes are')} on the chart but not drawn (hidden or filtered out).
            </p>
          )}
          <h3 className="summary-subheading">Nodes by kind</h3>
          <ul className="legend" aria-label="Nodes on the chart by kind" data-testid="on-chart-kinds">
            {counts.nodesByKind.map(([kind, n]) => (
              <li key={kind}>
                <img
                  className="legend-swatch"
                  src={iconUri(kind, styleOfKind(kind.charAt(0).toUpperCase() + kind.slice(1)).border)}
                  width="14"
                  height="14"
                  alt=""
                />
                <span className="legend-title">{KIND_WORDS[kind][1]}</span>
                <span className="legend-count">{formatNumber(n)}</span>
              </li>
            ))}
          </ul>
          {counts.edgesByKind.length > 0 && (
            <>
              <h3 className="summary-subheading">Links by kind</h3>
              <ul className="legend" aria-label="Links on the chart by kind" data-testid="on-chart-links">
                {counts.edgesByKind.map(([kind, n]) => (
                  <li key={kind}>
                    <span className="summary-line" aria-hidden="true" />
                    <span className="legend-title">{EDGE_WORDS[kind]}</span>
                    <span className="legend-count">{formatNumber(n)}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
          {counts.agencies.length > 0 && (
            <>
              <h3 className="summary-subheading">Agencies (nodes each knows)</h3>
              <ul className="legend" aria-label="Agencies behind the chart" data-testid="on-chart-agencies">
                {counts.agencies.map(([agency, n]) => (
                  <li key={agency}>
                    <span className="agency-dot" style={{ background: colours.get(agency) }} aria-hidden="true" />
                    <span className="legend-title">{agency}</span>
                    <span className="legend-count">{formatNumber(n)}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
