import { useId } from 'react';
import type { ImportFileResultDto, ImportJobDto, ImportProgressDto } from '../../../../main/contract/api';
import { useAppStore } from '../../store';
import { asCaselinkError } from '../../ui/errors';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { countOf, formatNumber, formatSeconds } from '../../ui/format';

/** Step 4: start the import, follow it, and read what it did. */
export function ImportStep() {
  const job = useAppStore((state) => state.importJob);
  const error = useAppStore((state) => state.importError);
  const agency = useAppStore((state) => state.importAgency);
  const profile = useAppStore((state) => state.importProfile);
  const stagedCount = useAppStore((state) => state.importFiles.filter((f) => f.state === 'staged').length);
  const save = useAppStore((state) => state.saveImportProfile);
  const plans = useAppStore((state) => state.importPlans);
  const setSave = useAppStore((state) => state.setSaveImportProfile);
  const id = useId();

  return (
    <div className="import-step">
      {!job && (
        <section className="import-section" aria-labelledby={`${id}-h`}>
          <h3 id={`${id}-h`}>Ready to import</h3>
          <p>
            {countOf(stagedCount, 'file', 'files')} from <strong>{agency}</strong> with the mapping “{profile?.name}”. A
            file imported before with this same mapping is recognised by its content and not imported again.
          </p>
          {plans
            ?.filter((plan) => plan.message)
            .map((plan) => (
              <p
                key={plan.file}
                className={plan.kind === 'another-mapping' ? 'notice notice-warning' : 'panel-note'}
                data-testid="import-plan"
              >
                {plan.message}
              </p>
            ))}
          <label className="checkbox">
            <input type="checkbox" checked={save} onChange={(event) => setSave(event.target.checked)} />
            Save this mapping for {agency}
          </label>
        </section>
      )}
      {error && <ErrorNotice error={error} testId="import-error" />}
      {job && <JobView job={job} />}
    </div>
  );
}

const STATUS_LABELS: Record<ImportJobDto['status'], string> = {
  running: 'Importing…',
  done: 'Import finished',
  failed: 'Import finished with errors',
  cancelled: 'Import cancelled',
};

function JobView({ job }: { job: ImportJobDto }) {
  return (
    <>
      <section className="import-section" aria-label="Import job">
        <p className={`job-status job-${job.status}`} role="status" data-testid="import-status">
          {STATUS_LABELS[job.status]}
        </p>
        {job.status === 'running' && <Progress progress={job.progress} />}
      </section>
      {job.results.map((result, index) => (
        <FileResult key={`${result.file}-${index}`} result={result} />
      ))}
    </>
  );
}

function Progress({ progress }: { progress: ImportProgressDto | null }) {
  if (!progress) return <p className="panel-note">Starting…</p>;
  const done = progress.rowsRead > 0 ? progress.rowsWritten / progress.rowsRead : 0;
  const overall = Math.min(1, (progress.fileIndex + (progress.phase === 'done' ? 1 : done)) / progress.fileCount);
  return (
    <div className="progress" data-testid="import-progress">
      <progress
        max={1}
        value={overall}
        aria-label={`Import progress: file ${progress.fileIndex + 1} of ${progress.fileCount}`}
      />
      <p className="progress-detail">
        File {progress.fileIndex + 1} of {progress.fileCount}: <strong>{progress.file}</strong> · {progress.phase} ·{' '}
        {formatNumber(progress.rowsRead)} rows read · {formatNumber(progress.rowsWritten)} written ·{' '}
        {formatNumber(Math.round(progress.rowsPerSecond))} rows/s
        {/* Under a second is noise, and at the end there is nothing left to estimate. */}
        {progress.phase !== 'done' &&
          progress.secondsLeft !== null &&
          progress.secondsLeft >= 1 &&
          ` · about ${formatSeconds(progress.secondsLeft)} left`}
      </p>
    </div>
  );
}

function outcomeBadge(result: ImportFileResultDto): string {
  if (result.outcome === 'unchanged') return 'badge-saved';
  if (result.nothingImported) return result.nothingImported.refused ? 'badge-refused' : 'badge-proposed';
  return 'badge-ok';
}

function FileResult({ result }: { result: ImportFileResultDto }) {
  if (!result.ok) {
    return (
      <section className="import-section" aria-label={`Result for ${result.file}`} data-testid="import-result">
        <h3 className="file-heading">{result.file}</h3>
        {result.error && <ErrorNotice error={asCaselinkError(result.error)} />}
      </section>
    );
  }
  const counts: [string, number | undefined][] = [
    ['Rows read', result.rowsRead],
    ['Imported', result.rowsImported],
    ['With warnings', result.rowsWithWarnings],
    ['Rejected', result.rowsRejected],
    ['Blank', result.blankRows],
    ['Duplicates', result.duplicateRows],
    ['New records', result.newRecords],
  ];
  const problems = result.problems ?? [];
  return (
    <section className="import-section" aria-label={`Result for ${result.file}`} data-testid="import-result">
      <h3 className="file-heading">
        {result.file}
        <span className={`badge ${outcomeBadge(result)}`} data-testid="import-outcome">
          {result.outcome === 'unchanged'
            ? 'already imported — nothing changed'
            : result.nothingImported
              ? 'nothing imported'
              : 'imported'}
        </span>
        {result.seconds !== undefined && <span className="heading-aside">{result.seconds.toFixed(1)} s</span>}
      </h3>
      {result.nothingImported && (
        <p
          className={result.nothingImported.refused ? 'error-notice' : 'inline-warning'}
          role={result.nothingImported.refused ? 'alert' : undefined}
          data-testid="import-nothing"
        >
          Nothing imported: {result.nothingImported.why}.
          {result.nothingImported.refused &&
            ' Check that this is the agency’s file and that the mapping reads it (the preview shows what each row gives).'}
        </p>
      )}
      <dl className="summary-grid">
        {counts.map(([label, value]) => (
          <div key={label} data-testid={`summary-${label.toLowerCase().replace(/\s+/g, '-')}`}>
            <dt>{label}</dt>
            <dd>{value === undefined ? '—' : formatNumber(value)}</dd>
          </div>
        ))}
      </dl>
      {result.reportPath && (
        <p className="panel-note">
          Report: <code data-testid="import-report-path">{result.reportPath}</code>
        </p>
      )}
      {problems.length > 0 && (
        <>
          <h4>
            Problems
            <span className="heading-aside">
              {(result.problemCount ?? problems.length) > problems.length
                ? `first ${problems.length} of ${formatNumber(result.problemCount ?? 0)}; all are in the report`
                : countOf(problems.length, 'problem', 'problems')}
            </span>
          </h4>
          <div className="table-scroll">
            <table className="data-table problems-table" data-testid="import-problems">
              <thead>
                <tr>
                  <th scope="col">Sheet</th>
                  <th scope="col" className="numeric">
                    Row
                  </th>
                  <th scope="col">Column</th>
                  <th scope="col">Value</th>
                  <th scope="col">Severity</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                {problems.map((p, n) => (
                  <tr key={n} className={p.severity === 'rejected' ? 'row-rejected' : 'row-warning'}>
                    <td>{p.sheet}</td>
                    <td className="numeric">{p.row ?? ''}</td>
                    <td>{p.column ?? ''}</td>
                    <td className="mono value-cell">{p.value}</td>
                    <td>{p.severity}</td>
                    <td>{p.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
