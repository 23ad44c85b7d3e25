/**
 * The fallback when Object Ownership disables ACLs: a bucket policy statement that lets
 * anyone read the objects under a prefix, merged into the bucket's existing policy.
 */
import { GetBucketPolicyCommand } from '@aws-sdk/client-s3';
import { publicReadStatement } from '../../../shared/buckets.js';
import type { BucketContext } from './bucketContext.js';
import { orWhenMissing } from './panel.js';
import { setPolicy } from './writeSettings.js';

interface PolicyDocument {
  Version?: string;
  Statement?: Record<string, unknown> | Record<string, unknown>[];
  [key: string]: unknown;
}

/** The policy text with the public-read statement for `prefix` added (or replaced when present). */
export function policyWithPublicPrefix(current: string, bucket: string, prefix: string): string {
  const doc: PolicyDocument = current.trim() ? (JSON.parse(current) as PolicyDocument) : { Version: '2012-10-17' };
  const statements = Array.isArray(doc.Statement) ? doc.Statement : doc.Statement ? [doc.Statement] : [];
  const added = publicReadStatement(bucket, prefix);
  const kept = statements.filter((s) => s.Sid !== added.Sid);
  return JSON.stringify({ ...doc, Version: doc.Version ?? '2012-10-17', Statement: [...kept, added] }, null, 2);
}

/** Adds the public-read statement for `prefix` to the bucket policy (validated, then saved). */
export async function addPublicReadPolicy(ctx: BucketContext, bucket: string, prefix: string): Promise<void> {
  const current = await orWhenMissing(
    async () => (await ctx.client.send(new GetBucketPolicyCommand({ Bucket: bucket }))).Policy ?? '',
    ['NoSuchBucketPolicy'],
    '',
  );
  await setPolicy(ctx, bucket, policyWithPublicPrefix(current, bucket, prefix));
}
