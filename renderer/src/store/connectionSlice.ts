import type { StateCreator } from 'zustand';
import type {
  CaselinkApi,
  CaselinkError,
  ConnectionSettingsInput,
  ConnectionSettingsView,
  ConnectionStatus,
  ConnectionTestResult,
  Result,
} from '../../../main/contract/api';
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
  /** Whether the Connection dialog is open. */
  connectionDialogOpen: boolean;
  openConnectionDialog(): void;
  closeConnectionDialog(): void;
  /** The settings in force, without the password. */
  loadConnectionSettings(): Promise<Result<ConnectionSettingsView>>;
  /** Tries settings without changing anything. */
  testConnectionSettings(input: ConnectionSettingsInput): Promise<Result<ConnectionTestResult>>;
  /** Keeps the settings and moves to that database; the status bar is asked again after. */
  saveConnectionSettings(input: ConnectionSettingsInput): Promise<Result<ConnectionSettingsView>>;
}

export function createConnectionSlice(api: CaselinkApi): StateCreator<AppState, [], [], ConnectionSlice> {
  let latest = 0;
  return (set, get) => ({
    connectionDialogOpen: false,
    openConnectionDialog: () => set({ connectionDialogOpen: true }),
    closeConnectionDialog: () => set({ connectionDialogOpen: false }),
    loadConnectionSettings: () => settle(() => api.getConnectionSettings()),
    testConnectionSettings: (input) => settle(() => api.testConnection(input)),
    async saveConnectionSettings(input) {
      const result = await settle(() => api.saveConnectionSettings(input));
      if (result.ok) await get().refreshConnection();
      return result;
    },
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
