/**
 * The e2e/dev bridge: serves the built renderer over loopback HTTP with the app's CSP,
 * and answers the preload's API over a WebSocket guarded by a random token and an
 * Origin check. A test and development tool only: the packaged app never starts it.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { WebSocketServer, type WebSocket } from 'ws';
import { contentSecurityPolicy } from '../../shared/csp.js';
import type { RemoteCore } from '../../electron/main/remoteCore.js';
import { contentTypeFor } from '../../electron/core/lib/contentType.js';
import { answerPrepare, type PrepareInCore } from '../../electron/main/dragOutPrepare.js';
import { PreparedDrags } from '../../electron/main/preparedDrags.js';
import { isPreviewPath, previewResponse } from '../../electron/main/previewResponse.js';
import { Readable } from 'node:stream';
import { bridgeClientPath, bridgeSocketPath, unpackStageFrame, type ClientFrame, type ServerFrame } from './protocol.js';
import { StagedFiles } from './stagedFiles.js';

export interface Bridge {
  url: string;
  origin: string;
  token: string;
  /** Every frame sent to pages, as text (the secret-leak test reads it). */
  sentFrames: string[];
  /** Files a test is about to drop: the stand-in for Electron's webUtils.getPathForFile. */
  registerDroppedFile(path: string): Promise<void>;
  /** Where the bytes of files the page picked or dropped, and the bridge did not know, were written (removed on close). */
  stagingRoot: string;
  /** Drag-out, answered with main's own checks; a browser cannot start an OS drag, so each start is recorded. */
  dragOut: BridgeDragOut;
  close(): Promise<void>;
}

export interface BridgeDragOut {
  /** The drag folder the core prepares into (removed on close). */
  root: string;
  /** Every preparation the page asked for. */
  prepared: unknown[];
  /** What main would hand to `webContents.startDrag`, one entry per start that passed its checks. */
  started: { file: string; files: string[] }[];
  /** Starts that main would refuse, with why. */
  refused: string[];
}

export interface BridgeOptions {
  /** How the core prepares a drag-out; by default the core process's own `prepareDragOut`. */
  prepareDragOut?: PrepareInCore;
}

async function bundleClient(): Promise<string> {
  const entry = fileURLToPath(new URL('./bridgeClient.ts', import.meta.url));
  const out = await build({ entryPoints: [entry], bundle: true, write: false, format: 'iife', platform: 'browser', target: 'chrome120' });
  return out.outputFiles[0]!.text;
}

