import type { fsOperations } from '../../../../shared/contract/fs.js';
import type { DomainHandlers } from './domainHandlers.js';
import type { Services } from './services.js';

export function fsHandlers({ sessions }: Services): DomainHandlers<typeof fsOperations> {
  return {
    'fs:list': ({ connectionId, path, cursor }) => sessions.get(connectionId).fs.list(path, cursor),
    'fs:mkdir': ({ connectionId, parentPath, name }) => sessions.get(connectionId).fs.mkdir(parentPath, name),
    'fs:stat': ({ connectionId, path }) => sessions.get(connectionId).fs.stat(path),
    'fs:summarize': ({ connectionId, paths }) => sessions.get(connectionId).fs.summarize(paths),
    'fs:delete': ({ connectionId, paths }) => sessions.get(connectionId).fs.delete(paths),
    'fs:rename': ({ connectionId, from, to }) => sessions.get(connectionId).fs.rename(from, to),
    'fs:copy': ({ connectionId, from, to }) => sessions.get(connectionId).fs.copy(from, to),
  };
}
