import { z } from 'zod';
import type { TransferProgress, TransferSnapshot } from '../transfers.js';
import { event, op } from './define.js';
import { id, ids, localPath, nothing, remotePath } from './fields.js';

export const transferOperations = {
  'transfers:upload': op<TransferSnapshot[]>()(
    z.object({ connectionId: id, localPaths: z.array(localPath).min(1).max(100_000), remoteFolder: remotePath }),
  ),
  'transfers:download': op<TransferSnapshot[]>()(
    z.object({ connectionId: id, remotePaths: z.array(remotePath).min(1).max(100_000), localFolder: localPath }),
  ),
  'transfers:list': op<TransferSnapshot[]>()(nothing),
  'transfers:pause': op<void>()(ids),
  'transfers:resume': op<void>()(ids),
  'transfers:cancel': op<void>()(ids),
  'transfers:retry': op<void>()(ids),
  'transfers:clearFinished': op<void>()(nothing),
};

export const transferEvents = {
  'transfers:progress': event<TransferProgress[]>(),
  'transfers:changed': event<TransferSnapshot>(),
};
