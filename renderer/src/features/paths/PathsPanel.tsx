import { useEffect, useRef } from 'react';
import type { ChartContent } from '../../store/chartSlice';
import type { PathDto } from '../../../../main/contract/workspaceTypes';
import { useAppStore, useAppStoreApi } from '../../store';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { EDGE_WORDS, plural } from '../search/words';
import '../search/workspace.css';

/** One path as words: each node, then the kind of link to the next ("Ana — uses phone → +44…"). */
export function pathSteps(path: PathDto, chart: Pick<ChartContent, 'nodes' | 'edges'>): string[] {
  const label = (id: string) => chart.nodes[id]?.label ?? id;
  const steps: string[] = [label(path.nodes[0] ?? '')];
  path.edges.forEach((edgeId, i) => {
    const edge = chart.edges[edgeId];
    const kind = edge ? EDGE_WORDS[edge.kind] : 'linked to';
    steps.push(`${kind} ${label(path.nodes[i + 1] ?? '')}`);
  });
  return steps;
}

/** The options for finding paths between the two selected nodes. Escape closes. */
export function PathsForm({ from, to }: { from: string; to: string }) {
  const store = useAppStoreApi();
  const options = useAppStore((s) => s.pathOptions);
  const loading = useAppStore((s) => s.pathsLoading);
  const error = useAppStore((s) => s.pathsError);
  const first = useRef<HTMLInputElement>(null);
  const a = store.getState();
  useEffect(() => first.current?.focus(), []);
  return (
    <form
      className="popover"
      role="dialog"
      aria-label="Find paths"
      data-testid="paths-form"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          a.closePaths();
        }
      }}
      onSubmit={(event) => {
        event.preventDefault();
        void a.findPaths(from, to).then((ok) => ok && a.closePaths());
      }}
    >
      <div className="popover-row">
        <label>
          At most{' '}
          <input
            ref={first}
            type="number"
            min={1}
            max={10}
            value={options.maxHops}
            onChange={(e) => a.setPathOptions({ maxHops: Math.max(1, Math.min(10, Number(e.target.value) || 1)) })}
          />{' '}
          hops
        </label>
        <label>
          Paths{' '}
          <input
            type="number"
            min={1}
            max={25}
            value={options.limit}
            onChange={(e) => a.setPathOptions({ limit: Math.max(1, Math.min(25, Number(e.target.value) || 1)) })}
          />
        </label>
        <label>
          <input
            type="checkbox"
            checked={options.includeHubs}
            onChange={(e) => a.setPathOptions({ includeHubs: e.target.checked })}
          />{' '}
          Through hubs
        </label>
      </div>
      {error && <ErrorNotice error={error} testId="paths-error" />}
      <div className="popover-actions">
        <button type="submit" disabled={loading} data-testid="paths-run">
          {loading ? 'Searching…' : 'Find paths'}
        </button>
        <button type="button" className="button-secondary" onClick={() => a.closePaths()}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** The paths found last, as text: readable without the canvas. */
export function PathsList() {
  const store = useAppStoreApi();
  const paths = useAppStore((s) => s.paths);
  const ends = useAppStore((s) => s.pathEnds);
  const chart = useAppStore((s) => s.chart);
  if (!paths || !ends) return null;
  const label = (id: string) => chart.nodes[id]?.label ?? id;
  return (
    <section className="panel-section" aria-labelledby="paths-heading" data-testid="paths-list">
      <h2 id="paths-heading">Paths</h2>
      <p className="panel-note">
        {paths.length === 0
          ? `No path between ${label(ends[0])} and ${label(ends[1])} within the hops asked. Try more hops, or through hubs.`
          : `${plural(paths.length, 'path', 'paths')} between ${label(ends[0])} and ${label(ends[1])}, highlighted on the chart.`}
      </p>
      <ol className="paths">
        {paths.map((path, i) => (
          <li key={i} data-testid="path">
            <span className="muted">{plural(path.edges.length, 'step', 'steps')}: </span>
            {pathSteps(path, chart).map((step, j) => (
              <span key={j} className="path-step">
                {j > 0 && ' → '}
                {step}
              </span>
            ))}
          </li>
        ))}
      </ol>
      <button type="button" className="button-secondary" onClick={() => store.getState().clearHighlight()}>
        Clear paths
      </button>
    </section>
  );
}
