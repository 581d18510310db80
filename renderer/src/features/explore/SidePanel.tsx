import { Legend } from '../../graph';
import { useAppStore } from '../../store';
import { countOf, formatNumber } from '../../ui/format';

/** The left panel: search and filters (to come), and what the chart holds. */
export function SidePanel() {
  const graph = useAppStore((state) => state.graph);
  const graphLoading = useAppStore((state) => state.graphLoading);
  const connected = useAppStore((state) => state.connection.state === 'connected');
  const loadOverview = useAppStore((state) => state.loadOverview);
  const empty = graph !== null && graph.nodes.length === 0;

  return (
    <aside className="sidepanel" aria-label="Explore">
      <section className="panel-section" aria-labelledby="search-heading">
        <h2 id="search-heading">Search</h2>
        {empty ? (
          <p className="panel-note">
            Import agency files with <code>caselink import</code> to begin.
          </p>
        ) : (
          <p className="panel-note">Searching by name, phone, account or case reference is not available yet.</p>
        )}
      </section>

      <section className="panel-section" aria-labelledby="filters-heading">
        <h2 id="filters-heading">Filters</h2>
        <p className="panel-note">Filters by agency and by kind of node are not available yet.</p>
      </section>

      <section className="panel-section" aria-labelledby="chart-heading">
        <h2 id="chart-heading">On the chart</h2>
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
