import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { API_METHODS, channelOf } from '../../main/contract/api';

// The main process wired to a stand-in for Electron's modules (its binary cannot run here): a
// packaged app, started with ELECTRON_RENDERER_URL set as an attacker or a stray shell would.
const electron = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => unknown;
  const listeners = new Map<string, Listener>();
  const windows: { options: { webPreferences: { devTools: boolean } }; loaded: string[] }[] = [];
  const handlers = new Map<string, Listener>();
  const permission: { request?: Listener; check?: Listener; device?: Listener } = {};
  const menus: unknown[] = [];
  const schemes: unknown[] = [];
  const protocols = new Map<string, (request: Request) => Promise<Response>>();
  const fetched: string[] = [];
  return { listeners, windows, handlers, permission, menus, schemes, protocols, fetched };
});

vi.mock('electron', () => {
  class BrowserWindow {
    static getAllWindows = () => electron.windows;
    readonly loaded: string[] = [];
    readonly webContents = { on: () => undefined, setWindowOpenHandler: () => undefined };
    constructor(readonly options: { webPreferences: { devTools: boolean } }) {
      electron.windows.push(this);
    }
    once() {}
    show() {}
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
  }
  return {
    app: {
      isPackaged: true,
      whenReady: () => Promise.resolve(),
      on: (event: string, listener: (...args: unknown[]) => unknown) => electron.listeners.set(event, listener),
      quit: () => undefined,
    },
    BrowserWindow,
    ipcMain: {
      handle: (channel: string, handler: (...args: unknown[]) => unknown) => electron.handlers.set(channel, handler),
      removeHandler: (channel: string) => electron.handlers.delete(channel),
    },
    Menu: {
      setApplicationMenu: (menu: unknown) => electron.menus.push(menu),
      buildFromTemplate: (template: unknown) => ({ template }),
    },
    net: {
      fetch: async (url: string) => {
        electron.fetched.push(url);
        return new Response('<html></html>', { headers: { 'content-type': 'text/html' } });
      },
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => electron.schemes.push(...schemes),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) =>
        electron.protocols.set(scheme, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: () => void) => (electron.permission.request = handler),
        setPermissionCheckHandler: (handler: () => boolean) => (electron.permission.check = handler),
        setDevicePermissionHandler: (handler: () => boolean) => (electron.permission.device = handler),
      },
    },
    shell: { openExternal: async () => undefined },
  };
});

describe('the packaged main process', () => {
  beforeAll(async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173');
    await import('../../main/app/index');
    // whenReady() has resolved; let its continuation run.
    await new Promise((resolve) => setImmediate(resolve));
    vi.unstubAllEnvs();
    // Importing the main process loads every service: slow on a loaded machine, not a wait on a clock.
  }, 60_000);

  it('loads its own app:// page, whatever ELECTRON_RENDERER_URL says, with devtools off and no menu', () => {
    expect(electron.windows.map((w) => w.loaded)).toEqual([['app://caselink/index.html']]);
    expect(electron.windows[0]?.options.webPreferences.devTools).toBe(false);
    expect(electron.menus).toEqual([null]);
  });

  it('registers the app scheme as standard and secure, and serves only files of the renderer', async () => {
    expect(electron.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true } }]);
    const serve = electron.protocols.get('app') as (request: Request) => Promise<Response>;
    const page = await serve(new Request('app://caselink/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(electron.fetched).toEqual([pathToFileURL(join(__dirname, '../../main/renderer/index.html')).toString()]);
    expect((await serve(new Request('app://caselink/..%2f..%2fpackage.json'))).status).toBe(404);
    expect(electron.fetched).toHaveLength(1);
  });

  it('denies every permission request and check', () => {
    const answers: boolean[] = [];
    electron.permission.request?.({}, 'media', (granted: boolean) => answers.push(granted));
    expect(answers).toEqual([false]);
    expect(electron.permission.check?.({}, 'clipboard-read')).toBe(false);
    expect(electron.permission.device?.({})).toBe(false);
  });

  it('answers IPC only from its own origin, not from the dev server the variable named', async () => {
    expect([...electron.handlers.keys()].sort()).toEqual(API_METHODS.map(channelOf).sort());
    const call = electron.handlers.get(channelOf('getOverview')) as (
      event: unknown,
      input: unknown,
    ) => Promise<unknown>;
    expect(await call({ senderFrame: { url: 'http://localhost:5173/', parent: null } }, { limit: 5 })).toMatchObject({
      ok: false,
      error: { kind: 'InvalidInput', message: expect.stringContaining('did not come from the Caselink window') },
    });
  });

  it('refuses <webview> in any web contents', () => {
    const attached: string[] = [];
    const contents = {
      on: (event: string, listener: (e: { preventDefault: () => void }) => void) =>
        listener({ preventDefault: () => attached.push(event) }),
      setWindowOpenHandler: () => undefined,
    };
    electron.listeners.get('web-contents-created')?.({}, contents);
    expect(attached).toEqual(['will-attach-webview']);
  });
});
