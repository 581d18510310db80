import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type {
  CaselinkError,
  ConnectionSettingsInput,
  ConnectionSettingsView,
  ConnectionTestResult,
} from '../../../../main/contract/api';
import { useAppStore, useAppStoreApi } from '../../store';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Modal } from '../../ui/Modal';
import './connection.css';
import { FocusTrap } from '../../ui/FocusTrap';

/** The top bar's button that opens the Connection dialog. */
export function ConnectionButton() {
  const open = useAppStore((s) => s.openConnectionDialog);
  return (
    <button type="button" className="topbar-button" onClick={open} data-testid="connection-open">
      Connection…
    </button>
  );
}

/** The Connection dialog, when open. */
export function ConnectionDialog() {
  const open = useAppStore((s) => s.connectionDialogOpen);
  return open ? <ConnectionForm /> : null;
}

interface Fields {
  local: boolean;
  uri: string;
  user: string;
  password: string;
  database: string;
}

const EMPTY: Fields = { local: true, uri: '', user: 'neo4j', password: '', database: 'neo4j' };

function fieldsOf(view: ConnectionSettingsView): Fields {
  return view.local ? EMPTY : { local: false, uri: view.uri, user: view.user, password: '', database: view.database };
}

function inputOf(fields: Fields): ConnectionSettingsInput {
  if (fields.local) return { local: true };
  return {
    local: false,
    uri: fields.uri.trim(),
    user: fields.user.trim(),
    database: fields.database.trim(),
    // Left empty, the stored password is used.
    ...(fields.password !== '' ? { password: fields.password } : {}),
  };
}

/**
 * URI, user, password and database, or the local database; Test says in plain words what a
 * connection would meet, Save keeps the settings and moves Caselink to that database. Focus stays
 * inside and goes back where it was when the dialog closes; Escape closes.
 */
