import { useId, useState } from 'react';
import {
  BETWEENNESS_NODE_LIMIT,
  communityColour,
  type ColourScheme,
  type NodeGroup,
  type SizeMetric,
} from '../../graph/analysis';
import { selectChartAnalysis, useAppStore } from '../../store';
import { countOf, formatNumber } from '../../ui/format';
import './chartTools.css';

/** How many components, communities and central nodes the panel lists. */
const LIST_LIMIT = 12;

const SIZE_WORDS: Record<SizeMetric, string> = {
  none: 'Nothing (all the same)',
  degree: 'Degree (links to other nodes)',
  betweenness: 'Betweenness (on paths between others)',
  records: 'Records behind the node',
};

/** Components, communities and centrality of what is shown on the chart; runs only while open. */
function AnalysisResults() {
  const analysis = useAppStore(selectChartAnalysis);
  const nodes = useAppStore((state) => state.chart.nodes);
  const selectOnChart = useAppStore((state) => state.selectOnChart);
  const labelOf = (id: string) => nodes[id]?.label ?? id;

  const groupList = (groups: NodeGroup[], word: string, testId: string, swatch: boolean) => (
    <>
      <ul className="analysis-list" data-testid={testId}>
        {groups.slice(0, LIST_LIMIT).map((group) => (
          <li key={group.index}>
            <button
              type="button"
              className="analysis-pick"
              title={`${word} ${group.index + 1}: ${group.nodes.slice(0, 10).map(labelOf).join(', ')}${group.nodes.length > 10 ? ' …' : ''}. Selects its nodes on the chart.`}
              onClick={() => selectOnChart(group.nodes)}
            >
              {swatch && (
                <span
                  className="analysis-swatch"
                  style={{ background: communityColour(group.index) }}
                  aria-hidden="true"
                />
              )}
              <span className="analysis-pick-label">
                {word} {group.index + 1}: {group.nodes.slice(0, 3).map(labelOf).join(', ')}
              </span>
              <span className="legend-count">{countOf(group.nodes.length, 'node', 'nodes')}</span>
            </button>
          </li>
        ))}
      </ul>
      {groups.length > LIST_LIMIT && (
        <p className="panel-note">{countOf(groups.length - LIST_LIMIT, 'smaller one', 'smaller ones')} not listed.</p>
      )}
    </>
  );

  const central = Object.entries(analysis.byNode)
    .filter(([, metrics]) => metrics.betweenness > 0)
    .sort(([a, x], [b, y]) => y.betweenness - x.betweenness || (a < b ? -1 : 1))
    .slice(0, 5);

  return (
    <>
      <h3>{countOf(analysis.components.length, 'component', 'components')}</h3>
      {groupList(analysis.components, 'Component', 'analysis-components', false)}
      <h3>
        {countOf(analysis.communities.length, 'community', 'communities')}
        {analysis.communities.length > 1 && (
          <span className="muted"> · modularity {analysis.modularity.toFixed(2)}</span>
        )}
      </h3>
      {groupList(analysis.communities, 'Community', 'analysis-communities', true)}
      {!analysis.betweennessComputed && (
        <p className="panel-note">
          Betweenness is left out above {formatNumber(BETWEENNESS_NODE_LIMIT)} nodes shown: it would take minutes.
          Filter the chart down to see it.
        </p>
      )}
      {central.length > 0 && (
        <>
          <h3>Most between others</h3>
          <ol className="analysis-list" data-testid="analysis-central">
            {central.map(([id, metrics]) => (
              <li key={id}>
                <button type="button" className="analysis-pick" onClick={() => selectOnChart([id])}>
                  <span className="analysis-pick-label">{labelOf(id)}</span>
                  <span className="legend-count">
                    {metrics.betweenness.toFixed(2)} · degree {metrics.degree}
                  </span>
                </button>
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}

/**
 * Analysis of what the chart shows (filters and hidden nodes left out): size and colour the nodes
 * by a measure, and pick a component or community to select its nodes on the chart.
 */
export function AnalysisPanel() {
  const sizeBy = useAppStore((state) => state.chartSizeBy);
  const colourBy = useAppStore((state) => state.chartColourBy);
  const setSizeBy = useAppStore((state) => state.setChartSizeBy);
  const setColourBy = useAppStore((state) => state.setChartColourBy);
  const empty = useAppStore((state) => Object.keys(state.chart.nodes).length === 0);
  const [open, setOpen] = useState(false);
  const id = useId();

  return (
    <section className="panel-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Analysis</h2>
      <div className="analysis-controls">
        <label>
          Size nodes by
          <select value={sizeBy} onChange={(event) => setSizeBy(event.target.value as SizeMetric)}>
            {(Object.keys(SIZE_WORDS) as SizeMetric[]).map((metric) => (
              <option key={metric} value={metric}>
                {SIZE_WORDS[metric]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Colour nodes by
          <select value={colourBy} onChange={(event) => setColourBy(event.target.value as ColourScheme)}>
            <option value="agency">Agency</option>
            <option value="community">Community</option>
          </select>
        </label>
      </div>
      <details className="analysis-details" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary>Components, communities and central nodes</summary>
        {open && (empty ? <p className="panel-note">Nothing on the chart.</p> : <AnalysisResults />)}
      </details>
    </section>
  );
}
