/**
 * The Export dialog: the chart as drawn, written in a format the export service offers (asked
 * from main, never listed here), with a title block (title, reference, author), a marking, and
 * redaction of protected persons. The file is saved by the browser (the desktop app asks where);
 * the pseudonym key only on its own button, as a separate file. The dialog's state is its own:
 * nothing else in the app reads it, so it talks to the API directly rather than through a slice.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type {
  CaselinkApi,
  CaselinkError,
  ExportedChartDto,
  ExportFormatDto,
  Result,
} from '../../../../main/contract/api';
import { getApi } from '../../api';
import { selectFilterResult, useAppStore } from '../../store';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { FocusTrap } from '../../ui/FocusTrap';
import { Modal } from '../../ui/Modal';
import { plural } from '../search/words';
import '../search/workspace.css';
import './export.css';
import {
  exportRequest,
  personsToFlag,
  protectedByRole,
  type ExportFields,
  type Orientation,
  type Paper,
  type ShownChart,
} from './exportRequest';
import { saveFile, sizeInWords } from './saveFile';

/** A call that never throws: a failure to reach main is an error like any other. */
async function settle<T>(call: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await call();
  } catch (error) {
    return { ok: false, error: { kind: 'Internal', message: error instanceof Error ? error.message : String(error) } };
  }
}

/** The top bar's Export button and, when open, its dialog. */
export function ExportControl({ api = getApi }: { api?: () => CaselinkApi }) {
  const [open, setOpen] = useState(false);
  const empty = useAppStore((s) => Object.keys(s.chart.nodes).length === 0);
  const connected = useAppStore((s) => s.connection.state === 'connected');
  return (
    <>
      <button
        type="button"
        className="topbar-button"
        onClick={() => setOpen(true)}
        disabled={!connected || empty}
        title="Export the chart as drawn: PDF, images, GraphML, CSV, i2 ANX or a chart file"
        data-testid="export-open"
      >
        Export…
      </button>
      {open && <ExportDialog api={api()} onClose={() => setOpen(false)} />}
    </>
  );
}

/** What the chart shows, as the dialog exports it. */
function useShownChart(): ShownChart {
  const chart = useAppStore((s) => s.chart);
  const filterResult = useAppStore(selectFilterResult);
  const filters = useAppStore((s) => s.chartFilters);
  const sizeBy = useAppStore((s) => s.chartSizeBy);
  const colourBy = useAppStore((s) => s.chartColourBy);
  return useMemo(() => {
    const all = Object.values(chart.nodes);
    const nodes = all.filter((n) => filterResult.visibleNodes.has(n.id) && !chart.hidden[n.id]);
    const hidden = all.filter((n) => chart.hidden[n.id]).length;
    return {
      nodes,
      positions: chart.positions,
      hidden,
      filtered: all.length - nodes.length - hidden,
      styles: { filters, sizeBy, colourBy },
    };
  }, [chart, filterResult, filters, sizeBy, colourBy]);
}

