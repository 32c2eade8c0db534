/**
 * The preload: exposes exactly GridDeskApi as `window.griddesk`, nothing of ipcRenderer itself. It runs
 * sandboxed, so scripts/build-electron.ts bundles it (with zod and the contract) into one CommonJS file that
 * requires only 'electron'.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createGridDeskApi } from './preload-api';

const api = createGridDeskApi({
  invoke: (channel, args) => ipcRenderer.invoke(channel, ...args),
  on: (channel, listener) => {
    // The Electron event (with its sender) never reaches the page: only the payload does.
    const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  },
});

contextBridge.exposeInMainWorld('griddesk', api);
