import { useState } from 'react';
import { useAppStore, useAppStoreApi } from '../../store';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Modal } from '../../ui/Modal';
import { plural } from '../search/words';
import '../search/workspace.css';
import { FocusTrap } from '../../ui/FocusTrap';

/** The top bar's Save and Open buttons. */
export function InvestigationButtons() {
  const store = useAppStoreApi();
  const connected = useAppStore((s) => s.connection.state === 'connected');
  const empty = useAppStore((s) => Object.keys(s.chart.nodes).length === 0);
  return (
    <>
      <button
        type="button"
        className="topbar-button"
        onClick={() => store.getState().newChart()}
        disabled={empty}
        title="Start an empty chart (Ctrl+Z brings this one back)"
        data-testid="investigation-new"
      >
        New chart
      </button>
      <button
        type="button"
        className="topbar-button"
        onClick={() => store.getState().showInvestigations('save')}
        disabled={!connected || empty}
        data-testid="investigation-save"
      >
        Save…
      </button>
      <button
        type="button"
        className="topbar-button"
        onClick={() => store.getState().showInvestigations('open')}
        disabled={!connected}
        data-testid="investigation-open"
      >
        Open…
      </button>
    </>
  );
}

/** Saving the chart as an investigation, or opening and deleting saved ones. Focus stays inside; Escape closes. */
export function InvestigationsDialog() {
  const mode = useAppStore((s) => s.investigationsOpen);
  if (mode === null) return null;
  return mode === 'save' ? <SaveDialog /> : <OpenDialog />;
}

function SaveDialog() {
  const store = useAppStoreApi();
  const current = useAppStore((s) => s.currentInvestigation);
  const nodeCount = useAppStore((s) => Object.keys(s.chart.nodes).length);
  const loading = useAppStore((s) => s.investigationsLoading);
  const error = useAppStore((s) => s.investigationsError);
  const [name, setName] = useState(current?.name ?? '');
  const [notes, setNotes] = useState(current?.notes ?? '');
  const a = store.getState();
  const save = (asNew: boolean) => {
    if (name.trim() !== '') void a.saveInvestigation(name.trim(), notes, asNew);
  };
  return (
    <Modal
      className="investigation-dialog"
      titleId="save-title"
      testId="save-dialog"
      onClose={() => a.closeInvestigations()}
    >
      <FocusTrap>
        <header className="modal-header">
          <h2 id="save-title">Save the chart as an investigation</h2>
        </header>
        <form
          className="investigation-form"
          onSubmit={(event) => {
            event.preventDefault();
            save(false);
          }}
        >
          <p className="panel-note">
            {plural(nodeCount, 'node', 'nodes')}, where they sit, what is pinned or hidden, and the filters. The data is
            read again from the graph when the investigation is opened.
          </p>
          <label>
            Name
            <input
              autoFocus
              value={name}
              maxLength={200}
              onChange={(e) => setName(e.target.value)}
              data-testid="save-name"
              required
            />
          </label>
          <label>
            Notes
            <textarea
              value={notes}
              maxLength={20000}
              rows={5}
              onChange={(e) => setNotes(e.target.value)}
              data-testid="save-notes"
            />
          </label>
          {error && <ErrorNotice error={error} testId="save-error" />}
          <div className="popover-actions">
            <button type="submit" disabled={loading || name.trim() === ''} data-testid="save-submit">
              {current ? `Save over “${current.name}”` : 'Save'}
            </button>
            {current && (
              <button
                type="button"
                className="button-secondary"
                disabled={loading || name.trim() === ''}
                onClick={() => save(true)}
              >
                Save as new
              </button>
            )}
            <button type="button" className="button-secondary" onClick={() => a.closeInvestigations()}>
              Cancel
            </button>
          </div>
        </form>
      </FocusTrap>
    </Modal>
  );
}

function OpenDialog() {
  const store = useAppStoreApi();
  const list = useAppStore((s) => s.investigations);
  const loading = useAppStore((s) => s.investigationsLoading);
  const error = useAppStore((s) => s.investigationsError);
  const [confirming, setConfirming] = useState<string | null>(null);
  const a = store.getState();
  return (
    <Modal
      className="investigation-dialog"
      titleId="open-title"
      testId="open-dialog"
      onClose={() => a.closeInvestigations()}
    >
      <FocusTrap>
        <header className="modal-header">
          <h2 id="open-title">Open an investigation</h2>
        </header>
        <div className="investigation-form">
          <p className="panel-note">Opening one replaces the chart (Ctrl+Z puts the chart back).</p>
          {error && <ErrorNotice error={error} testId="open-error" />}
          {list === null && loading && <p className="panel-note">Reading the saved investigations…</p>}
          {list !== null && list.length === 0 && <p className="panel-note">No investigation saved yet.</p>}
          {list !== null && list.length > 0 && (
            <table className="investigation-list" data-testid="investigation-list">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Nodes</th>
                  <th scope="col">Saved</th>
                  <th scope="col">By</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.map((item) => (
                  <tr key={item.id} data-testid="investigation-row">
                    <td>{item.name}</td>
                    <td>{item.nodeCount.toLocaleString('en-GB')}</td>
                    <td>
                      {new Date(item.savedAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })}
                    </td>
                    <td>{item.savedBy}</td>
                    <td className="investigation-actions">
                      {confirming === item.id ? (
                        <span role="group" aria-label={`Delete ${item.name}?`}>
                          Delete “{item.name}”? The graph stays.{' '}
                          <button
                            type="button"
                            className="button-danger"
                            disabled={loading}
                            onClick={(event) => {
                              // The button goes with the row: the dialog keeps the focus, so Escape still closes it.
                              const dialog = event.currentTarget.closest<HTMLElement>('[role="dialog"]');
                              void a.deleteInvestigation(item.id).then(() => {
                                setConfirming(null);
                                dialog?.focus();
                              });
                            }}
                            data-testid="investigation-delete-confirm"
                          >
                            Delete
                          </button>{' '}
                          <button
                            type="button"
                            className="button-secondary"
                            onClick={() => setConfirming(null)}
                            autoFocus
                          >
                            Keep
                          </button>
                        </span>
                      ) : (
                        <>
                          <button
                            type="button"
                            disabled={loading}
                            onClick={() => void a.openInvestigation(item.id)}
                            aria-label={`Open ${item.name}`}
                            data-testid="investigation-open-row"
                          >
                            Open
                          </button>{' '}
                          <button
                            type="button"
                            className="button-secondary"
                            onClick={() => setConfirming(item.id)}
                            aria-label={`Delete ${item.name}…`}
                            data-testid="investigation-delete"
                          >
                            Delete…
                          </button>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <div className="popover-actions">
            <button type="button" className="button-secondary" onClick={() => a.closeInvestigations()}>
              Close
            </button>
          </div>
        </div>
      </FocusTrap>
    </Modal>
  );
}
