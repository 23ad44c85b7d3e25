/**
 * Runs in the page in place of the Electron preload: builds the same `window.stowage`
 * over a WebSocket to the bridge. Loaded only by the test/dev bridge server.
 */
import { buildApi } from '../../shared/api.js';
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
  invoke: (channel, payload) => request({ t: 'invoke', channel, payload }) as Promise<Result<unknown>>,
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
});
