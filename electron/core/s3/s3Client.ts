import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { S3Client } from '@aws-sdk/client-s3';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { HttpRequest } from '@smithy/core/protocols';
import type { BuildMiddleware, MetadataBearer } from '@aws-sdk/types';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';

export interface S3ClientOptions {
  /** Omitted for AWS itself. */
  endpoint?: string;
  region: string;
  forcePathStyle: boolean;
  credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** How long to wait for a TCP connection before calling the server unreachable. */
  connectTimeoutMs?: number;
  maxSockets?: number;
}

export function createS3Client(options: S3ClientOptions): S3Client {
  const maxSockets = options.maxSockets ?? 64;
  const client = new S3Client({
    region: options.region,
    endpoint: options.endpoint,
    forcePathStyle: options.forcePathStyle,
    credentials: options.credentials,
    followRegionRedirects: true,
    maxAttempts: 3,
    // S3-compatible servers (Ceph, MinIO before 2025, older Wasabi) reject the newer
    // default of trailing CRC32 checksums in aws-chunked bodies.
    requestChecksumCalculation: options.endpoint ? 'WHEN_REQUIRED' : 'WHEN_SUPPORTED',
    responseChecksumValidation: options.endpoint ? 'WHEN_REQUIRED' : 'WHEN_SUPPORTED',
    requestHandler: new NodeHttpHandler({
      connectionTimeout: options.connectTimeoutMs ?? 5_000,
      requestTimeout: 60_000,
      // Otherwise a stalled request only logs a warning and never ends.
      throwOnRequestTimeout: true,
      httpAgent: new HttpAgent({ keepAlive: true, maxSockets }),
      httpsAgent: new HttpsAgent({ keepAlive: true, maxSockets }),
    }),
  });
  if (payloadIsProtected(options.endpoint)) client.middlewareStack.add(unsignedPayloadWithContentMd5, { step: 'build', name: 'unsignedPayloadWithContentMd5' });
  return client;
}

type ResolvedEndpoint = NonNullable<Awaited<ReturnType<NonNullable<S3Client['config']['endpoint']>>>>;

/** The client's custom endpoint when it is plain HTTP (a gateway on the LAN): where the plain-HTTP short cuts apply. */
export async function plainHttpEndpoint(client: S3Client): Promise<ResolvedEndpoint | undefined> {
  const endpoint = await client.config.endpoint?.();
  return endpoint?.protocol === 'http:' ? endpoint : undefined;
}

/** A URL's hostname as `net.connect` takes it: an IPv6 address without its brackets. */
export function socketHost(hostname: string): string {
  return hostname.replace(/^\[|\]$/g, '');
}

/** TLS (AWS itself, or an https endpoint) or loopback: nobody in between can change the bytes. */
export function payloadIsProtected(endpoint: string | undefined): boolean {
  if (!endpoint) return true;
  const url = new URL(endpoint);
  return url.protocol === 'https:' || ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

/**
 * A body sent with Content-MD5 is already checked by the server, so its SHA-256 for the
 * signature is a second pass over every byte on both ends: skip it, as the AWS SDKs for Go
 * and Python do where the payload is protected anyway. The headers stay signed.
 */
const unsignedPayloadWithContentMd5: BuildMiddleware<object, MetadataBearer> = (next) => async (args) => {
  const request = args.request;
  if (HttpRequest.isInstance(request) && request.headers['content-md5'] && !request.headers['x-amz-content-sha256']) {
    request.headers['x-amz-content-sha256'] = 'UNSIGNED-PAYLOAD';
  }
  return next(args);
};