/** `core`: the core process as main sees it, or an in-process core (the dev preview). */
export async function startBridge(
  core: Pick<RemoteCore, 'dispatch' | 'events'> & Partial<Pick<RemoteCore, 'prepareDragOut' | 'openPreview' | 'pullPreview' | 'cancelPreview'>>,
  rendererDir: string,
  port = 0,
  options: BridgeOptions = {},
): Promise<Bridge> {
  const token = randomBytes(24).toString('hex');
  const dragRoot = join(tmpdir(), `stowage-bridge-drag-${token.slice(0, 12)}`);
  await mkdir(dragRoot, { recursive: true });
  const drags = new PreparedDrags(dragRoot);
  const prepareInCore: PrepareInCore =
    options.prepareDragOut ??
    (async (request, root) => {
      if (!core.prepareDragOut) throw new Error('This core cannot prepare drags.');
      return core.prepareDragOut(request, root);
    });
  const dragOut: BridgeDragOut = { root: dragRoot, prepared: [], started: [], refused: [] };
  const staged = new StagedFiles(join(tmpdir(), `stowage-bridge-staged-${token.slice(0, 12)}`));
  const clientJs = await bundleClient();
  const root = normalize(rendererDir + sep);
  const dropped = new Map<string, string>();
  const sentFrames: string[] = [];
  const sockets = new Set<WebSocket>();

  const serve = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const headers = { 'content-security-policy': contentSecurityPolicy, 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' };
    if (url.pathname === bridgeClientPath) {
      res.writeHead(200, { ...headers, 'content-type': contentTypeFor('client.js') }).end(clientJs);
      return;
    }
    // Quick Look's streams, answered as main's app protocol answers them.
    if (isPreviewPath(url.pathname) && core.openPreview && core.pullPreview && core.cancelPreview) {
      const range = typeof req.headers.range === 'string' ? req.headers.range : null;
      const answer = await previewResponse(core as Pick<RemoteCore, 'openPreview' | 'pullPreview' | 'cancelPreview'>, url.pathname, range);
      res.writeHead(answer.status, Object.fromEntries(answer.headers));
      if (!answer.body) return void res.end();
      const body = Readable.fromWeb(answer.body as import('node:stream/web').ReadableStream<Uint8Array>);
      res.on('close', () => body.destroy());
      body.pipe(res);
      return;
    }
    if (url.pathname === '/' || url.pathname === '/index.html') {
      if (url.searchParams.get('token') !== token) {
        res.writeHead(403, headers).end('This page needs the bridge token in its address.');
        return;
      }
      const html = (await readFile(join(root, 'index.html'), 'utf8')).replace('<head>', `<head><script src="${bridgeClientPath}"></script>`);
      res.writeHead(200, { ...headers, 'content-type': contentTypeFor('index.html') }).end(html);
      return;
    }
    const file = normalize(join(root, decodeURIComponent(url.pathname)));
    if (!file.startsWith(root)) {
      res.writeHead(404, headers).end();
      return;
    }
    const body = await readFile(file).catch(() => null);
    if (!body) {
      res.writeHead(404, headers).end();
      return;
    }
    res.writeHead(200, { ...headers, 'content-type': contentTypeFor(file) }).end(body);
  };

  const server = createServer((req, res) => void serve(req, res));
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname !== bridgeSocketPath || url.searchParams.get('token') !== token || req.headers.origin !== origin) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws));
  });

  const send = (ws: WebSocket, frame: ServerFrame) => {
    const text = JSON.stringify(frame);
    sentFrames.push(text);
    ws.send(text);
  };

  const unsubscribe = core.events.subscribe((channel, payload) => {
    for (const ws of sockets) send(ws, { t: 'event', channel, payload });
  });

  wss.on('connection', (ws) => {
    sockets.add(ws);
    ws.on('close', () => sockets.delete(ws));
    ws.on('message', async (data, isBinary) => {
      if (isBinary) {
        const raw = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
        let id = -1;
        try {
          const { header, bytes } = unpackStageFrame(raw);
          id = header.id;
          send(ws, { t: 'result', id, result: { ok: true, value: await staged.write(header, bytes) } });
        } catch (error) {
          const message = `The preview could not keep the file: ${error instanceof Error ? error.message : String(error)}`;
          if (id >= 0) send(ws, { t: 'result', id, result: { ok: false, error: { kind: 'internal', message } } });
        }
        return;
      }
      let frame: ClientFrame;
      try {
        frame = JSON.parse(String(data)) as ClientFrame;
      } catch {
        return;
      }
      if (frame.t === 'invoke') {
        send(ws, { t: 'result', id: frame.id, result: await core.dispatch(frame.channel, frame.payload) });
      } else if (frame.t === 'pathForFile') {
        const path = dropped.get(`${frame.name}\u0000${frame.size}`);
        const result = path ? { ok: true, value: path } : { ok: false, error: { kind: 'notFound', message: `The bridge does not know where ${frame.name} lives.` } };
        send(ws, { t: 'result', id: frame.id, result });
      } else if (frame.t === 'prepareDragOut') {
        dragOut.prepared.push(frame.payload);
        send(ws, { t: 'result', id: frame.id, result: await answerPrepare(prepareInCore, drags, frame.payload) });
      } else if (frame.t === 'startDragOut') {
        // Main's listener, with startDrag recorded instead of called.
        const checked = drags.check(frame.payload);
        if (checked.ok) dragOut.started.push({ file: checked.paths[0]!, files: checked.paths });
        else dragOut.refused.push(checked.reason);
      }
    });
  });

  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    sentFrames,
    async registerDroppedFile(path) {
      const info = await stat(path);
      dropped.set(`${path.split(/[\\/]/).pop()}\u0000${info.size}`, path);
    },
    dragOut,
    stagingRoot: staged.root,
    async close() {
      unsubscribe();
      for (const ws of sockets) ws.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(dragRoot, { recursive: true, force: true });
      await staged.remove();
    },
  };
}
