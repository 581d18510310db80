/**
 * The Electron main process: one window, the API over IPC, nothing else. Everything the app does
 * lives in the services, which the CLI and `caselink serve` run too.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, ipcMain, Menu, net, protocol, session, shell } from 'electron';
import { caselinkHome } from '../config/settings';
import type { CaselinkApi } from '../contract/api';
import { connect, type Connection } from '../db/connect';
import { registerApiIpc } from '../ipc/registerIpc';
import { createApi, type CaselinkServices } from '../services/api';
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

let connection: Promise<Connection> | null = null;
let services: Promise<CaselinkServices> | null = null;
function api(): Promise<CaselinkApi> {
  if (!services) {
    connection = connect({ attached: true });
    services = connection.then(
      (c) => createApi(c.db, { home: caselinkHome() }),
      (error: unknown) => {
        // A failed connect is reported to the window; the next call tries again.
        connection = null;
        services = null;
        throw error;
      },
    );
  }
  return services;
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
  if (!connection) return;
  event.preventDefault();
  const closing = connection;
  const stopping = services;
  connection = null;
  services = null;
  // Running imports are cancelled and staged uploads removed before the database goes.
  void (stopping ?? Promise.resolve(null))
    .then((s) => s?.dispose())
    .catch(() => undefined)
    .then(() => closing)
    .then((c) => c.close())
    .catch(() => undefined)
    .finally(() => app.quit());
});
