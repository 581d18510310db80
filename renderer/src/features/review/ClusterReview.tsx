import { useId } from 'react';
import type { MatchClusterDto, MatchPairDto } from '../../../../main/contract/api';
import { CLUSTER_LIST_LIMIT, useAppStore } from '../../store';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { countOf, formatNumber } from '../../ui/format';
import { DecisionFields } from './DecisionFields';

function formatScore(score: number): string {
  return score.toFixed(2);
}

/** The mentions of a cluster by name, each once, in the order its pairs name them. */
function mentionNames(cluster: MatchClusterDto): string[] {
  const seen = new Map<string, string>();
  for (const p of cluster.pairs) {
    for (const s of [p.a, p.b]) if (!seen.has(s.id)) seen.set(s.id, `${s.name ?? '(no name)'} (${s.agency})`);
  }
  return [...seen.values()];
}

/** The list pane in cluster view: each cluster with its size, open pairs and best score. */
export function ClusterList() {
  const clusters = useAppStore((state) => state.clusters);
  const loading = useAppStore((state) => state.clustersLoading);
  const error = useAppStore((state) => state.clustersError);
  const selected = useAppStore((state) => state.selectedCluster);
  const select = useAppStore((state) => state.selectCluster);
  const open = useAppStore((state) => state.openCandidates);
  const offset = useAppStore((state) => state.clusterOffset);
  const page = useAppStore((state) => state.pageClusters);
  // One listing holds one page of clusters; say which rather than let its length pass for the whole.
  const capped = clusters !== null && (clusters.length >= CLUSTER_LIST_LIMIT || offset > 0);
  return (
    <>
      <p className="review-list-count" data-testid="cluster-count">
        {clusters === null
          ? loading
            ? 'Loading…'
            : ''
          : `${capped ? `Clusters ${formatNumber(offset + 1)}–${formatNumber(offset + clusters.length)}` : countOf(clusters.length, 'cluster', 'clusters')}${open !== null ? ` · ${countOf(open, 'open pair', 'open pairs')}` : ''}${loading ? ' · refreshing…' : ''}`}
      </p>
      {error && <ErrorNotice error={error} testId="cluster-error" />}
      {clusters !== null && clusters.length === 0 && (
        <p className="panel-note review-empty">No open pairs at this score.</p>
      )}
      <ul className="review-list" role="listbox" aria-label="Clusters to review">
        {clusters?.map((c) => (
          <li
            key={c.id}
            role="option"
            aria-selected={c.id === selected}
            className={`review-row cluster-row${c.id === selected ? ' review-row-selected' : ''}`}
            onClick={() => select(c.id)}
            data-testid="cluster-row"
          >
            <span className="review-row-score mono" title="Best open score">
              {formatScore(c.bestScore)}
            </span>
            <span className="review-row-names">
              <span data-testid="cluster-size">
                {countOf(c.size, 'mention', 'mentions')} · {countOf(c.open, 'open pair', 'open pairs')}
                {c.confirmed > 0 && ` · ${formatNumber(c.confirmed)} confirmed`}
              </span>
              <span className="muted">{mentionNames(c).slice(0, 3).join(', ')}</span>
            </span>
          </li>
        ))}
      </ul>
      {capped && (
        <div className="cluster-pages">
          <button
            type="button"
            className="button-secondary button-small"
            disabled={offset === 0}
            onClick={() => page(-1)}
          >
            Previous {formatNumber(CLUSTER_LIST_LIMIT)}
          </button>
          <button
            type="button"
            className="button-secondary button-small"
            disabled={clusters.length < CLUSTER_LIST_LIMIT}
            onClick={() => page(1)}
            data-testid="clusters-next"
          >
            Next {formatNumber(CLUSTER_LIST_LIMIT)}
          </button>
        </div>
      )}
    </>
  );
}

