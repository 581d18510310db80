import { createContext, createElement, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CaselinkApi } from '../../../main/contract/api';
import { createAnalysisSlice, type AnalysisSlice } from './analysisSlice';
import { createAuditSlice, type AuditSlice } from './auditSlice';
import { createChartSlice, type ChartSlice } from './chartSlice';
import { createConnectionSlice, type ConnectionSlice } from './connectionSlice';
import { createGraphSlice, type GraphSlice } from './graphSlice';
import { createImportSlice, type ImportSlice } from './importSlice';
import { createLinksSlice, type LinksSlice } from './linksSlice';
import { createPanelsSlice, type PanelsSlice } from './panelsSlice';
import { createReviewSlice, type ReviewSlice } from './reviewSlice';
import { createWorkspaceSlice, type WorkspaceSlice } from './workspaceSlice';

export { selectChartAnalysis, selectChartAppearance, selectFilterResult } from './analysisSlice';
export { AUDIT_LIST_LIMIT } from './auditSlice';
export type { AddSliceOptions, ChartContent, ChartGroup, ChartLayoutRequest, ChartPosition } from './chartSlice';
export type { Connection } from './connectionSlice';
export type { SidePanel } from './panelsSlice';
export type { ChosenFile, ImportFile, ImportMapping, ImportStep } from './importSlice';
export {
  chosenSidesOf,
  IDENTIFIER_KINDS,
  LINK_LIST_LIMIT,
  linkKey,
  sideKey,
  type IdentifierKind,
  type LinkExplanation,
} from './linksSlice';
export { CLUSTER_LIST_LIMIT, MATCH_LIST_LIMIT, matchKey, reviewMinScoreOf, type MatchStatus } from './reviewSlice';

/** The renderer's one store: plain data and the actions that change it. */
export type AppState = ConnectionSlice &
  GraphSlice &
  ChartSlice &
  ImportSlice &
  LinksSlice &
  ReviewSlice &
  AuditSlice &
  AnalysisSlice &
  WorkspaceSlice &
  PanelsSlice;

export type AppStore = StoreApi<AppState>;

/**
 * Builds the store over an API, so tests can hand it their own; `storage` keeps the reviewer's
 * name between sessions (the window's localStorage when there is one).
 */
export function createAppStore(api: CaselinkApi, storage: Storage | undefined = browserStorage()): AppStore {
  return createStore<AppState>()((...args) => ({
    ...createConnectionSlice(api)(...args),
    ...createGraphSlice(api)(...args),
    ...createChartSlice()(...args),
    ...createImportSlice(api)(...args),
    ...createLinksSlice(api)(...args),
    ...createReviewSlice(api, storage)(...args),
    ...createAuditSlice(api)(...args),
    ...createAnalysisSlice()(...args),
    ...createWorkspaceSlice(api)(...args),
    ...createPanelsSlice(storage)(...args),
  }));
}

function browserStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    // Reading localStorage throws where the page may not store anything.
    return undefined;
  }
}

const StoreContext = createContext<AppStore | null>(null);

export function StoreProvider({ store, children }: { store: AppStore; children: ReactNode }) {
  return createElement(StoreContext.Provider, { value: store }, children);
}

/** Selects from the app store; components re-render only when the selected value changes. */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStore needs a StoreProvider above it');
  return useStore(store, selector);
}

/** The store itself, for components that act on it from event handlers without re-rendering on every change. */
export function useAppStoreApi(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStoreApi needs a StoreProvider above it');
  return store;
}
