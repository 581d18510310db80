import { AuditButton } from './features/audit/AuditButton';
import { AuditDialog } from './features/audit/AuditDialog';
import { ChartTools } from './features/analysis/ChartTools';
import { ConnectionButton, ConnectionDialog } from './features/connection/ConnectionDialog';
import { GraphPanel } from './features/explore/GraphPanel';
import { ImportDialog } from './features/import/ImportDialog';
import { ExportControl } from './features/export/ExportDialog';
import { InvestigationButtons, InvestigationsDialog } from './features/investigations/InvestigationsDialog';
import { ExplanationDialog } from './features/links/ExplanationDialog';
import { ReviewButton } from './features/review/ReviewButton';
import { ReviewDialog } from './features/review/ReviewDialog';
import { SearchBox } from './features/search/SearchBox';
import { SidePanel } from './features/explore/SidePanel';
import { StatusBar } from './features/status/StatusBar';
import { TimelinePanel } from './features/timeline/TimelinePanel';
import { useAppStore } from './store';

export function App() {
  const openImport = useAppStore((state) => state.openImport);
  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">
          <svg className="brand-mark" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
            <circle cx="5" cy="6" r="3" />
            <circle cx="19" cy="6" r="3" />
            <circle cx="12" cy="18" r="3" />
            <path d="M7.5 7.5 10.5 16M16.5 7.5 13.5 16M8 6h8" />
          </svg>
          <h1>Caselink</h1>
        </div>
        <span className="topbar-subtitle">Cross-agency case linkage</span>
        <SearchBox />
        <div className="topbar-actions">
          <InvestigationButtons />
          <ExportControl />
          <ReviewButton />
          <AuditButton />
          <ConnectionButton />
          <button type="button" className="topbar-button" onClick={openImport}>
            Import files…
          </button>
        </div>
      </header>
      <div className="workspace">
        <SidePanel />
        <main className="chart-area">
          <GraphPanel />
        </main>
        <ChartTools />
      </div>
      <TimelinePanel />
      <StatusBar />
      <ImportDialog />
      <ReviewDialog />
      <ExplanationDialog />
      <AuditDialog />
      <InvestigationsDialog />
      <ConnectionDialog />
    </div>
  );
}
