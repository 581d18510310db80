import { useId, useRef, useState, type DragEvent } from 'react';
import { useAppStore } from '../../store';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatBytes } from '../../ui/format';
import { chosenFile } from './readFile';

/** What the file input offers; main checks the extension again when staging. */
export const ACCEPTED_FILES = '.xlsx,.xls,.ods,.csv,.tsv,.txt';

/** Step 1: the agency the files come from, and the files. */
export function FilesStep() {
  const agencies = useAppStore((state) => state.agencies);
  const agenciesError = useAppStore((state) => state.agenciesError);
  const agency = useAppStore((state) => state.importAgency);
  const files = useAppStore((state) => state.importFiles);
  const chooseAgency = useAppStore((state) => state.chooseImportAgency);
  const stageFiles = useAppStore((state) => state.stageImportFiles);
  const removeFile = useAppStore((state) => state.removeImportFile);
  const loadAgencies = useAppStore((state) => state.loadAgencies);
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const agencyId = useId();
  const chosen = agencies?.find((a) => a.code === agency) ?? null;

  const take = (list: FileList | null) => {
    if (list && list.length > 0) void stageFiles(Array.from(list, chosenFile));
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    take(event.dataTransfer.files);
  };

  return (
    <div className="import-step">
      <section className="import-section" aria-labelledby={`${agencyId}-h`}>
        <h3 id={`${agencyId}-h`}>Agency</h3>
        {agenciesError && <ErrorNotice error={agenciesError} />}
        <div className="form-row">
          <label htmlFor={agencyId}>Files come from</label>
          <select
            id={agencyId}
            value={agency ?? ''}
            onChange={(event) => chooseAgency(event.target.value)}
            disabled={agencies === null}
          >
            <option value="">{agencies === null ? 'Loading agencies…' : 'Choose an agency…'}</option>
            {agencies?.map((a) => (
              <option key={a.code} value={a.code}>
                {a.code} — {a.name}
              </option>
            ))}
          </select>
          {chosen && (
            <span className="form-aside" data-testid="import-agency-country">
              Country <strong>{chosen.country}</strong> · {chosen.sources} files · {chosen.records} records so far
            </span>
          )}
          {agenciesError && (
            <button type="button" className="button-secondary button-small" onClick={() => void loadAgencies()}>
              Try again
            </button>
          )}
        </div>
        {agencies !== null && agencies.length === 0 && (
          <p className="panel-note">
            No agency is registered. Add one with <code>caselink agency add</code>.
          </p>
        )}
      </section>

      <section className="import-section" aria-labelledby={`${agencyId}-files`}>
        <h3 id={`${agencyId}-files`}>Files</h3>
        <div
          className={`dropzone${dragging ? ' dropzone-active' : ''}`}
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          data-testid="import-dropzone"
        >
          <p>
            Drop spreadsheets here, or{' '}
            <button type="button" className="button-secondary button-small" onClick={() => input.current?.click()}>
              Choose files…
            </button>
          </p>
          <p className="panel-note">Excel (.xlsx, .xls), OpenDocument (.ods), CSV, TSV or text exports.</p>
          <input
            ref={input}
            type="file"
            multiple
            accept={ACCEPTED_FILES}
            className="visually-hidden"
            aria-label="Files to import"
            data-testid="import-file-input"
            onChange={(event) => {
              take(event.target.files);
              event.target.value = '';
            }}
          />
        </div>
        {files.length > 0 && (
          <table className="data-table" aria-label="Chosen files">
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col" className="numeric">
                  Size
                </th>
                <th scope="col">State</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {files.map((file, index) => (
                <tr key={file.key} data-testid="import-file-row">
                  <td>
                    {file.name}
                    {index === 0 && file.state === 'staged' && <span className="tag">mapping sample</span>}
                  </td>
                  <td className="numeric">{formatBytes(file.size)}</td>
                  <td>
                    {file.state === 'staging' && 'Uploading…'}
                    {file.state === 'staged' && <span className="text-ok">Ready</span>}
                    {file.state === 'rejected' && file.error && <ErrorNotice error={file.error} />}
                  </td>
                  <td className="actions">
                    <button
                      type="button"
                      className="button-icon"
                      aria-label={`Remove ${file.name}`}
                      title="Remove"
                      onClick={() => removeFile(file.key)}
                    >
                      ×
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
