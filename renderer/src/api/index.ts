import type { CaselinkApi } from '../../../main/contract/api';
import { createBridgeClient } from './bridgeClient';
import { takeBridgeToken } from './bridgeToken';

let api: CaselinkApi | undefined;

/**
 * The API of Caselink's services: the preload's `window.api` in the Electron app, otherwise an
 * HTTP client of `caselink serve`. The renderer cannot tell which one it has.
 */
export function getApi(): CaselinkApi {
  api ??= window.api ?? createBridgeClient(takeBridgeToken());
  return api;
}
