import type { MappedRow, SheetPreviewDto } from '../../../../main/contract/api';
import { useAppStore } from '../../store';
import { ErrorNotice } from '../../ui/ErrorNotice';

/** Step 3: the first rows of the first file as the profile will import them. */
export function PreviewStep() {
  const previews = useAppStore((state) => state.previews);
  const loading = useAppStore((state) => state.previewLoading);
  const error = useAppStore((state) => state.previewError);
  const fileName = useAppStore((state) => state.importFiles.find((f) => f.state === 'staged')?.name ?? null);

  return (
    <div className="import-step">
      <div className="step-toolbar">
        <span className="step-title">{fileName ?? 'No file'}</span>
        <span className="spacer" />
        <span className="panel-note" aria-live="polite">
          {loading ? 'Updating preview…' : previews ? 'Preview follows the mapping as you edit it.' : ''}
        </span>
      </div>
      {error && <ErrorNotice error={error} testId="preview-error" />}
      {previews?.length === 0 && <p className="panel-note">The file has no sheets the profile reads.</p>}
      {previews?.map((preview) => (
        <SheetPreview key={preview.sheet} preview={preview} />
      ))}
      {!previews && !error && <p className="panel-note">Reading the first rows…</p>}
    </div>
  );
}

/** One sheet's preview; also shown beside the mapping editor. */
export function SheetPreview({ preview }: { preview: SheetPreviewDto }) {
  return (
    <section className="import-section" aria-label={`Preview of sheet ${preview.sheet}`} data-testid="preview-sheet">
      <h3>
        Sheet {preview.sheet}
        <span className="heading-aside">
          {preview.headerRow === null ? 'no header row found' : `header on row ${preview.headerRow}`} ·{' '}
          {preview.header.length} columns
        </span>
      </h3>
      {preview.missingColumns.length > 0 && (
        <p className="inline-warning" data-testid="preview-missing">
          Not in this sheet: {preview.missingColumns.join(', ')}
        </p>
      )}
      {preview.rows.length === 0 ? (
        <p className="panel-note">No data rows.</p>
      ) : (
        <table className="data-table preview-table">
          <thead>
            <tr>
              <th scope="col" className="numeric">
                Row
              </th>
              <th scope="col">Case ref</th>
              <th scope="col">Date</th>
              <th scope="col">Parties</th>
              <th scope="col">Identifiers</th>
              <th scope="col">Warnings</th>
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row) => (
              <PreviewRow key={row.row} row={row} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function PreviewRow({ row }: { row: MappedRow }) {
  if (row.rejected) {
    return (
      <tr className="row-rejected" data-testid="preview-row">
        <td className="numeric">{row.row}</td>
        <td colSpan={5}>
          <strong>Rejected:</strong> {row.rejected}
        </td>
      </tr>
    );
  }
  return (
    <tr className={row.warnings.length > 0 ? 'row-warning' : undefined} data-testid="preview-row">
      <td className="numeric">{row.row}</td>
      <td className="mono">{row.caseRef ?? row.recordRef ?? '—'}</td>
      <td className="mono">{row.eventDate ?? ''}</td>
      <td>
        {row.parties.map((p) => (
          <div key={p.entity} className="cell-line">
            <span className="tag">{p.role}</span> {p.name ?? <em>no name</em>}
            {p.birthDate && <span className="muted"> · b. {p.birthDate}</span>}
          </div>
        ))}
      </td>
      <td>
        {row.identifiers.map((i, n) => (
          <div key={`${i.kind}-${i.key}-${n}`} className="cell-line">
            <span className="tag">{i.subkind ? `${i.kind}/${i.subkind}` : i.kind}</span>{' '}
            <span className="mono">{i.display}</span>
          </div>
        ))}
      </td>
      <td>
        {row.warnings.map((w, n) => (
          <div key={n} className="cell-line warning-text">
            {w.column}: {w.reason}
            {w.value && <span className="muted"> ({w.value})</span>}
          </div>
        ))}
      </td>
    </tr>
  );
}
