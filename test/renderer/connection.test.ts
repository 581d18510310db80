import { describe, expect, it } from 'vitest';
import type { ConnectionStatus } from '../../main/contract/api';
import { createAppStore } from '../../renderer/src/store';
import { fakeApi } from '../support/fakeApi';

const status = (uri: string) => ({ uri, database: 'neo4j', local: false }) as ConnectionStatus;

describe('the connection slice', () => {
  it('opens and closes the dialog, and asks the status bar again after a save', async () => {
    let current = 'bolt://old:7687';
    const store = createAppStore(
      fakeApi({
        getConnectionStatus: async () => ({ ok: true, value: status(current) }),
        saveConnectionSettings: async (input) => {
          if (!input.local) current = input.uri;
          return {
            ok: true,
            value: {
              local: false,
              uri: current,
              user: 'neo4j',
              database: 'neo4j',
              passwordStored: true,
              source: 'saved',
              canSave: true,
              persistent: true,
            },
          };
        },
      }),
      undefined,
    );
    const s = store.getState();
    s.openConnectionDialog();
    expect(store.getState().connectionDialogOpen).toBe(true);
    await s.refreshConnection();
    const saved = await s.saveConnectionSettings({
      local: false,
      uri: 'neo4j+s://new.example.org',
      user: 'neo4j',
      database: 'neo4j',
      password: 'pw',
    });
    expect(saved.ok).toBe(true);
    const connection = store.getState().connection;
    expect(connection.state === 'connected' && connection.status.uri).toBe('neo4j+s://new.example.org');
    store.getState().closeConnectionDialog();
    expect(store.getState().connectionDialogOpen).toBe(false);
  });

  it('leaves the status alone when a save is refused', async () => {
    let asked = 0;
    const store = createAppStore(
      fakeApi({
        getConnectionStatus: async () => {
          asked += 1;
          return { ok: true, value: status('bolt://old:7687') };
        },
        saveConnectionSettings: async () => ({ ok: false, error: { kind: 'AuthFailed', message: 'Wrong password.' } }),
      }),
      undefined,
    );
    const result = await store.getState().saveConnectionSettings({ local: true });
    expect(result.ok ? null : result.error.message).toBe('Wrong password.');
    expect(asked).toBe(0);
  });
});
