import type { sftpOperations } from '../../../../shared/contract/sftp.js';
import { readSshConfigHosts } from '../../connections/sshConfigImport.js';
import { codedError, toIpcError } from '../../errors.js';
import { ResilientSftpFileSystem } from '../../sftp/index.js';
import type { DomainHandlers } from './domainHandlers.js';
import type { Services } from './services.js';

export function sftpHandlers({ sessions, host, events }: Services): DomainHandlers<typeof sftpOperations> {
  // Built once per core: the place SFTP reconnect failures become `connections:lost` events.
  sessions.onLost((connectionId, error) => events.emit('connections:lost', { connectionId, error: toIpcError(error) }));

  const sftpFs = (connectionId: string) => {
    const fs = sessions.get(connectionId).fs;
    if (!(fs instanceof ResilientSftpFileSystem)) throw codedError('unsupported', 'coreIpc:sftpOnly.permissions');
    return fs;
  };
  return {
    'sftp:chmod': ({ connectionId, path, mode, recursive }) => sftpFs(connectionId).chmod(path, mode, recursive),
    'sftp:createFile': ({ connectionId, parentPath, name }) => sftpFs(connectionId).createFile(parentPath, name),
    'sftp:symlink': ({ connectionId, parentPath, name, target }) => sftpFs(connectionId).createSymlink(parentPath, name, target),
    'sftp:readSshConfig': () => readSshConfigHosts(host.homeDir),
  };
}
