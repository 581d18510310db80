import { describe, expect, it } from 'vitest';
import { isAppUrl, isExternalWebUrl, mainWindowOptions } from '../../main/app/window';
import { API_METHODS, channelOf, type CaselinkApi } from '../../main/contract/api';
import { isTrustedSender, registerApiIpc } from '../../main/ipc/registerIpc';
import { buildPreloadApi } from '../../main/preload/api';
import { fakeApi } from '../support/fakeApi';

const appUrl = 'file:///opt/Caselink/resources/app.asar/out/renderer/index.html';

describe('the main window', () => {
  it('runs the renderer sandboxed, isolated and without Node', () => {
    expect(mainWindowOptions('/p/preload.js').webPreferences).toEqual({
      preload: '/p/preload.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
    });
  });

  it('navigates only to its own page and hands only http(s) links to the browser', () => {
    expect(isAppUrl(`${appUrl}#/review`, appUrl)).toBe(true);
    expect(isAppUrl('file:///etc/passwd', appUrl)).toBe(false);
    expect(isAppUrl('https://example.org/', appUrl)).toBe(false);
    expect(isExternalWebUrl('https://www.unodc.org/')).toBe(true);
    expect(isExternalWebUrl('file:///C:/Windows/System32/calc.exe')).toBe(false);
    expect(isExternalWebUrl('javascript:alert(1)')).toBe(false);
  });
});

describe('the preload API', () => {
  it('has exactly the contract methods, each invoking its own channel', async () => {
    const calls: [string, unknown][] = [];
    const api = buildPreloadApi(async (channel, input) => {
      calls.push([channel, input]);
      return { ok: true, value: channel };
    });
    expect(Object.keys(api).sort()).toEqual([...API_METHODS].sort());
    expect(Object.isFrozen(api)).toBe(true);
    await api.getOverview({ limit: 10 });
    expect(calls).toEqual([['caselink:getOverview', { limit: 10 }]]);
  });
});

describe('IPC registration', () => {
  const status = {
    uri: 'bolt://x',
    database: 'neo4j',
    local: true,
    serverAgent: 'Neo4j/5.26.30',
    serverVersion: '5.26.30',
    edition: 'community',
    schemaVersion: 1,
    nodeCount: 0,
    relationshipCount: 0,
    matchThreshold: 0.8,
  };
  const api: CaselinkApi = fakeApi({
    getConnectionStatus: async () => ({ ok: true, value: status }),
    getOverview: async () => ({ ok: true, value: { nodes: [], edges: [], truncated: false } }),
  });
  type Handler = (event: unknown, input: unknown) => Promise<unknown>;
  const handlers = new Map<string, Handler>();
  const ipcMain = {
    handle: (channel: string, handler: Handler) => void handlers.set(channel, handler),
    removeHandler: (channel: string) => void handlers.delete(channel),
  };
  const fromApp = { senderFrame: { url: appUrl, parent: null } };

  it('registers one handler per method and removes them all', () => {
    const unregister = registerApiIpc(
      ipcMain as never,
      () => api,
      (url) => isAppUrl(url, appUrl),
    );
    expect([...handlers.keys()].sort()).toEqual(API_METHODS.map(channelOf).sort());
    unregister();
    expect(handlers.size).toBe(0);
  });

  it('answers the app window, refuses other senders and invalid input', async () => {
    registerApiIpc(
      ipcMain as never,
      () => api,
      (url) => isAppUrl(url, appUrl),
    );
    const call = (event: unknown, input?: unknown) => (handlers.get(channelOf('getOverview')) as Handler)(event, input);
    expect(await call(fromApp, { limit: 5 })).toEqual({ ok: true, value: { nodes: [], edges: [], truncated: false } });
    expect(await call({ senderFrame: { url: 'https://evil.example/', parent: null } }, { limit: 5 })).toMatchObject({
      ok: false,
      error: { kind: 'InvalidInput' },
    });
    expect(await call({ senderFrame: { url: appUrl, parent: {} } }, { limit: 5 })).toMatchObject({ ok: false });
    expect(await call(fromApp, { limit: 'all' })).toMatchObject({
      ok: false,
      error: { kind: 'InvalidInput', message: expect.stringContaining('limit') },
    });
    expect(isTrustedSender({ senderFrame: null } as never, () => true)).toBe(false);
  });
});
