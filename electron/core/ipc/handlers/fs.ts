import type { fsOperations } from '../../../../shared/contract/fs.js';
import { LongOperations } from '../../fs/longOperations.js';
import type { RemoteFileSystem } from '../../fs/remoteFileSystem.js';
import type { DomainHandlers } from './domainHandlers.js';
import type { Services } from './services.js';

/** Files plus folders: what a tree copy, move or delete reports as done, one by one. */
async function countItems(fs: RemoteFileSystem, paths: string[], signal: AbortSignal): Promise<number> {
  const summary = await fs.summarize(paths, signal);
  return summary.files + summary.folders;
}

export function fsHandlers({ sessions, events }: Services): DomainHandlers<typeof fsOperations> {
  const long = new LongOperations((progress) => events.emit('fs:progress', progress));
  return {
    'fs:list': ({ connectionId, path, cursor }) => sessions.get(connectionId).fs.list(path, cursor),
    'fs:mkdir': ({ connectionId, parentPath, name }) => sessions.get(connectionId).fs.mkdir(parentPath, name),
    'fs:stat': ({ connectionId, path }) => sessions.get(connectionId).fs.stat(path),
    'fs:summarize': ({ connectionId, paths }) => sessions.get(connectionId).fs.summarize(paths),
    'fs:delete': ({ connectionId, paths, operationId }) => {
      const fs = sessions.get(connectionId).fs;
      return long.run(operationId, 'delete', {
        count: (signal) => countItems(fs, paths, signal),
        run: (onProgress, signal) => fs.delete(paths, onProgress, signal),
      });
    },
    'fs:rename': ({ connectionId, from, to, operationId }) => {
      const fs = sessions.get(connectionId).fs;
      return long.run(operationId, 'move', {
        count: (signal) => countItems(fs, [from], signal),
        run: (onProgress, signal) => fs.rename(from, to, onProgress, signal),
      });
    },
    'fs:copy': ({ connectionId, from, to, operationId }) => {
      const fs = sessions.get(connectionId).fs;
      return long.run(operationId, 'copy', {
        count: (signal) => countItems(fs, [from], signal),
        run: (onProgress, signal) => fs.copy(from, to, onProgress, signal),
      });
    },
    'fs:cancel': ({ operationId }) => long.cancel(operationId),
  };
}
