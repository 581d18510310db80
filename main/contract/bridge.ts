/**
 * The HTTP protocol of `caselink serve`, the browser bridge that implements {@link CaselinkApi}
 * over loopback HTTP so the same renderer runs in a browser.
 *
 * - The server listens on 127.0.0.1 only and prints `http://127.0.0.1:PORT/#token=TOKEN`.
 * - The renderer reads the token from the URL fragment (never sent to a server, never logged),
 *   keeps it in sessionStorage and sends it as `Authorization: Bearer TOKEN` on every API call.
 * - A call is `POST /api/<method>` with body `{"input": ...}`; the answer is the method's
 *   {@link Result} as JSON, with status 200 whether the Result is ok or not.
 * - Requests whose Host is not the loopback address and port, whose Origin (when sent) is not the
 *   server's own, or whose token is wrong are refused with 403/401 before any handler runs.
 */
import type { CaselinkApi } from './api';

export const BRIDGE_TOKEN_FRAGMENT = 'token';
export const BRIDGE_TOKEN_STORAGE_KEY = 'caselink.bridgeToken';

export interface BridgeRequestBody {
  input?: unknown;
}

export type { CaselinkApi };
