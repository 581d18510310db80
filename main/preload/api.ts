import type { CaselinkApi } from '../contract/api';
import { API_METHODS, channelOf } from '../contract/methods';

type Invoke = (channel: string, input: unknown) => Promise<unknown>;

/**
 * Builds `window.api` method by method from the contract, so that the renderer gets exactly the
 * CaselinkApi and never a raw ipcRenderer.
 */
export function buildPreloadApi(invoke: Invoke): CaselinkApi {
  const api: Record<string, (input?: unknown) => Promise<unknown>> = {};
  for (const method of API_METHODS) {
    api[method] = (input?: unknown) => invoke(channelOf(method), input);
  }
  return Object.freeze(api) as unknown as CaselinkApi;
}
