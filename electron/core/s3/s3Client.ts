import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { S3Client } from '@aws-sdk/client-s3';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { HttpRequest } from '@smithy/core/protocols';
import type { BuildMiddleware, MetadataBearer } from '@aws-sdk/types';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';
import type { Dispatcher } from 'undici';
import { RoutedHttpAgent, RoutedHttpsAgent, type NetworkRoute } from '../net/routedAgents.js';
import { routedDispatcher } from '../net/routedDispatcher.js';
import { refuseOnDirectoryBuckets } from './directoryBucketRefusal.js';
import { servesDirectoryBuckets } from './directoryBucketClients.js';

export interface S3ClientOptions {
  /** Omitted for AWS itself. */
  endpoint?: string;
  region: string;
  forcePathStyle: boolean;
  credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** How long to wait for a TCP connection before calling the server unreachable. */
  connectTimeoutMs?: number;
  maxSockets?: number;
  /** The proxy and trust for this connection; without it, direct with Node's default trust (tests). */
  network?: NetworkRoute;
  /** Sends of one request, the first included (the SDK retries the rest); 3 unless said. */
  maxAttempts?: number;
  /** AWS: send requests to `<bucket>.s3-accelerate.amazonaws.com` (Transfer Acceleration). */
  useAccelerateEndpoint?: boolean;
  /**
   * Whether a bucket named `<base>--<zone id>--x-s3` is a directory bucket, whose general
   * purpose operations are refused unsent: on AWS itself (no endpoint) unless said; another
   * server's bucket may merely be named so.
   */
  directoryBuckets?: boolean;
}

/** Each client's network route, for the other AWS clients of its connection. */
const routes = new WeakMap<S3Client, NetworkRoute>();
/** Each client's dispatcher for the requests sent beside the SDK (see directDispatcher). */
const dispatchers = new WeakMap<S3Client, Dispatcher>();

/**
 * The SDK's Node handler with agents that take the connection's proxy and trust. Also used
 * for the other AWS clients a connection needs (STS for assume-role, S3 Control), so they
 * reach AWS the same way; each client gets its own, as destroying a client ends its agents.
 */
export function s3RequestHandler(options: Pick<S3ClientOptions, 'connectTimeoutMs' | 'maxSockets' | 'network'>): NodeHttpHandler {
  const maxSockets = options.maxSockets ?? 64;
  const agentOptions = { keepAlive: true, maxSockets };
  const network = options.network;
  return new NodeHttpHandler({
    connectionTimeout: options.connectTimeoutMs ?? 5_000,
    requestTimeout: 60_000,
    // Otherwise a stalled request only logs a warning and never ends.
    throwOnRequestTimeout: true,
    httpAgent: network ? new RoutedHttpAgent(network.proxyFor, agentOptions) : new HttpAgent(agentOptions),
    httpsAgent: network ? new RoutedHttpsAgent(network, agentOptions) : new HttpsAgent(agentOptions),
  });
}

/** A new handler on the same proxy and trust as `client`, for another AWS client of its connection. */
export function requestHandlerLike(client: S3Client): NodeHttpHandler {
  return s3RequestHandler({ network: routes.get(client) });
}

export function createS3Client(options: S3ClientOptions): S3Client {
  const directoryBuckets = options.directoryBuckets ?? !options.endpoint;
  const client = new S3Client({
    region: options.region,
    endpoint: options.endpoint,
    forcePathStyle: options.forcePathStyle,
    credentials: options.credentials,
    followRegionRedirects: true,
    useAccelerateEndpoint: options.useAccelerateEndpoint,
    // The SDK takes any bucket named `<base>--<zone id>--x-s3` for a directory bucket and asks for a
    // CreateSession first: only where directory buckets exist, so another server's bucket so named works.
    disableS3ExpressSessionAuth: !directoryBuckets,
    maxAttempts: options.maxAttempts ?? 3,
    // S3-compatible servers (Ceph, MinIO before 2025, older Wasabi) reject the newer
    // default of trailing CRC32 checksums in aws-chunked bodies.
    requestChecksumCalculation: options.endpoint ? 'WHEN_REQUIRED' : 'WHEN_SUPPORTED',
    responseChecksumValidation: options.endpoint ? 'WHEN_REQUIRED' : 'WHEN_SUPPORTED',
    requestHandler: s3RequestHandler(options),
  });
  if (options.network) routes.set(client, options.network);
  const dispatcher = routedDispatcher(options.network, { connectTimeoutMs: options.connectTimeoutMs ?? 5_000, connections: options.maxSockets ?? 64, answerTimeoutMs: 60_000 });
  dispatchers.set(client, dispatcher);
  const destroy = client.destroy.bind(client);
  client.destroy = () => {
    void dispatcher.destroy().catch(() => undefined);
    destroy();
  };
  if (directoryBuckets) {
    servesDirectoryBuckets(client);
    client.middlewareStack.add(refuseOnDirectoryBuckets, { step: 'initialize', name: 'refuseOnDirectoryBuckets' });
  }
  if (payloadIsProtected(options.endpoint)) client.middlewareStack.add(unsignedPayloadWithContentMd5, { step: 'build', name: 'unsignedPayloadWithContentMd5' });
  return client;
}

/**
 * The client's undici dispatcher, on its proxy and trust: for the few requests a transfer
 * sends most (small PutObjects, ranged GETs), which skip the SDK's per-request middleware
 * and node:http (figures in tests/bench/BENCHMARKS.md). Every other request, and every
 * answer those fast paths do not take, goes through the SDK.
 */
export function directDispatcher(client: S3Client): Dispatcher | undefined {
  return dispatchers.get(client);
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
