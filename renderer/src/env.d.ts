import type { CaselinkApi } from '../../main/contract/api';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent when the renderer runs in a browser over `caselink serve`. */
    api?: CaselinkApi;
  }
}

export {};
