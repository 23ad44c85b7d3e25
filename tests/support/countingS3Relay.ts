/**
 * A loopback HTTP relay in front of the real RGW that passes every request and answer on
 * unchanged (the Host header included, so SigV4 signatures and presigned URLs still match)
 * and keeps a log of them: method, path, query, Range, bytes each way, when each started
 * and ended. A test can hold an answer from RGW before it is passed on (`holdAnswers`),
 * e.g. to kill the client at the moment the server has done something the client has not
 * heard of yet. A client that goes away mid-exchange has its upstream request dropped at
 * once, so RGW sees what it would see from the client itself.
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RelayedRequest {
  seq: number;
  method: string;
  /** The decoded path: `/bucket/key`. */
  path: string;
  query: URLSearchParams;
  /** The length asked for by a `Range: bytes=a-b` header. */
  rangeBytes?: number;
  startedAt: number;
  /** When the answer was fully passed on, or the exchange broke. */
  endedAt?: number;
  status?: number;
  /** Request body bytes received from the client. */
  requestBytes: number;
  /** Answer body bytes received from RGW. */
  responseBytes: number;
  /** The whole answer reached the client. */
  delivered: boolean;
}

/** Called when RGW's answer head arrives, before it is passed on; the answer waits for it. */
export type AnswerHook = (r: RelayedRequest) => Promise<void> | void;

export interface CountingS3Relay {
  endpoint: string;
  readonly requests: readonly RelayedRequest[];
  /** Holds every answer until `hook` settles (undefined: pass answers on at once). */
  holdAnswers(hook: AnswerHook | undefined): void;
  /** Resolves when every request so far has ended (or after `timeoutMs`); true when all had. */
  settled(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

function rangeLength(header: string | undefined): number | undefined {
  const m = /^bytes=(\d+)-(\d+)$/.exec(header ?? '');
  return m ? Number(m[2]) - Number(m[1]) + 1 : undefined;
}

export async function startCountingS3Relay(upstream: string): Promise<CountingS3Relay> {
  const target = new URL(upstream);
  const requests: RelayedRequest[] = [];
  let hook: AnswerHook | undefined;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://relay');
    const r: RelayedRequest = {
      seq: requests.length,
      method: req.method ?? 'GET',
      path: decodeURIComponent(url.pathname),
      query: url.searchParams,
      rangeBytes: rangeLength(req.headers.range),
      startedAt: Date.now(),
      requestBytes: 0,
      responseBytes: 0,
      delivered: false,
    };
    requests.push(r);
    const end = () => void (r.endedAt ??= Date.now());
    const forward = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (reply) => {
      r.status = reply.statusCode;
      void Promise.resolve(hook?.(r))
        .catch(() => undefined)
        .then(() => {
          if (res.destroyed) {
            reply.destroy();
            return end();
          }
          res.writeHead(reply.statusCode ?? 502, reply.headers);
          reply.on('data', (chunk: Buffer) => void (r.responseBytes += chunk.length));
          reply.on('error', () => res.destroy());
          reply.pipe(res);
        });
    });
    forward.on('error', () => {
      res.destroy();
      end();
    });
    req.on('data', (chunk: Buffer) => void (r.requestBytes += chunk.length));
    res.on('finish', () => {
      r.delivered = true;
      end();
    });
    res.on('close', () => {
      // The client went away before the whole answer reached it: RGW hears of it at once.
      if (!res.writableFinished) forward.destroy();
      end();
    });
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    holdAnswers(h) {
      hook = h;
    },
    async settled(timeoutMs = 5_000) {
      const until = Date.now() + timeoutMs;
      while (requests.some((r) => r.endedAt === undefined)) {
        if (Date.now() > until) return false;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
