import {
  DeleteBucketCorsCommand,
  DeleteBucketEncryptionCommand,
  DeleteBucketLifecycleCommand,
  DeleteBucketPolicyCommand,
  DeleteBucketTaggingCommand,
  DeleteBucketWebsiteCommand,
  PutBucketCorsCommand,
  PutBucketEncryptionCommand,
  PutBucketLifecycleConfigurationCommand,
  PutBucketPolicyCommand,
  PutBucketTaggingCommand,
  PutBucketVersioningCommand,
  PutBucketWebsiteCommand,
  PutPublicAccessBlockCommand,
} from '@aws-sdk/client-s3';
import type { CorsRule, Encryption, LifecycleRule, PublicAccessBlock, Tag, WebsiteConfig } from '../../../shared/buckets.js';
import { AppError } from '../errors.js';
import type { BucketContext } from './bucketContext.js';
import { assertValidPolicy } from './bucketPolicy.js';
import { errorName, explain } from './panel.js';
import { readPublicAccessBlock } from './readSettings.js';
import { corsToSdk, lifecycleToSdk, websiteToSdk } from './settingsMapping.js';

async function attempt<T>(what: string, run: () => Promise<T>): Promise<T> {
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
  return attempt('Block Public Access', async () => {
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
  return attempt('website hosting', async () => {
    if (config.mode === 'off') {
      await client.send(new DeleteBucketWebsiteCommand({ Bucket: bucket }));
      return;
    }
    await client.send(new PutBucketWebsiteCommand({ Bucket: bucket, WebsiteConfiguration: websiteToSdk(config) }));
  });
}

export function setLifecycle({ client }: BucketContext, bucket: string, rules: LifecycleRule[]) {
  return attempt('lifecycle rules', async () => {
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
  return attempt('CORS', async () => {
    if (rules.length === 0) {
      await client.send(new DeleteBucketCorsCommand({ Bucket: bucket }));
      return;
    }
    await client.send(new PutBucketCorsCommand({ Bucket: bucket, CORSConfiguration: { CORSRules: corsToSdk(rules) } }));
  });
}

export function setTags({ client }: BucketContext, bucket: string, tags: Tag[]) {
  return attempt('bucket tags', async () => {
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
  return attempt('default encryption', async () => {
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
    await attempt('bucket policies', () => ctx.client.send(new DeleteBucketPolicyCommand({ Bucket: bucket })));
    return;
  }
  assertValidPolicy(policy);
  try {
    await ctx.client.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: policy }));
  } catch (error) {
    const name = errorName(error);
    // RGW answers InvalidArgument without a message to a policy it cannot accept.
    if (name === 'MalformedPolicy' || name === 'InvalidPolicyDocument' || name === 'InvalidArgument') {
      const said = (error as Error).message;
      const why = said && said !== 'UnknownError' ? said : 'check each Action, Resource and Principal';
      throw new AppError('invalidInput', `The server rejected the policy: ${why}.`.replace(/\.\.$/, '.'), { cause: error });
    }
    if (name === 'AccessDenied') {
      const block = await readPublicAccessBlock(ctx, bucket).catch(() => null);
      if (block?.blockPublicPolicy) {
        throw new AppError(
          'permission',
          'The "Block public bucket policies" switch of Block Public Access is on: it refuses policies that grant public access. Turn it off first.',
          { cause: error },
        );
      }
    }
    throw explain(error, 'bucket policies');
  }
}
