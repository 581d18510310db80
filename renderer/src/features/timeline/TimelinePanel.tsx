import { lazy, Suspense, useMemo, useState } from 'react';
import { useAppStore } from '../../store';
import { countOf } from '../../ui/format';
import { timelineItems } from './timelineItems';
import '../analysis/chartTools.css';

const TimelineView = lazy(async () => ({ default: (await import('./TimelineView')).TimelineView }));

/**
 * The timeline under the chart: the dates of the records and mentions behind the nodes on it, a
 * row per agency. Moving or zooming it (brushing) filters the chart to the period shown; picking
 * an item selects its node.
 */
export function TimelinePanel() {
  const [open, setOpen] = useState(true);
  const nodes = useAppStore((state) => state.chart.nodes);
  const hidden = useAppStore((state) => state.chart.hidden);
  const period = useAppStore((state) => state.chartFilters.dates);
  const setChartFilters = useAppStore((state) => state.setChartFilters);
  const selectOnChart = useAppStore((state) => state.selectOnChart);
  const data = useMemo(() => timelineItems(Object.values(nodes).filter((node) => !hidden[node.id])), [nodes, hidden]);
  const filtered = period.from !== null || period.to !== null;

  return (
    <section className={`timeline-dock${open ? ' timeline-dock-open' : ''}`} aria-labelledby="timeline-heading">
      <header className="timeline-header">
        <h2 id="timeline-heading">
          <button
            type="button"
            className="button-icon timeline-toggle"
            aria-expanded={open}
            aria-controls="timeline-body"
            onClick={() => setOpen(!open)}
          >
            {open ? '▾' : '▸'} Timeline
          </button>
        </h2>
        <span className="muted" data-testid="timeline-summary">
          {countOf(data.items.length, 'dated item', 'dated items')}
          {data.leftOut > 0 && ` (${countOf(data.leftOut, 'more', 'more')} not drawn)`}
          {data.undated > 0 && ` · ${countOf(data.undated, 'node', 'nodes')} without a date`}
        </span>
        <span className="spacer" />
        {filtered && (
          <>
            <span data-testid="timeline-period">
              Chart filtered to {period.from ?? '…'} – {period.to ?? '…'}
            </span>
            <button
              type="button"
              className="button-secondary button-small"
              onClick={() => setChartFilters({ dates: { from: null, to: null } })}
            >
              Show all dates
            </button>
          </>
        )}
      </header>
      {open && (
        <div id="timeline-body" className={`timeline-body${data.items.length > 0 ? ' timeline-body-drawn' : ''}`}>
          {data.items.length === 0 ? (
            <p className="panel-note">No dated records behind the nodes on the chart.</p>
          ) : (
            <Suspense fallback={<p className="panel-note">Loading the timeline…</p>}>
              <TimelineView
                data={data}
                period={period}
                onBrush={(dates) => setChartFilters({ dates })}
                onPick={(node) => selectOnChart([node])}
                onShowAll={() => setChartFilters({ dates: { from: null, to: null } })}
              />
            </Suspense>
          )}
        </div>
      )}
    </section>
  );
}
