import { useEffect, useRef } from 'react';
import { useAppStore, useAppStoreApi } from '../../store';
import { ExpandPopover } from '../expand/ExpandPopover';
import { PathsForm, PathsList } from '../paths/PathsPanel';
import { plural } from '../search/words';
import { DetailsPanel } from './DetailsPanel';
import '../search/workspace.css';

const isEditable = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * The side panel's top: what to do with the selection (expand, find paths — keys "e" and "p"),
 * what the last expansion left out with "show the rest", the paths found, and the details of the
 * one selected element.
 */
export function WorkspacePanel() {
  const store = useAppStoreApi();
  const selection = useAppStore((s) => s.chartSelection);
  const nodesOnChart = useAppStore((s) => s.chart.nodes);
  const expandOpen = useAppStore((s) => s.expandOpen);
  const pathsOpen = useAppStore((s) => s.pathsOpen);
  const lastExpand = useAppStore((s) => s.lastExpand);
  const expandLoading = useAppStore((s) => s.expandLoading);
  const lastOpened = useAppStore((s) => s.lastOpened);
  const panelFocus = useAppStore((s) => s.panelFocus);
  const selectionRef = useRef<HTMLHeadingElement>(null);
  const selectedNodes = selection.filter((id) => id in nodesOnChart);
  const canExpand = selectedNodes.length > 0;
  const canPath = selectedNodes.length === 2;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isEditable(event.target)) return;
      if (document.querySelector('.modal[role="dialog"]')) return;
      const state = store.getState();
      const nodes = state.chartSelection.filter((id) => id in state.chart.nodes);
      if (event.key === 'e' && nodes.length > 0) {
        event.preventDefault();
        state.openExpand();
      } else if (event.key === 'p' && nodes.length === 2) {
        event.preventDefault();
        state.openPaths();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);

  // The chart menu's "Details": the selection's section into view, its heading focused (the
  // details follow it), so a keyboard or screen-reader user lands on them.
  useEffect(() => {
    if (panelFocus?.target !== 'details') return;
    selectionRef.current?.scrollIntoView({ block: 'start' });
    selectionRef.current?.focus();
  }, [panelFocus]);

  const a = store.getState();
  return (
    <>
      {lastOpened && (
        <section className="panel-section" aria-labelledby="opened-heading" data-testid="opened-investigation">
          <h2 id="opened-heading">Investigation</h2>
          <p className="details-title">{lastOpened.name}</p>
          {lastOpened.notes && <p className="investigation-notes">{lastOpened.notes}</p>}
          {lastOpened.missing.length > 0 && (
            <div className="notice-inline" role="status" data-testid="opened-missing">
              {plural(lastOpened.missing.length, 'saved node is', 'saved nodes are')} no longer in the graph:{' '}
              <span className="mono">{lastOpened.missing.join(', ')}</span>
            </div>
          )}
          {lastOpened.moved.length > 0 && (
            <p className="panel-note">
              {plural(lastOpened.moved.length, 'saved node is', 'saved nodes are')} now drawn as part of another
              (persons joined since the save).
            </p>
          )}
        </section>
      )}
      <section className="panel-section" aria-labelledby="selection-heading" data-testid="selection-panel">
        <h2 id="selection-heading" ref={selectionRef} tabIndex={-1}>
          Selection
        </h2>
        <div className="selection-actions">
          <button
            type="button"
            onClick={() => (expandOpen ? a.closeExpand() : a.openExpand())}
            disabled={!canExpand}
            aria-expanded={expandOpen}
            title="Add the neighbours of the selected nodes (E)"
            data-testid="expand-button"
          >
            Expand… <kbd>E</kbd>
          </button>
          <button
            type="button"
            onClick={() => (pathsOpen ? a.closePaths() : a.openPaths())}
            disabled={!canPath}
            aria-expanded={pathsOpen}
            title="Shortest paths between the two selected nodes (P)"
            data-testid="paths-button"
          >
            Find paths… <kbd>P</kbd>
          </button>
        </div>
        {!canPath && selectedNodes.length > 0 && (
          <p className="panel-note">Select two nodes (Ctrl+click) to find the paths between them.</p>
        )}
        {expandOpen && canExpand && <ExpandPopover nodes={selectedNodes} />}
        {pathsOpen && canPath && <PathsForm from={selectedNodes[0]!} to={selectedNodes[1]!} />}
        {lastExpand && (lastExpand.notes.length > 0 || lastExpand.cappedOut > 0 || lastExpand.hubsLeftOut > 0) && (
          <div className="expand-notes" role="status" data-testid="expand-notes">
            <p>Expand added {plural(lastExpand.added, 'node', 'nodes')}.</p>
            {lastExpand.notes.map((note) => (
              <p key={note.text}>{note.text}</p>
            ))}
            {lastExpand.cappedOut > 0 && (
              <button
                type="button"
                className="button-secondary"
                disabled={expandLoading}
                onClick={() => void a.expandRest()}
                data-testid="expand-rest"
              >
                Show the rest ({lastExpand.cappedOut.toLocaleString('en-GB')} more)
              </button>
            )}
          </div>
        )}
        <DetailsPanel />
      </section>
      <PathsList />
    </>
  );
}
