import { useState } from 'react';
import type { SourceRefDto } from '../../../../main/contract/workspaceTypes';
import '../search/workspace.css';

/** Where one fact comes from, in one line a court can follow back to the cell. */
export function SourceLine({ source, agency = true }: { source: SourceRefDto; agency?: boolean }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = () => {
    navigator.clipboard.writeText(source.sha256).then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    );
  };
  return (
    <div className="source-line" data-testid="source-line">
      {agency && <span className="agency-badge">{source.agency}</span>}{' '}
      <span className="source-file" data-testid="source-file">
        {source.fileName}
      </span>
      {source.sheet && <span> · sheet {source.sheet}</span>}
      <span> · row {source.row}</span>
      {source.column !== null && (
        <span data-testid="source-column">
          {' '}
          · column <strong>{source.column}</strong>
        </span>
      )}
      {source.raw !== null && (
        <span>
          {' '}
          · cell “<span className="mono">{source.raw}</span>”
        </span>
      )}
      {source.caseRef && <span> · case {source.caseRef}</span>}
      <span> · imported {source.importedAt.slice(0, 10)}</span>
      {source.grading && <span> · graded {source.grading}</span>}
      {source.handling && <span> · handling {source.handling}</span>}
      <span>
        {' '}
        · SHA-256{' '}
        <span className="mono" title={source.sha256}>
          {source.sha256.slice(0, 12)}…
        </span>{' '}
        <button
          type="button"
          className="link-button"
          onClick={copy}
          aria-label={`Copy the SHA-256 of ${source.fileName}`}
        >
          {copied === 'yes' ? 'Copied' : copied === 'failed' ? 'Copy failed: select the text' : 'Copy'}
        </button>
      </span>
    </div>
  );
}
