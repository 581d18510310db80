import type { StateCreator } from 'zustand';
import type {
  BulkDecisionDto,
  CaselinkApi,
  CaselinkError,
  MatchClusterDto,
  MatchModelDto,
  MatchPairDto,
} from '../../../main/contract/api';
import type { AppState } from './index';
import { settle } from './settle';

export type MatchStatus = MatchPairDto['status'];

/** The most pairs one listing asks for; the queue says how many more are open. */
export const MATCH_LIST_LIMIT = 2000;

/** The most clusters one listing asks for. */
export const CLUSTER_LIST_LIMIT = 200;

/** How the open pairs are listed: one by one, or grouped into clusters of mentions. */
export type ReviewView = 'pairs' | 'clusters';

/** Where the reviewer's name is remembered between sessions. */
export const REVIEWER_STORAGE_KEY = 'caselink.reviewer';

/** The lowest score the queue lists: the reviewer's choice, else main's threshold once known. */
export function reviewMinScoreOf(state: Pick<AppState, 'reviewMinScore' | 'connection'>): number | null {
  if (state.reviewMinScore !== null) return state.reviewMinScore;
  return state.connection.state === 'connected' ? state.connection.status.matchThreshold : null;
}

/** Identifies a pair in the queue; main keeps at most one SAME_AS between two mentions. */
export function matchKey(pair: Pick<MatchPairDto, 'a' | 'b'>): string {
  return `${pair.a.id}|${pair.b.id}`;
}

/** The reviewer's name as this browser remembers it; storage may be missing or refused. */
export function rememberedReviewer(storage: Pick<Storage, 'getItem'> | undefined): string {
  try {
    return storage?.getItem(REVIEWER_STORAGE_KEY) ?? '';
  } catch {
    return '';
  }
}

function remember(storage: Pick<Storage, 'setItem'> | undefined, name: string): void {
  try {
    storage?.setItem(REVIEWER_STORAGE_KEY, name);
  } catch {
    // Private windows and full storage refuse; the name then lasts for this session only.
  }
}

export interface ReviewSlice {
  reviewOpen: boolean;
  /** The pairs listed with the current filters, best first; null before the first answer. */
  matches: MatchPairDto[] | null;
  matchesLoading: boolean;
  matchesError: CaselinkError | null;
  reviewStatus: MatchStatus;
  /** The lowest score listed; null until the reviewer moves the slider: main's threshold then applies. */
  reviewMinScore: number | null;
  /** The pair shown side by side, by {@link matchKey}. */
  selectedMatch: string | null;
  /**
   * Pairs open for review at the score the queue lists (main's count, the one every surface
   * shows); null until counted.
   */
  openCandidates: number | null;
  reviewView: ReviewView;
  /** Clusters with an open pair at the listed score, best first; null before the first answer. */
  clusters: MatchClusterDto[] | null;
  clustersLoading: boolean;
  clustersError: CaselinkError | null;
  /** The cluster shown with its pairs, by id. */
  selectedCluster: string | null;
  /** The last bulk decision taken here, so that it can be undone; null once undone. */
  lastBulkDecision: BulkDecisionDto | null;
  /** Only pairs between these two agencies are listed (one by one); null: any. */
  reviewAgencies: [string, string] | null;
  /** The agencies the reviewer can pick from; null until listed. */
  reviewAgencyChoices: string[] | null;
  /** How many clusters the listing passes over (its page), a multiple of {@link CLUSTER_LIST_LIMIT}. */
  clusterOffset: number;
  /** Whether the match model is shown (over the review). */
  modelOpen: boolean;
  /** The saved match model; null until loaded. */
  model: MatchModelDto | null;
  modelError: CaselinkError | null;
  reviewer: string;
  reviewNote: string;
  deciding: boolean;
  decideError: CaselinkError | null;

