import { describe, expect, it } from 'vitest';
import type { CaselinkApi, ConnectionStatus, GraphElements, Result } from '../../main/contract/api';
import { createAppStore } from '../../renderer/src/store';

const status: ConnectionStatus = {
  uri: 'bolt://127.0.0.1:7687',
  database: 'neo4j',
  local: true,
  serverAgent: 'Neo4j/5.26.30',
  serverVersion: '5.26.30',
  edition: 'community',
  schemaVersion: 1,
  nodeCount: 2,
  relationshipCount: 0,
  matchThreshold: 0.8,
};

const graph: GraphElements = {
  nodes: [{ group: 'nodes', data: { id: 'a', kind: 'Agency', label: 'UKBF', properties: {} } }],
  edges: [],
  truncated: false,
};

/** An API whose answers the test hands out one by one, in any order. */
function scriptedApi() {
  const pending: { method: string; resolve(result: Result<unknown>): void; reject(error: Error): void }[] = [];
  const call = (method: string) => () =>
    new Promise<Result<unknown>>((resolve, reject) => pending.push({ method, resolve, reject }));
  // Only the methods the store calls on load; the rest are never reached in these tests.
  const api = {
    getConnectionStatus: call('getConnectionStatus'),
    getOverview: call('getOverview'),
  } as unknown as CaselinkApi;
  return { api, pending };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the connection slice', () => {
  it('keeps the newest answer when an older request answers last', async () => {
    const { api, pending } = scriptedApi();
    const store = createAppStore(api);
    const first = store.getState().refreshConnection();
    const second = store.getState().refreshConnection();
    pending[1]?.resolve({ ok: true, value: status });
    await second;
    pending[0]?.resolve({ ok: false, error: { kind: 'ConnectionUnavailable', message: 'stale' } });
    await first;
    expect(store.getState().connection).toEqual({ state: 'connected', status });
    expect(store.getState().connectionLoading).toBe(false);
  });

  it('turns a call that throws into an error the status bar can show', async () => {
    const { api, pending } = scriptedApi();
    const store = createAppStore(api);
    const refreshing = store.getState().refreshConnection();
    await tick();
    pending[0]?.reject(new Error('channel closed'));
    await refreshing;
    expect(store.getState()).toMatchObject({
      connection: { state: 'failed', error: { kind: 'Internal', message: expect.stringContaining('channel closed') } },
      connectionLoading: false,
    });
  });
});

describe('the graph slice', () => {
  it('keeps the chart it has when a reload fails, and says why', async () => {
    const { api, pending } = scriptedApi();
    const store = createAppStore(api);
    const loading = store.getState().loadOverview();
    expect(pending[0]?.method).toBe('getOverview');
    pending[0]?.resolve({ ok: true, value: graph });
    await loading;
    const reloading = store.getState().loadOverview();
    pending[1]?.resolve({ ok: false, error: { kind: 'DatabaseError', message: 'boom' } });
    await reloading;
    expect(store.getState()).toMatchObject({
      graph,
      graphError: { kind: 'DatabaseError', message: 'boom' },
      graphLoading: false,
    });
  });
});
