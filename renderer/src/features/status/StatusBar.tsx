import type { ReactNode } from 'react';
import type { ConnectionStatus } from '../../../../main/contract/api';
import { useAppStore } from '../../store';
import { errorHeading } from '../../ui/errors';
import { countOf } from '../../ui/format';
import { useConnectionPolling } from './useConnectionPolling';

const time = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });

/** The bottom bar: which database the chart comes from, how big it is, or why there is none. */
export function StatusBar() {
  useConnectionPolling();
  const connection = useAppStore((state) => state.connection);
  const loading = useAppStore((state) => state.connectionLoading);
  const checkedAt = useAppStore((state) => state.connectionCheckedAt);
  const refreshConnection = useAppStore((state) => state.refreshConnection);

  return (
    <footer className={`statusbar statusbar-${connection.state}`} aria-label="Connection status">
      <div className="statusbar-main" role="status" aria-live="polite">
        {connection.state === 'unknown' && <ConnectionIndicator>Connecting…</ConnectionIndicator>}
        {connection.state === 'connected' && <ConnectedStatus status={connection.status} />}
        {connection.state === 'failed' && (
          <>
            <ConnectionIndicator>Not connected</ConnectionIndicator>
            <Separator />
            <span className="status-error" data-testid="status-error">
              <strong>{errorHeading(connection.error)}:</strong> {connection.error.message}
              {connection.error.hint && (
                <span className="status-hint" data-testid="status-hint">
                  {' '}
                  {connection.error.hint}
                </span>
              )}
            </span>
          </>
        )}
      </div>
      <div className="statusbar-actions">
        {checkedAt !== null && <span className="status-checked">Checked {time.format(checkedAt)}</span>}
        <button
          type="button"
          className="button-small"
          onClick={() => void refreshConnection()}
          disabled={loading}
          aria-label="Refresh connection status"
        >
          {loading ? 'Refreshing…' : 'Refresh'}
        </button>
      </div>
    </footer>
  );
}

function ConnectedStatus({ status }: { status: ConnectionStatus }) {
  return (
    <>
      <ConnectionIndicator>Connected</ConnectionIndicator>
      <Separator />
      <span data-testid="status-server" title={status.serverAgent}>
        Neo4j {status.serverVersion} {status.edition}
      </span>
      <Separator />
      <span data-testid="status-database">database {status.database}</span>
      <Separator />
      <span data-testid="status-location" title={status.uri}>
        {status.local ? 'local' : status.uri}
      </span>
      <Separator />
      <span data-testid="status-nodes">{countOf(status.nodeCount, 'node', 'nodes')}</span>
      <Separator />
      <span data-testid="status-relationships">
        {countOf(status.relationshipCount, 'relationship', 'relationships')}
      </span>
      <Separator />
      <span data-testid="status-schema" className={status.schemaVersion === null ? 'status-warning-text' : undefined}>
        {status.schemaVersion === null ? 'schema not applied' : `schema v${status.schemaVersion}`}
      </span>
    </>
  );
}

/** The connection's state; a click opens the Connection dialog. */
function ConnectionIndicator({ children }: { children: ReactNode }) {
  const open = useAppStore((state) => state.openConnectionDialog);
  return (
    <button
      type="button"
      className="status-state status-state-button"
      data-testid="status-connection"
      onClick={open}
      title="Connection settings"
    >
      {children}
    </button>
  );
}

function Separator() {
  return (
    <span className="status-separator" aria-hidden="true">
      ·
    </span>
  );
}
