import { FiltersPanel } from '../filters/FiltersPanel';
import { AnalysisPanel } from './AnalysisPanel';
import './chartTools.css';

/** The right-hand panel beside the chart: filters that act on it, and its analysis. */
export function ChartTools() {
  return (
    <aside className="chart-tools" aria-label="Filters and analysis">
      <FiltersPanel />
      <AnalysisPanel />
    </aside>
  );
}
