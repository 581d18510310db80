import { useState } from 'react';
import { MATCH_LIST_LIMIT, reviewMinScoreOf, useAppStore } from '../../store';
import { countOf } from '../../ui/format';

const ANY = '';

/** Which agencies' pairs the list shows: any, or those between two chosen agencies. */
export function AgencyFilter() {
  const choices = useAppStore((state) => state.reviewAgencyChoices);
  const agencies = useAppStore((state) => state.reviewAgencies);
  const setAgencies = useAppStore((state) => state.setReviewAgencies);
  const [first, second] = agencies ?? [ANY, ANY];
  // A pair of agencies is a filter only once both are chosen; one alone waits for the other.
  const [pending, setPending] = useState<[string, string]>([first, second]);
  const choose = (which: 0 | 1, code: string) => {
    const next: [string, string] = which === 0 ? [code, pending[1]] : [pending[0], code];
    setPending(next);
    if (next[0] !== ANY && next[1] !== ANY) setAgencies(next);
    else if (agencies !== null) setAgencies(null);
  };
  const options = choices ?? [];
  return (
    <div className="review-agencies" role="group" aria-label="Agencies">
      <span className="muted">Between</span>
      {([0, 1] as const).map((which) => (
        <select
          key={which}
          aria-label={which === 0 ? 'First agency' : 'Second agency'}
          value={pending[which]}
          onChange={(event) => choose(which, event.target.value)}
          disabled={choices === null}
        >
          <option value={ANY}>any agency</option>
          {options.map((code) => (
            <option key={code} value={code}>
              {code}
            </option>
          ))}
        </select>
      ))}
    </div>
  );
}

/**
 * "Confirm all N shown": every open pair the list shows under its filter, after a step that says
 * how many and under which filter, as one decision (undone from the note that follows).
 */
export function BulkConfirm() {
  const matches = useAppStore((state) => state.matches);
  const loading = useAppStore((state) => state.matchesLoading);
  const agencies = useAppStore((state) => state.reviewAgencies);
  const minScore = useAppStore(reviewMinScoreOf);
  const deciding = useAppStore((state) => state.deciding);
  const confirmShown = useAppStore((state) => state.confirmShown);
  const [asking, setAsking] = useState(false);
  const open = matches?.filter((p) => p.status === 'candidate').length ?? 0;
  const filter = `score at least ${minScore === null ? '…' : minScore.toFixed(2)}${agencies ? `, between ${agencies[0]} and ${agencies[1]}` : ''}`;
  if (!asking) {
    return (
      <div className="review-bulk">
        <button
          type="button"
          className="button-confirm button-small"
          disabled={open === 0 || loading || deciding}
          onClick={() => setAsking(true)}
          data-testid="confirm-shown"
        >
          Confirm all {countOf(open, 'shown', 'shown')}
        </button>
      </div>
    );
  }
  return (
    <div
      className="review-bulk review-bulk-ask"
      role="alertdialog"
      aria-label="Confirm all shown"
      data-testid="confirm-shown-ask"
    >
      <p>
        Confirm the {countOf(open, 'open pair', 'open pairs')} shown ({filter}) as the same person, as one decision in
        the audit trail?
        {matches !== null &&
          matches.length >= MATCH_LIST_LIMIT &&
          ' Only the pairs listed are confirmed, not those beyond them.'}
      </p>
      <div className="review-actions">
        <button
          type="button"
          className="button-confirm button-small"
          disabled={deciding || open === 0}
          onClick={() => {
            setAsking(false);
            void confirmShown();
          }}
        >
          Confirm {countOf(open, 'pair', 'pairs')}
        </button>
        <button type="button" className="button-secondary button-small" onClick={() => setAsking(false)}>
          Cancel
        </button>
      </div>
    </div>
  );
}
