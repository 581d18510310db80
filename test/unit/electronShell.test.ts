import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_RESPONSE_HEADERS, resolveAppFile } from '../../main/app/appProtocol';
import {
  APP_URL,
  applicationMenuTemplate,
  isAppOrigin,
  isAppUrl,
  isExternalWebUrl,
  mainWindowOptions,
  rendererUrl,
} from '../../main/app/window';
import { API_METHODS, channelOf, type CaselinkApi } from '../../main/contract/api';
import { isTrustedSender, registerApiIpc } from '../../main/ipc/registerIpc';
import { buildPreloadApi } from '../../main/preload/api';
import { fakeApi } from '../support/fakeApi';

const appUrl = APP_URL;
const root = join(__dirname, '../../out/renderer');

describe('the main window', () => {
  it('runs the renderer sandboxed, isolated and without Node, with devtools only in development', () => {
    expect(mainWindowOptions('/p/preload.js', { devTools: false }).webPreferences).toEqual({
      preload: '/p/preload.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
      devTools: false,
    });
    expect(mainWindowOptions('/p/preload.js', { devTools: true }).webPreferences.devTools).toBe(true);
  });

  it('loads the dev server only in an unpackaged development build, and only from this machine', () => {
    const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173' };
    expect(rendererUrl({ packaged: false, developmentBuild: true, env })).toBe('http://localhost:5173');
    expect(rendererUrl({ packaged: true, developmentBuild: true, env })).toBe(APP_URL);
    expect(rendererUrl({ packaged: false, developmentBuild: false, env })).toBe(APP_URL);
    expect(rendererUrl({ packaged: true, developmentBuild: false, env })).toBe(APP_URL);
    expect(
      rendererUrl({ packaged: false, developmentBuild: true, env: { ELECTRON_RENDERER_URL: 'https://evil.example/' } }),
    ).toBe(APP_URL);
    expect(
      rendererUrl({ packaged: false, developmentBuild: true, env: { ELECTRON_RENDERER_URL: 'file:///tmp/x' } }),
    ).toBe(APP_URL);
    expect(rendererUrl({ packaged: false, developmentBuild: true, env: {} })).toBe(APP_URL);
    expect(APP_URL).toBe('app://caselink/index.html');
  });

  it('has no menu with devtools or reload in a packaged build', () => {
    expect(applicationMenuTemplate('linux', true)).toBeNull();
    expect(applicationMenuTemplate('win32', true)).toBeNull();
    expect(applicationMenuTemplate('darwin', true)).toEqual([{ role: 'appMenu' }, { role: 'editMenu' }]);
    expect(applicationMenuTemplate('linux', false)).toBeUndefined();
  });

  it('navigates only to its own page and hands only http(s) links to the browser', () => {
    expect(isAppUrl(`${appUrl}#/review`, appUrl)).toBe(true);
    expect(isAppUrl('app://caselink/other.html', appUrl)).toBe(false);
    expect(isAppUrl('file:///etc/passwd', appUrl)).toBe(false);
    expect(isAppUrl('https://example.org/', appUrl)).toBe(false);
    expect(isExternalWebUrl('https://www.unodc.org/')).toBe(true);
    expect(isExternalWebUrl('file:///C:/Windows/System32/calc.exe')).toBe(false);
    expect(isExternalWebUrl('javascript:alert(1)')).toBe(false);
  });
});

describe('the app scheme', () => {
  it('serves files under the renderer folder and nothing outside it', () => {
    expect(resolveAppFile('app://caselink/index.html', root)).toBe(join(root, 'index.html'));
    expect(resolveAppFile('app://caselink/', root)).toBe(join(root, 'index.html'));
    expect(resolveAppFile('app://caselink/assets/index-1a2b.js?v=1#x', root)).toBe(
      join(root, 'assets', 'index-1a2b.js'),
    );
    for (const url of [
      'app://caselink/..%2f..%2f..%2fetc%2fpasswd',
      'app://caselink/assets/%2e%2e%2f%2e%2e%2fmain%2findex.js',
      'app://caselink/..%5c..%5cmain%5cindex.js',
      'app://caselink/%2fetc%2fpasswd',
      'app://caselink/C:%5cWindows%5cwin.ini',
      'app://caselink/index.html%00.js',
      'app://caselink/%E0%A4%A',
      'app://other/index.html',
      'file:///etc/passwd',
      'not a url',
    ]) {
      expect(resolveAppFile(url, root), url).toBeNull();
    }
  });

  it('sends the content security policy with every file', () => {
    expect(APP_RESPONSE_HEADERS['Content-Security-Policy']).toMatch(/script-src 'self';.*frame-ancestors 'none'/);
    expect(APP_RESPONSE_HEADERS['X-Content-Type-Options']).toBe('nosniff');
  });
});

describe('packaging', () => {
  it('flips the Electron fuses, under the names electron-builder knows', () => {
    const yml = readFileSync(join(__dirname, '../../electron-builder.yml'), 'utf8');
    const block = /^electronFuses:\n((?: {2}\w+: (?:true|false)\n)+)/m.exec(yml)?.[1] ?? '';
    const fuses = Object.fromEntries(
      [...block.matchAll(/^ {2}(\w+): (true|false)$/gm)].map((m) => [m[1], m[2] === 'true']),
    );
    expect(fuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
    // Checked against electron-builder's own schema: a misspelt fuse fails here, not at `npm run dist`.
    const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
    const scheme = fromBuilder('app-builder-lib/scheme.json') as {
      definitions: { FuseOptionsV1: { properties: Record<string, unknown> } };
    };
    expect(Object.keys(fuses).filter((name) => !(name in scheme.definitions.FuseOptionsV1.properties))).toEqual([]);
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
  const fromApp = { senderFrame: { url: `${appUrl}#/review`, parent: null } };

  it('registers one handler per method and removes them all', () => {
    const unregister = registerApiIpc(
      ipcMain as never,
      () => api,
      (url) => isAppOrigin(url, appUrl),
    );
    expect([...handlers.keys()].sort()).toEqual(API_METHODS.map(channelOf).sort());
    unregister();
    expect(handlers.size).toBe(0);
  });

  it('answers the app window, refuses other senders and invalid input', async () => {
    registerApiIpc(
      ipcMain as never,
      () => api,
      (url) => isAppOrigin(url, appUrl),
    );
    const call = (event: unknown, input?: unknown) => (handlers.get(channelOf('getOverview')) as Handler)(event, input);
    expect(await call(fromApp, { limit: 5 })).toEqual({ ok: true, value: { nodes: [], edges: [], truncated: false } });
    expect(await call({ senderFrame: { url: 'https://evil.example/', parent: null } }, { limit: 5 })).toMatchObject({
      ok: false,
      error: { kind: 'InvalidInput' },
    });
    expect(await call({ senderFrame: { url: appUrl, parent: {} } }, { limit: 5 })).toMatchObject({ ok: false });
    // A file: page (what the app loaded before it had its own scheme) or another app: host is refused.
    for (const url of ['file:///opt/Caselink/resources/app.asar/out/renderer/index.html', 'app://evil/index.html']) {
      expect(await call({ senderFrame: { url, parent: null } }, { limit: 5 })).toMatchObject({
        ok: false,
        error: { kind: 'InvalidInput' },
      });
    }
    expect(await call(fromApp, { limit: 'all' })).toMatchObject({
      ok: false,
      error: { kind: 'InvalidInput', message: expect.stringContaining('limit') },
    });
    expect(isTrustedSender({ senderFrame: null } as never, () => true)).toBe(false);
  });
});
