import { createContext, createElement, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CaselinkApi } from '../../../main/contract/api';
import { createConnectionSlice, type ConnectionSlice } from './connectionSlice';
import { createGraphSlice, type GraphSlice } from './graphSlice';
import { createImportSlice, type ImportSlice } from './importSlice';

export type { Connection } from './connectionSlice';
export type { ChosenFile, ImportFile, ImportMapping, ImportStep } from './importSlice';

/** The renderer's one store: plain data and the actions that change it. */
export type AppState = ConnectionSlice & GraphSlice & ImportSlice;

export type AppStore = StoreApi<AppState>;

/** Builds the store over an API, so tests can hand it their own. */
export function createAppStore(api: CaselinkApi): AppStore {
  return createStore<AppState>()((...args) => ({
    ...createConnectionSlice(api)(...args),
    ...createGraphSlice(api)(...args),
    ...createImportSlice(api)(...args),
  }));
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
