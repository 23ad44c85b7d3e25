import { splitS3Path } from '../../../shared/paths.js';
import { copyInPlace } from '../buckets/copyInPlace.js';
import { storageClassTargets } from '../buckets/storageClassTargets.js';
import type { StorageClassChanger } from '../fs/remoteFileSystem.js';
import type { BucketClients } from './s3FreeTargets.js';

/**
 * Storage class changes on S3: each object copied onto itself with the new class, by the
 * client of the object's bucket region. An interrupted copy starts over, as S3 keeps nothing
 * of an aborted copy.
 */
export class S3StorageClasses implements StorageClassChanger {
  constructor(private readonly clients: BucketClients) {}

  targets(paths: string[]): Promise<{ path: string; size?: number }[]> {
    return storageClassTargets((bucket) => this.clients.clientFor(bucket), paths);
  }

  async change(remotePath: string, storageClass: string, ctx: { signal: AbortSignal; onProgress(copied: number, size: number): void }) {
    const { bucket, key } = splitS3Path(remotePath);
    const client = await this.clients.clientFor(bucket);
    return copyInPlace({ client }, bucket, key, { storageClass, signal: ctx.signal, onProgress: ctx.onProgress });
  }
}
