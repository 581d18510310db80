import { useAppStore, type SidePanel } from '../store';

const WHAT: Record<SidePanel, string> = {
  left: 'selection, details, what is on the chart, links',
  right: 'list of the chart, filters, analysis',
};

/**
 * The button that folds a side panel away to a narrow rail (giving the chart the room) and
 * unfolds it again. The panels' state is kept between sessions.
 */
export function PanelToggle({ panel }: { panel: SidePanel }) {
  const open = useAppStore((state) => state.panelsOpen[panel]);
  const setPanelOpen = useAppStore((state) => state.setPanelOpen);
  const pointsLeft = (panel === 'left') === open;
  return (
    <button
      type="button"
      className={`panel-toggle panel-toggle-${panel}`}
      aria-expanded={open}
      aria-label={`${open ? 'Fold away' : 'Show'} the ${panel} panel (${WHAT[panel]})`}
      title={`${open ? 'Fold away' : 'Show'} the ${panel} panel`}
      onClick={() => setPanelOpen(panel, !open)}
      data-testid={`panel-toggle-${panel}`}
    >
      <span aria-hidden="true">{pointsLeft ? '◂' : '▸'}</span>
    </button>
  );
}
