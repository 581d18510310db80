import { Fragment, useId, type ReactNode } from 'react';
import type { LinkSideDto } from '../../../../main/contract/api';
import { styleOfKind } from '../../graph';
import { useAppStore, type LinkExplanation } from '../../store';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Modal } from '../../ui/Modal';
import { countOf } from '../../ui/format';

/** Why two records are linked: every identifier both assert, with the cell it came from on each side. */
export function ExplanationDialog() {
  const explanation = useAppStore((state) => state.explanation);
  const error = useAppStore((state) => state.explainError);
  if (!explanation && !error) return null;
  return <OpenExplanationDialog explanation={explanation} />;
}

function OpenExplanationDialog({ explanation }: { explanation: LinkExplanation | null }) {
  const error = useAppStore((state) => state.explainError);
  const close = useAppStore((state) => state.closeExplanation);
  const id = useId();

  return (
    <Modal className="explain-dialog" titleId={`${id}-title`} testId="explain-dialog" onClose={close}>
      <header className="modal-header">
        <h2 id={`${id}-title`}>Why these records are linked</h2>
        {explanation && (
          <span className="muted">
            {explanation.a.agency} {explanation.a.caseRef ?? ''} ↔ {explanation.b.agency} {explanation.b.caseRef ?? ''}{' '}
            · {countOf(explanation.links.length, 'shared identifier', 'shared identifiers')}
          </span>
        )}
        <button
          type="button"
          className="button-icon modal-close"
          aria-label="Close"
          title="Close (Esc)"
          onClick={close}
        >
          ×
        </button>
      </header>
      <div className="modal-body">
        {error && <ErrorNotice error={error} testId="explain-error" />}
        {explanation && explanation.links.length === 0 && (
          <p className="panel-note">
            These two records no longer share an identifier; the graph changed since the list loaded.
          </p>
        )}
        {explanation && explanation.links.length > 0 && (
          <table className="data-table evidence-table" data-testid="explain-table">
            <thead>
              <tr>
                <th scope="col">Identifier</th>
                <th scope="col">Side</th>
                <th scope="col">Agency</th>
                <th scope="col">File</th>
                <th scope="col">Sheet</th>
                <th scope="col" className="numeric">
                  Row
                </th>
                <th scope="col">Column</th>
                <th scope="col">Raw value</th>
                <th scope="col">Used by</th>
                <th scope="col">Case</th>
              </tr>
            </thead>
            <tbody>
              {explanation.links.map((link, index) => {
                const style = styleOfKind(link.label);
                return (
                  <Fragment key={`${link.label}|${link.display}|${index}`}>
                    <EvidenceRow
                      side={link.left}
                      which="Left"
                      identifier={
                        <>
                          <span className="tag">{style.title}</span> <strong>{link.display}</strong>
                          {link.hub && <span className="badge badge-proposed">hub</span>}
                        </>
                      }
                    />
                    <EvidenceRow side={link.right} which="Right" />
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        )}
      </div>
      <footer className="modal-footer">
        <span className="muted footer-note">Raw values are the cells as each agency wrote them.</span>
        <span className="spacer" />
        <button type="button" onClick={close}>
          Close
        </button>
      </footer>
    </Modal>
  );
}

function EvidenceRow({ side, which, identifier }: { side: LinkSideDto; which: string; identifier?: ReactNode }) {
  return (
    <tr className={identifier ? 'evidence-first' : 'evidence-second'} data-testid="explain-side">
      {identifier ? (
        <th scope="rowgroup" rowSpan={2} className="evidence-identifier">
          {identifier}
        </th>
      ) : null}
      <td className="muted">{which}</td>
      <td>
        <span className="agency-tag">{side.agency}</span>
      </td>
      <td>{side.fileName}</td>
      <td>{side.sheet}</td>
      <td className="numeric">{side.row}</td>
      <td>{side.column}</td>
      <td className="mono evidence-raw">{side.raw}</td>
      <td>{side.owner}</td>
      <td>{side.caseRef ?? <span className="muted">—</span>}</td>
    </tr>
  );
}
