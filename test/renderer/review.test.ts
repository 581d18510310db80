import { describe, expect, it, vi } from 'vitest';
import type { CaselinkApi, MatchPairDto, MatchSideDto } from '../../main/contract/api';
import { compareMentions } from '../../renderer/src/features/review/compare';
import { DEFAULT_MATCH_THRESHOLD } from '../../main/core/rules';
import { createAppStore } from '../../renderer/src/store';
import { MATCH_LIST_LIMIT, REVIEWER_STORAGE_KEY } from '../../renderer/src/store/reviewSlice';
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

  it('counts the pairs proposed for review, not those kept below the threshold', async () => {
    const kept = pair(side('g', 'Ion Popescu', 'CITY-POL'), side('h', 'Ion POPESCU', 'NGO'), 0.6);
    const listMatches = vi.fn<CaselinkApi['listMatches']>(async (input) => ({
      ok: true,
      // As main answers: without a minimum score it applies its own threshold.
      value: [first, second, kept].filter((p) => p.score >= (input.minScore ?? DEFAULT_MATCH_THRESHOLD)),
    }));
    const store = createAppStore(fakeApi({ listMatches }), memoryStorage());
    await store.getState().countOpenCandidates();
    expect(store.getState().openCandidates).toBe(2);
    expect(listMatches).toHaveBeenCalledWith({ statuses: ['candidate'], limit: MATCH_LIST_LIMIT });
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
