import type { StateCreator } from 'zustand';
import type { CaselinkApi, CaselinkError, GraphElements } from '../../../main/contract/api';
import type { AppState } from './index';
import { settle } from './settle';

/** How many nodes the first look at the graph asks for. */
export const OVERVIEW_LIMIT = 500;

export interface GraphSlice {
  /** The graph on the chart, as main sent it; null before the first load. */
  graph: GraphElements | null;
  graphLoading: boolean;
  /** Why the last load failed, or null. */
  graphError: CaselinkError | null;
  /** Loads the overview of the graph, and puts it on the chart in place of what is there (an undo step). */
  loadOverview(): Promise<void>;
}

export function createGraphSlice(api: CaselinkApi): StateCreator<AppState, [], [], GraphSlice> {
  let latest = 0;
  return (set, get) => ({
    graph: null,
    graphLoading: false,
    graphError: null,
    async loadOverview() {
      const request = ++latest;
      set({ graphLoading: true });
      const result = await settle(() => api.getOverview({ limit: OVERVIEW_LIMIT }));
      if (request !== latest) return;
      set(
        result.ok
          ? { graph: result.value, graphError: null, graphLoading: false }
          : { graphError: result.error, graphLoading: false },
      );
      // The chart draws the overview as stable chart nodes (persons once, with their mentions).
      if (result.ok) {
        get().showOverview(result.value);
        // The overview sends no dates for persons and identifiers: the timeline needs them.
        void get().readChartDates();
      }
    },
  });
}
