import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import { Crc32c, Crc64Nvme } from '@aws-sdk/checksums/crc';
import type { HeadObjectCommandOutput } from '@aws-sdk/client-s3';

/**
 * S3's additional checksums (x-amz-checksum-*), which directory buckets (S3 Express One Zone)
 * use instead of MD5s: their ETags are opaque and they refuse Content-MD5. Values are base64
 * of the digest's bytes, a CRC's big-endian, as the SDK sends them.
 */

/** Base64 of the CRC32 of `data`, continued from `previous` when given. */
export function crc32Base64(data: Uint8Array, previous?: number): string {
  return crc32Value(crc32(data, previous ?? 0));
}

/** The base64 S3 writes for a CRC32 value. */
export function crc32Value(value: number): string {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(value >>> 0);
  return bytes.toString('base64');
}

/** The COMPOSITE checksum S3 gives a multipart object: the CRC32 of the parts' CRC32s, then `-<count>`. */
export function compositeCrc32(partChecksums: string[]): string {
  const joined = Buffer.concat(partChecksums.map((c) => Buffer.from(c, 'base64')));
  return `${crc32Base64(joined)}-${partChecksums.length}`;
}

export type WholeObjectAlgorithm = 'CRC32' | 'CRC32C' | 'CRC64NVME' | 'SHA1' | 'SHA256';

/** What HeadObject (with ChecksumMode ENABLED) says an object's bytes give. */
export type StoredChecksum = { kind: 'whole'; algorithm: WholeObjectAlgorithm; value: string } | { kind: 'composite' } | { kind: 'none' };

const fields: [WholeObjectAlgorithm, keyof HeadObjectCommandOutput][] = [
  ['CRC64NVME', 'ChecksumCRC64NVME'],
  ['CRC32C', 'ChecksumCRC32C'],
  ['CRC32', 'ChecksumCRC32'],
  ['SHA256', 'ChecksumSHA256'],
  ['SHA1', 'ChecksumSHA1'],
];

/**
 * The object's stored checksum. A COMPOSITE one (a multipart upload's, `<checksum of the
 * parts' checksums>-<parts>`) depends on how the object was cut into parts, which the
 * object does not say: it is reported as composite, not compared.
 */
export function storedChecksum(head: HeadObjectCommandOutput): StoredChecksum {
  for (const [algorithm, field] of fields) {
    const value = head[field];
    if (typeof value !== 'string' || !value) continue;
    if (head.ChecksumType === 'COMPOSITE' || /-\d+$/.test(value)) return { kind: 'composite' };
    return { kind: 'whole', algorithm, value };
  }
  return { kind: 'none' };
}

interface Digest {
  update(chunk: Buffer): void;
  digest(): Promise<string>;
}

function digestFor(algorithm: WholeObjectAlgorithm): Digest {
  if (algorithm === 'CRC32') {
    let value = 0;
    return { update: (chunk) => void (value = crc32(chunk, value)), digest: async () => crc32Value(value) };
  }
  if (algorithm === 'SHA1' || algorithm === 'SHA256') {
    const hash = createHash(algorithm === 'SHA1' ? 'sha1' : 'sha256');
    return { update: (chunk) => void hash.update(chunk), digest: async () => hash.digest('base64') };
  }
  const crc = algorithm === 'CRC32C' ? new Crc32c() : new Crc64Nvme();
  return { update: (chunk) => crc.update(chunk), digest: async () => Buffer.from(await crc.digest()).toString('base64') };
}

/** The file's checksum in `algorithm`, as S3 writes it, read in one pass. */
export async function fileChecksum(path: string, algorithm: WholeObjectAlgorithm): Promise<string> {
  const digest = digestFor(algorithm);
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) digest.update(chunk as Buffer);
  return digest.digest();
}

/** The CRC32 (as S3 writes it) of `length` bytes of an open file from `offset`; undefined when the file ends before them. */
export async function rangeCrc32(file: FileHandle, offset: number, length: number): Promise<string | undefined> {
  const buffer = Buffer.allocUnsafe(Math.min(length, 1024 * 1024));
  let value = 0;
  for (let done = 0; done < length; ) {
    const { bytesRead } = await file.read(buffer, 0, Math.min(buffer.length, length - done), offset + done);
    if (bytesRead === 0) return undefined;
    value = crc32(buffer.subarray(0, bytesRead), value);
    done += bytesRead;
  }
  return crc32Value(value);
}
