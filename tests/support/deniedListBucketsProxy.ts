/**
 * A loopback HTTP proxy in front of the real RGW that answers ListBuckets (GET / on the
 * endpoint) the way AWS answers an IAM user without s3:ListAllMyBuckets, with a recorded
 * 403 AccessDenied response, and forwards every other request to RGW unchanged (the Host
 * header included, so SigV4 signatures still match).
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Recorded from AWS (account id and request ids replaced). */
export const recordedAccessDeniedXml =
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  '<Error><Code>AccessDenied</Code><Message>User: arn:aws:iam::123456789012:user/stowage-reader is not authorized to perform: ' +
  's3:ListAllMyBuckets because no identity-based policy allows the s3:ListAllMyBuckets action</Message>' +
  '<RequestId>8ZK0V6R3QJ4Y2T1M</RequestId><HostId>9c2Nq1kF0xW6bQm3S8dJd0y5vYy1tB6pG3lXo2h8uXk7sT9aR4eV1wZ5cN0bM2qL7jH6gF3dS=</HostId></Error>';

export interface DeniedListBucketsProxy {
  endpoint: string;
  /** How many ListBuckets requests were answered with the recorded denial. */
  denied(): number;
  close(): Promise<void>;
}

export async function startDeniedListBucketsProxy(upstream: string): Promise<DeniedListBucketsProxy> {
  const target = new URL(upstream);
  let denied = 0;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://proxy');
    if (req.method === 'GET' && url.pathname === '/') {
      denied++;
      req.resume();
      res.writeHead(403, {
        'Content-Type': 'application/xml',
        'x-amz-request-id': '8ZK0V6R3QJ4Y2T1M',
        'x-amz-id-2': '9c2Nq1kF0xW6bQm3S8dJd0y5vYy1tB6pG3lXo2h8uXk7sT9aR4eV1wZ5cN0bM2qL7jH6gF3dS=',
        Server: 'AmazonS3',
      });
      res.end(recordedAccessDeniedXml);
      return;
    }
    const forward = request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    denied: () => denied,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
