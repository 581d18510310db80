/**
 * The app scheme's file lookup, kept apart from Electron's `protocol` so it is tested without an
 * Electron runtime. The renderer is served from `app://caselink/…` rather than file:, so that the
 * page has an origin of its own (file: pages may read other file: URLs) and IPC can check it.
 */
import { isAbsolute, join, relative, resolve } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../serve/server';
import { APP_SCHEME, APP_URL } from './window';

const APP_HOST = new URL(APP_URL).host;

/**
 * The file under `rootDir` that an app-scheme request names, or null when the request is not for
 * the app's host, is malformed, or would leave `rootDir` (`..`, encoded slashes or backslashes,
 * NUL bytes, absolute or drive paths).
 */
export function resolveAppFile(requestUrl: string, rootDir: string): string | null {
  let url: URL;
  let path: string;
  try {
    url = new URL(requestUrl);
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  if (path === '/' || path === '') path = '/index.html';
  const segments = path.slice(1).split('/');
  const unsafe = (segment: string) => segment === '' || segment === '.' || segment === '..' || /[\\\0:]/.test(segment);
  if (segments.some(unsafe)) return null;
  const root = resolve(rootDir);
  const file = join(root, ...segments);
  const inside = relative(root, file);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null;
  return file;
}

/** Headers every app-scheme response carries: the renderer's content security policy, no sniffing. */
export const APP_RESPONSE_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
});
