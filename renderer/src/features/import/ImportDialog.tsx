import { useAppStore, type ImportStep as Step } from '../../store';
import { Modal } from '../../ui/Modal';
import { FilesStep } from './FilesStep';
import { useImportJobPolling, usePreviewRefresh } from './hooks';
import { ImportStep } from './ImportStep';
import { MappingStep } from './MappingStep';
import { PreviewStep } from './PreviewStep';

const STEPS: { step: Step; label: string }[] = [
  { step: 'files', label: 'Agency and files' },
  { step: 'mapping', label: 'Mapping' },
  { step: 'preview', label: 'Preview' },
  { step: 'import', label: 'Import' },
];

/** The import wizard, over the chart: agency and files, mapping, preview, import. */
export function ImportDialog() {
  const open = useAppStore((state) => state.importOpen);
  if (!open) return null;
  return <OpenImportDialog />;
}

function OpenImportDialog() {
  usePreviewRefresh();
  useImportJobPolling();
  const step = useAppStore((state) => state.importStep);
  const agency = useAppStore((state) => state.importAgency);
  const files = useAppStore((state) => state.importFiles);
  const profile = useAppStore((state) => state.importProfile);
  const mappingLoading = useAppStore((state) => state.mappingLoading);
  const previewError = useAppStore((state) => state.previewError);
  const job = useAppStore((state) => state.importJob);
  const goTo = useAppStore((state) => state.goToImportStep);
  const close = useAppStore((state) => state.closeImport);
  const propose = useAppStore((state) => state.proposeImportMapping);
  const startImport = useAppStore((state) => state.startImport);
  const cancelImport = useAppStore((state) => state.cancelImport);
  const resetImport = useAppStore((state) => state.resetImport);
  const staged = files.some((f) => f.state === 'staged');
  const staging = files.some((f) => f.state === 'staging');
  const running = job?.status === 'running';
  const finished = job !== null && !running;
  // Which steps can be opened now; an import under way or done locks the earlier ones.
  const reachable: Record<Step, boolean> = {
    files: job === null,
    mapping: job === null && agency !== null && staged && !staging,
    preview: job === null && profile !== null,
    import: profile !== null && staged,
  };

  const enter = (next: Step) => {
    if (!reachable[next]) return;
    if (next === 'mapping' && profile === null && !mappingLoading) void propose();
    goTo(next);
  };

  const index = STEPS.findIndex((s) => s.step === step);
  const next = STEPS[index + 1]?.step;
  const previous = STEPS[index - 1]?.step;

  return (
    <Modal className="import-dialog" titleId="import-title" testId="import-dialog" onClose={running ? null : close}>
      <header className="modal-header">
        <h2 id="import-title">Import files</h2>
        <nav aria-label="Import steps">
          <ol className="stepper">
            {STEPS.map((s, n) => (
              <li key={s.step}>
                <button
                  type="button"
                  className={`step${s.step === step ? ' step-current' : ''}`}
                  aria-current={s.step === step ? 'step' : undefined}
                  disabled={!reachable[s.step]}
                  onClick={() => enter(s.step)}
                >
                  <span className="step-number">{n + 1}</span> {s.label}
                </button>
              </li>
            ))}
          </ol>
        </nav>
        <button
          type="button"
          className="button-icon modal-close"
          aria-label="Close import"
          title={running ? 'The import keeps running; cancel it first' : 'Close (Esc)'}
          disabled={running}
          onClick={close}
        >
          ×
        </button>
      </header>
      <div className="modal-body">
        {step === 'files' && <FilesStep />}
        {step === 'mapping' && <MappingStep />}
        {step === 'preview' && <PreviewStep />}
        {step === 'import' && <ImportStep />}
      </div>
      <footer className="modal-footer">
        {step === 'preview' && previewError && (
          <span className="footer-note warning-text">The preview failed; the import would likely fail too.</span>
        )}
        <span className="spacer" />
        {!job && previous && (
          <button type="button" className="button-secondary" onClick={() => enter(previous)}>
            Back
          </button>
        )}
        {!job && next && next !== 'import' && (
          <button type="button" onClick={() => enter(next)} disabled={!reachable[next]}>
            Next: {STEPS[index + 1]?.label}
          </button>
        )}
        {!job && next === 'import' && (
          <button type="button" onClick={() => enter('import')} disabled={!reachable.import}>
            Next: Import
          </button>
        )}
        {!job && step === 'import' && (
          <button type="button" onClick={() => void startImport()} disabled={!reachable.import}>
            Start import
          </button>
        )}
        {running && (
          <button type="button" className="button-danger" onClick={() => void cancelImport()}>
            Cancel import
          </button>
        )}
        {finished && (
          <>
            <button type="button" className="button-secondary" onClick={resetImport}>
              Import more files
            </button>
            <button
              type="button"
              onClick={() => {
                resetImport();
                close();
              }}
            >
              Done
            </button>
          </>
        )}
      </footer>
    </Modal>
  );
}
