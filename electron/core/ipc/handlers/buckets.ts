import type { bucketOperations } from '../../../../shared/contract/buckets.js';
import { splitS3Path } from '../../../../shared/paths.js';
import { restoreObject, restoreStatus } from '../../buckets/archiveRestore.js';
import { countForEmpty, createBucket, deleteBucket } from '../../buckets/bucketLifecycleOps.js';
import { bucketContextFor } from '../../buckets/connectionBuckets.js';
import { setLogging, setRequesterPays } from '../../buckets/loggingAndPayment.js';
import { setNotifications } from '../../buckets/notifications.js';
import { setLegalHold } from '../../buckets/objectLock.js';
import { setReplication } from '../../buckets/replication.js';
import { objectIsPublic, publicObjectUrl, setObjectPublic } from '../../buckets/objectAcl.js';
import { addPublicReadPolicy } from '../../buckets/prefixPolicy.js';
import { listDeletedObjects, restoreDeleted } from '../../buckets/deletedObjects.js';
import { deleteVersion, listVersions, restoreVersion } from '../../buckets/objectVersions.js';
import { bucketRegion, readBucketSettings, readVersioning } from '../../buckets/readSettings.js';
import { downloadVersion } from '../../buckets/versionDownload.js';
import * as write from '../../buckets/writeSettings.js';
import { codedError } from '../../errors.js';
import { explain } from '../../buckets/panel.js';
import type { DomainHandlers } from './domainHandlers.js';
import type { Services } from './services.js';

function objectKey(path: string): { bucket: string; key: string } {
  const { bucket, key } = splitS3Path(path);
  if (!bucket || !key || key.endsWith('/')) throw codedError('invalidInput', 'coreIpc:objects.chooseFile');
  return { bucket, key };
}