  openReview(): void;
  closeReview(): void;
  loadMatches(): Promise<void>;
  countOpenCandidates(): Promise<void>;
  setReviewView(view: ReviewView): void;
  loadClusters(): Promise<void>;
  selectCluster(id: string | null): void;
  /** Confirms the open pairs of a cluster, as listed, as one decision; then lists again. */
  confirmCluster(id: string): Promise<void>;
  /** Rejects one pair of a cluster on its own. */
  rejectPair(pair: Pick<MatchPairDto, 'a' | 'b'>): Promise<void>;
  /** Undoes {@link ReviewSlice.lastBulkDecision}. */
  undoLastBulkDecision(): Promise<void>;
  /** Lists only the pairs between two agencies, or (null) between any. */
  setReviewAgencies(agencies: [string, string] | null): void;
  /**
   * Confirms every open pair the list shows, as listed (score floor and agencies), as one
   * decision; then lists again. Nothing when the list shows no open pair.
   */
  confirmShown(): Promise<void>;
  /** Shows the next (+1) or previous (-1) page of clusters. */
  pageClusters(step: 1 | -1): void;
  openModel(): void;
  closeModel(): void;
  setReviewStatus(status: MatchStatus): void;
  setReviewMinScore(score: number): void;
  selectMatch(key: string | null): void;
  /** Moves the selection by `step` pairs in the list, stopping at either end. */
  moveMatchSelection(step: number): void;
  setReviewer(name: string): void;
  setReviewNote(note: string): void;
  /** Records a decision on the selected pair, then shows the next one and refreshes the chart. */
  decideSelected(status: MatchStatus): Promise<void>;
}

