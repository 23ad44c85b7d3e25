/**
 * The requests directory buckets (S3 Express One Zone) have no answer for, refused with a
 * sentence instead of sent. Only on AWS: elsewhere a bucket may be named like one.
 */
import type { InitializeMiddleware, MetadataBearer } from '@aws-sdk/types';
import { isDirectoryBucket } from '../../../shared/directoryBuckets.js';
import { codedError } from '../errors.js';

/**
 * Operations of general purpose buckets only (AWS's "features not supported by directory
 * buckets"): asked of a directory bucket they would fail with a bare NotImplemented, or
 * look for a bucket endpoint that does not exist.
 */
const generalPurposeOnly = new Set([
  'GetBucketVersioningCommand',
  'PutBucketVersioningCommand',
  'ListObjectVersionsCommand',
  'GetPublicAccessBlockCommand',
  'PutPublicAccessBlockCommand',
  'DeletePublicAccessBlockCommand',
  'GetBucketPolicyStatusCommand',
  'GetBucketAclCommand',
  'PutBucketAclCommand',
  'GetObjectAclCommand',
  'PutObjectAclCommand',
  'GetBucketWebsiteCommand',
  'PutBucketWebsiteCommand',
  'DeleteBucketWebsiteCommand',
  'GetBucketCorsCommand',
  'PutBucketCorsCommand',
  'DeleteBucketCorsCommand',
  'GetBucketTaggingCommand',
  'PutBucketTaggingCommand',
  'DeleteBucketTaggingCommand',
  'GetBucketLoggingCommand',
  'PutBucketLoggingCommand',
  'GetBucketRequestPaymentCommand',
  'PutBucketRequestPaymentCommand',
  'GetObjectLockConfigurationCommand',
  'PutObjectLockConfigurationCommand',
  'GetObjectRetentionCommand',
  'PutObjectRetentionCommand',
  'GetObjectLegalHoldCommand',
  'PutObjectLegalHoldCommand',
  'GetBucketAccelerateConfigurationCommand',
  'PutBucketAccelerateConfigurationCommand',
  'GetBucketReplicationCommand',
  'PutBucketReplicationCommand',
  'DeleteBucketReplicationCommand',
  'GetBucketNotificationConfigurationCommand',
  'PutBucketNotificationConfigurationCommand',
  'GetBucketLocationCommand',
  'RestoreObjectCommand',
]);

/** Refuses, before sending, an operation directory buckets do not have, naming why. */
export const refuseOnDirectoryBuckets: InitializeMiddleware<object, MetadataBearer> = (next, context) => async (args) => {
  const bucket = (args.input as { Bucket?: unknown }).Bucket;
  if (typeof bucket === 'string' && isDirectoryBucket(bucket) && generalPurposeOnly.has(context.commandName ?? '')) {
    throw codedError('unsupported', 'coreS3:directoryBucket.notApplicable', { bucket });
  }
  return next(args);
};
