/**
 * Registers one IPC handler per API method. Each checks the sender (a top-level frame on the app's
 * own origin, `app://caselink` in a built app) and parses the input with the contract's schema
 * before the service runs.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { API_METHODS, channelOf, type CaselinkApi, type Result } from '../contract/api';
import { dispatch } from '../services/api';

/** Whether an IPC event comes from a top-level frame whose URL `isAppOrigin` accepts. */
export function isTrustedSender(
  event: Pick<IpcMainInvokeEvent, 'senderFrame'>,
  isAppOrigin: (url: string) => boolean,
): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return isAppOrigin(frame.url);
}

export function registerApiIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  api: () => CaselinkApi | Promise<CaselinkApi>,
  isAppOrigin: (url: string) => boolean,
): () => void {
  for (const method of API_METHODS) {
    ipcMain.handle(channelOf(method), async (event, input: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event, isAppOrigin)) {
        return {
          ok: false,
          error: { kind: 'InvalidInput', message: 'Request refused: it did not come from the Caselink window.' },
        };
      }
      return dispatch(await api(), method, input);
    });
  }
  return () => API_METHODS.forEach((method) => ipcMain.removeHandler(channelOf(method)));
}
