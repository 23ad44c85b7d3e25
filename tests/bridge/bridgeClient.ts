/**
 * Runs in the page in place of the Electron preload: builds the same `window.stowage`
 * over a WebSocket to the bridge. Loaded only by the test/dev bridge server.
 */
import { buildApi, type DragOutItem } from '../../shared/api.js';
import type { Result } from '../../shared/errors.js';
import { bridgeSocketPath, packStageFrame, type ClientRequest, type ServerFrame, type StageChunkHeader } from './protocol.js';

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

/** Sends one chunk of a file's bytes as a binary frame; answers the bridge's Result. */
async function requestChunk(header: StageChunkHeader, bytes: Uint8Array): Promise<Result<string>> {
  await opened;
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, resolve as (result: unknown) => void);
    socket.send(packStageFrame({ ...header, id }, bytes));
  });
}

const stageChunkBytes = 4 * 1024 * 1024;
/** Files read one right after another belong to one pick or drop, so a picked folder stays one tree. */
let batch = { id: '', files: 0, lastAt: 0 };

/**
 * The browser preview only: a page cannot learn where a picked or dropped file lives, so its
 * bytes go to the bridge, which keeps them in a staging folder and answers that path.
 */
async function stageFile(f: File): Promise<string> {
  if (Date.now() - batch.lastAt > 1000) batch = { id: crypto.randomUUID(), files: 0, lastAt: 0 };
  const header: StageChunkHeader = { t: 'stageChunk', batch: batch.id, file: batch.files++, name: f.name, offset: 0 };
  if (f.webkitRelativePath) header.relativePath = f.webkitRelativePath;
  let path = '';
  do {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await f.slice(header.offset, header.offset + stageChunkBytes).arrayBuffer());
    } catch {
      throw new Error(`The browser preview cannot read ${f.name} (a dropped folder?). Use Upload folder… instead.`);
    }
    const answer = await requestChunk(header, bytes);
    if (!answer.ok) throw new Error(answer.error.message);
    path = answer.value;
    header.offset += bytes.length;
  } while (header.offset < f.size);
  batch.lastAt = Date.now();
  return path;
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
    // A file a test registered first (its real path); any other is staged from its bytes.
    const answer = (await request({ t: 'pathForFile', name: f.name, size: f.size, lastModified: f.lastModified })) as Result<string>;
    return answer.ok ? answer.value : stageFile(f);
  },
  prepareDragOut: (dragRequest) => request({ t: 'prepareDragOut', payload: dragRequest }) as Promise<Result<DragOutItem[]>>,
  // Like ipcRenderer.send: leaves at once, from inside the dragstart handler, with no answer.
  startDragOut: (paths) => {
    if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ t: 'startDragOut', id: nextId++, payload: { paths } }));
  },
  // A browser page cannot start an OS drag: the bridge records what main would drag.
  dragsToDesktop: false,
});
