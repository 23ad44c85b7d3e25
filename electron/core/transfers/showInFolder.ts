import { dirname } from 'node:path';
import type { TransferSnapshot } from '../../../shared/transfers.js';
import { codedError } from '../errors.js';
import { pathExists } from '../lib/pathExists.js';
import { partPathOf } from './partPath.js';

/**
 * What "Show in folder" points the file manager at: the transfer's local file once it is
 * there, else a download's `.part`, else the folder it goes to. The path comes from the
 * queue, never from the window that asks.
 */
export async function localItemOf(t: TransferSnapshot): Promise<string> {
  if (t.direction === 'storageClass') throw codedError('unsupported', 'coreTransfers:noLocalFile');
  if (t.direction === 'copy') throw codedError('unsupported', 'coreTransfers:copy.noLocalFile');
  const candidates = [t.localPath, ...(t.direction === 'download' ? [partPathOf(t.localPath)] : []), dirname(t.localPath)];
  for (const path of candidates) {
    if (await pathExists(path)) return path;
  }
  throw codedError('notFound', 'coreTransfers:localGone', { path: t.localPath });
}
