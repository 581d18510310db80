import type { StateCreator } from 'zustand';
import type { CaselinkApi, CaselinkError, ConnectionStatus } from '../../../main/contract/api';
import type { AppState } from './index';
import { settle } from './settle';

/** What the renderer knows about the database connection. */
export type Connection =
  { state: 'unknown' } | { state: 'connected'; status: ConnectionStatus } | { state: 'failed'; error: CaselinkError };

export interface ConnectionSlice {
  connection: Connection;
  /** True while a status request is in flight. */
  connectionLoading: boolean;
  /** When the status was last answered (ms since the epoch), or null before the first answer. */
  connectionCheckedAt: number | null;
  /** Asks main for the connection status; a slower earlier request never overwrites a newer one. */
  refreshConnection(): Promise<void>;
}

export function createConnectionSlice(api: CaselinkApi): StateCreator<AppState, [], [], ConnectionSlice> {
  let latest = 0;
  return (set) => ({
    connection: { state: 'unknown' },
    connectionLoading: false,
    connectionCheckedAt: null,
    async refreshConnection() {
      const request = ++latest;
      set({ connectionLoading: true });
      const result = await settle(() => api.getConnectionStatus());
      if (request !== latest) return;
      set({
        connection: result.ok ? { state: 'connected', status: result.value } : { state: 'failed', error: result.error },
        connectionLoading: false,
        connectionCheckedAt: Date.now(),
      });
    },
  });
}