export function createReviewSlice(
  api: CaselinkApi,
  storage: Storage | undefined,
): StateCreator<AppState, [], [], ReviewSlice> {
  let latestList = 0;
  let latestCount = 0;
  let latestClusters = 0;
  const minScoreInput = (state: AppState) => {
    const minScore = reviewMinScoreOf(state);
    return minScore === null ? {} : { minScore };
  };
  const decider = (state: AppState) => {
    const user = state.reviewer.trim();
    const note = state.reviewNote.trim();
    return { ...(user ? { reviewerName: user } : {}), ...(note ? { note } : {}) };
  };
  // Everything a decision changes: the clusters, the pairs, the count and the chart.
  let afterDecision: () => Promise<void> = async () => undefined;
  return (set, get) => {
    afterDecision = async () => {
      await Promise.all([get().loadClusters(), get().loadMatches()]);
      void get().countOpenCandidates();
      void get().loadOverview();
    };
    return {
      reviewOpen: false,
      matches: null,
      matchesLoading: false,
      matchesError: null,
      reviewStatus: 'candidate',
      reviewMinScore: null,
      selectedMatch: null,
      openCandidates: null,
      reviewView: 'pairs',
      clusters: null,
      clustersLoading: false,
      clustersError: null,
      selectedCluster: null,
      lastBulkDecision: null,
      reviewAgencies: null,
      reviewAgencyChoices: null,
      clusterOffset: 0,
      modelOpen: false,
      model: null,
      modelError: null,
      reviewer: rememberedReviewer(storage),
      reviewNote: '',
      deciding: false,
      decideError: null,

      openReview() {
        set({ reviewOpen: true, decideError: null });
        void settle(() => api.listAgencies()).then((result) => {
          if (result.ok) set({ reviewAgencyChoices: result.value.map((a) => a.code).sort() });
        });
        void get().loadMatches();
        if (get().reviewView === 'clusters') void get().loadClusters();
        void get().countOpenCandidates();
      },
      closeReview() {
        set({ reviewOpen: false });
      },
      async loadMatches() {
        const { reviewStatus, reviewMinScore, reviewAgencies } = get();
        const request = ++latestList;
        set({ matchesLoading: true });
        const result = await settle(() =>
          api.listMatches({
            statuses: [reviewStatus],
            ...(reviewMinScore === null ? {} : { minScore: reviewMinScore }),
            ...(reviewAgencies === null ? {} : { agencies: reviewAgencies }),
            limit: MATCH_LIST_LIMIT,
          }),
        );
        if (request !== latestList) return;
        if (!result.ok) {
          set({ matchesLoading: false, matchesError: result.error });
          return;
        }
        const matches = result.value;
        const selected = get().selectedMatch;
        const keep = selected !== null && matches.some((m) => matchKey(m) === selected);
        set({
          matches,
          matchesLoading: false,
          matchesError: null,
          selectedMatch: keep ? selected : matches[0] ? matchKey(matches[0]) : null,
        });
      },
      async countOpenCandidates() {
        const request = ++latestCount;
        // Main counts, at the score the queue lists (its threshold until the reviewer moves it).
        const result = await settle(() => api.countOpenMatches(minScoreInput(get())));
        // A count that cannot be had leaves the button without one; the queue says why when opened.
        if (request === latestCount && result.ok) set({ openCandidates: result.value.open });
      },
      setReviewView(view) {
        if (view === get().reviewView) return;
        set({ reviewView: view, decideError: null });
        if (view === 'clusters') {
          if (get().reviewStatus !== 'candidate') get().setReviewStatus('candidate');
          void get().loadClusters();
        }
      },
      async loadClusters() {
        const request = ++latestClusters;
        set({ clustersLoading: true });
        const result = await settle(() =>
          api.listMatchClusters({
            ...minScoreInput(get()),
            limit: CLUSTER_LIST_LIMIT,
            ...(get().clusterOffset > 0 ? { offset: get().clusterOffset } : {}),
          }),
        );
        if (request !== latestClusters) return;
        if (!result.ok) {
          set({ clustersLoading: false, clustersError: result.error });
          return;
        }
        const clusters = result.value;
        const selected = get().selectedCluster;
        const keep = selected !== null && clusters.some((c) => c.id === selected);
        set({
          clusters,
          clustersLoading: false,
          clustersError: null,
          selectedCluster: keep ? selected : (clusters[0]?.id ?? null),
        });
      },
      selectCluster(id) {
        if (id === get().selectedCluster) return;
        set({ selectedCluster: id, reviewNote: '', decideError: null });
      },
      async confirmCluster(id) {
        const cluster = get().clusters?.find((c) => c.id === id);
        if (!cluster || get().deciding) return;
        // The pairs the reviewer sees, not whatever the cluster holds by the time main answers.
        const pairs = cluster.pairs.filter((p) => p.status === 'candidate').map((p) => ({ a: p.a.id, b: p.b.id }));
        if (pairs.length === 0) return;
        set({ deciding: true, decideError: null });
        const result = await settle(() => api.confirmMatches({ filter: { by: 'pairs', pairs }, ...decider(get()) }));
        if (!result.ok) {
          set({ deciding: false, decideError: result.error });
          return;
        }
        set({ deciding: false, reviewNote: '', lastBulkDecision: result.value });
        await afterDecision();
      },
      async rejectPair(pair) {
        if (get().deciding) return;
        set({ deciding: true, decideError: null });
        const result = await settle(() =>
          api.decideMatch({ a: pair.a.id, b: pair.b.id, status: 'rejected', ...decider(get()) }),
        );
        if (!result.ok) {
          set({ deciding: false, decideError: result.error });
          return;
        }
        set({ deciding: false, reviewNote: '' });
        await afterDecision();
      },
      async undoLastBulkDecision() {
        const last = get().lastBulkDecision;
        if (!last || get().deciding) return;
        set({ deciding: true, decideError: null });
        const result = await settle(() => api.undoMatchDecision({ decision: last.decision, ...decider(get()) }));
        if (!result.ok) {
          set({ deciding: false, decideError: result.error });
          return;
        }
        set({ deciding: false, lastBulkDecision: null });
        await afterDecision();
      },
      setReviewAgencies(agencies) {
        set({ reviewAgencies: agencies, selectedMatch: null, matches: null, decideError: null });
        void get().loadMatches();
      },
      async confirmShown() {
        const { matches, reviewStatus, reviewAgencies, deciding } = get();
        const minScore = reviewMinScoreOf(get());
        if (!matches || reviewStatus !== 'candidate' || minScore === null || deciding) return;
        // The pairs the reviewer sees, not whatever the filter selects by the time main answers.
        const pairs = matches.filter((p) => p.status === 'candidate').map((p) => ({ a: p.a.id, b: p.b.id }));
        if (pairs.length === 0) return;
        set({ deciding: true, decideError: null });
        const shown = { minScore, ...(reviewAgencies ? { agencies: reviewAgencies } : {}) };
        const result = await settle(() =>
          api.confirmMatches({ filter: { by: 'pairs', pairs, shown }, ...decider(get()) }),
        );
        if (!result.ok) {
          set({ deciding: false, decideError: result.error });
          return;
        }
        set({ deciding: false, reviewNote: '', lastBulkDecision: result.value, selectedMatch: null });
        await afterDecision();
      },
      pageClusters(step) {
        const offset = Math.max(0, get().clusterOffset + step * CLUSTER_LIST_LIMIT);
        if (offset === get().clusterOffset) return;
        set({ clusterOffset: offset, selectedCluster: null });
        void get().loadClusters();
      },
      openModel() {
        set({ modelOpen: true });
        void settle(() => api.getMatchModel()).then((result) =>
          set(result.ok ? { model: result.value, modelError: null } : { modelError: result.error }),
        );
      },
      closeModel() {
        set({ modelOpen: false });
      },
      setReviewStatus(status) {
        if (status === get().reviewStatus) return;
        set({ reviewStatus: status, selectedMatch: null, matches: null, decideError: null });
        void get().loadMatches();
      },
      setReviewMinScore(score) {
        set({ reviewMinScore: score, clusterOffset: 0 });
        void get().loadMatches();
        if (get().reviewView === 'clusters') void get().loadClusters();
        void get().countOpenCandidates();
      },
      selectMatch(key) {
        if (key === get().selectedMatch) return;
        set({ selectedMatch: key, reviewNote: '', decideError: null });
      },
      moveMatchSelection(step) {
        const { matches, selectedMatch } = get();
        if (!matches || matches.length === 0) return;
        const index = matches.findIndex((m) => matchKey(m) === selectedMatch);
        const next = matches[Math.min(matches.length - 1, Math.max(0, index + step))];
        if (next) get().selectMatch(matchKey(next));
      },
      setReviewer(name) {
        set({ reviewer: name });
        remember(storage, name.trim());
      },
      setReviewNote(note) {
        set({ reviewNote: note });
      },
      async decideSelected(status) {
        const { matches, selectedMatch, reviewer, reviewNote, deciding } = get();
        const user = reviewer.trim();
        const pair = matches?.find((m) => matchKey(m) === selectedMatch);
        if (!matches || !pair || deciding) return;
        set({ deciding: true, decideError: null });
        const note = reviewNote.trim();
        const result = await settle(() =>
          api.decideMatch({
            a: pair.a.id,
            b: pair.b.id,
            status,
            ...(user ? { reviewerName: user } : {}),
            ...(note ? { note } : {}),
          }),
        );
        if (!result.ok) {
          set({ deciding: false, decideError: result.error });
          return;
        }
        // The next pair is the one after this in the list as it was; it is still there after the
        // reload unless someone else decided it meanwhile, and then the first one is shown.
        const index = matches.indexOf(pair);
        const after = matches.slice(index + 1).concat(matches.slice(0, index));
        const next = status === get().reviewStatus ? pair : after[0];
        set({ deciding: false, reviewNote: '', selectedMatch: next ? matchKey(next) : null });
        await get().loadMatches();
        void get().countOpenCandidates();
        void get().loadOverview();
      },
    };
  };
}
