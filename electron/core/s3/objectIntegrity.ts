import { HeadObjectCommand, type HeadObjectCommandOutput, type S3Client } from '@aws-sdk/client-s3';
import { choosePartSize, MiB, minPartSize } from './multipartPlan.js';
import { isDirectoryBucketOf } from './directoryBucketClients.js';
import { storedChecksum, type WholeObjectAlgorithm } from './objectChecksums.js';
import { plainMd5Etag } from './s3TransferChecks.js';

/**
 * How a downloaded object can be checked against what the server says it holds:
 * - `md5`: a single-part object's ETag is the MD5 of its bytes;
 * - `multipart`: `<md5 of the parts' md5s>-<parts>`; the part size comes from the server
 *   (HeadObject with PartNumber=1, as AWS answers) or, where the server ignores PartNumber,
 *   from the part sizes that give exactly that many parts (whole MiB or MB, the usual first);
 * - `checksum`: the object's stored whole-object checksum (CRC32, CRC32C, CRC64NVME, SHA-1,
 *   SHA-256), the only check a directory bucket allows: its ETags are not MD5s;
 * - `none`: nothing to compare with, and the reason the user is told (its note's catalog key).
 */
export type IntegrityCheck =
  | { kind: 'md5'; md5: string }
  | { kind: 'multipart'; md5OfMd5s: string; parts: number; partSizes: number[]; exact: boolean }
  | { kind: 'checksum'; algorithm: WholeObjectAlgorithm; value: string }
  | { kind: 'none'; reason?: string };

const usualPartSizes = [8, 5, 16, 10, 15, 32, 50, 64, 100, 128, 256, 512].map((n) => n * MiB);
const maxCandidates = 8;

/** Part sizes that cut `size` bytes into exactly `parts` parts, the likeliest first. */
export function candidatePartSizes(size: number, parts: number): number[] {
  if (parts === 1) return [Math.max(size, 1)];
  const low = Math.max(Math.ceil(size / parts), minPartSize);
  const high = Math.ceil(size / (parts - 1)) - 1;
  if (low > high) return [];
  const fits = (p: number) => p >= low && p <= high;
  const wholeUnits = (unit: number) => {
    const out: number[] = [];
    for (let p = Math.ceil(low / unit) * unit; p <= high && out.length < maxCandidates; p += unit) out.push(p);
    return out;
  };
  const ordered = [choosePartSize(size), ...usualPartSizes, ...wholeUnits(MiB), ...wholeUnits(1_000_000)].filter(fits);
  return [...new Set(ordered)].slice(0, maxCandidates);
}

const encrypted = (head: HeadObjectCommandOutput) =>
  Boolean(head.SSECustomerAlgorithm) || String(head.ServerSideEncryption ?? '').startsWith('aws:kms');

/**
 * What the download of this object can be verified against (one more HEAD for multipart
 * objects). A directory bucket's `head` is asked with ChecksumMode ENABLED (`needsChecksumMode`).
 */
export async function integrityCheckFor(
  client: S3Client,
  bucket: string,
  key: string,
  head: HeadObjectCommandOutput,
  signal?: AbortSignal,
): Promise<IntegrityCheck> {
  if (isDirectoryBucketOf(client, bucket)) return directoryBucketCheck(head);
  if (encrypted(head)) return { kind: 'none', reason: 'coreS3:notes.notVerified.encrypted' };
  const md5 = plainMd5Etag(head.ETag);
  if (md5) return { kind: 'md5', md5 };
  const multipart = /^"?([0-9a-f]{32})-(\d+)"?$/i.exec(head.ETag ?? '');
  if (!multipart) return { kind: 'none', reason: 'coreS3:notes.notVerified.noChecksum' };
  const [, md5OfMd5s, count] = multipart;
  const parts = Number(count);
  const size = head.ContentLength ?? 0;
  const first = await client
    .send(new HeadObjectCommand({ Bucket: bucket, Key: key, PartNumber: 1, IfMatch: head.ETag }), { abortSignal: signal })
    .catch(() => undefined);
  const firstSize = first?.ContentLength;
  if (first?.PartsCount === parts && firstSize && (firstSize < size || parts === 1)) {
    return { kind: 'multipart', md5OfMd5s: md5OfMd5s!.toLowerCase(), parts, partSizes: [firstSize], exact: true };
  }
  const partSizes = candidatePartSizes(size, parts);
  if (partSizes.length === 0) return { kind: 'none', reason: 'coreS3:notes.notVerified.unevenParts' };
  return { kind: 'multipart', md5OfMd5s: md5OfMd5s!.toLowerCase(), parts, partSizes, exact: false };
}

/** Whether HeadObject must ask for the stored checksum (ChecksumMode ENABLED) to verify a download from `bucket`. */
export const needsChecksumMode = (client: S3Client, bucket: string) => isDirectoryBucketOf(client, bucket);

function directoryBucketCheck(head: HeadObjectCommandOutput): IntegrityCheck {
  const stored = storedChecksum(head);
  if (stored.kind === 'whole') return { kind: 'checksum', algorithm: stored.algorithm, value: stored.value };
  if (stored.kind === 'composite') return { kind: 'none', reason: 'coreS3:notes.notVerified.compositeChecksum' };
  return { kind: 'none', reason: 'coreS3:notes.notVerified.noStoredChecksum' };
}
