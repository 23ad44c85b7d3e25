import { join } from 'node:path';
import type { fsOperations } from '../../../../shared/contract/fs.js';
import { codedError } from '../../errors.js';
import { duplicate } from '../../fs/duplicate.js';
import { LongOperations } from '../../fs/longOperations.js';
import { RemoteEditor } from '../../fs/remoteEditor.js';
import type { RemoteFileSystem } from '../../fs/remoteFileSystem.js';
import type { DomainHandlers } from './domainHandlers.js';
import type { Services } from './services.js';

/** Files plus folders: what a tree copy, move or delete reports as done, one by one. */
async function countItems(fs: RemoteFileSystem, paths: string[], signal: AbortSignal): Promise<number> {
  const summary = await fs.summarize(paths, signal);
  return summary.files + summary.folders;
}

export function fsHandlers({ sessions, events, host }: Services): DomainHandlers<typeof fsOperations> {
  const long = new LongOperations((progress) => events.emit('fs:progress', progress));
  const editor = new RemoteEditor({
    session: (connectionId) => sessions.get(connectionId),
    openLocally: host.openLocally,
    // In the app's own data folder, which only this user can enter: a shared temp folder
    // would let another local user swap the copies that get uploaded.
    tempRoot: join(host.dataDir, 'editing'),
    emit: (event) => events.emit('fs:edit', event),
  });
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
    'fs:duplicate': ({ connectionId, path, operationId, copyWord }) => {
      const fs = sessions.get(connectionId).fs;
      return long.run(operationId, 'copy', {
        count: (signal) => countItems(fs, [path], signal),
        run: (onProgress, signal) => duplicate(fs, path, onProgress, signal, copyWord),
      });
    },
    'fs:cancel': ({ operationId }) => long.cancel(operationId),
    'fs:openInEditor': ({ connectionId, path }) => {
      if (!host.openLocally) throw codedError('unsupported', 'coreIpc:desktopOnly.openLocally');
      return editor.open(connectionId, path);
    },
    'fs:stopEditing': ({ editId }) => editor.stop(editId),
  };
}