/** The detail pane in cluster view: the cluster's pairs with their reasons; confirm all, or reject one. */
export function ClusterDetail() {
  const cluster = useAppStore((state) => state.clusters?.find((c) => c.id === state.selectedCluster) ?? null);
  const reviewer = useAppStore((state) => state.reviewer);
  const note = useAppStore((state) => state.reviewNote);
  const deciding = useAppStore((state) => state.deciding);
  const decideError = useAppStore((state) => state.decideError);
  const setReviewer = useAppStore((state) => state.setReviewer);
  const setNote = useAppStore((state) => state.setReviewNote);
  const confirm = useAppStore((state) => state.confirmCluster);
  const id = useId();
  if (!cluster) return <LastDecision />;
  const open = cluster.pairs.filter((p) => p.status === 'candidate').length;
  return (
    <div className="review-detail" data-testid="cluster-detail">
      <LastDecision />
      <div className="review-detail-head">
        <span className="review-score">
          Cluster of <strong>{formatNumber(cluster.size)}</strong> mentions · best{' '}
          <strong className="mono">{formatScore(cluster.bestScore)}</strong>
        </span>
        {cluster.agencies.map((a) => (
          <span key={a} className="tag">
            {a}
          </span>
        ))}
      </div>
      <section className="review-decision" aria-label="Decision on the cluster">
        <DecisionFields id={id} reviewer={reviewer} setReviewer={setReviewer} note={note} setNote={setNote} />
        <p className="muted review-cluster-hint">
          Confirming the cluster confirms its {countOf(open, 'open pair', 'open pairs')} shown here as one decision in
          the audit trail; reject any pair first if it is not the same person.
        </p>
        {decideError && <ErrorNotice error={decideError} testId="review-decide-error" />}
        <div className="review-actions">
          <button
            type="button"
            className="button-confirm"
            disabled={deciding || open === 0}
            onClick={() => void confirm(cluster.id)}
            data-testid="confirm-cluster"
          >
            Confirm cluster ({countOf(open, 'pair', 'pairs')})
          </button>
        </div>
      </section>
      <ul className="cluster-pairs" aria-label="Pairs in this cluster">
        {cluster.pairs.map((p) => (
          <ClusterPair key={`${p.a.id}|${p.b.id}`} pair={p} />
        ))}
      </ul>
    </div>
  );
}

function ClusterPair({ pair }: { pair: MatchPairDto }) {
  const deciding = useAppStore((state) => state.deciding);
  const reject = useAppStore((state) => state.rejectPair);
  return (
    <li className="cluster-pair" data-testid="cluster-pair" data-status={pair.status}>
      <div className="cluster-pair-head">
        <span className="review-row-score mono">{formatScore(pair.score)}</span>
        <span className="review-row-names">
          <span>
            {pair.a.name ?? '(no name)'} <span className="tag">{pair.a.agency}</span>{' '}
            <span className="muted">
              {pair.a.fileName} › {pair.a.sheet} row {pair.a.row}
            </span>
          </span>
          <span>
            {pair.b.name ?? '(no name)'} <span className="tag">{pair.b.agency}</span>{' '}
            <span className="muted">
              {pair.b.fileName} › {pair.b.sheet} row {pair.b.row}
            </span>
          </span>
        </span>
        {pair.status === 'candidate' ? (
          <button
            type="button"
            className="button-danger button-small"
            disabled={deciding}
            onClick={() => void reject(pair)}
            aria-label={`Reject ${pair.a.name ?? 'A'} and ${pair.b.name ?? 'B'}`}
          >
            Reject
          </button>
        ) : (
          <span className={`badge badge-status-${pair.status}`}>Confirmed</span>
        )}
      </div>
      <ul className="cluster-pair-reasons" data-testid="cluster-pair-reasons">
        {pair.reasons.map((reason, index) => (
          <li key={index}>{reason}</li>
        ))}
      </ul>
    </li>
  );
}

/** The last bulk decision taken here, with its undo. */
export function LastDecision() {
  const last = useAppStore((state) => state.lastBulkDecision);
  const deciding = useAppStore((state) => state.deciding);
  const undo = useAppStore((state) => state.undoLastBulkDecision);
  if (!last) return null;
  return (
    <p className="review-note" role="status" data-testid="bulk-decision">
      Confirmed {countOf(last.pairs, 'pair', 'pairs')} as one decision.{' '}
      <button type="button" className="button-secondary button-small" disabled={deciding} onClick={() => void undo()}>
        Undo
      </button>
    </p>
  );
}
