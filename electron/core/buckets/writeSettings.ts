import {
  DeleteBucketCorsCommand,
  DeleteBucketEncryptionCommand,
  DeleteBucketLifecycleCommand,
  DeleteBucketPolicyCommand,
  DeleteBucketTaggingCommand,
  DeleteBucketWebsiteCommand,
  PutBucketAccelerateConfigurationCommand,
  PutBucketCorsCommand,
  PutBucketEncryptionCommand,
  PutBucketLifecycleConfigurationCommand,
  PutBucketPolicyCommand,
  PutBucketTaggingCommand,
  PutBucketVersioningCommand,
  PutBucketWebsiteCommand,
  PutObjectLockConfigurationCommand,
  PutPublicAccessBlockCommand,
} from '@aws-sdk/client-s3';
import type { CorsRule, DefaultRetention, Encryption, LifecycleRule, PublicAccessBlock, Tag, WebsiteConfig } from '../../../shared/buckets.js';
import { codedError } from '../errors.js';
import type { BucketContext } from './bucketContext.js';
import { assertValidPolicy } from './bucketPolicy.js';
import { errorName, explain, serverSentence, type BucketFeature } from './panel.js';
import { readPublicAccessBlock } from './readSettings.js';
import { corsToSdk, lifecycleToSdk, objectLockToSdk, websiteToSdk } from './settingsMapping.js';

async function attempt<T>(what: BucketFeature, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw explain(error, what);
  }
}

export function setVersioning({ client }: BucketContext, bucket: string, status: 'Enabled' | 'Suspended') {
  return attempt('versioning', async () => {
    await client.send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: status } }));
  });
}

export function setPublicAccessBlock({ client }: BucketContext, bucket: string, block: PublicAccessBlock) {
  return attempt('publicAccessBlock', async () => {
    await client.send(
      new PutPublicAccessBlockCommand({
        Bucket: bucket,
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: block.blockPublicAcls,
          IgnorePublicAcls: block.ignorePublicAcls,
          BlockPublicPolicy: block.blockPublicPolicy,
          RestrictPublicBuckets: block.restrictPublicBuckets,
        },
      }),
    );
  });
}

export function setWebsite({ client }: BucketContext, bucket: string, config: WebsiteConfig) {
  return attempt('website', async () => {
    if (config.mode === 'off') {
      await client.send(new DeleteBucketWebsiteCommand({ Bucket: bucket }));
      return;
    }
    await client.send(new PutBucketWebsiteCommand({ Bucket: bucket, WebsiteConfiguration: websiteToSdk(config) }));
  });
}

export function setLifecycle({ client }: BucketContext, bucket: string, rules: LifecycleRule[]) {
  return attempt('lifecycle', async () => {
    if (rules.length === 0) {
      await client.send(new DeleteBucketLifecycleCommand({ Bucket: bucket }));
      return;
    }
    await client.send(
      new PutBucketLifecycleConfigurationCommand({ Bucket: bucket, LifecycleConfiguration: { Rules: lifecycleToSdk(rules) } }),
    );
  });
}

export function setCors({ client }: BucketContext, bucket: string, rules: CorsRule[]) {
  return attempt('cors', async () => {
    if (rules.length === 0) {
      await client.send(new DeleteBucketCorsCommand({ Bucket: bucket }));
      return;
    }
    await client.send(new PutBucketCorsCommand({ Bucket: bucket, CORSConfiguration: { CORSRules: corsToSdk(rules) } }));
  });
}

export function setTags({ client }: BucketContext, bucket: string, tags: Tag[]) {
  return attempt('tags', async () => {
    if (tags.length === 0) {
      await client.send(new DeleteBucketTaggingCommand({ Bucket: bucket }));
      return;
    }
    await client.send(
      new PutBucketTaggingCommand({ Bucket: bucket, Tagging: { TagSet: tags.map((t) => ({ Key: t.key, Value: t.value })) } }),
    );
  });
}

export function setEncryption({ client }: BucketContext, bucket: string, encryption: Encryption) {
  return attempt('encryption', async () => {
    if (encryption.kind === 'none') {
      await client.send(new DeleteBucketEncryptionCommand({ Bucket: bucket }));
      return;
    }
    const kms = encryption.kind === 'SSE-KMS';
    await client.send(
      new PutBucketEncryptionCommand({
        Bucket: bucket,
        ServerSideEncryptionConfiguration: {
          Rules: [
            {
              ApplyServerSideEncryptionByDefault: kms
                ? { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: encryption.keyId || undefined }
                : { SSEAlgorithm: 'AES256' },
              BucketKeyEnabled: kms ? encryption.bucketKey : undefined,
            },
          ],
        },
      }),
    );
  });
}

/** Saves (or with '' removes) the bucket policy; the server's own objection is shown as is. */
export async function setPolicy(ctx: BucketContext, bucket: string, policy: string): Promise<void> {
  if (policy.trim() === '') {
    await attempt('policy', () => ctx.client.send(new DeleteBucketPolicyCommand({ Bucket: bucket })));
    return;
  }
  assertValidPolicy(policy);
  try {
    await ctx.client.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: policy }));
  } catch (error) {
    const name = errorName(error);
    // RGW answers InvalidArgument without a message to a policy it cannot accept.
    if (name === 'MalformedPolicy' || name === 'InvalidPolicyDocument' || name === 'InvalidArgument') {
      const said = serverSentence(error);
      if (!said) throw codedError('invalidInput', 'coreBuckets:policyRejectedNoReason', undefined, error);
      throw codedError('invalidInput', 'coreBuckets:policyRejected', { detail: said }, error);
    }
    if (name === 'AccessDenied') {
      const block = await readPublicAccessBlock(ctx, bucket).catch(() => null);
      if (block?.blockPublicPolicy) {
        throw codedError('permission', 'coreBuckets:blockPublicPolicyOn', undefined, error);
      }
    }
    throw explain(error, 'policy');
  }
}

/** Sets (or with null removes) the default retention of a bucket that has Object Lock. */
export async function setDefaultRetention({ client }: BucketContext, bucket: string, retention: DefaultRetention | null): Promise<void> {
  try {
    await client.send(new PutObjectLockConfigurationCommand({ Bucket: bucket, ObjectLockConfiguration: objectLockToSdk(retention) }));
  } catch (error) {
    // Object Lock cannot be turned on afterwards: the bucket had to be created with it.
    if (errorName(error) === 'InvalidBucketState' || errorName(error) === 'InvalidRequest') {
      throw codedError('invalidInput', 'coreBuckets:lock.notEnabled', { bucket }, error);
    }
    throw explain(error, 'objectLock');
  }
}

/** Transfer Acceleration on or off (AWS only; a name with dots is refused by AWS itself). */
export async function setAccelerate(ctx: BucketContext, bucket: string, enabled: boolean): Promise<void> {
  if (ctx.endpointUrl) throw codedError('unsupported', 'coreBuckets:accelerateAwsOnly');
  if (enabled && bucket.includes('.')) throw codedError('invalidInput', 'coreBuckets:accelerateDots', { bucket });
  await attempt('accelerate', () =>
    ctx.client.send(new PutBucketAccelerateConfigurationCommand({ Bucket: bucket, AccelerateConfiguration: { Status: enabled ? 'Enabled' : 'Suspended' } })),
  );
}
