import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import type { MatchPairDto } from '../../../../main/contract/api';
import { MATCH_LIST_LIMIT, matchKey, reviewMinScoreOf, useAppStore, type MatchStatus } from '../../store';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { countOf, formatNumber } from '../../ui/format';
import { Modal } from '../../ui/Modal';
import { AgencyFilter, BulkConfirm } from './BulkConfirm';
import { ClusterDetail, ClusterList, LastDecision } from './ClusterReview';
import { ModelDialog } from './ModelDialog';
import './review.css';
import { compareMentions, type ComparedField } from './compare';
import { DecisionFields } from './DecisionFields';

const STATUS_TABS: { status: MatchStatus; label: string }[] = [
  { status: 'candidate', label: 'Open' },
  { status: 'confirmed', label: 'Confirmed' },
  { status: 'rejected', label: 'Rejected' },
];

const STATUS_WORDS: Record<MatchStatus, string> = {
  candidate: 'Open',
  confirmed: 'Confirmed',
  rejected: 'Rejected',
};

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A score as the queue shows it: two decimals, the way the matcher's threshold is written. */
export function formatScore(score: number): string {
  return score.toFixed(2);
}

function formatWhen(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : when.format(date);
}

function isTyping(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement;
  return target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT';
}

/** The same-person review queue, over the chart: the pairs, and the selected one side by side. */
export function ReviewDialog() {
  const open = useAppStore((state) => state.reviewOpen);
  if (!open) return null;
  // The model's dialog beside the review's, not in it: its keys must not reach the queue's.
  return (
    <>
      <OpenReviewDialog />
      <ModelDialog />
    </>
  );
}

