import type { EventChannel } from '../../shared/channels.js';
import type { Result } from '../../shared/errors.js';
import type { TransferSnapshot } from '../../shared/transfers.js';
import { EventBus, type EventListener } from '../core/events.js';
import { messageOf } from '../core/errors.js';
import type { HostDialogs, SecretBox } from '../core/host.js';
import type { Dispatcher } from '../core/ipc/dispatch.js';
import type { CoreProcessSetup, FromCoreProcess, HostRequest, MessagePipe, PreviewHead, ToCoreProcess } from '../core/process/coreProtocol.js';
import { PendingReplies, replyTo } from '../core/process/pendingReplies.js';
import { mainWords } from './mainWords.js';

/** A started core process, whatever started it. */
export interface CoreProcessChild extends MessagePipe<ToCoreProcess, FromCoreProcess> {
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

/** What main lends the core process: where its data lives, and what only main can do. */
export interface CoreProcessHost {
  setup: Omit<CoreProcessSetup, 'secretBox' | 'canOpenLocally' | 'canShowInFolder' | 'canCopyText' | 'canResolveProxy' | 'canOpenSignInPage'>;
  secretBox: SecretBox;
  dialogs: HostDialogs;
  openLocally?(path: string): Promise<void>;
  showInFolder?(path: string): Promise<void>;
  copyText?(text: string): Promise<void>;
  /** Opens an IAM Identity Center sign-in page in the browser (see CoreHost). */
  openSignInPage?(url: string): Promise<void>;
  /** The OS's proxy for a URL, as Electron's session.resolveProxy answers it (see CoreHost). */
  resolveProxy?(url: string): Promise<string>;
}

/** The core as main sees it: the same dispatch and events as an in-process core. */
export interface RemoteCore {
  dispatch: Dispatcher;
  events: { subscribe(listener: EventListener): () => void };
  prepareDragOut(payload: unknown, root: string): Promise<string[]>;
  /** One request of a preview stream (`/preview/<token>`), answered as the core's grant allows. */
  openPreview(token: string, range: string | undefined): Promise<PreviewHead>;
  /** The next piece of an open preview's body; null at its end. */
  pullPreview(stream: number): Promise<Uint8Array | null>;
  cancelPreview(stream: number): void;
  shutdown(): Promise<void>;
}

/** More unexpected exits than this within a minute and main stops starting it again. */
const maxRestartsPerMinute = 3;
const shutdownGraceMs = 10_000;

/**
 * Starts the core process through `spawn` and talks to it. If it dies, calls in flight
 * fail with a sentence instead of hanging, and a new one is started (the queue comes back
 * from its checkpoints, paused, and is announced again), unless it keeps dying.
 */
export async function startRemoteCore(spawn: () => CoreProcessChild, host: CoreProcessHost, log: (line: string) => void = () => undefined): Promise<RemoteCore> {
  const connection = new RemoteCoreConnection(spawn, host, log);
  await connection.start();
  return connection;
}

class RemoteCoreConnection implements RemoteCore {
  private child: CoreProcessChild | undefined;
  private exited: Promise<void> = Promise.resolve();
  /** The current child has exited: it reads no message and sends no reply any more. */
  private childGone = false;
  private replies = new PendingReplies();
  private ready: Promise<void> = Promise.resolve();
  private stopping = false;
  private gaveUp = false;
  private readonly exits: number[] = [];
  private readonly bus = new EventBus((line) => this.log(`core events: ${line}`));
  readonly events = { subscribe: (listener: EventListener) => this.bus.subscribe(listener) };

  constructor(
    private readonly spawn: () => CoreProcessChild,
    private readonly host: CoreProcessHost,
    private readonly log: (line: string) => void,
  ) {}

  start(): Promise<void> {
    const child = this.spawn();
    const replies = new PendingReplies();
    this.child = child;
    this.replies = replies;
    this.childGone = false;
    this.exited = new Promise((resolve) =>
      child.onExit(() => {
        if (this.child === child) this.childGone = true;
        resolve();
      }),
    );
    this.ready = new Promise<void>((resolve, reject) => {
      child.onMessage((message) => {
        switch (message.t) {
          case 'ready':
            return resolve();
          case 'startFailed':
            return reject(new Error(message.message));
          case 'reply':
            return replies.settle(message);
          case 'events':
            for (const [channel, payload] of message.list) this.bus.emit(channel as EventChannel, payload as never);
            return;
          case 'hostRequest':
            return void replyTo(message.id, () => this.serve(message.request)).then((reply) => child.send({ t: 'hostReply', ...reply }));
        }
      });
      child.onExit((code) => {
        replies.failAll(mainWords.t(this.stopping ? 'main:quitting' : 'main:coreStopped'));
        reject(new Error(mainWords.t('main:coreExitedEarly', { code: String(code) })));
        if (!this.stopping && this.child === child) this.restartAfter(code);
      });
    });
    // An early exit is reported through `ready`, and by the restart for later callers.
    this.ready.catch(() => undefined);
    const { secretBox } = this.host;
    child.send({ t: 'start', setup: { ...this.host.setup, secretBox: { strong: secretBox.strong, backend: secretBox.backend }, canOpenLocally: !!this.host.openLocally, canShowInFolder: !!this.host.showInFolder, canCopyText: !!this.host.copyText, canResolveProxy: !!this.host.resolveProxy, canOpenSignInPage: !!this.host.openSignInPage } });
    return this.ready;
  }

