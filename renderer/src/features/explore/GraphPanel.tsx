import type { ReactNode } from 'react';
import { CytoscapeView } from '../../graph';
import { useAppStore } from '../../store';
import { errorHeading } from '../../ui/errors';
import { useChartAppearance } from '../analysis/useChartAppearance';
import { useOverviewLoading } from './useOverviewLoading';

/** The chart area: the link chart, or what stands in for it while there is none. */
export function GraphPanel() {
  useOverviewLoading();
  const graph = useAppStore((state) => state.graph);
  const graphLoading = useAppStore((state) => state.graphLoading);
  const graphError = useAppStore((state) => state.graphError);
  const connectionState = useAppStore((state) => state.connection.state);
  const loadOverview = useAppStore((state) => state.loadOverview);
  const appearance = useChartAppearance();

  let overlay: ReactNode = null;
  if (graphError) {
    overlay = (
      <Notice title="The graph could not be loaded" tone="warning">
        <p>
          <strong>{errorHeading(graphError)}:</strong> {graphError.message}
        </p>
        {graphError.hint && <p>{graphError.hint}</p>}
        <button type="button" onClick={() => void loadOverview()} disabled={graphLoading}>
          Try again
        </button>
      </Notice>
    );
  } else if (graph === null) {
    overlay =
      connectionState === 'failed' ? (
        <Notice title="No database connection">
          <p>The chart appears once Caselink reaches Neo4j. The status bar below says why it cannot.</p>
        </Notice>
      ) : (
        <Notice title="Loading the graph…" />
      );
  } else if (graph.nodes.length === 0) {
    overlay = (
      <Notice title="The graph is empty">
        <p>
          Import agency files with <code>caselink import</code> to begin. The chart loads by itself when the first
          records arrive.
        </p>
        <button type="button" onClick={() => void loadOverview()} disabled={graphLoading}>
          Reload graph
        </button>
      </Notice>
    );
  }

  return (
    <section className="graph-panel" aria-label="Link chart">
      <CytoscapeView overlay={overlay} appearance={appearance} />
    </section>
  );
}

function Notice({
  title,
  tone = 'info',
  children,
}: {
  title: string;
  tone?: 'info' | 'warning';
  children?: ReactNode;
}) {
  return (
    <div className={`notice notice-${tone}`} data-testid="graph-notice">
      <h2>{title}</h2>
      {children}
    </div>
  );
}
