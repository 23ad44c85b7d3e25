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
  /** Drag out to the OS: main downloads the items, then starts the native drag (Electron only). */
  startDragOut?(request: DragOutRequest): void;
}

export interface DragOutRequest {
  connectionId: string;
  remotePaths: string[];
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
  local: { pathForDroppedFile(file: unknown): Promise<string>; startDragOut(request: DragOutRequest): void };
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
    startDragOut: (request: DragOutRequest) => transport.startDragOut?.(request),
  };
  return api as unknown as StowageApi;
}

/** Splits a channel name for code that maps channels to method names. */
export { split as splitChannel };
