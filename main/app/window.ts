/**
 * The main window's options and navigation rules, kept apart from Electron's objects so they are
 * tested without an Electron runtime.
 */
export interface SecureWebPreferences {
  preload: string;
  contextIsolation: true;
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  webviewTag: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  spellcheck: false;
  /** Off in a packaged build: an investigator's copy has no console into the renderer. */
  devTools: boolean;
}

export interface MainWindowOptions {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  title: string;
  show: boolean;
  backgroundColor: string;
  webPreferences: SecureWebPreferences;
}

/** The main window's options: a sandboxed, isolated renderer without Node; devtools only in development. */
export function mainWindowOptions(preloadPath: string, options: { devTools: boolean }): MainWindowOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title: 'Caselink',
    show: false,
    backgroundColor: '#f5f6f8',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
      devTools: options.devTools,
    },
  };
}

/** The scheme the renderer is served from (see appProtocol.ts): a standard, secure origin of its own. */
export const APP_SCHEME = 'app';
/** The renderer's page in a built app. */
export const APP_URL = `${APP_SCHEME}://caselink/index.html`;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The page the window loads: the built renderer on the app scheme, or electron-vite's dev server
 * (ELECTRON_RENDERER_URL) only when this is a development build run unpackaged and the server is
 * on this machine. A packaged or production build ignores the variable: whatever page the window
 * loads is trusted with the whole API over IPC.
 */
export function rendererUrl(context: {
  packaged: boolean;
  developmentBuild: boolean;
  env: Record<string, string | undefined>;
}): string {
  const devUrl = context.env.ELECTRON_RENDERER_URL;
  if (!devUrl || context.packaged || !context.developmentBuild) return APP_URL;
  try {
    const url = new URL(devUrl);
    return (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_HOSTS.has(url.hostname)
      ? devUrl
      : APP_URL;
  } catch {
    return APP_URL;
  }
}

/** Whether the window may navigate to `url`: only to the app's own page. */
export function isAppUrl(url: string, appUrl: string): boolean {
  try {
    const target = new URL(url);
    const app = new URL(appUrl);
    return target.protocol === app.protocol && target.host === app.host && target.pathname === app.pathname;
  } catch {
    return false;
  }
}

/**
 * Whether `url` is on the app's own origin (scheme, host and port): the only pages whose IPC calls
 * are answered. Compared by hand, since Node gives custom schemes an opaque origin; a URL without
 * a host (file:, data:, about:) never matches.
 */
export function isAppOrigin(url: string, appUrl: string): boolean {
  try {
    const target = new URL(url);
    const app = new URL(appUrl);
    return target.host !== '' && target.protocol === app.protocol && target.host === app.host;
  } catch {
    return false;
  }
}

/**
 * The application menu of a packaged build: none on Windows and Linux; on macOS only the app and
 * Edit menus (quit, copy and paste need them), without the View menu's reload and devtools.
 * `undefined` leaves Electron's default menu, for development.
 */
export function applicationMenuTemplate(
  platform: NodeJS.Platform,
  packaged: boolean,
): { role: 'appMenu' | 'editMenu' }[] | null | undefined {
  if (!packaged) return undefined;
  return platform === 'darwin' ? [{ role: 'appMenu' }, { role: 'editMenu' }] : null;
}

/** Whether a link may be handed to the system browser: http(s) only. */
export function isExternalWebUrl(url: string): boolean {
  try {
    const protocol = new URL(url).protocol;
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}
