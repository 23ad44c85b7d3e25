import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { sftpOperations } from '../../../../shared/contract/sftp.js';
import { readSshConfigHosts } from '../../connections/sshConfigImport.js';
import { AppError, toIpcError } from '../../errors.js';
import { RemoteEditor, ResilientSftpFileSystem } from '../../sftp/index.js';
import type { DomainHandlers } from './domainHandlers.js';
import type { Services } from './services.js';

export function sftpHandlers({ sessions, host, events }: Services): DomainHandlers<typeof sftpOperations> {
  // Built once per core: the place SFTP reconnect failures become `connections:lost` events.
  sessions.onLost((connectionId, error) => events.emit('connections:lost', { connectionId, error: toIpcError(error) }));
  const editor = new RemoteEditor({
    session: (connectionId) => sessions.get(connectionId),
    openLocally: host.openLocally,
    tempRoot: join(tmpdir(), `stowage-edit-${process.pid}`),
    emit: (event) => events.emit('sftp:edit', event),
  });

  const sftpFs = (connectionId: string) => {
    const fs = sessions.get(connectionId).fs;
    if (!(fs instanceof ResilientSftpFileSystem)) throw new AppError('unsupported', 'Permissions exist on SFTP servers only.');
    return fs;
  };
  return {
    'sftp:chmod': ({ connectionId, path, mode, recursive }) => sftpFs(connectionId).chmod(path, mode, recursive),
    'sftp:createFile': ({ connectionId, parentPath, name }) => sftpFs(connectionId).createFile(parentPath, name),
    'sftp:readSshConfig': () => readSshConfigHosts(host.homeDir),
    'sftp:openInEditor': ({ connectionId, path }) => {
      if (!host.openLocally) throw new AppError('unsupported', 'Opening files in a local app needs the desktop app.');
      sftpFs(connectionId);
      return editor.open(connectionId, path);
    },
    'sftp:stopEditing': ({ editId }) => editor.stop(editId),
  };
}
