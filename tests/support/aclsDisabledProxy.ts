/**
 * A proxy in front of the real RGW that behaves like an AWS bucket whose Object Ownership is
 * "Bucket owner enforced": every PutObjectAcl gets AWS's recorded AccessControlListNotSupported
 * refusal (RGW never sends it). Everything else, bucket policies included, reaches RGW.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { awsErrorAnswer, startRewritingS3Proxy, type RewritingS3Proxy } from './rewritingS3Proxy.js';

/** AWS's recorded answer to PutObjectAcl on such a bucket (request ids replaced). */
export const recordedAclsDisabledXml = readFileSync(
  fileURLToPath(new URL('../fixtures/aws/AccessControlListNotSupported-PutObjectAcl.xml', import.meta.url)),
  'utf8',
);

/** PUT /bucket/key?acl in path style; PUT /bucket?acl (PutBucketAcl) is left alone. */
export function isPutObjectAcl(method: string, url: URL): boolean {
  return method === 'PUT' && url.searchParams.has('acl') && /^\/[^/]+\/./.test(url.pathname);
}

export async function startAclsDisabledProxy(upstream: string): Promise<RewritingS3Proxy> {
  const refusal = awsErrorAnswer(400, recordedAclsDisabledXml);
  return startRewritingS3Proxy(upstream, (method, url) => (isPutObjectAcl(method, url) ? refusal : undefined));
}