function OpenReviewDialog() {
  const matches = useAppStore((state) => state.matches);
  const loading = useAppStore((state) => state.matchesLoading);
  const error = useAppStore((state) => state.matchesError);
  const status = useAppStore((state) => state.reviewStatus);
  const minScore = useAppStore(reviewMinScoreOf);
  const selected = useAppStore((state) => state.selectedMatch);
  const deciding = useAppStore((state) => state.deciding);
  const close = useAppStore((state) => state.closeReview);
  const setStatus = useAppStore((state) => state.setReviewStatus);
  const setMinScore = useAppStore((state) => state.setReviewMinScore);
  const select = useAppStore((state) => state.selectMatch);
  const move = useAppStore((state) => state.moveMatchSelection);
  const decide = useAppStore((state) => state.decideSelected);
  const view = useAppStore((state) => state.reviewView);
  const setView = useAppStore((state) => state.setReviewView);
  const open = useAppStore((state) => state.openCandidates);
  const agencies = useAppStore((state) => state.reviewAgencies);
  const openModel = useAppStore((state) => state.openModel);
  const list = useRef<HTMLUListElement>(null);
  const clustered = view === 'clusters' && status === 'candidate';
  const id = useId();

  useEffect(() => {
    list.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  const pair = matches?.find((m) => matchKey(m) === selected) ?? null;
  const canDecide = pair !== null && !deciding;

  const onKeyDown = (event: KeyboardEvent) => {
    if (clustered || isTyping(event) || event.altKey || event.ctrlKey || event.metaKey) return;
    const key = event.key.toLowerCase();
    let handled = true;
    if (key === 'arrowright' || key === 'j' || key === 'arrowdown') move(1);
    else if (key === 'arrowleft' || key === 'k' || key === 'arrowup') move(-1);
    else if (key === 'c' && canDecide && pair.status !== 'confirmed') void decide('confirmed');
    else if (key === 'r' && canDecide && pair.status !== 'rejected') void decide('rejected');
    else if (key === 'o' && canDecide && pair.status !== 'candidate') void decide('candidate');
    else handled = false;
    if (handled) event.preventDefault();
  };

  return (
    <Modal
      className="review-dialog"
      titleId={`${id}-title`}
      testId="review-dialog"
      onClose={close}
      onKeyDown={onKeyDown}
    >
      <header className="modal-header">
        <h2 id={`${id}-title`}>Review matches</h2>
        <div className="segmented" role="group" aria-label="Show pairs">
          {STATUS_TABS.map((tab) => (
            <button
              key={tab.status}
              type="button"
              className={tab.status === status ? 'segment segment-current' : 'segment'}
              aria-pressed={tab.status === status}
              onClick={() => setStatus(tab.status)}
            >
              {tab.label}
            </button>
          ))}
        </div>
        {status === 'candidate' && (
          <div className="segmented" role="group" aria-label="List open pairs">
            {(
              [
                ['pairs', 'One by one'],
                ['clusters', 'In clusters'],
              ] as const
            ).map(([v, label]) => (
              <button
                key={v}
                type="button"
                className={v === view ? 'segment segment-current' : 'segment'}
                aria-pressed={v === view}
                onClick={() => setView(v)}
              >
                {label}
              </button>
            ))}
          </div>
        )}
        <label className="score-filter">
          Score at least <strong className="mono">{minScore === null ? '…' : formatScore(minScore)}</strong>
          <input
            type="range"
            min={0}
            max={1}
            step={0.05}
            value={minScore ?? 0}
            onChange={(event) => setMinScore(Number(event.target.value))}
            aria-label="Minimum score"
          />
        </label>
        <button
          type="button"
          className="button-secondary button-small"
          onClick={openModel}
          data-testid="open-model"
          title="The match model: what each comparison counts for or against"
        >
          Match model
        </button>
        <button
          type="button"
          className="button-icon modal-close"
          aria-label="Close review"
          title="Close (Esc)"
          onClick={close}
        >
          ×
        </button>
      </header>
      {clustered ? (
        <div className="review-body">
          <div className="review-list-pane">
            <ClusterList />
          </div>
          <div className="review-detail-pane">
            <ClusterDetail />
          </div>
        </div>
      ) : (
        <div className="review-body">
          <div className="review-list-pane">
            <AgencyFilter />
            {status === 'candidate' && <BulkConfirm />}
            <LastDecision />
            <p className="review-list-count" data-testid="review-count">
              {matches === null
                ? loading
                  ? 'Loading…'
                  : ''
                : agencies !== null
                  ? `${countOf(matches.length, status === 'candidate' ? 'open pair' : 'pair', status === 'candidate' ? 'open pairs' : 'pairs')} between ${agencies[0]} and ${agencies[1]}${matches.length >= MATCH_LIST_LIMIT ? ` · first ${formatNumber(matches.length)} listed` : ''}${loading ? ' · refreshing…' : ''}`
                  : `${status === 'candidate' && open !== null ? countOf(open, 'open pair', 'open pairs') : countOf(matches.length, 'pair', 'pairs')}${status === 'candidate' && open !== null && open > matches.length ? ` · first ${formatNumber(matches.length)} listed` : ''}${loading ? ' · refreshing…' : ''}`}
            </p>
            {error && <ErrorNotice error={error} testId="review-error" />}
            {matches !== null && matches.length === 0 && (
              <p className="panel-note review-empty">
                {status === 'candidate'
                  ? 'No open pairs at this score. Lower the minimum score, or run “Resolve now” in the left panel after an import.'
                  : `No ${STATUS_WORDS[status].toLowerCase()} pairs at this score.`}
              </p>
            )}
            <ul ref={list} className="review-list" role="listbox" aria-label="Pairs to review">
              {matches?.map((m) => (
                <MatchRow key={matchKey(m)} pair={m} selected={matchKey(m) === selected} onSelect={select} />
              ))}
            </ul>
          </div>
          <div className="review-detail-pane">{pair ? <MatchDetail pair={pair} /> : <NoPair />}</div>
        </div>
      )}
      <footer className="modal-footer review-keys">
        {clustered ? (
          <span className="muted">
            Reject any pair that is not the same person, then confirm the rest of the cluster at once · <kbd>Esc</kbd>{' '}
            close
          </span>
        ) : (
          <span className="muted">
            <kbd>C</kbd> confirm · <kbd>R</kbd> reject · <kbd>→</kbd>/<kbd>J</kbd> skip · <kbd>←</kbd>/<kbd>K</kbd>{' '}
            previous · <kbd>O</kbd> reopen · <kbd>Esc</kbd> close
          </span>
        )}
      </footer>
    </Modal>
  );
}

function NoPair() {
  return <p className="panel-note review-empty">Choose a pair on the left.</p>;
}

function MatchRow({
  pair,
  selected,
  onSelect,
}: {
  pair: MatchPairDto;
  selected: boolean;
  onSelect(key: string): void;
}) {
  return (
    <li
      role="option"
      aria-selected={selected}
      className={`review-row${selected ? ' review-row-selected' : ''}`}
      onClick={() => onSelect(matchKey(pair))}
      data-testid="review-row"
    >
      <span className="review-row-score mono">{formatScore(pair.score)}</span>
      <span className="review-row-names">
        <span>
          {pair.a.name ?? '(no name)'} <span className="tag">{pair.a.agency}</span>
        </span>
        <span>
          {pair.b.name ?? '(no name)'} <span className="tag">{pair.b.agency}</span>
        </span>
      </span>
      {pair.status !== 'candidate' && (
        <span className={`status-dot status-${pair.status}`} title={STATUS_WORDS[pair.status]} />
      )}
    </li>
  );
}

function MatchDetail({ pair }: { pair: MatchPairDto }) {
  const reviewer = useAppStore((state) => state.reviewer);
  const note = useAppStore((state) => state.reviewNote);
  const deciding = useAppStore((state) => state.deciding);
  const decideError = useAppStore((state) => state.decideError);
  const setReviewer = useAppStore((state) => state.setReviewer);
  const setNote = useAppStore((state) => state.setReviewNote);
  const decide = useAppStore((state) => state.decideSelected);
  const move = useAppStore((state) => state.moveMatchSelection);
  const { person, provenance } = compareMentions(pair.a, pair.b);
  const id = useId();
  const disabled = deciding;

  return (
    <div className="review-detail" data-testid="review-detail">
      <div className="review-detail-head">
        <span className="review-score" data-testid="review-score">
          Score <strong className="mono">{formatScore(pair.score)}</strong>
        </span>
        <span className={`badge badge-status-${pair.status}`} data-testid="review-status">
          {STATUS_WORDS[pair.status]}
        </span>
        {pair.decidedBy && (
          <span className="muted" data-testid="review-decided">
            {pair.status === 'candidate' ? 'Reopened' : STATUS_WORDS[pair.status]} by{' '}
            {/* A pair the import joined by the agency's own person id (a profile's join key). */}
            <strong>
              {pair.decidedBy === 'profile' ? "the agency's mapping profile (same person id)" : pair.decidedBy}
            </strong>
            {pair.reviewerName && <> ({pair.reviewerName})</>}
            {pair.decidedAt && <> on {formatWhen(pair.decidedAt)}</>}
          </span>
        )}
      </div>
      {pair.note && (
        <p className="review-note" data-testid="review-saved-note">
          Note: {pair.note}
        </p>
      )}

      <table className="data-table compare-table" data-testid="review-compare">
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">Mention A</th>
            <th scope="col">Mention B</th>
          </tr>
        </thead>
        <tbody>
          {person.map((field) => (
            <CompareRow key={field.label} field={field} />
          ))}
          <tr className="compare-group">
            <th scope="rowgroup" colSpan={3}>
              Where each comes from
            </th>
          </tr>
          {provenance.map((field) => (
            <CompareRow key={field.label} field={field} />
          ))}
        </tbody>
      </table>

      <section className="review-reasons" aria-labelledby={`${id}-reasons`}>
        <h3 id={`${id}-reasons`}>Why they may be the same person</h3>
        <ul data-testid="review-reasons">
          {pair.reasons.map((reason, index) => (
            <li key={index}>{reason}</li>
          ))}
        </ul>
      </section>

      <section className="review-decision" aria-label="Decision">
        <DecisionFields id={id} reviewer={reviewer} setReviewer={setReviewer} note={note} setNote={setNote} />
        <p className="muted" data-testid="review-recorded-as">
          Every decision is kept in the audit trail under the login Caselink runs as, with the time.
        </p>
        {decideError && <ErrorNotice error={decideError} testId="review-decide-error" />}
        <div className="review-actions">
          {pair.status !== 'confirmed' && (
            <button
              type="button"
              className="button-confirm"
              disabled={disabled}
              onClick={() => void decide('confirmed')}
            >
              Confirm <kbd>C</kbd>
            </button>
          )}
          {pair.status !== 'rejected' && (
            <button type="button" className="button-danger" disabled={disabled} onClick={() => void decide('rejected')}>
              Reject <kbd>R</kbd>
            </button>
          )}
          {pair.status !== 'candidate' && (
            <button
              type="button"
              className="button-secondary"
              disabled={disabled}
              onClick={() => void decide('candidate')}
            >
              Reopen <kbd>O</kbd>
            </button>
          )}
          <span className="spacer" />
          <button type="button" className="button-secondary" onClick={() => move(1)}>
            Skip <kbd>J</kbd>
          </button>
        </div>
      </section>
    </div>
  );
}

function CompareRow({ field }: { field: ComparedField }) {
  const mark = field.agreement === 'same' ? '' : ` compare-${field.agreement}`;
  return (
    <tr className={`compare-row${mark}`} data-testid="compare-row" data-agreement={field.agreement}>
      <th scope="row">{field.label}</th>
      <td>{field.a ?? <span className="muted">—</span>}</td>
      <td>{field.b ?? <span className="muted">—</span>}</td>
    </tr>
  );
}