function ExportDialog({ api, onClose }: { api: CaselinkApi; onClose: () => void }) {
  const shown = useShownChart();
  const investigation = useAppStore((s) => s.currentInvestigation);
  const reviewer = useAppStore((s) => s.reviewer);
  const [formats, setFormats] = useState<ExportFormatDto[] | null>(null);
  const [fields, setFields] = useState<ExportFields>(() => ({
    format: null,
    title: investigation?.name ?? 'Link chart',
    reference: '',
    author: reviewer,
    marking: '',
    redact: false,
    protect: [],
    includeKey: false,
    paper: 'A4',
    orientation: 'landscape',
    dpi: 150,
  }));
  const [busy, setBusy] = useState<'loading' | 'exporting' | null>('loading');
  const [error, setError] = useState<CaselinkError | null>(null);
  const [done, setDone] = useState<ExportedChartDto | null>(null);
  const [keySaved, setKeySaved] = useState(false);
  const opener = useRef<Element | null>(document.activeElement);
  const submit = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const returnTo = opener.current;
    let live = true;
    void settle(() => api.listExportFormats()).then((result) => {
      if (!live) return;
      setBusy(null);
      if (!result.ok) return setError(result.error);
      setFormats(result.value);
      setFields((f) => ({ ...f, format: f.format ?? result.value[0]?.format ?? null }));
    });
    return () => {
      live = false;
      if (returnTo instanceof HTMLElement) returnTo.focus();
    };
  }, [api]);

  // The Export button is disabled while it works, which drops the focus to the page: it goes back after.
  useEffect(() => {
    if (busy === null && (document.activeElement === null || document.activeElement === document.body))
      submit.current?.focus();
  }, [busy]);

  const chosen = formats?.find((f) => f.format === fields.format) ?? null;
  const persons = useMemo(() => personsToFlag(shown.nodes), [shown.nodes]);
  const change = (patch: Partial<ExportFields>) => {
    setFields((f) => ({ ...f, ...patch }));
    setError(null);
    setDone(null);
    setKeySaved(false);
  };
  const toggleProtected = (id: string, on: boolean) =>
    change({ protect: on ? [...new Set([...fields.protect, id])] : fields.protect.filter((p) => p !== id) });

  const run = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen || fields.format === null) return;
    setBusy('exporting');
    setError(null);
    setDone(null);
    setKeySaved(false);
    const request = exportRequest(shown, { ...fields, format: fields.format }, chosen.options);
    const result = await settle(() => api.exportChart(request));
    setBusy(null);
    if (!result.ok) return setError(result.error);
    saveFile(result.value.file);
    setDone(result.value);
  };

  const leftOff = shown.hidden + shown.filtered;
  return (
    <Modal className="export-dialog" titleId="export-title" testId="export-dialog" onClose={onClose}>
      <FocusTrap>
        <header className="modal-header">
          <h2 id="export-title">Export the chart</h2>
        </header>
        <form className="investigation-form export-form" onSubmit={(e) => void run(e)} aria-busy={busy !== null}>
          <p className="panel-note" data-testid="export-scope">
            {plural(shown.nodes.length, 'node', 'nodes')} as drawn, with the links among them and the rows behind each
            (agency, file, sheet, row, column, SHA-256, grading).
            {leftOff > 0 &&
              ` ${plural(leftOff, 'node', 'nodes')} hidden or filtered out ${leftOff === 1 ? 'is' : 'are'} left off.`}
          </p>
          {busy === 'loading' && <p className="panel-note">Asking which formats this Caselink writes…</p>}
          {formats !== null && (
            <fieldset className="export-formats" data-testid="export-formats">
              <legend>Format</legend>
              {formats.map((f) => (
                <label key={f.format} className="export-format">
                  <input
                    type="radio"
                    name="export-format"
                    value={f.format}
                    checked={fields.format === f.format}
                    onChange={() => change({ format: f.format })}
                    data-testid={`export-format-${f.format}`}
                  />
                  <span>
                    <strong>{f.label}</strong> <span className="export-help">{f.description}</span>
                  </span>
                </label>
              ))}
            </fieldset>
          )}
          {chosen && chosen.options.length > 0 && (
            <fieldset className="export-options" data-testid="export-page-options">
              <legend>{chosen.options.includes('dpi') ? 'Page and resolution' : 'Page'}</legend>
              {chosen.options.includes('paper') && (
                <Field label="Paper">
                  <select
                    value={fields.paper}
                    onChange={(e) => change({ paper: e.target.value as Paper })}
                    data-testid="export-paper"
                  >
                    <option value="A4">A4</option>
                    <option value="A3">A3</option>
                    <option value="Letter">Letter</option>
                  </select>
                </Field>
              )}
              {chosen.options.includes('orientation') && (
                <Field label="Orientation">
                  <select
                    value={fields.orientation}
                    onChange={(e) => change({ orientation: e.target.value as Orientation })}
                    data-testid="export-orientation"
                  >
                    <option value="landscape">Landscape</option>
                    <option value="portrait">Portrait</option>
                  </select>
                </Field>
              )}
              {chosen.options.includes('dpi') && (
                <Field label="Resolution (dots per inch, 72–600)">
                  <input
                    type="number"
                    min={72}
                    max={600}
                    step={1}
                    value={fields.dpi}
                    onChange={(e) => change({ dpi: Math.round(Number(e.target.value)) })}
                    required
                    data-testid="export-dpi"
                  />
                </Field>
              )}
            </fieldset>
          )}
          <div className="export-title-block">
            <Field label="Title">
              <input
                value={fields.title}
                maxLength={200}
                onChange={(e) => change({ title: e.target.value })}
                data-testid="export-title-input"
                autoFocus
              />
            </Field>
            <Field label="Operation or case reference">
              <input
                value={fields.reference}
                maxLength={200}
                onChange={(e) => change({ reference: e.target.value })}
                data-testid="export-reference"
              />
            </Field>
            <Field label="Author">
              <input
                value={fields.author}
                maxLength={200}
                onChange={(e) => change({ author: e.target.value })}
                data-testid="export-author"
              />
            </Field>
            <Field label="Handling or classification marking (on every page)">
              <input
                value={fields.marking}
                maxLength={200}
                placeholder="such as OFFICIAL-SENSITIVE"
                onChange={(e) => change({ marking: e.target.value })}
                data-testid="export-marking"
              />
            </Field>
          </div>
          <fieldset className="export-redaction">
            <legend>Redaction</legend>
            <label className="export-check">
              <input
                type="checkbox"
                checked={fields.redact}
                onChange={(e) => change({ redact: e.target.checked })}
                data-testid="export-redact"
              />
              Show protected persons under pseudonyms (“Victim 1”, “Witness 2”): their names, dates of birth and
              identifiers are taken out of the chart, the appendix and the data
            </label>
            {fields.redact && (
              <>
                {persons.length === 0 ? (
                  <p className="panel-note">No person is on the chart.</p>
                ) : (
                  <div className="export-persons" role="group" aria-label="Persons to protect" tabIndex={-1}>
                    {persons.map((p) => {
                      const byRole = protectedByRole(p);
                      return (
                        <label key={p.id} className="export-check">
                          <input
                            type="checkbox"
                            checked={byRole || fields.protect.includes(p.id)}
                            disabled={byRole}
                            onChange={(e) => toggleProtected(p.id, e.target.checked)}
                            data-testid="export-protect"
                            data-node={p.id}
                            data-label={p.label}
                            data-protected-by-role={byRole}
                          />
                          {p.label}
                          <span className="export-help">
                            {byRole
                              ? ` (${(p.roles ?? []).join(', ')}: always protected)`
                              : p.roles?.length
                                ? ` (${p.roles.join(', ')})`
                                : ''}
                          </span>
                        </label>
                      );
                    })}
                  </div>
                )}
                <label className="export-check">
                  <input
                    type="checkbox"
                    checked={fields.includeKey}
                    onChange={(e) => change({ includeKey: e.target.checked })}
                    data-testid="export-include-key"
                  />
                  Also make the key from pseudonym to identity, to save as a separate file (keep it apart from the
                  chart)
                </label>
              </>
            )}
          </fieldset>
          <div className="export-result" role="status" aria-live="polite" data-testid="export-outcome">
            {busy === 'exporting' && 'Exporting: reading every node’s and link’s sources from the graph…'}
            {done && (
              <>
                <p className="export-ok" data-testid="export-done">
                  <strong>Exported</strong> {done.file.fileName} ({sizeInWords(done.file.size)}):{' '}
                  {plural(done.nodes, 'node', 'nodes')} and {plural(done.edges, 'link', 'links')}
                  {done.redacted ? `, redacted (${plural(done.pseudonyms, 'pseudonym', 'pseudonyms')})` : ''}.
                  Fingerprint <code title={done.fingerprint}>{done.fingerprint.slice(0, 16)}…</code>, kept in the audit
                  trail.
                </p>
                {done.notes.length > 0 && (
                  <ul className="export-notes" data-testid="export-notes">
                    {done.notes.map((note) => (
                      <li key={note.text}>{note.text}</li>
                    ))}
                  </ul>
                )}
              </>
            )}
          </div>
          {error && <ErrorNotice error={error} testId="export-error" />}
          <div className="popover-actions">
            <button
              ref={submit}
              type="submit"
              disabled={busy !== null || !chosen || shown.nodes.length === 0}
              data-testid="export-submit"
            >
              Export
            </button>
            {done?.key && (
              <button
                type="button"
                className="button-secondary"
                onClick={() => {
                  if (done.key) saveFile(done.key);
                  setKeySaved(true);
                }}
                data-testid="export-save-key"
              >
                {keySaved ? 'Key saved: save again' : 'Save the key file…'}
              </button>
            )}
            <button type="button" className="button-secondary" onClick={onClose}>
              Close
            </button>
          </div>
        </form>
      </FocusTrap>
    </Modal>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="export-field">
      <span>{label}</span>
      {children}
    </label>
  );
}
