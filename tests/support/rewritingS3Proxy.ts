/**
 * A loopback HTTP proxy in front of the real RGW that answers the requests one rule picks
 * with a recorded AWS response, and forwards every other request to RGW unchanged (the Host
 * header included, so SigV4 signatures still match). For AWS behaviour RGW never shows.
 */
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedAnswer {
  status: number;
  body: string;
  headers: Record<string, string>;
}

/** Picks the requests that get a recorded answer; `undefined` sends the request on to RGW. */
export type Rewrite = (method: string, url: URL, headers: IncomingHttpHeaders) => RecordedAnswer | undefined;

export interface RewritingS3Proxy {
  endpoint: string;
  /** How many requests got the recorded answer instead of reaching RGW. */
  rewritten(): number;
  close(): Promise<void>;
}

/** A recorded AWS error body as AWS sends it: XML, with its request ids echoed in the headers. */
export function awsErrorAnswer(status: number, xml: string): RecordedAnswer {
  const tag = (name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1] ?? '';
  return {
    status,
    body: xml,
    headers: { 'Content-Type': 'application/xml', 'x-amz-request-id': tag('RequestId'), 'x-amz-id-2': tag('HostId'), Server: 'AmazonS3' },
  };
}

export async function startRewritingS3Proxy(upstream: string, rewrite: Rewrite): Promise<RewritingS3Proxy> {
  const target = new URL(upstream);
  let rewritten = 0;
  const server: Server = createServer((req, res) => {
    const answer = rewrite(req.method ?? 'GET', new URL(req.url ?? '/', 'http://proxy'), req.headers);
    if (answer) {
      rewritten++;
      req.resume();
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body);
      return;
    }
    const forward = request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (reply) => {
        res.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(res);
      },
    );
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    rewritten: () => rewritten,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
