import { describe, expect, it, vi } from 'vitest';
import type { CaselinkApi, MatchClusterDto } from '../../main/contract/api';
import { createAppStore } from '../../renderer/src/store';
import { CLUSTER_LIST_LIMIT } from '../../renderer/src/store/reviewSlice';
import { fakeApi } from '../support/fakeApi';

const cluster = (n: number): MatchClusterDto => ({
  id: `${String(n).padStart(32, '0')}:person`,
  size: 2,
  open: 1,
  confirmed: 0,
  bestScore: 0.9,
  agencies: ['BORDER', 'CITY-POL'],
  pairs: [],
});

describe('clusters beyond the first page', () => {
  it('lists the next page and the one before, from the first again when the score moves', async () => {
    const total = CLUSTER_LIST_LIMIT + 5;
    const listMatchClusters = vi.fn<CaselinkApi['listMatchClusters']>(async (input) => {
      const offset = input.offset ?? 0;
      const ids = Array.from({ length: total }, (_, i) => i).slice(offset, offset + (input.limit ?? 100));
      return { ok: true, value: ids.map(cluster) };
    });
    const store = createAppStore(
      fakeApi({
        listMatchClusters,
        listMatches: async () => ({ ok: true, value: [] }),
        countOpenMatches: async () => ({ ok: true, value: { open: total, minScore: 0.8 } }),
      }),
      undefined,
    );
    const listed = () => store.getState().clusters?.map((c) => Number(c.id.slice(0, 32))) ?? [];
    store.getState().openReview();
    store.getState().setReviewView('clusters');
    await vi.waitFor(() => expect(listed()).toHaveLength(CLUSTER_LIST_LIMIT));

    store.getState().pageClusters(1);
    await vi.waitFor(() => expect(listed()).toEqual(Array.from({ length: 5 }, (_, k) => CLUSTER_LIST_LIMIT + k)));
    expect(listMatchClusters).toHaveBeenLastCalledWith({ limit: CLUSTER_LIST_LIMIT, offset: CLUSTER_LIST_LIMIT });
    expect(store.getState().selectedCluster).toBe(cluster(CLUSTER_LIST_LIMIT).id);

    store.getState().pageClusters(-1);
    await vi.waitFor(() => expect(listed()[0]).toBe(0));
    store.getState().pageClusters(-1);
    expect(store.getState().clusterOffset).toBe(0);

    store.getState().pageClusters(1);
    await vi.waitFor(() => expect(store.getState().clusterOffset).toBe(CLUSTER_LIST_LIMIT));
    store.getState().setReviewMinScore(0.5);
    await vi.waitFor(() =>
      expect(listMatchClusters).toHaveBeenLastCalledWith({ minScore: 0.5, limit: CLUSTER_LIST_LIMIT }),
    );
    expect(store.getState().clusterOffset).toBe(0);
  });
});
