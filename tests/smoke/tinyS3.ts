import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StowageApi } from '../../shared/api.js';

/**
 * Just enough S3 on loopback for the smoke run to connect and download (a drag-out needs a
 * real download): list buckets, one bucket's region, and HEAD and ranged GET of its objects,
 * with MD5 ETags the core verifies. Signatures are not checked.
 */
export interface TinyS3 {
  endpoint: string;
  bucket: string;
  close(): Promise<void>;
}

const xml = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>${body}`;
const ns = 'xmlns="http://s3.amazonaws.com/doc/2006-03-01/"';

export async function startTinyS3(bucket: string, objects: Record<string, string>): Promise<TinyS3> {
  const stored = new Map(Object.entries(objects).map(([key, text]) => [key, Buffer.from(text)]));
  const answer = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const [, name, ...rest] = decodeURIComponent(url.pathname).split('/');
    const key = rest.join('/');
    const xmlReply = (status: number, body: string) => res.writeHead(status, { 'content-type': 'application/xml' }).end(req.method === 'HEAD' ? undefined : xml(body));
    if (!name) {
      return xmlReply(200, `<ListAllMyBucketsResult ${ns}><Owner><ID>smoke</ID></Owner><Buckets><Bucket><Name>${bucket}</Name><CreationDate>2026-01-01T00:00:00.000Z</CreationDate></Bucket></Buckets></ListAllMyBucketsResult>`);
    }
    if (name !== bucket) return xmlReply(404, '<Error><Code>NoSuchBucket</Code><Message>No such bucket</Message></Error>');
    if (!key) {
      res.setHeader('x-amz-bucket-region', 'us-east-1');
      if (url.searchParams.has('location')) return xmlReply(200, `<LocationConstraint ${ns}></LocationConstraint>`);
      return xmlReply(200, `<ListBucketResult ${ns}><Name>${bucket}</Name><KeyCount>0</KeyCount><IsTruncated>false</IsTruncated></ListBucketResult>`);
    }
    const body = stored.get(key);
    if (!body) return xmlReply(404, '<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>');
    const headers = {
      etag: `"${createHash('md5').update(body).digest('hex')}"`,
      'last-modified': new Date('2026-01-01T00:00:00Z').toUTCString(),
      'content-type': 'application/octet-stream',
      'accept-ranges': 'bytes',
    };
    const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
    if (range && req.method === 'GET') {
      const start = Number(range[1]);
      const end = Math.min(range[2] ? Number(range[2]) : body.length - 1, body.length - 1);
      const part = body.subarray(start, end + 1);
      res.writeHead(206, { ...headers, 'content-length': String(part.length), 'content-range': `bytes ${start}-${end}/${body.length}` }).end(part);
      return;
    }
    res.writeHead(200, { ...headers, 'content-length': String(body.length) }).end(req.method === 'HEAD' ? undefined : body);
  };
  const server = createServer(answer);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    bucket,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Saves and connects an S3 connection to `s3` through the window's API (main, then the core process); answers its id. */
export async function connectTinyS3(api: StowageApi, s3: TinyS3, name: string): Promise<string> {
  const saved = await api.connections.save({
    draft: {
      protocol: 's3',
      name,
      endpoint: { kind: 'custom', url: s3.endpoint },
      region: 'us-east-1',
      forcePathStyle: true,
      rememberSecret: true,
      auth: { kind: 'keys', accessKeyId: 'AKIASMOKETEST', secretAccessKey: 'not-a-real-secret' },
    },
  });
  if (!saved.ok) throw new Error(JSON.stringify(saved));
  const connected = await api.connections.connect({ id: saved.value.id, secrets: {} });
  if (!connected.ok || connected.value.state !== 'connected') throw new Error(JSON.stringify(connected));
  return saved.value.id;
}
