import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { S3Client } from '@aws-sdk/client-s3';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { HttpRequest } from '@smithy/core/protocols';
import type { BuildMiddleware, MetadataBearer } from '@aws-sdk/types';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { RoutedHttpAgent, RoutedHttpsAgent, type NetworkRoute } from '../net/routedAgents.js';

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
}

/** Each client's network route, for the plain-HTTP fast paths to ask whether a proxy applies. */
const routes = new WeakMap<S3Client, NetworkRoute>();

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
  const client = new S3Client({
    region: options.region,
    endpoint: options.endpoint,
    forcePathStyle: options.forcePathStyle,
    credentials: options.credentials,
    followRegionRedirects: true,
    maxAttempts: options.maxAttempts ?? 3,
    // S3-compatible servers (Ceph, MinIO before 2025, older Wasabi) reject the newer
    // default of trailing CRC32 checksums in aws-chunked bodies.
    requestChecksumCalculation: options.endpoint ? 'WHEN_REQUIRED' : 'WHEN_SUPPORTED',
    responseChecksumValidation: options.endpoint ? 'WHEN_REQUIRED' : 'WHEN_SUPPORTED',
    requestHandler: s3RequestHandler(options),
  });
  if (options.network) routes.set(client, options.network);
  if (payloadIsProtected(options.endpoint)) client.middlewareStack.add(unsignedPayloadWithContentMd5, { step: 'build', name: 'unsignedPayloadWithContentMd5' });
  return client;
}

type ResolvedEndpoint = NonNullable<Awaited<ReturnType<NonNullable<S3Client['config']['endpoint']>>>>;

/**
 * The client's custom endpoint when it is plain HTTP (a gateway on the LAN) and reached
 * directly: where the plain-HTTP short cuts apply. They open their own sockets to the
 * endpoint, so where a proxy applies they step aside and every request takes the SDK's
 * path, whose agents go through the proxy.
 */
export async function plainHttpEndpoint(client: S3Client): Promise<ResolvedEndpoint | undefined> {
  const endpoint = await client.config.endpoint?.();
  if (endpoint?.protocol !== 'http:') return undefined;
  const route = routes.get(client);
  const origin = `http://${endpoint.hostname}${endpoint.port ? `:${endpoint.port}` : ''}/`;
  return route && (await route.proxyFor(origin)) ? undefined : endpoint;
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
