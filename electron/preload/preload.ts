import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { buildApi, type DragOutItem } from '../../shared/api.js';
import { isEventChannel, isInvokeChannel } from '../../shared/channels.js';
import type { Result } from '../../shared/errors.js';
import { dragOutChannel, dragOutPrepareChannel } from '../../shared/contract/transfers.js';

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
  // Main has the core download the items, keeps where they landed, and answers with them.
  prepareDragOut: (request) => ipcRenderer.invoke(dragOutPrepareChannel, request) as Promise<Result<DragOutItem[]>>,
  // Sent from inside the page's dragstart handler: main starts the OS drag before it returns,
  // while the button is still down (a drag started later finds the mouse already released).
  startDragOut: (paths) => ipcRenderer.send(dragOutChannel, { paths }),
  dragsToDesktop: true,
});

contextBridge.exposeInMainWorld('stowage', api);