  private restartAfter(code: number | null): void {
    const now = Date.now();
    this.exits.push(now);
    while (this.exits.length && now - this.exits[0]! > 60_000) this.exits.shift();
    if (this.exits.length > maxRestartsPerMinute) {
      this.gaveUp = true;
      this.log(`core process: exited (code ${code}) ${this.exits.length} times within a minute; not restarting it`);
      return;
    }
    this.log(`core process: exited (code ${code}); starting it again`);
    void this.start()
      .then(() => this.announceQueue())
      .catch((error: unknown) => this.log(`core process: could not start again: ${messageOf(error)}`));
  }

  /** After a restart, what was running is back as paused: say so to every listener. */
  private async announceQueue(): Promise<void> {
    const listed = await this.dispatch('transfers:list', {});
    if (listed.ok) for (const snapshot of listed.value as TransferSnapshot[]) this.bus.emit('transfers:changed', snapshot);
  }

  private async send(make: (id: number) => ToCoreProcess): Promise<unknown> {
    if (this.gaveUp) throw new Error(mainWords.t('main:coreGaveUp'));
    await this.ready;
    const child = this.child!;
    return this.replies.request((id) => child.send(make(id)));
  }

  readonly dispatch: Dispatcher = async (channel, payload) => {
    try {
      return (await this.send((id) => ({ t: 'call', id, channel: String(channel), payload }))) as Result<unknown>;
    } catch (error) {
      return { ok: false, error: { kind: 'internal', message: messageOf(error) } };
    }
  };

  async prepareDragOut(payload: unknown, root: string): Promise<string[]> {
    return (await this.send((id) => ({ t: 'prepareDragOut', id, payload, root }))) as string[];
  }

  async openPreview(token: string, range: string | undefined): Promise<PreviewHead> {
    return (await this.send((id) => ({ t: 'previewOpen', id, token, range }))) as PreviewHead;
  }

  async pullPreview(stream: number): Promise<Uint8Array | null> {
    return (await this.send((id) => ({ t: 'previewPull', id, stream }))) as Uint8Array | null;
  }

  cancelPreview(stream: number): void {
    if (!this.childGone) this.child?.send({ t: 'previewCancel', stream });
  }

  /**
   * Resolves once the core process has saved its state and ended, or at once when it has
   * already ended (after it gave up, nothing is left to stop: a message to an exited
   * process is never answered, and quitting waits on this).
   */
  async shutdown(): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    const child = this.child;
    if (!child || this.childGone) return;
    // Checkpoints are saved before the reply; a process that does not end in time is killed.
    const grace = setTimeout(() => child.kill(), shutdownGraceMs);
    await this.replies.request((id) => child.send({ t: 'shutdown', id })).catch(() => undefined);
    await this.exited;
    clearTimeout(grace);
  }

  private async serve(request: HostRequest): Promise<unknown> {
    switch (request.what) {
      case 'encrypt':
        return (await this.host.secretBox.encrypt(request.plain)).toString('base64');
      case 'decrypt':
        return this.host.secretBox.decrypt(Buffer.from(request.sealedBase64, 'base64'));
      case 'chooseFolder':
        return this.host.dialogs.chooseFolder(request.title);
      case 'openLocally':
        if (!this.host.openLocally) throw new Error(mainWords.t('main:desktopOnly.openLocally'));
        return this.host.openLocally(request.path);
      case 'showInFolder':
        if (!this.host.showInFolder) throw new Error(mainWords.t('main:desktopOnly.showInFolder'));
        return this.host.showInFolder(request.path);
      case 'copyText':
        if (!this.host.copyText) throw new Error(mainWords.t('main:desktopOnly.copyText'));
        return this.host.copyText(request.text);
      case 'openSignInPage':
        if (!this.host.openSignInPage) throw new Error(mainWords.t('main:desktopOnly.openSignInPage'));
        return this.host.openSignInPage(request.url);
      case 'resolveProxy':
        // A host without it is never asked (canResolveProxy): direct is the answer then.
        return this.host.resolveProxy ? this.host.resolveProxy(request.url) : 'DIRECT';
    }
  }
}
