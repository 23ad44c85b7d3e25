import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { extname, basename, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { errorName, explain } from './panel.js';
import { codedError } from '../errors.js';
import type { BucketContext } from './bucketContext.js';
import { firstFreePath } from '../transfers/uniquePath.js';

/** The local name of a downloaded version: `report (version 3f9a1c2e).pdf`. */
export function versionFileName(key: string, versionId: string): string {
  const name = basename(key) || 'object';
  const ext = extname(name);
  const stem = ext ? name.slice(0, -ext.length) : name;
  return `${stem} (version ${versionId.slice(0, 8)})${ext}`;
}

/** Downloads one version of an object into a folder, through a .part file. */
export async function downloadVersion(ctx: BucketContext, bucket: string, key: string, versionId: string, localFolder: string): Promise<string> {
  const target = await firstFreePath(join(localFolder, versionFileName(key, versionId)));
  const part = `${target}.part`;
  try {
    const out = await ctx.client.send(new GetObjectCommand({ Bucket: bucket, Key: key, VersionId: versionId }));
    await pipeline(out.Body as Readable, createWriteStream(part, { flags: 'wx' }));
    await rename(part, target);
    return target;
  } catch (error) {
    await rm(part, { force: true });
    if (errorName(error) === 'InvalidObjectState') {
      throw codedError('conflict', 'coreBuckets:versionArchived', undefined, error);
    }
    throw explain(error, 'downloadingVersions');
  }
}
