import type { fsOperations } from '../../../../shared/contract/fs.js';
import type { DomainHandlers } from './domainHandlers.js';
import type { Services } from './services.js';

export function fsHandlers({ sessions }: Services): DomainHandlers<typeof fsOperations> {
  return {
    'fs:list': ({ connectionId, path, cursor }) => sessions.get(connectionId).fs.list(path, cursor),
    'fs:mkdir': ({ connectionId, parentPath, name }) => sessions.get(connectionId).fs.mkdir(parentPath, name),
  };
}
