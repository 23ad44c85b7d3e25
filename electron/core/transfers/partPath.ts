import { createHash } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { maxNameBytes, shortenName } from './safeLocalPath.js';

const suffix = '.part';

/**
 * The temporary name a download is written under, beside its target, until it is verified.
 * A name near the file system's limit would not take the suffix: then the temporary name is
 * the name cut short plus a hash of the whole name, so it still fits and stays unique.
 */
export function partPathOf(localPath: string): string {
  const name = basename(localPath);
  if (Buffer.byteLength(name + suffix) <= maxNameBytes) return `${localPath}${suffix}`;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 8);
  const room = maxNameBytes - Buffer.byteLength(`~${hash}${suffix}`);
  return join(dirname(localPath), `${shortenName(name, room)}~${hash}${suffix}`);
}
