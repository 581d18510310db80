import { useEffect } from 'react';
import { useAppStore } from '../../store';
import { formatNumber } from '../../ui/format';

/** The top bar's way into the review queue, with how many pairs are open (main's one count). */
export function ReviewButton() {
  const open = useAppStore((state) => state.openReview);
  const count = useAppStore((state) => state.openCandidates);
  const countOpen = useAppStore((state) => state.countOpenCandidates);
  const nodeCount = useAppStore((state) =>
    state.connection.state === 'connected' ? state.connection.status.nodeCount : null,
  );

  // Counted again when the graph changes size (an import); decisions and resolving count themselves.
  useEffect(() => {
    if (nodeCount !== null) void countOpen();
  }, [nodeCount, countOpen]);

  const shown = count === null ? null : formatNumber(count);
  return (
    <button
      type="button"
      className="topbar-button"
      onClick={open}
      aria-label={shown === null ? 'Review matches' : `Review matches, ${shown} open`}
      data-testid="review-open"
    >
      Review matches
      {shown !== null && (
        <span className="topbar-count" data-testid="review-open-count">
          {shown}
        </span>
      )}
    </button>
  );
}
