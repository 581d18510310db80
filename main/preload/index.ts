import { contextBridge, ipcRenderer } from 'electron';
import { buildPreloadApi } from './api';

contextBridge.exposeInMainWorld(
  'api',
  buildPreloadApi((channel, input) => ipcRenderer.invoke(channel, input)),
);
