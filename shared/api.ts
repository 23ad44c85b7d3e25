/**
 * The API the renderer sees as `window.stowage`: one named function per operation,
 * grouped by domain (`api.s3.listBuckets(...)`), and one `on...` listener per event
 * that returns its unsubscribe function. The preload builds it over Electron IPC; the
 * e2e bridge builds the very same shape over a loopback WebSocket.
 */
import { eventChannels, invokeChannels, type EventChannel, type InvokeChannel } from './channels.js';
import type { EventPayload, Request, Response } from './contract.js';
import type { Result } from './errors.js';

export interface Transport {
  invoke(channel: InvokeChannel, payload: unknown): Promise<Result<unknown>>;
  subscribe(channel: EventChannel, listener: (payload: unknown) => void): () => void;
  /** Where a file dropped from the OS lives on disk (Electron: webUtils.getPathForFile). */
  pathForDroppedFile(file: unknown): Promise<string>;
  /** Drag out: main has the core download the items into its drag folder, and says where each landed. */
  prepareDragOut?(request: DragOutRequest): Promise<Result<DragOutItem[]>>;
  /** Drag out: called inside `dragstart` with prepared paths, so the OS drag starts at once. */
  startDragOut?(paths: string[]): void;
  /** True where `startDragOut` reaches the OS (the desktop app), not in the browser preview. */
  dragsToDesktop?: boolean;
}

export interface DragOutRequest {
  connectionId: string;
  remotePaths: string[];
}

/** One prepared item: a verified local copy in main's drag folder, in the request's order. */
export interface DragOutItem {
  remotePath: string;
  localPath: string;
  kind: 'file' | 'folder';
  /** Bytes on disk (0 for a folder). */
  size: number;
}

/** Drag-out as the page sees it (`window.stowage.local`). */
export interface LocalApi {
  pathForDroppedFile(file: unknown): Promise<string>;
  prepareDragOut(request: DragOutRequest): Promise<Result<DragOutItem[]>>;
  startDragOut(paths: string[]): void;
  readonly dragsToDesktop: boolean;
}

type DomainOf<C extends string> = C extends `${infer D}:${string}` ? D : never;
type Domain = DomainOf<InvokeChannel | EventChannel>;

type Operations<D extends string> = {
  [C in InvokeChannel as C extends `${D}:${infer Op}` ? Op : never]: (
    request: Request<C>,
  ) => Promise<Result<Response<C>>>;
};

type Listeners<D extends string> = {
  [C in EventChannel as C extends `${D}:${infer Ev}` ? `on${Capitalize<Ev>}` : never]: (
    listener: (payload: EventPayload<C>) => void,
  ) => () => void;
};

export type StowageApi = { [D in Domain]: Operations<D> & Listeners<D> } & {
  local: LocalApi;
};

function split(channel: string): [string, string] {
  const at = channel.indexOf(':');
  return [channel.slice(0, at), channel.slice(at + 1)];
}

export function buildApi(transport: Transport): StowageApi {
  const api: Record<string, Record<string, unknown>> = {};
  const group = (domain: string) => (api[domain] ??= {});
  for (const channel of invokeChannels) {
    const [domain, op] = split(channel);
    group(domain)[op] = (request: unknown) => transport.invoke(channel, request);
  }
  for (const channel of eventChannels) {
    const [domain, event] = split(channel);
    const name = `on${event[0]!.toUpperCase()}${event.slice(1)}`;
    group(domain)[name] = (listener: (payload: unknown) => void) => {
      if (typeof listener !== 'function') throw new TypeError('listener must be a function');
      return transport.subscribe(channel, (payload) => listener(payload));
    };
  }
  api.local = {
    pathForDroppedFile: (file: unknown) => transport.pathForDroppedFile(file),
    prepareDragOut: (request: DragOutRequest) =>
      transport.prepareDragOut?.(request) ??
      Promise.resolve({ ok: false, error: { kind: 'unsupported', message: 'Dragging files out needs the desktop app.' } }),
    startDragOut: (paths: string[]) => transport.startDragOut?.(paths),
    dragsToDesktop: transport.dragsToDesktop === true,
  };
  return api as unknown as StowageApi;
}

/** Splits a channel name for code that maps channels to method names. */
export { split as splitChannel };
