import { confirmedPersons, Legend } from '../../graph';
import { useAppStore } from '../../store';
import { countOf, formatNumber } from '../../ui/format';
import { PanelToggle } from '../../ui/PanelToggle';
import { WorkspacePanel } from '../details/WorkspacePanel';
import { LinksPanel } from '../links/LinksPanel';
import { ChartSummary } from './ChartSummary';

/** The left panel: the selection's actions, what is on the chart, cross-agency links, and what the overview loaded. */
export function SidePanel() {
  const graph = useAppStore((state) => state.graph);
  const graphLoading = useAppStore((state) => state.graphLoading);
  const connected = useAppStore((state) => state.connection.state === 'connected');
  const loadOverview = useAppStore((state) => state.loadOverview);
  const empty = graph !== null && graph.nodes.length === 0;
  const persons = graph ? confirmedPersons(graph) : [];
  const open = useAppStore((state) => state.panelsOpen.left);

  return (
    <aside className={`sidepanel${open ? '' : ' panel-collapsed'}`} aria-label="Explore">
      <PanelToggle panel="left" />
      {/* Kept mounted when folded away: its keys (E, P) and the details it loads still work. */}
      <div className="panel-body" hidden={!open}>
        <WorkspacePanel />
        {empty ? (
          <section className="panel-section" aria-labelledby="start-heading">
            <h2 id="start-heading">Cross-agency links</h2>
            <p className="panel-note">
              Import agency files with <code>caselink import</code> or <strong>Import files…</strong> to begin.
            </p>
          </section>
        ) : (
          <LinksPanel />
        )}

        <ChartSummary />

        <section className="panel-section" aria-labelledby="overview-heading">
          {/* What the overview query loaded from the graph (agencies and source files included), which is not what is on the chart. */}
          <h2 id="overview-heading">Overview loaded from the graph</h2>
          {graph && graph.nodes.length > 0 ? (
            <>
              <p className="panel-note">
                The cross-agency network the chart opens on, agencies and source files included:{' '}
                <span className="panel-figure" data-testid="overview-summary">
                  {countOf(graph.nodes.length, 'node', 'nodes')} ·{' '}
                  {countOf(graph.edges.length, 'relationship', 'relationships')}
                </span>
              </p>
              {graph.truncated && (
                <p className="panel-note">Overview only: {formatNumber(graph.nodes.length)} nodes of a larger graph.</p>
              )}
              <Legend graph={graph} />
              {persons.length > 0 && (
                <ul className="confirmed-list" aria-label="Confirmed same persons in the overview">
                  {persons.map((person) => (
                    <li key={person.id} title={person.mentions.join('\n')} data-testid="chart-confirmed-person">
                      {person.label}
                      <span className="muted"> · {countOf(person.mentions.length, 'mention', 'mentions')}</span>
                    </li>
                  ))}
                </ul>
              )}
            </>
          ) : (
            <p className="panel-note">Nothing yet.</p>
          )}
          <button
            type="button"
            className="button-secondary"
            onClick={() => void loadOverview()}
            disabled={!connected || graphLoading}
            title="Read the overview again and put it on the chart in place of what is there"
          >
            {graphLoading ? 'Loading…' : 'Reload graph'}
          </button>
        </section>
      </div>
    </aside>
  );
}
