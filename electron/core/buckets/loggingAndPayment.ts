/** Server access logging and requester pays: two small bucket settings read and written together. */
import {
  GetBucketLoggingCommand,
  GetBucketRequestPaymentCommand,
  PutBucketLoggingCommand,
  PutBucketRequestPaymentCommand,
} from '@aws-sdk/client-s3';
import type { LoggingConfig } from '../../../shared/buckets.js';
import { codedError } from '../errors.js';
import type { BucketContext } from './bucketContext.js';
import { errorName, explain } from './panel.js';

export async function readLogging({ client }: BucketContext, bucket: string): Promise<LoggingConfig> {
  const out = await client.send(new GetBucketLoggingCommand({ Bucket: bucket }));
  const on = out.LoggingEnabled;
  return on?.TargetBucket ? { enabled: true, targetBucket: on.TargetBucket, targetPrefix: on.TargetPrefix ?? '' } : { enabled: false };
}

export async function setLogging({ client }: BucketContext, bucket: string, config: LoggingConfig): Promise<void> {
  try {
    await client.send(
      new PutBucketLoggingCommand({
        Bucket: bucket,
        BucketLoggingStatus: config.enabled ? { LoggingEnabled: { TargetBucket: config.targetBucket, TargetPrefix: config.targetPrefix } } : {},
      }),
    );
  } catch (error) {
    const name = errorName(error);
    // AWS: the target must exist, be in the same region and let the logging service write to it.
    if (config.enabled && name === 'InvalidTargetBucketForLogging') {
      throw codedError('invalidInput', 'coreBuckets:loggingTargetInvalid', { bucket: config.targetBucket }, error);
    }
    if (config.enabled && name === 'NoSuchBucket') {
      throw codedError('notFound', 'coreBuckets:loggingTargetMissing', { bucket: config.targetBucket }, error);
    }
    throw explain(error, 'logging');
  }
}

export async function readRequesterPays({ client }: BucketContext, bucket: string): Promise<boolean> {
  return (await client.send(new GetBucketRequestPaymentCommand({ Bucket: bucket }))).Payer === 'Requester';
}

export async function setRequesterPays({ client }: BucketContext, bucket: string, on: boolean): Promise<void> {
  try {
    await client.send(
      new PutBucketRequestPaymentCommand({ Bucket: bucket, RequestPaymentConfiguration: { Payer: on ? 'Requester' : 'BucketOwner' } }),
    );
  } catch (error) {
    throw explain(error, 'requesterPays');
  }
}
