/**
 * What main and the core process say to each other. Everything is structured-clone
 * data; secrets cross only as the plain text to seal or the sealed bytes (base64) to open,
 * between two processes of the app, never towards a renderer.
 */

/** What the core process needs to know about its host to build the core. */
export interface CoreProcessSetup {
  dataDir: string;
  homeDir: string;
  appVersion: string;
  platform: string;
  /** app.getPreferredSystemLanguages(), read after ready. */
  systemLanguages?: string[];
  secretBox: { strong: boolean; backend: string };
  canOpenLocally: boolean;
  canShowInFolder: boolean;
  canCopyText: boolean;
  /** Main can open an IAM Identity Center sign-in page in the browser. */
  canOpenSignInPage?: boolean;
  /** Main can answer `resolveProxy` (the OS's proxy for a URL, through Electron). */
  canResolveProxy?: boolean;
  /** `npm run demo`: connections to import at start (a file written by the demo script). */
  importConnectionsFrom?: string;
}

/** What the core process asks main for: things only Electron's main process can do. */
export type HostRequest =
  | { what: 'encrypt'; plain: string }
  | { what: 'decrypt'; sealedBase64: string }
  | { what: 'chooseFolder'; title?: string }
  | { what: 'openLocally'; path: string }
  | { what: 'showInFolder'; path: string }
  | { what: 'copyText'; text: string }
  | { what: 'openSignInPage'; url: string }
  | { what: 'resolveProxy'; url: string };

export type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string };

export type ToCoreProcess =
  | { t: 'start'; setup: CoreProcessSetup }
  | { t: 'call'; id: number; channel: string; payload: unknown }
  | { t: 'prepareDragOut'; id: number; payload: unknown; root: string }
  | { t: 'shutdown'; id: number }
  /** A request of the app's protocol for a preview stream: answered with its status, headers and a stream id to pull. */
  | { t: 'previewOpen'; id: number; token: string; range?: string }
  /** The next piece of a preview stream's body (a Uint8Array), or null at its end. */
  | { t: 'previewPull'; id: number; stream: number }
  | { t: 'previewCancel'; stream: number }
  | ({ t: 'hostReply' } & Reply);

/** The core's answer to one request of a preview stream: status and headers, and while there is a body, the stream to pull it from. */
export interface PreviewHead {
  stream?: number;
  status: number;
  headers: Record<string, string>;
}

export type FromCoreProcess =
  | { t: 'ready' }
  | { t: 'startFailed'; message: string }
  | ({ t: 'reply' } & Reply)
  /** The events of one turn of the event loop, in order (one message each would cost more than they carry). */
  | { t: 'events'; list: [channel: string, payload: unknown][] }
  | { t: 'hostRequest'; id: number; request: HostRequest };

/** One end of the pipe, whatever carries it (Electron's utility process or Node's fork). */
export interface MessagePipe<Out, In> {
  send(message: Out): void;
  onMessage(listener: (message: In) => void): void;
}

/**
 * V8 flags for the core process. It moves gigabytes through short-lived buffers, and V8
 * would let the young generation's semi-spaces grow to 16 MiB each, memory the process then
 * keeps; 2 MiB semi-spaces keep a large transfer small, while smaller ones make many small
 * files spend longer collecting garbage (figures in tests/bench/BENCHMARKS.md).
 * Node (tests, the benchmark) takes them on its command line as they are.
 */
export const coreProcessV8Flags = ['--max-semi-space-size=2'];

/** Names the folder where the core's entry (coreLoader.ts) keeps V8's code cache of the core's bundle. */
export const codeCacheDirVariable = 'STOWAGE_CODE_CACHE_DIR';

/**
 * The same flags for Electron's utility process: it keeps only a few debugging and tracing
 * Node options of `execArgv` and reads V8 flags from Chromium's `--js-flags` switch, which
 * it applies before it creates the process's V8 heap.
 */
export const utilityProcessExecArgv = [`--js-flags=${coreProcessV8Flags.join(' ')}`];
