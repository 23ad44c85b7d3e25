import { z } from 'zod';
import type { FileEntry } from '../files.js';
import type { ObjectProperties, ShareLink } from '../s3Objects.js';
import { maxPresignSeconds } from '../s3Objects.js';
import { op } from './define.js';
import { id, remotePath, withoutProtoKey } from './fields.js';

const bucketName = z
  .string()
  .trim()
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9._-]{1,254}$/, 'coreIpc:refused.bucketName');
const headerValue = z.string().max(2048);
const metadata = withoutProtoKey(
  z
    .record(z.string().trim().regex(/^[A-Za-z0-9!#$&'*+.^_`|~-]{1,128}$/, 'coreIpc:refused.metadataName'), z.string().max(2048))
    .refine((m) => Object.keys(m).length <= 100, 'coreIpc:refused.metadataCount'),
  'coreIpc:refused.metadataProto',
);

/** S3-only operations (bucket settings have their own file). */
export const s3Operations = {
  's3:listBuckets': op<FileEntry[]>()(z.object({ connectionId: id })),
  /** Opens a bucket by name (for users who may not list buckets); `bookmark` saves it to the connection. */
  's3:openBucket': op<FileEntry>()(z.object({ connectionId: id, bucket: bucketName, bookmark: z.boolean().optional() })),
  's3:forgetBucket': op<void>()(z.object({ connectionId: id, bucket: bucketName })),
  's3:properties': op<ObjectProperties>()(z.object({ connectionId: id, path: remotePath })),
  /** Deletes exactly the object at `path`, even a key ending in "/" (fs:delete takes that as a whole folder). */
  's3:deleteObject': op<void>()(z.object({ connectionId: id, path: remotePath })),
  's3:updateHeaders': op<ObjectProperties>()(
    z.object({
      connectionId: id,
      path: remotePath,
      edit: z.object({
        contentType: headerValue.optional(),
        cacheControl: headerValue.optional(),
        contentDisposition: headerValue.optional(),
        contentEncoding: headerValue.optional(),
        metadata,
      }),
    }),
  ),
  's3:setTags': op<ObjectProperties>()(
    z.object({
      connectionId: id,
      path: remotePath,
      tags: z.array(z.object({ key: z.string().min(1).max(128), value: z.string().max(256) })).max(10),
    }),
  ),
  's3:share': op<ShareLink>()(
    z.object({ connectionId: id, path: remotePath, expiresInSeconds: z.number().int().min(60).max(maxPresignSeconds) }),
  ),
};

export const s3Events = {};