export function bucketHandlers({ sessions, connections, events }: Services): DomainHandlers<typeof bucketOperations> {
  const ctx = (connectionId: string) => bucketContextFor(sessions, connections, connectionId);
  const progress = (jobId: string | undefined) => (done: number, current?: string) => {
    if (jobId) events.emit('buckets:jobProgress', { jobId, done, ...(current ? { current } : {}) });
  };
  return {
    'buckets:settings': ({ connectionId, bucket }) => readBucketSettings(ctx(connectionId), bucket),
    'buckets:create': ({ connectionId, bucket, ...options }) => createBucket(ctx(connectionId), bucket, options),
    'buckets:countForEmpty': ({ connectionId, bucket }) => countForEmpty(ctx(connectionId), bucket),
    'buckets:delete': ({ connectionId, bucket, empty, confirmName, jobId }) =>
      deleteBucket(ctx(connectionId), bucket, { empty, confirmName }, progress(jobId)),
    'buckets:setVersioning': ({ connectionId, bucket, status }) => write.setVersioning(ctx(connectionId), bucket, status),
    'buckets:setPublicAccessBlock': ({ connectionId, bucket, block }) => write.setPublicAccessBlock(ctx(connectionId), bucket, block),
    'buckets:setWebsite': ({ connectionId, bucket, website }) => write.setWebsite(ctx(connectionId), bucket, website),
    'buckets:setLifecycle': ({ connectionId, bucket, rules }) => write.setLifecycle(ctx(connectionId), bucket, rules),
    'buckets:setCors': ({ connectionId, bucket, rules }) => write.setCors(ctx(connectionId), bucket, rules),
    'buckets:setTags': ({ connectionId, bucket, tags }) => write.setTags(ctx(connectionId), bucket, tags),
    'buckets:setPolicy': ({ connectionId, bucket, policy }) => write.setPolicy(ctx(connectionId), bucket, policy),
    'buckets:setEncryption': ({ connectionId, bucket, encryption }) => write.setEncryption(ctx(connectionId), bucket, encryption),
    'buckets:listVersions': ({ connectionId, path }) => {
      const { bucket, key } = objectKey(path);
      return listVersions(ctx(connectionId), bucket, key);
    },
    'buckets:restoreVersion': ({ connectionId, path, versionId }) => {
      const { bucket, key } = objectKey(path);
      return restoreVersion(ctx(connectionId), bucket, key, versionId);
    },
    'buckets:deleteVersion': ({ connectionId, path, versionId }) => {
      const { bucket, key } = objectKey(path);
      return deleteVersion(ctx(connectionId), bucket, key, versionId);
    },
    'buckets:undelete': ({ connectionId, path }) => {
      const { bucket, key } = objectKey(path);
      return restoreDeleted(ctx(connectionId), bucket, key).then(() => undefined);
    },
    'buckets:listDeleted': ({ connectionId, path }) => {
      const { bucket, key: prefix } = splitS3Path(path);
      if (!bucket || (prefix && !prefix.endsWith('/'))) throw codedError('invalidInput', 'coreIpc:objects.chooseBucketOrFolder');
      return listDeletedObjects(ctx(connectionId), bucket, prefix);
    },
    'buckets:versioning': ({ connectionId, bucket }) => readVersioning(ctx(connectionId), bucket).catch((error: unknown) => {
      throw explain(error, 'versioning');
    }),
    'buckets:downloadVersion': ({ connectionId, path, versionId, localFolder }) => {
      const { bucket, key } = objectKey(path);
      return downloadVersion(ctx(connectionId), bucket, key, versionId, localFolder);
    },
    'buckets:restoreObject': async ({ connectionId, path, days, tier }) => {
      const { bucket, key } = objectKey(path);
      const c = ctx(connectionId);
      const status = await restoreStatus(c, bucket, key);
      if (status.state === 'notArchived') throw codedError('invalidInput', 'coreIpc:objects.notArchived');
      const head = await sessions.get(connectionId).fs.stat(path);
      return restoreObject(c, bucket, key, days, tier, head.storageClass);
    },
    'buckets:restoreStatus': ({ connectionId, path }) => {
      const { bucket, key } = objectKey(path);
      return restoreStatus(ctx(connectionId), bucket, key);
    },
    'buckets:objectAccess': async ({ connectionId, path }) => {
      const { bucket, key } = objectKey(path);
      const c = ctx(connectionId);
      const region = await bucketRegion(c, bucket).catch(() => 'us-east-1');
      return { isPublic: await objectIsPublic(c, bucket, key), url: publicObjectUrl(bucket, key, region, c.endpointUrl) };
    },
    'buckets:setObjectPublic': ({ connectionId, path, makePublic }) => {
      const { bucket, key } = objectKey(path);
      return setObjectPublic(ctx(connectionId), bucket, key, makePublic);
    },
    'buckets:setLogging': ({ connectionId, bucket, logging }) => setLogging(ctx(connectionId), bucket, logging),
    'buckets:setRequesterPays': ({ connectionId, bucket, requesterPays }) => setRequesterPays(ctx(connectionId), bucket, requesterPays),
    'buckets:setDefaultRetention': ({ connectionId, bucket, retention }) => write.setDefaultRetention(ctx(connectionId), bucket, retention),
    'buckets:setLegalHold': ({ connectionId, path, on }) => {
      const { bucket, key } = objectKey(path);
      return setLegalHold(ctx(connectionId), bucket, key, on);
    },
    'buckets:setAccelerate': ({ connectionId, bucket, enabled }) => write.setAccelerate(ctx(connectionId), bucket, enabled),
    'buckets:setReplication': ({ connectionId, bucket, role, rules }) => setReplication(ctx(connectionId), bucket, { role, rules }),
    'buckets:setNotifications': ({ connectionId, bucket, rules, eventBridge }) => setNotifications(ctx(connectionId), bucket, { rules, eventBridge }),
    'buckets:addPublicReadPolicy': ({ connectionId, bucket, prefix }) => addPublicReadPolicy(ctx(connectionId), bucket, prefix),
  };
}
