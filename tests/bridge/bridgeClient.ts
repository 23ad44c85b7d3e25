/**
 * Runs in the page in place of the Electron preload: builds the same `window.stowage`
 * over a WebSocket to the bridge. Loaded only by the test/dev bridge server.
 */
import { buildApi, type DragOutItem } from '../../shared/api.js';
import type { Result } from '../../shared/errors.js';
import { bridgeSocketPath, type ClientRequest, type ServerFrame } from './protocol.js';

const token = new URLSearchParams(location.search).get('token') ?? '';
const socket = new WebSocket(`ws://${location.host}${bridgeSocketPath}?token=${encodeURIComponent(token)}`);
const opened = new Promise<void>((resolve, reject) => {
  socket.addEventListener('open', () => resolve(), { once: true });
  socket.addEventListener('error', () => reject(new Error('bridge socket failed')), { once: true });
});
let nextId = 1;
const pending = new Map<number, (result: unknown) => void>();
const listeners = new Map<string, Set<(payload: unknown) => void>>();

socket.addEventListener('message', (message) => {
  const frame = JSON.parse(String(message.data)) as ServerFrame;
  if (frame.t === 'result') {
    pending.get(frame.id)?.(frame.result);
    pending.delete(frame.id);
  } else {
    for (const listener of listeners.get(frame.channel) ?? []) listener(frame.payload);
  }
});

async function request(frame: ClientRequest): Promise<unknown> {
  await opened;
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    socket.send(JSON.stringify({ ...frame, id }));
  });
}

(window as unknown as { stowage: unknown }).stowage = buildApi({
  invoke: async (channel, payload) => {
    const result = (await request({ t: 'invoke', channel, payload })) as Result<unknown>;
    // The host took the copy (tests read what it recorded); in a browser the page's own
    // clipboard is the user's, so the preview writes it there too.
    if (channel === 'app:copyText' && result.ok) void navigator.clipboard?.writeText((payload as { text: string }).text).catch(() => undefined);
    return result;
  },
  subscribe: (channel, listener) => {
    const set = listeners.get(channel) ?? new Set();
    listeners.set(channel, set);
    set.add(listener);
    return () => set.delete(listener);
  },
  pathForDroppedFile: async (file) => {
    const f = file as File;
    const answer = (await request({ t: 'pathForFile', name: f.name, size: f.size, lastModified: f.lastModified })) as Result<string>;
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.value;
  },
  prepareDragOut: (dragRequest) => request({ t: 'prepareDragOut', payload: dragRequest }) as Promise<Result<DragOutItem[]>>,
  // Like ipcRenderer.send: leaves at once, from inside the dragstart handler, with no answer.
  startDragOut: (paths) => {
    if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ t: 'startDragOut', id: nextId++, payload: { paths } }));
  },
  // A browser page cannot start an OS drag: the bridge records what main would drag.
  dragsToDesktop: false,
});
