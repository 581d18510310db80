import { confirmedPersons, Legend } from '../../graph';
import { useAppStore } from '../../store';
import { countOf, formatNumber } from '../../ui/format';
import { WorkspacePanel } from '../details/WorkspacePanel';
import { LinksPanel } from '../links/LinksPanel';

/** The left panel: the selection's actions, cross-agency links, and what the overview loaded. */
export function SidePanel() {
  const graph = useAppStore((state) => state.graph);
  const graphLoading = useAppStore((state) => state.graphLoading);
  const connected = useAppStore((state) => state.connection.state === 'connected');
  const loadOverview = useAppStore((state) => state.loadOverview);
  const empty = graph !== null && graph.nodes.length === 0;
  const persons = graph ? confirmedPersons(graph) : [];

  return (
    <aside className="sidepanel" aria-label="Explore">
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

      <section className="panel-section" aria-labelledby="chart-heading">
        {/* What the overview loaded (agencies and sources included); the chart's own list says what is drawn. */}
        <h2 id="chart-heading">Overview</h2>
        {graph && graph.nodes.length > 0 ? (
          <>
            <p className="panel-summary" data-testid="chart-summary">
              {countOf(graph.nodes.length, 'node', 'nodes')} ·{' '}
              {countOf(graph.edges.length, 'relationship', 'relationships')}
            </p>
            {graph.truncated && (
              <p className="panel-note">Overview only: {formatNumber(graph.nodes.length)} nodes of a larger graph.</p>
            )}
            <Legend graph={graph} />
            {persons.length > 0 && (
              <ul className="confirmed-list" aria-label="Confirmed same persons on the chart">
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
        >
          {graphLoading ? 'Loading…' : 'Reload graph'}
        </button>
      </section>
    </aside>
  );
}
