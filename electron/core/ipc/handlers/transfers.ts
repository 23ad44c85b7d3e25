import type { transferOperations } from '../../../../shared/contract/transfers.js';
import { codedError } from '../../errors.js';
import { abortIncompleteUploads } from '../../s3/s3MultipartUploads.js';
import { incompleteUploadsWithParts } from '../../s3/s3IncompleteUploads.js';
import { isS3Session } from '../../s3/s3Session.js';
import { localItemOf } from '../../transfers/showInFolder.js';
import type { DomainHandlers } from './domainHandlers.js';
import type { Services } from './services.js';

export function transferHandlers({ transfers, sessions, host }: Services): DomainHandlers<typeof transferOperations> {
  const s3Client = (connectionId: string) => {
    const session = sessions.get(connectionId);
    if (!isS3Session(session)) throw codedError('unsupported', 'coreIpc:s3Only.multipartUploads');
    return session.client;
  };
  return {
    'transfers:upload': ({ connectionId, localPaths, remoteFolder, options }) => transfers.upload(connectionId, localPaths, remoteFolder, options),
    'transfers:download': ({ connectionId, remotePaths, localFolder }) => transfers.download(connectionId, remotePaths, localFolder),
    'transfers:copyBetween': ({ source, target, move }) => transfers.copyBetween({ source, target, move: move ?? false }),
    'transfers:changeStorageClass': ({ connectionId, paths, storageClass }) => transfers.changeStorageClass(connectionId, paths, storageClass),
    'transfers:list': () => transfers.list(),
    'transfers:pause': ({ ids }) => transfers.pause(ids),
    'transfers:resume': ({ ids }) => transfers.resume(ids),
    'transfers:cancel': ({ ids }) => transfers.cancel(ids),
    'transfers:retry': ({ ids }) => transfers.retry(ids),
    'transfers:clearFinished': () => transfers.clearFinished(),
    'transfers:showInFolder': async ({ id }) => {
      if (!host.showInFolder) throw codedError('unsupported', 'coreIpc:desktopOnly.showInFolder');
      await host.showInFolder(await localItemOf(transfers.get(id)));
    },
    'transfers:resolveConflict': ({ id, choice, applyToAll }) => transfers.resolveConflict(id, choice, applyToAll),
    'transfers:getSettings': () => transfers.getSettings(),
    'transfers:setSettings': ({ changes }) => transfers.setSettings(changes),
    'transfers:listIncompleteUploads': ({ connectionId, bucket, prefix }) => incompleteUploadsWithParts(s3Client(connectionId), bucket, prefix),
    'transfers:abortIncompleteUploads': ({ connectionId, bucket, uploads }) => abortIncompleteUploads(s3Client(connectionId), bucket, uploads),
  };
}
