// The core process: the whole core (connections, browsing, transfers) in a process of its
// own, started by main (an Electron utility process) or by a test or the benchmark (Node's
// fork). Main keeps the windows, IPC checks and what only Electron can do (safeStorage,
// native dialogs, opening files), which the core asks for over the pipe.
import { importConnections } from '../connections/importConnections.js';
import { createCore, type Core } from '../createCore.js';
import { messageOf } from '../errors.js';
import type { CoreHost } from '../host.js';
import { parseDragOutRequest, prepareDragOut } from '../transfers/dragOut.js';
import type { CoreProcessSetup, FromCoreProcess, HostRequest, MessagePipe, ToCoreProcess } from './coreProtocol.js';
import { EventBatch } from './eventBatch.js';
import { PendingReplies, replyTo } from './pendingReplies.js';

type ParentPipe = MessagePipe<FromCoreProcess, ToCoreProcess>;

const eventBatchMs = 25;

interface ElectronParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

/** Electron's utility process talks through `process.parentPort`, Node's fork through `process.send`. */
function parentPipe(): ParentPipe {
  const port = (process as { parentPort?: ElectronParentPort }).parentPort;
  if (port) return { send: (m) => port.postMessage(m), onMessage: (l) => port.on('message', (e) => l(e.data as ToCoreProcess)) };
  const send = process.send?.bind(process);
  if (send) {
    // A parent that dies leaves no one to serve (Electron ends its utility processes itself).
    process.once('disconnect', () => process.exit(0));
    return { send: (m) => void send(m), onMessage: (l) => process.on('message', (m) => l(m as ToCoreProcess)) };
  }
  throw new Error('The Stowage core process must be started by the app (it has no parent to talk to).');
}

function hostFor(setup: CoreProcessSetup, ask: (request: HostRequest) => Promise<unknown>): CoreHost {
  return {
    dataDir: setup.dataDir,
    homeDir: setup.homeDir,
    appVersion: setup.appVersion,
    platform: setup.platform,
    systemLanguages: setup.systemLanguages,
    secretBox: {
      ...setup.secretBox,
      encrypt: async (plain) => Buffer.from((await ask({ what: 'encrypt', plain })) as string, 'base64'),
      decrypt: async (sealed) => (await ask({ what: 'decrypt', sealedBase64: sealed.toString('base64') })) as string,
    },
    dialogs: { chooseFolder: async (title) => (await ask({ what: 'chooseFolder', title })) as string | null },
    openLocally: setup.canOpenLocally ? async (path) => void (await ask({ what: 'openLocally', path })) : undefined,
    showInFolder: setup.canShowInFolder ? async (path) => void (await ask({ what: 'showInFolder', path })) : undefined,
    copyText: setup.canCopyText ? async (text) => void (await ask({ what: 'copyText', text })) : undefined,
    openSignInPage: setup.canOpenSignInPage ? async (url) => void (await ask({ what: 'openSignInPage', url })) : undefined,
    resolveProxy: setup.canResolveProxy ? async (url) => (await ask({ what: 'resolveProxy', url })) as string : undefined,
  };
}

async function startCore(setup: CoreProcessSetup, ask: (request: HostRequest) => Promise<unknown>): Promise<Core> {
  const core = await createCore(hostFor(setup, ask), (line) => console.warn(line));
  if (setup.importConnectionsFrom) await importConnections(core.connections, setup.importConnectionsFrom);
  return core;
}

export function runCoreProcess(pipe: ParentPipe): void {
  const hostReplies = new PendingReplies();
  const ask = (request: HostRequest) => hostReplies.request((id) => send({ t: 'hostRequest', id, request }));
  let core: Promise<Core> | undefined;
  const withCore = async <T>(work: (c: Core) => Promise<T> | T): Promise<T> => {
    if (!core) throw new Error('The core process was not started.');
    return work(await core);
  };
  // Events go out batched, at most `eventBatchMs` late (the renderer batches its redraws
  // over 50 ms anyway); anything else sent flushes them first, so a reply never overtakes
  // the events emitted before it.
  const events = new EventBatch();
  let flushTimer: NodeJS.Timeout | undefined;
  const flushEvents = () => {
    clearTimeout(flushTimer);
    flushTimer = undefined;
    if (events.size > 0) pipe.send({ t: 'events', list: events.take() });
  };
  const send = (message: FromCoreProcess) => {
    flushEvents();
    pipe.send(message);
  };
  const emit = (channel: string, payload: unknown) => {
    events.add(channel, payload);
    flushTimer ??= setTimeout(flushEvents, eventBatchMs);
  };
  const answer = (id: number, work: () => Promise<unknown>) => void replyTo(id, work).then((reply) => send({ t: 'reply', ...reply }));

  pipe.onMessage((message) => {
    switch (message.t) {
      case 'start':
        if (core) return;
        core = startCore(message.setup, ask);
        core.then(
          (c) => {
            c.events.subscribe(emit);
            send({ t: 'ready' });
          },
          (error: unknown) => send({ t: 'startFailed', message: messageOf(error) }),
        );
        return;
      case 'call':
        return answer(message.id, () => withCore((c) => c.dispatch(message.channel, message.payload)));
      case 'prepareDragOut':
        return answer(message.id, () => withCore((c) => prepareDragOut(c.transfers, parseDragOutRequest(message.payload), message.root)));
      case 'shutdown':
        return void replyTo(message.id, () => withCore((c) => c.shutdown())).then((reply) => {
          send({ t: 'reply', ...reply });
          // Let the reply leave before the process ends (open sockets would keep it alive).
          setTimeout(() => process.exit(0), 20);
        });
      case 'previewOpen':
        return answer(message.id, () => withCore((c) => c.previews.streams.openStream(message.token, message.range)));
      case 'previewPull':
        return answer(message.id, () => withCore((c) => c.previews.streams.pull(message.stream)));
      case 'previewCancel':
        return void withCore((c) => c.previews.streams.cancel(message.stream)).catch(() => undefined);
      case 'hostReply':
        return hostReplies.settle(message);
    }
  });
}

runCoreProcess(parentPipe());
