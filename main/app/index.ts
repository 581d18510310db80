/**
 * The Electron main process: one window, the API over IPC, nothing else. Everything the app does
 * lives in the services, which the CLI and `caselink serve` run too.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, ipcMain, Menu, net, protocol, safeStorage, session, shell } from 'electron';
import {
  encryptedPasswordStore,
  fileSettingsStore,
  safeStorageCipher,
  type SafeStorageLike,
} from '../config/connectionStore';
import { caselinkHome } from '../config/settings';
import type { CaselinkApi } from '../contract/api';
import { connect } from '../db/connect';
import { testNeo4jConnection } from '../db/connectionTest';
import { registerApiIpc } from '../ipc/registerIpc';
import { createApi } from '../services/api';
import { ConnectionManager } from '../services/connectionService';
import { setAuditApp } from '../services/auditService';
import { APP_RESPONSE_HEADERS, resolveAppFile } from './appProtocol';
import {
  APP_SCHEME,
  applicationMenuTemplate,
  isAppOrigin,
  isAppUrl,
  isExternalWebUrl,
  mainWindowOptions,
  rendererUrl,
} from './window';

// `import.meta.env.DEV` is fixed when electron-vite builds: true only under `electron-vite dev`.
// Audit events written through this process say they came from the desktop app.
setAuditApp('app');
const appUrl = rendererUrl({ packaged: app.isPackaged, developmentBuild: import.meta.env.DEV, env: process.env });
const rendererRoot = join(__dirname, '../renderer');
const preload = join(__dirname, '../preload/index.js');

// Must happen before `ready`: a standard, secure scheme gets a real origin, relative URLs and
// the same rules as https pages.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true } }]);

// The manager owns the database: it connects on the first call (a failed connect is reported to
// the window, and the next call tries again), and the Connection dialog moves it to another one.
// The password is kept encrypted with the operating system's keyring (safeStorage), in the user
// data folder, and only once the server accepted it.
const home = caselinkHome();
// Read when a password is kept or used, not at start: the keyring is asked only when needed.
const keyring: SafeStorageLike = {
  isEncryptionAvailable: () => safeStorage.isEncryptionAvailable(),
  getSelectedStorageBackend: () => safeStorage.getSelectedStorageBackend(),
  encryptString: (text) => safeStorage.encryptString(text),
  decryptString: (bytes) => safeStorage.decryptString(bytes),
};
let manager: ConnectionManager | null = new ConnectionManager({
  env: process.env,
  settings: fileSettingsStore(home),
  passwords: encryptedPasswordStore(home, safeStorageCipher(keyring, process.platform)),
  open: (target) => connect({ attached: true, target }),
  test: (target) => testNeo4jConnection(target),
  createServices: (db) => createApi(db, { home }),
});
const theApi = manager.api();
function api(): Promise<CaselinkApi> {
  return Promise.resolve(theApi);
}

async function serveAppFile(request: Request): Promise<Response> {
  const file = resolveAppFile(request.url, rendererRoot);
  if (!file) return new Response('Not found', { status: 404 });
  try {
    const found = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(found.headers);
    for (const [name, value] of Object.entries(APP_RESPONSE_HEADERS)) headers.set(name, value);
    return new Response(found.body, { status: found.status, headers });
  } catch {
    return new Response('Not found', { status: 404 });
  }
}

function createWindow(): void {
  const window = new BrowserWindow(mainWindowOptions(preload, { devTools: !app.isPackaged }));
  window.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, appUrl)) event.preventDefault();
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(appUrl);
}

// No page may attach a <webview> or open a window, whatever created it; http(s) links (and only
// those) go to the system browser.
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalWebUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
});

void app.whenReady().then(() => {
  protocol.handle(APP_SCHEME, serveAppFile);
  // Caselink needs no camera, microphone, location, notifications, clipboard reads or devices.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.setDevicePermissionHandler(() => false);
  const menu = applicationMenuTemplate(process.platform, app.isPackaged);
  if (menu !== undefined) Menu.setApplicationMenu(menu && Menu.buildFromTemplate(menu));
  registerApiIpc(ipcMain, api, (url) => isAppOrigin(url, appUrl));
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', (event) => {
  if (!manager) return;
  event.preventDefault();
  const closing = manager;
  manager = null;
  // Running imports are cancelled, staged uploads removed and calls in flight finished before the database goes.
  void closing
    .close()
    .catch(() => undefined)
    .finally(() => app.quit());
});
