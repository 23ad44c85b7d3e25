import { GetObjectAclCommand, PutObjectAclCommand } from '@aws-sdk/client-s3';
import type { ObjectAclOutcome } from '../../../shared/buckets.js';
import { codedError } from '../errors.js';
import { publicGrants, type BucketContext } from './bucketContext.js';
import { errorName, explain } from './panel.js';
import { readPublicAccessBlock } from './readSettings.js';

export async function objectIsPublic({ client }: BucketContext, bucket: string, key: string): Promise<boolean> {
  try {
    const acl = await client.send(new GetObjectAclCommand({ Bucket: bucket, Key: key }));
    return publicGrants(acl.Grants ?? []).length > 0;
  } catch (error) {
    throw explain(error, 'objectAcls');
  }
}

/**
 * Makes an object readable by anyone (public-read ACL) or private again. A bucket whose Object
 * Ownership disables ACLs (AWS answers AccessControlListNotSupported) is an outcome, not a
 * failure: the caller can offer a bucket policy instead.
 */
export async function setObjectPublic(ctx: BucketContext, bucket: string, key: string, makePublic: boolean): Promise<ObjectAclOutcome> {
  try {
    await ctx.client.send(new PutObjectAclCommand({ Bucket: bucket, Key: key, ACL: makePublic ? 'public-read' : 'private' }));
    return 'applied';
  } catch (error) {
    const name = errorName(error);
    if (name === 'AccessControlListNotSupported') return 'aclsDisabled';
    if (makePublic && name === 'AccessDenied') {
      const block = await readPublicAccessBlock(ctx, bucket).catch(() => null);
      if (block?.blockPublicAcls) {
        throw codedError('permission', 'coreBuckets:blockPublicAclsOn', undefined, error);
      }
    }
    throw explain(error, 'objectAcls');
  }
}

/** The address anyone could read the object at, if it is public. */
export function publicObjectUrl(bucket: string, key: string, region: string, endpointUrl?: string): string {
  const path = key.split('/').map(encodeURIComponent).join('/');
  if (endpointUrl) return `${endpointUrl.replace(/\/+$/, '')}/${bucket}/${path}`;
  return `https://${bucket}.s3.${region}.amazonaws.com${region.startsWith('cn-') ? '.cn' : ''}/${path}`;
}
