import type { s3Operations } from '../../../../shared/contract/s3.js';
import { codedError } from '../../errors.js';
import { S3FileSystem } from '../../s3/s3FileSystem.js';
import type { DomainHandlers } from './domainHandlers.js';
import type { Services } from './services.js';

export function s3Handlers({ sessions, connections, events }: Services): DomainHandlers<typeof s3Operations> {
  const s3fs = (connectionId: string) => {
    const fs = sessions.get(connectionId).fs;
    if (!(fs instanceof S3FileSystem)) throw codedError('invalidInput', 'coreIpc:s3Only.connection');
    return fs;
  };
  const bookmark = async (connectionId: string, bucket: string, saved: boolean) => {
    await connections.setBookmarkedBucket(connectionId, bucket, saved);
    events.emit('connections:changed', connections.list());
  };
  return {
    's3:listBuckets': ({ connectionId }) => s3fs(connectionId).listBuckets(),
    's3:openBucket': async ({ connectionId, bucket, bookmark: save }) => {
      const entry = await s3fs(connectionId).openBucket(bucket);
      if (save) await bookmark(connectionId, bucket, true);
      return entry;
    },
    's3:forgetBucket': ({ connectionId, bucket }) => bookmark(connectionId, bucket, false),
    's3:properties': ({ connectionId, path }) => s3fs(connectionId).properties(path),
    's3:deleteObject': ({ connectionId, path }) => s3fs(connectionId).deleteObject(path),
    's3:updateHeaders': ({ connectionId, path, edit }) => s3fs(connectionId).updateHeaders(path, edit),
    's3:setTags': ({ connectionId, path, tags }) => s3fs(connectionId).setTags(path, tags),
    's3:share': ({ connectionId, path, expiresInSeconds }) => s3fs(connectionId).share(path, expiresInSeconds),
  };
}
