import { useId } from 'react';
import type { AuditEventDto, AuditKind } from '../../../../main/contract/api';
import { AUDIT_LIST_LIMIT, useAppStore } from '../../store';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { countOf } from '../../ui/format';
import { Modal } from '../../ui/Modal';
import { downloadText } from './download';

const KIND_WORDS: Record<AuditKind, string> = {
  import: 'Import',
  resolve: 'Resolution',
  'match-decision': 'Match decision',
  'hub-override': 'Hub override',
  'model-change': 'Match model change',
  'profile-change': 'Profile change',
  search: 'Search',
  export: 'Export',
  investigation: 'Investigation',
};

/** Every kind, in the contract's order: the Record above cannot compile with one missing. */
const KINDS = Object.keys(KIND_WORDS) as AuditKind[];

const OUTCOME_WORDS: Record<AuditEventDto['outcome'], string> = {
  success: 'Done',
  failure: 'Failed',
  cancelled: 'Cancelled',
};

/** `2026-11-29 19:40:01 UTC`: the audit trail keeps UTC, and says so. */
function formatAt(at: string): string {
  return `${at.slice(0, 10)} ${at.slice(11, 19)} UTC`;
}

function describeDetails(details: AuditEventDto['details']): string {
  return Object.entries(details)
    .filter(([, value]) => value !== null && value !== '')
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join(' · ');
}

/** The audit trail: who did what, when, from where, and how it ended; filtered and exported as CSV. */
export function AuditDialog() {
  const open = useAppStore((state) => state.auditOpen);
  if (!open) return null;
  return <OpenAuditDialog />;
}

function OpenAuditDialog() {
  const events = useAppStore((state) => state.auditEvents);
  const loading = useAppStore((state) => state.auditLoading);
  const error = useAppStore((state) => state.auditError);
  const kind = useAppStore((state) => state.auditKind);
  const since = useAppStore((state) => state.auditSince);
  const exporting = useAppStore((state) => state.auditExporting);
  const close = useAppStore((state) => state.closeAudit);
  const setKind = useAppStore((state) => state.setAuditKind);
  const setSince = useAppStore((state) => state.setAuditSince);
  const exportCsv = useAppStore((state) => state.exportAuditCsv);
  const id = useId();

  const onExport = async () => {
    if (exporting) return;
    const file = await exportCsv();
    if (file) downloadText(file.fileName, file.csv);
  };

  return (
    <Modal className="audit-dialog" titleId={`${id}-title`} testId="audit-dialog" onClose={close}>
      <header className="modal-header">
        <h2 id={`${id}-title`}>Audit trail</h2>
        <label className="audit-filter">
          Kind
          <select
            value={kind ?? ''}
            onChange={(event) => setKind(event.target.value === '' ? null : (event.target.value as AuditKind))}
            aria-label="Kind of event"
          >
            <option value="">All</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_WORDS[k]}
              </option>
            ))}
          </select>
        </label>
        <label className="audit-filter">
          Since
          <input
            type="date"
            value={since}
            onChange={(event) => setSince(event.target.value)}
            aria-label="Events since"
          />
        </label>
        <button
          type="button"
          className="button-secondary"
          onClick={() => void onExport()}
          // Not disabled while exporting: a disabled button drops the focus, and Escape with it.
          disabled={!events || events.length === 0}
          aria-busy={exporting}
          data-testid="audit-export"
        >
          {exporting ? 'Exporting…' : 'Export CSV'}
        </button>
        <button
          type="button"
          className="button-icon modal-close"
          aria-label="Close audit trail"
          title="Close (Esc)"
          onClick={close}
        >
          ×
        </button>
      </header>
      <div className="modal-body audit-body">
        <p className="panel-note" data-testid="audit-count">
          {events === null
            ? loading
              ? 'Loading…'
              : ''
            : `${countOf(events.length, 'event', 'events')}${events.length >= AUDIT_LIST_LIMIT ? ' (the latest; narrow the filters or export for more)' : ''}, newest first${loading ? ' · refreshing…' : ''}`}
        </p>
        {error && <ErrorNotice error={error} testId="audit-error" />}
        {events !== null && events.length > 0 && (
          <div className="table-scroll">
            <table className="data-table audit-table" data-testid="audit-table">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Kind</th>
                  <th scope="col">What</th>
                  <th scope="col">Outcome</th>
                  <th scope="col">Who</th>
                  <th scope="col">Details</th>
                </tr>
              </thead>
              <tbody>
                {events.map((e) => (
                  <tr key={e.id} data-testid="audit-row" className={e.outcome === 'success' ? '' : 'row-rejected'}>
                    <td className="mono">{formatAt(e.at)}</td>
                    <td>{KIND_WORDS[e.kind] ?? e.kind}</td>
                    <td>{e.action}</td>
                    <td>{OUTCOME_WORDS[e.outcome] ?? e.outcome}</td>
                    <td>
                      {e.osUser}@{e.host}
                      <span className="muted">
                        {' '}
                        ({e.app}, Neo4j {e.dbUser})
                      </span>
                    </td>
                    <td className="audit-details">
                      {e.message && <div>{e.message}</div>}
                      <div className="muted">{describeDetails(e.details)}</div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {events !== null && events.length === 0 && <p className="panel-note">No events match these filters.</p>}
      </div>
    </Modal>
  );
}
