import { describe, expect, it, vi } from 'vitest';
import type { CaselinkApi, MatchClusterDto, MatchPairDto, MatchSideDto } from '../../main/contract/api';
import { compareMentions } from '../../renderer/src/features/review/compare';
import { DEFAULT_MATCH_THRESHOLD } from '../../main/core/rules';
import { createAppStore } from '../../renderer/src/store';
import { REVIEWER_STORAGE_KEY } from '../../renderer/src/store/reviewSlice';
import { fakeApi } from '../support/fakeApi';

const side = (id: string, name: string, agency: string, more: Partial<MatchSideDto> = {}): MatchSideDto => ({
  id: `${id.repeat(32).slice(0, 32)}:person`,
  name,
  nameLatin: null,
  birthDate: '1979-04-12',
  nationality: 'RO',
  gender: null,
  role: 'suspect',
  agency,
  fileName: `${agency.toLowerCase()}.xlsx`,
  sheet: 'Persons',
  row: 4,
  caseRef: null,
  ...more,
});

const pair = (a: MatchSideDto, b: MatchSideDto, score: number): MatchPairDto => ({
  status: 'candidate',
  score,
  reasons: ['same date of birth 1979-04-12'],
  decidedBy: null,
  reviewerName: null,
  decidedAt: null,
  note: null,
  a,
  b,
});

const first = pair(side('a', 'GHEORGHE STANESCU', 'BORDER'), side('b', 'Gheorghe STĂNESCU', 'RO-POL'), 1);
const second = pair(side('c', 'ARBEN HOXHA', 'BORDER'), side('d', 'Arben Hoxha', 'NGO'), 0.95);
const third = pair(side('e', 'Elena Stoica', 'LABOUR'), side('f', 'ELENA STOICA', 'BORDER'), 0.9);

function memoryStorage(initial: Record<string, string> = {}): Storage {
  const values = new Map(Object.entries(initial));
  return {
    get length() {
      return values.size;
    },
    clear: () => values.clear(),
    getItem: (key) => values.get(key) ?? null,
    key: (index) => [...values.keys()][index] ?? null,
    removeItem: (key) => void values.delete(key),
    setItem: (key, value) => void values.set(key, value),
  };
}

