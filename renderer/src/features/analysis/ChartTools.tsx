import { CHART_LIST_SLOT } from '../../graph/CytoscapeView';
import { useAppStore } from '../../store';
import { PanelToggle } from '../../ui/PanelToggle';
import { FiltersPanel } from '../filters/FiltersPanel';
import { AnalysisPanel } from './AnalysisPanel';
import './chartTools.css';

/**
 * The right-hand panel beside the chart: the keyboard list of what is on it (drawn here by the
 * chart view), the filters that act on it, and its analysis. Folds away to a rail.
 */
export function ChartTools() {
  const open = useAppStore((state) => state.panelsOpen.right);
  return (
    <aside className={`chart-tools${open ? '' : ' panel-collapsed'}`} aria-label="Chart list, filters and analysis">
      <PanelToggle panel="right" />
      <div className="chart-tools-body" hidden={!open}>
        <div id={CHART_LIST_SLOT} className="chart-list-slot" />
        <div className="chart-tools-scroll">
          <FiltersPanel />
          <AnalysisPanel />
        </div>
      </div>
    </aside>
  );
}
