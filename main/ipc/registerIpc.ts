/**
 * Registers one IPC handler per API method. Each checks the sender (the app's own top-level
 * frame) and parses the input with the contract's schema before the service runs.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { API_METHODS, channelOf, type CaselinkApi, type Result } from '../contract/api';
import { dispatch } from '../services/api';

/** Whether an IPC event comes from the app's own top-level page. */
export function isTrustedSender(
  event: Pick<IpcMainInvokeEvent, 'senderFrame'>,
  isAppUrl: (url: string) => boolean,
): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

export function registerApiIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  api: () => CaselinkApi | Promise<CaselinkApi>,
  isAppUrl: (url: string) => boolean,
): () => void {
  for (const method of API_METHODS) {
    ipcMain.handle(channelOf(method), async (event, input: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event, isAppUrl)) {
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