describe('the review queue', () => {
  it('records a decision under the remembered reviewer, then shows the next pair and refreshes the chart', async () => {
    let open = [first, second, third];
    const decideMatch = vi.fn<CaselinkApi['decideMatch']>(async (input) => {
      open = open.filter((p) => p.a.id !== input.a);
      return { ok: true, value: null };
    });
    const getOverview = vi.fn<CaselinkApi['getOverview']>(async () => ({
      ok: true,
      value: { nodes: [], edges: [], truncated: false },
    }));
    const api = fakeApi({
      listMatches: async () => ({ ok: true, value: open }),
      decideMatch,
      getOverview,
    });
    const store = createAppStore(api, memoryStorage({ [REVIEWER_STORAGE_KEY]: 'DC Morgan' }));
    store.getState().openReview();
    await vi.waitFor(() => expect(store.getState().matches).toHaveLength(3));
    store.getState().moveMatchSelection(1);
    store.getState().setReviewNote('  phones and date of birth ');
    await store.getState().decideSelected('confirmed');

    expect(decideMatch).toHaveBeenCalledWith({
      a: second.a.id,
      b: second.b.id,
      status: 'confirmed',
      reviewerName: 'DC Morgan',
      note: 'phones and date of birth',
    });
    expect(store.getState()).toMatchObject({
      matches: [first, third],
      selectedMatch: `${third.a.id}|${third.b.id}`,
      reviewNote: '',
      deciding: false,
      decideError: null,
    });
    expect(getOverview).toHaveBeenCalled();
  });

  it('shows main’s count of open pairs at the score the queue lists, beyond the pairs one listing holds', async () => {
    const countOpenMatches = vi.fn<CaselinkApi['countOpenMatches']>(async (input) => {
      // As main answers: without a minimum score it applies its own threshold.
      const minScore = input.minScore ?? DEFAULT_MATCH_THRESHOLD;
      return { ok: true, value: { open: minScore >= 0.9 ? 2 : 2345, minScore } };
    });
    const store = createAppStore(
      fakeApi({ countOpenMatches, listMatches: async () => ({ ok: true, value: [first, second] }) }),
      memoryStorage(),
    );
    await store.getState().countOpenCandidates();
    expect(store.getState().openCandidates).toBe(2345);
    expect(countOpenMatches).toHaveBeenLastCalledWith({});
    store.getState().setReviewMinScore(0.9);
    await vi.waitFor(() => expect(store.getState().openCandidates).toBe(2));
    expect(countOpenMatches).toHaveBeenLastCalledWith({ minScore: 0.9 });
  });

  it('confirms the open pairs of a cluster as shown, as one decision, rejects a pair on its own, and undoes the decision', async () => {
    const confirmedPair = { ...third, status: 'confirmed' as const };
    const cluster: MatchClusterDto = {
      id: first.a.id,
      size: 3,
      open: 2,
      confirmed: 1,
      bestScore: 1,
      agencies: ['BORDER', 'LABOUR', 'RO-POL'],
      pairs: [first, second, confirmedPair],
    };
    const confirmMatches = vi.fn<CaselinkApi['confirmMatches']>(async () => ({
      ok: true,
      value: { decision: '6f1c0a52-7d0e-4a53-9a5e-2f5d8c1b9e10', pairs: 2 },
    }));
    const undoMatchDecision = vi.fn<CaselinkApi['undoMatchDecision']>(async () => ({
      ok: true,
      value: { decision: '0b7c7f0e-8a9d-4c1e-b6d2-1f0e9c8a7b6d', pairs: 2 },
    }));
    const decideMatch = vi.fn<CaselinkApi['decideMatch']>(async () => ({ ok: true, value: null }));
    const listMatchClusters = vi.fn<CaselinkApi['listMatchClusters']>(async () => ({ ok: true, value: [cluster] }));
    const store = createAppStore(
      fakeApi({
        listMatchClusters,
        confirmMatches,
        undoMatchDecision,
        decideMatch,
        listMatches: async () => ({ ok: true, value: [] }),
        countOpenMatches: async () => ({ ok: true, value: { open: 2, minScore: 0.8 } }),
        getOverview: async () => ({ ok: true, value: { nodes: [], edges: [], truncated: false } }),
      }),
      memoryStorage({ [REVIEWER_STORAGE_KEY]: 'DC Morgan' }),
    );
    store.getState().openReview();
    store.getState().setReviewView('clusters');
    await vi.waitFor(() => expect(store.getState().selectedCluster).toBe(cluster.id));

    await store.getState().rejectPair(second);
    expect(decideMatch).toHaveBeenCalledWith({
      a: second.a.id,
      b: second.b.id,
      status: 'rejected',
      reviewerName: 'DC Morgan',
    });

    store.getState().setReviewNote('one man');
    await store.getState().confirmCluster(cluster.id);
    expect(confirmMatches).toHaveBeenCalledWith({
      filter: {
        by: 'pairs',
        pairs: [
          { a: first.a.id, b: first.b.id },
          { a: second.a.id, b: second.b.id },
        ],
      },
      reviewerName: 'DC Morgan',
      note: 'one man',
    });
    expect(store.getState().lastBulkDecision).toEqual({ decision: '6f1c0a52-7d0e-4a53-9a5e-2f5d8c1b9e10', pairs: 2 });
    expect(listMatchClusters).toHaveBeenLastCalledWith({ limit: 200 });

    await store.getState().undoLastBulkDecision();
    expect(undoMatchDecision).toHaveBeenCalledWith({
      decision: '6f1c0a52-7d0e-4a53-9a5e-2f5d8c1b9e10',
      reviewerName: 'DC Morgan',
    });
    expect(store.getState().lastBulkDecision).toBeNull();
  });

  it('decides without a typed name (main records the login), and remembers a name once given', async () => {
    const decideMatch = vi.fn<CaselinkApi['decideMatch']>(async () => ({ ok: true, value: null }));
    const storage = memoryStorage();
    const store = createAppStore(
      fakeApi({ listMatches: async () => ({ ok: true, value: [first] }), decideMatch }),
      storage,
    );
    store.getState().openReview();
    await vi.waitFor(() => expect(store.getState().selectedMatch).not.toBeNull());
    await store.getState().decideSelected('rejected');
    expect(decideMatch).toHaveBeenCalledWith({ a: first.a.id, b: first.b.id, status: 'rejected' });
    store.getState().setReviewer(' Sgt Okafor ');
    expect(storage.getItem(REVIEWER_STORAGE_KEY)).toBe('Sgt Okafor');
  });

  it('keeps the pair and says why when the decision is refused', async () => {
    const store = createAppStore(
      fakeApi({
        listMatches: async () => ({ ok: true, value: [first, second] }),
        decideMatch: async () => ({ ok: false, error: { kind: 'NotFound', message: 'No same-person candidate' } }),
      }),
      memoryStorage({ [REVIEWER_STORAGE_KEY]: 'DC Morgan' }),
    );
    store.getState().openReview();
    await vi.waitFor(() => expect(store.getState().selectedMatch).not.toBeNull());
    await store.getState().decideSelected('confirmed');
    expect(store.getState()).toMatchObject({
      selectedMatch: `${first.a.id}|${first.b.id}`,
      decideError: { kind: 'NotFound' },
      deciding: false,
    });
  });
});

describe('comparing two mentions', () => {
  it('marks fields that differ or that only one side has, and never the provenance', () => {
    const a = side('a', 'GHEORGHE STANESCU', 'BORDER', { nationality: 'ROU', gender: 'M', caseRef: null });
    const b = side('b', 'Gheorghe  Stanescu', 'RO-POL', { nationality: 'ROMÂNĂ', caseRef: '234/D/P/2026' });
    const { person, provenance } = compareMentions(a, b);
    expect(person.map((f) => [f.label, f.agreement])).toEqual([
      ['Name', 'same'],
      ['Latin name', 'same'],
      ['Date of birth', 'same'],
      ['Nationality', 'differs'],
      ['Gender', 'one-side'],
      ['Role', 'same'],
    ]);
    expect(provenance).toEqual([
      { label: 'Agency', a: 'BORDER', b: 'RO-POL', agreement: 'same' },
      {
        label: 'File › sheet › row',
        a: 'border.xlsx › Persons › row 4',
        b: 'ro-pol.xlsx › Persons › row 4',
        agreement: 'same',
      },
      { label: 'Case ref', a: null, b: '234/D/P/2026', agreement: 'same' },
    ]);
  });
});
