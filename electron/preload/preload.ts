import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { buildApi } from '../../shared/api.js';
import { isEventChannel, isInvokeChannel } from '../../shared/channels.js';
import type { Result } from '../../shared/errors.js';
import { dragOutChannel } from '../../shared/contract/transfers.js';

// One named function per operation; no generic invoke reaches the page.
const api = buildApi({
  invoke: (channel, payload) => {
    if (!isInvokeChannel(channel)) throw new Error('unknown operation');
    return ipcRenderer.invoke(channel, payload) as Promise<Result<unknown>>;
  },
  subscribe: (channel, listener) => {
    if (!isEventChannel(channel)) throw new Error('unknown event');
    // Drop the IpcRendererEvent: the page gets the payload only.
    const wrapped = (_event: Electron.IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => ipcRenderer.removeListener(channel, wrapped);
  },
  pathForDroppedFile: async (file) => webUtils.getPathForFile(file as File),
  // Main validates the request, downloads the items, then starts the OS drag.
  startDragOut: (request) => ipcRenderer.send(dragOutChannel, request),
});

contextBridge.exposeInMainWorld('stowage', api);