function ConnectionForm() {
  const store = useAppStoreApi();
  const a = store.getState();
  const [view, setView] = useState<ConnectionSettingsView | null>(null);
  const [fields, setFields] = useState<Fields>(EMPTY);
  const [busy, setBusy] = useState<'loading' | 'testing' | 'saving' | null>('loading');
  const [outcome, setOutcome] = useState<ConnectionTestResult | null>(null);
  const [error, setError] = useState<CaselinkError | null>(null);
  const [saved, setSaved] = useState(false);
  const opener = useRef<Element | null>(document.activeElement);
  // A button is disabled while its work runs, which drops the focus to the page: it goes back after.
  const refocus = useRef<HTMLElement | null>(null);

  useEffect(() => {
    if (busy !== null || !refocus.current) return;
    if (document.activeElement === null || document.activeElement === document.body) refocus.current.focus();
    refocus.current = null;
  }, [busy]);

  useEffect(() => {
    const returnTo = opener.current;
    let live = true;
    void a.loadConnectionSettings().then((result) => {
      if (!live) return;
      setBusy(null);
      if (result.ok) {
        setView(result.value);
        setFields(fieldsOf(result.value));
      } else setError(result.error);
    });
    return () => {
      live = false;
      if (returnTo instanceof HTMLElement) returnTo.focus();
    };
    // The settings are read once, when the dialog opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const change = (patch: Partial<Fields>) => {
    setFields((f) => ({ ...f, ...patch }));
    setOutcome(null);
    setError(null);
    setSaved(false);
  };

  const test = async () => {
    refocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setBusy('testing');
    setOutcome(null);
    setError(null);
    const result = await a.testConnectionSettings(inputOf(fields));
    setBusy(null);
    if (result.ok) setOutcome(result.value);
    else setError(result.error);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    refocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setBusy('saving');
    setOutcome(null);
    setError(null);
    const result = await a.saveConnectionSettings(inputOf(fields));
    setBusy(null);
    if (result.ok) {
      setView(result.value);
      setFields(fieldsOf(result.value));
      setSaved(true);
    } else setError(result.error);
  };

  const fixed = view !== null && !view.canSave;
  const passwordStored = view !== null && !view.local && view.passwordStored;
  return (
    <Modal
      className="connection-dialog"
      titleId="connection-title"
      testId="connection-dialog"
      onClose={() => a.closeConnectionDialog()}
    >
      <FocusTrap>
        <header className="modal-header">
          <h2 id="connection-title">Connection</h2>
        </header>
        <form className="connection-form" onSubmit={(e) => void save(e)} aria-busy={busy !== null}>
          {fixed && (
            <p className="panel-note" data-testid="connection-fixed">
              NEO4J_URI is set in the environment, so it decides the connection for this run. You can test other
              settings; to save them, unset NEO4J_URI and start Caselink again.
            </p>
          )}
          {view !== null && !view.persistent && (
            <p className="panel-note" data-testid="connection-memory">
              Under <code>caselink serve</code>, what you save here, the password included, is kept in memory only,
              until the server stops.
            </p>
          )}
          <fieldset className="connection-choice" disabled={busy === 'loading'}>
            <legend>Database</legend>
            <label>
              <input
                type="radio"
                name="connection-kind"
                checked={fields.local}
                onChange={() => change({ local: true })}
                data-testid="connection-local"
              />
              Use the local database (Caselink runs it on this computer)
            </label>
            <label>
              <input
                type="radio"
                name="connection-kind"
                checked={!fields.local}
                onChange={() => change({ local: false })}
                data-testid="connection-server"
              />
              Use another Neo4j server
            </label>
          </fieldset>
          {!fields.local && (
            <div className="connection-fields">
              <Field label="Address" help="such as neo4j+s://db.example.org or bolt://localhost:7687">
                <input
                  value={fields.uri}
                  onChange={(e) => change({ uri: e.target.value })}
                  spellCheck={false}
                  autoComplete="off"
                  placeholder="neo4j+s://"
                  maxLength={2048}
                  required
                  data-testid="connection-uri"
                />
              </Field>
              <Field label="User">
                <input
                  value={fields.user}
                  onChange={(e) => change({ user: e.target.value })}
                  autoComplete="username"
                  maxLength={256}
                  required
                  data-testid="connection-user"
                />
              </Field>
              <Field
                label="Password"
                help={passwordStored ? 'a password is stored: leave this empty to keep it' : undefined}
              >
                <input
                  type="password"
                  value={fields.password}
                  onChange={(e) => change({ password: e.target.value })}
                  autoComplete="current-password"
                  maxLength={1024}
                  placeholder={passwordStored ? '••••••••' : ''}
                  data-testid="connection-password"
                />
              </Field>
              <Field label="Database" help='Neo4j Community has one, usually "neo4j"'>
                <input
                  value={fields.database}
                  onChange={(e) => change({ database: e.target.value })}
                  spellCheck={false}
                  maxLength={63}
                  required
                  data-testid="connection-database"
                />
              </Field>
            </div>
          )}
          <div className="connection-result" role="status" aria-live="polite" data-testid="connection-outcome">
            {busy === 'testing' && 'Testing…'}
            {busy === 'saving' && 'Connecting and saving…'}
            {outcome && (
              <p className={outcome.ok ? 'connection-ok' : 'connection-failed'} data-kind={outcome.kind}>
                <strong>{outcome.ok ? 'It works.' : 'It does not work.'}</strong> {outcome.message}
                {outcome.hint && <span className="error-hint"> {outcome.hint}</span>}
              </p>
            )}
            {saved && view && (
              <p className="connection-ok" data-testid="connection-saved">
                <strong>Saved.</strong> Caselink now works on{' '}
                {view.local ? 'the local database' : `${view.uri}, database "${view.database}"`}.
              </p>
            )}
          </div>
          {error && <ErrorNotice error={error} testId="connection-error" />}
          <div className="popover-actions">
            <button
              type="button"
              className="button-secondary"
              onClick={() => void test()}
              disabled={busy !== null}
              data-testid="connection-test"
            >
              Test
            </button>
            <button type="submit" disabled={busy !== null || fixed} data-testid="connection-save">
              Save
            </button>
            <button type="button" className="button-secondary" onClick={() => a.closeConnectionDialog()}>
              Close
            </button>
          </div>
        </form>
      </FocusTrap>
    </Modal>
  );
}

function Field({ label, help, children }: { label: string; help?: string; children: ReactNode }) {
  return (
    <label className="connection-field">
      <span>
        {label}
        {help && <span className="connection-help"> ({help})</span>}
      </span>
      {children}
    </label>
  );
}
