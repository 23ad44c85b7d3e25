/**
 * A proxy in front of the real RGW that answers ListBuckets (GET / on the endpoint) the way
 * AWS answers an IAM user without s3:ListAllMyBuckets, with a recorded 403 AccessDenied, and
 * forwards every other request to RGW unchanged.
 */
import { awsErrorAnswer, startRewritingS3Proxy } from './rewritingS3Proxy.js';

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
  const denial = awsErrorAnswer(403, recordedAccessDeniedXml);
  const proxy = await startRewritingS3Proxy(upstream, (method, url) => (method === 'GET' && url.pathname === '/' ? denial : undefined));
  return { endpoint: proxy.endpoint, denied: proxy.rewritten, close: proxy.close };
}
