import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'aws');
/** A hand-written AWS answer body from tests/fixtures/aws. */
export const awsFixture = (name: string) => readFileSync(join(fixtures, name), 'utf8');

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  /** Text, or the bytes of an object. */
  body?: string | Buffer;
}
export interface Seen {
  method: string;
  host: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  /** The body's bytes as sent (an upload's, an aws-chunked one's framing included). */
  raw: Buffer;
}

/** A tiny HTTP server on loopback replaying recorded AWS answers, chosen per request by `route`. */
export class AwsReplay {
  server!: Server;
  seen: Seen[] = [];
  route: (req: Seen) => Reply | Promise<Reply> = () => ({ status: 500 });

  async start(): Promise<string> {
    this.server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const raw = Buffer.concat(chunks);
      const seen = { method: req.method ?? '', host: req.headers.host ?? '', url: req.url ?? '', headers: req.headers, body: raw.toString('utf8'), raw };
      this.seen.push(seen);
      const reply = await this.route(seen);
      const body = reply.body ?? '';
      res.writeHead(reply.status ?? 200, {
        'content-type': typeof body === 'string' && body.startsWith('{') ? 'application/json' : 'application/xml',
        'x-amz-request-id': 'RECORDED',
        ...reply.headers,
      });
      res.end(body);
    });
    await new Promise<void>((done) => this.server.listen(0, '127.0.0.1', done));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    return new Promise((done) => this.server.close(() => done()));
  }
}

/** The query's first key of a request: `/bucket?website` → 'website'. */
export const subresource = (url: string) => new URL(url, 'http://x').searchParams.keys().next().value ?? '';

