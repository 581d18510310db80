/**
 * The Electron main process: one window, the API over IPC, nothing else. Everything the app does
 * lives in the services, which the CLI and `caselink serve` run too.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, ipcMain, session, shell } from 'electron';
import { caselinkHome } from '../config/settings';
import type { CaselinkApi } from '../contract/api';
import { connect, type Connection } from '../db/connect';
import { registerApiIpc } from '../ipc/registerIpc';
import { CONTENT_SECURITY_POLICY } from '../serve/server';
import { createApi } from '../services/api';
import { isAppUrl, isExternalWebUrl, mainWindowOptions } from './window';

const appUrl = process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(join(__dirname, '../renderer/index.html')).toString();
const allowed = (url: string) => isAppUrl(url, appUrl);

let connection: Promise<Connection> | null = null;
let services: Promise<CaselinkApi> | null = null;
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

function createWindow(): void {
  const window = new BrowserWindow(mainWindowOptions(join(__dirname, '../preload/index.js')));
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (isExternalWebUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event, url) => {
    if (!allowed(url)) event.preventDefault();
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(appUrl);
}

void app.whenReady().then(() => {
  if (!process.env.ELECTRON_RENDERER_URL) {
    // The dev server's pages carry their own, looser policy (see electron.vite.config.ts).
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({
        responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
      });
    });
  }
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  registerApiIpc(ipcMain, api, allowed);
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
  connection = null;
  services = null;
  void closing
    .then((c) => c.close())
    .catch(() => undefined)
    .finally(() => app.quit());
});
