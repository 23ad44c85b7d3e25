import type { transferOperations } from '../../../../shared/contract/transfers.js';
import type { DomainHandlers } from './domainHandlers.js';
import type { Services } from './services.js';

export function transferHandlers({ transfers }: Services): DomainHandlers<typeof transferOperations> {
  return {
    'transfers:upload': ({ connectionId, localPaths, remoteFolder }) => transfers.upload(connectionId, localPaths, remoteFolder),
    'transfers:download': ({ connectionId, remotePaths, localFolder }) => transfers.download(connectionId, remotePaths, localFolder),
    'transfers:list': () => transfers.list(),
    'transfers:pause': ({ ids }) => transfers.pause(ids),
    'transfers:resume': ({ ids }) => transfers.resume(ids),
    'transfers:cancel': ({ ids }) => transfers.cancel(ids),
    'transfers:retry': ({ ids }) => transfers.retry(ids),
    'transfers:clearFinished': () => transfers.clearFinished(),
  };
}
