import type { TransferSettings, TransferSnapshot } from '../../../shared/transfers.js';
import { rangedThreshold } from './s3Download.js';

/**
 * Whether an S3 transfer is a single short request: an upload under the multipart threshold,
 * a small download, or the storage class change (one CopyObject) of an object as small.
 * Waiting on the round trip dominates such a file's time, so the queue runs more of them at once.
 */
export function isSingleRequest(t: Pick<TransferSnapshot, 'direction' | 'size'>, settings: Pick<TransferSettings, 'multipartThreshold'>): boolean {
  if (t.size === undefined) return false;
  return t.direction === 'download' ? t.size <= rangedThreshold : t.size < settings.multipartThreshold;
}
