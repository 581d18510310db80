import { useEffect, useRef } from 'react';
import { useAppStore } from '../../store';

/**
 * Loads the overview onto the chart when the connection comes up, and again when a graph that
 * was empty gets its first nodes (an import ran in the CLI while the window was open).
 */
export function useOverviewLoading(): void {
  const loadOverview = useAppStore((state) => state.loadOverview);
  const nodeCount = useAppStore((state) =>
    state.connection.state === 'connected' ? state.connection.status.nodeCount : null,
  );
  const loadedAtCount = useRef<number | null>(null);

  useEffect(() => {
    if (nodeCount === null) {
      loadedAtCount.current = null;
      return;
    }
    if (loadedAtCount.current === null || (loadedAtCount.current === 0 && nodeCount > 0)) {
      loadedAtCount.current = nodeCount;
      void loadOverview();
    }
  }, [nodeCount, loadOverview]);
}
