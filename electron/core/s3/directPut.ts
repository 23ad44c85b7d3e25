import { createHash } from 'node:crypto';
import type { S3Client, StorageClass } from '@aws-sdk/client-s3';
import { HttpRequest } from '@smithy/core/protocols';
import { SignatureV4 } from '@smithy/signature-v4';
import type { Dispatcher } from 'undici';
import { cancelledError } from '../errors.js';
import { directRequest, headerOf } from './directRequest.js';
import { directDispatcher, payloadIsProtected } from './s3Client.js';

/** The upload's object headers, as PutObject names them. */
export interface ObjectHeaders {
  ContentType: string;
  CacheControl?: string;
  StorageClass?: StorageClass;
  Metadata?: Record<string, string>;
}

export interface SmallPut {
  bucket: string;
  key: string;
  body: Buffer;
  /** Sent as Content-MD5 when given. */
  md5?: Buffer;
  headers: ObjectHeaders;
  /** If-None-Match: store only where no object is. */
  ifNoneMatch?: '*';
}

/** What the caller checks of a stored object, as PutObject's output names it. */
export interface PutAnswer {
  ETag?: string;
  ServerSideEncryption?: string;
  SSECustomerAlgorithm?: string;
  ChecksumCRC32?: string;
}

/**
 * PutObject of a small file to a custom, path-style endpoint (a MinIO or Ceph gateway, over
 * http or https), signed here with the SDK's own SigV4 signer and sent through the client's
 * undici dispatcher, without the SDK's per-request middleware and node:http, whose CPU per
 * request is most of what a small file costs the core (figures in tests/bench/BENCHMARKS.md).
 *
 * `put` answers undefined when it cannot send the request (a header that is not plain
 * ASCII: nothing is sent), when the connection fails, and for any answer but 200. The caller
 * then sends the same PUT through the SDK, which reads the error, corrects a skewed clock,
 * and explains.
 */
export class DirectPutter {
  private constructor(
    private readonly dispatcher: Dispatcher,
    private readonly signer: SignatureV4,
    private readonly origin: { url: string; host: string; basePath: string; payloadProtected: boolean },
    private readonly clockOffsetMs: () => number,
  ) {}

  /** The putter for `client`, if its endpoint is a custom, path-style one. */
  static async for(client: S3Client): Promise<DirectPutter | undefined> {
    const config = client.config;
    const endpoint = await config.endpoint?.();
    const dispatcher = directDispatcher(client);
    if (!endpoint || !dispatcher || !config.forcePathStyle || !['http:', 'https:'].includes(endpoint.protocol)) return undefined;
    const host = endpoint.port ? `${endpoint.hostname}:${endpoint.port}` : endpoint.hostname;
    const url = `${endpoint.protocol}//${host}`;
    const signer = new SignatureV4({ service: 's3', region: await config.region(), credentials: config.credentials, sha256: config.sha256, uriEscapePath: false, applyChecksum: false });
    return new DirectPutter(dispatcher, signer, { url, host, basePath: endpoint.path.replace(/\/+$/, ''), payloadProtected: payloadIsProtected(url) }, () => config.systemClockOffset ?? 0);
  }

  async put(p: SmallPut, signal: AbortSignal): Promise<PutAnswer | undefined> {
    const headers: Record<string, string> = {
      host: this.origin.host,
      'content-length': String(p.body.length),
      'content-type': p.headers.ContentType,
      // As s3Client's middleware does: a body the server checks by its MD5, on a connection nobody can alter, is not hashed again.
      'x-amz-content-sha256': p.md5 && this.origin.payloadProtected ? 'UNSIGNED-PAYLOAD' : createHash('sha256').update(p.body).digest('hex'),
    };
    if (p.md5) headers['content-md5'] = p.md5.toString('base64');
    if (p.ifNoneMatch) headers['if-none-match'] = p.ifNoneMatch;
    if (p.headers.CacheControl) headers['cache-control'] = p.headers.CacheControl;
    if (p.headers.StorageClass) headers['x-amz-storage-class'] = p.headers.StorageClass;
    for (const [name, value] of Object.entries(p.headers.Metadata ?? {})) headers[`x-amz-meta-${name.toLowerCase()}`] = value;
    const path = s3Path(this.origin.basePath, p.bucket, p.key);
    if (!path || !Object.entries(headers).every(([name, value]) => token.test(name) && printable.test(value))) return undefined;
    const request = new HttpRequest({ method: 'PUT', hostname: this.origin.host, path, headers });
    const signed = await this.signer.sign(request, { signingDate: new Date(Date.now() + this.clockOffsetMs()) });
    let answer: Dispatcher.ResponseData;
    try {
      answer = await directRequest(this.dispatcher, { origin: this.origin.url, path, method: 'PUT', headers: signed.headers, body: p.body }, signal);
    } catch {
      if (signal.aborted) throw cancelledError();
      return undefined;
    }
    await answer.body.dump().catch(() => undefined);
    if (answer.statusCode !== 200) return undefined;
    return {
      ETag: headerOf(answer, 'etag'),
      ServerSideEncryption: headerOf(answer, 'x-amz-server-side-encryption'),
      SSECustomerAlgorithm: headerOf(answer, 'x-amz-server-side-encryption-customer-algorithm'),
    };
  }
}

const token = /^[!#$%&'*+.^_`|~0-9a-z-]+$/;
const printable = /^[\x20-\x7e]*$/;

/** The path-style object path, in S3's URI encoding (all but RFC 3986's unreserved characters); undefined for a key that is not valid Unicode. */
function s3Path(basePath: string, bucket: string, key: string): string | undefined {
  const escape = (segment: string) => encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  try {
    return `${basePath}/${bucket}/${key.split('/').map(escape).join('/')}`;
  } catch {
    return undefined; // a lone surrogate: encodeURIComponent throws
  }
}
