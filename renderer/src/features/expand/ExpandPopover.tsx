import { useEffect, useRef } from 'react';
import type { ChartEdgeKind } from '../../../../main/contract/workspaceTypes';
import { useAppStore, useAppStoreApi } from '../../store';
import { EXPAND_LIMIT_MAX } from '../../store/workspaceSlice';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { EDGE_WORDS } from '../search/words';

const EDGE_KINDS = Object.keys(EDGE_WORDS) as ChartEdgeKind[];
import '../search/workspace.css';

const toggle = <T,>(list: readonly T[], item: T): T[] =>
  list.includes(item) ? list.filter((x) => x !== item) : [...list, item];

/** The expand options for the selected nodes: kinds, agencies, hops, hubs, identifiers, limit. Escape closes. */
export function ExpandPopover({ nodes }: { nodes: string[] }) {
  const store = useAppStoreApi();
  const options = useAppStore((s) => s.expandOptions);
  const loading = useAppStore((s) => s.expandLoading);
  const error = useAppStore((s) => s.expandError);
  // The agencies on the chart: a join, so the selector answers a string that compares by value.
  const agencies = useAppStore((s) =>
    [...new Set(Object.values(s.chart.nodes).flatMap((n) => n.agencies))].sort().join('|'),
  );
  const first = useRef<HTMLSelectElement>(null);
  const a = store.getState();

  useEffect(() => first.current?.focus(), []);
  const known = agencies === '' ? [] : agencies.split('|');

  return (
    <form
      className="popover"
      role="dialog"
      aria-label="Expand"
      data-testid="expand-popover"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          a.closeExpand();
        }
      }}
      onSubmit={(event) => {
        event.preventDefault();
        void a.expand(nodes);
      }}
    >
      <div className="popover-row">
        <label>
          Hops{' '}
          <select
            ref={first}
            value={options.hops}
            onChange={(e) => a.setExpandOptions({ hops: Number(e.target.value) as 1 | 2 | 3 })}
          >
            <option value={1}>1</option>
            <option value={2}>2</option>
            <option value={3}>3</option>
          </select>
        </label>
        <label>
          At most{' '}
          <input
            type="number"
            min={1}
            max={EXPAND_LIMIT_MAX}
            value={options.limit}
            onChange={(e) =>
              a.setExpandOptions({ limit: Math.max(1, Math.min(EXPAND_LIMIT_MAX, Number(e.target.value) || 1)) })
            }
          />{' '}
          new nodes
        </label>
      </div>
      <fieldset>
        <legend>Links to follow {options.edgeKinds.length === 0 && <span className="muted">(all)</span>}</legend>
        {EDGE_KINDS.map((kind) => (
          <label key={kind} className="chip">
            <input
              type="checkbox"
              checked={options.edgeKinds.includes(kind)}
              onChange={() => a.setExpandOptions({ edgeKinds: toggle(options.edgeKinds, kind) })}
            />
            {EDGE_WORDS[kind]}
          </label>
        ))}
      </fieldset>
      {known.length > 0 && (
        <fieldset>
          <legend>Agencies {options.agencies.length === 0 && <span className="muted">(all)</span>}</legend>
          {known.map((agency) => (
            <label key={agency} className="chip">
              <input
                type="checkbox"
                checked={options.agencies.includes(agency)}
                onChange={() => a.setExpandOptions({ agencies: toggle(options.agencies, agency) })}
              />
              {agency}
            </label>
          ))}
        </fieldset>
      )}
      <div className="popover-row">
        <label>
          <input
            type="checkbox"
            checked={options.includeHubs}
            onChange={(e) => a.setExpandOptions({ includeHubs: e.target.checked })}
          />{' '}
          Include hubs
        </label>
        <label>
          Identifiers{' '}
          <select
            value={options.identifiers}
            onChange={(e) => a.setExpandOptions({ identifiers: e.target.value as 'nodes' | 'collapsed' })}
          >
            <option value="nodes">as nodes</option>
            <option value="collapsed">collapsed into links</option>
          </select>
        </label>
      </div>
      {error && <ErrorNotice error={error} testId="expand-error" />}
      <div className="popover-actions">
        <button type="submit" disabled={loading} data-testid="expand-run">
          {loading ? 'Expanding…' : 'Expand'}
        </button>
        <button type="button" className="button-secondary" onClick={() => a.closeExpand()}>
          Cancel
        </button>
      </div>
    </form>
  );
}
