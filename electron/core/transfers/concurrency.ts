import type { TransferSettings, TransferSnapshot } from '../../../shared/transfers.js';
import { rangedThreshold } from '../s3/s3Download.js';

/**
 * A small S3 file is one short request, so waiting on the round trip dominates its time:
 * such files run up to this many times "files in parallel" at once (aws-cli runs 10
 * requests at once, rclone 4 transfers plus 8 checkers). SFTP files share one server's
 * session limit (OpenSSH's MaxSessions is 10), so they never count as light.
 */
export const lightFileFactor = 4;

/**
 * Whether an S3 transfer is a single short request: an upload under the multipart threshold,
 * a small download, or the storage class change (one CopyObject) of an object as small.
 */
export function isSingleRequest(t: Pick<TransferSnapshot, 'direction' | 'size'>, settings: Pick<TransferSettings, 'multipartThreshold'>): boolean {
  if (t.size === undefined) return false;
  return t.direction === 'download' ? t.size <= rangedThreshold : t.size < settings.multipartThreshold;
}
