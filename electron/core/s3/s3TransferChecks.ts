import { createHash } from 'node:crypto';
import { codedError } from '../errors.js';
import { compositeCrc32, crc32Base64 } from './objectChecksums.js';
import type { CompletedPart } from './s3MultipartUploads.js';

export const md5 = (data: Buffer) => createHash('md5').update(data).digest();

/** A plain ETag is the object's MD5 unless it was written in parts or with SSE-KMS/SSE-C. */
export function plainMd5Etag(etag: string | undefined): string | undefined {
  const bare = etag?.replace(/"/g, '');
  return bare && /^[0-9a-f]{32}$/i.test(bare) ? bare.toLowerCase() : undefined;
}

/** S3's multipart ETag: MD5 of the parts' binary MD5s, then `-<count>`. */
export function multipartEtag(partEtags: string[]): string | undefined {
  const digests = partEtags.map(plainMd5Etag);
  if (digests.some((d) => d === undefined)) return undefined;
  const joined = Buffer.concat(digests.map((d) => Buffer.from(d!, 'hex')));
  return `${createHash('md5').update(joined).digest('hex')}-${partEtags.length}`;
}

/** SSE-KMS and SSE-C answer ETags that are not the MD5 of the bytes, so there is nothing to compare. */
export function etagIsMd5(out: { ServerSideEncryption?: string; SSECustomerAlgorithm?: string }): boolean {
  return !out.SSECustomerAlgorithm && !String(out.ServerSideEncryption ?? '').startsWith('aws:kms');
}

/** Which upload an ETag answers: the whole object, or one part of it. */
export interface EtagOf {
  key: string;
  part?: number;
}

/** Compares the additional checksum the server answers (x-amz-checksum-*) with the one sent; an answer without one is not compared. */
export function checkChecksum(expected: string, got: string | undefined, what: EtagOf): void {
  if (!got || got === expected) return;
  const params = { key: what.key, got, expected };
  throw what.part === undefined ? codedError('conflict', 'coreS3:integrity.upload', params) : codedError('conflict', 'coreS3:integrity.part', { ...params, part: what.part });
}

export function checkEtag(expected: string | undefined, got: string | undefined, what: EtagOf): void {
  const bare = got?.replace(/"/g, '').toLowerCase();
  if (expected && bare && /^[0-9a-f]{32}(-\d+)?$/.test(bare) && bare !== expected) {
    const params = { key: what.key, got: bare, expected };
    throw what.part === undefined
      ? codedError('conflict', 'coreS3:integrity.upload', params)
      : codedError('conflict', 'coreS3:integrity.part', { ...params, part: what.part });
  }
}

/**
 * What a body is sent with and then checked by: its CRC32 in a directory bucket (which
 * refuses Content-MD5 and answers ETags that are not MD5s), else its MD5 when `md5` is wanted.
 */
export interface BodyChecksum {
  crc32?: string;
  md5?: Buffer;
  /** The request's checksum headers: x-amz-checksum-crc32 with its algorithm, or Content-MD5. */
  headers: { ChecksumAlgorithm?: 'CRC32'; ChecksumCRC32?: string; ContentMD5?: string };
}

export function bodyChecksum(body: Buffer, directory: boolean, md5Wanted = true): BodyChecksum {
  if (directory) {
    const crc32 = crc32Base64(body);
    return { crc32, headers: { ChecksumAlgorithm: 'CRC32', ChecksumCRC32: crc32 } };
  }
  if (!md5Wanted) return { headers: {} };
  const digest = md5(body);
  return { md5: digest, headers: { ContentMD5: digest.toString('base64') } };
}

/** Compares a write's answer (PutObject, UploadPart) with the checksum its body was sent with. */
export function checkBody(sent: BodyChecksum, out: { ETag?: string; ChecksumCRC32?: string; ServerSideEncryption?: string; SSECustomerAlgorithm?: string }, what: EtagOf): void {
  if (sent.md5 && etagIsMd5(out)) checkEtag(sent.md5.toString('hex'), out.ETag, what);
  if (sent.crc32) checkChecksum(sent.crc32, out.ChecksumCRC32, what);
}

/** The composite CRC32 a directory bucket's multipart object gets from these parts; undefined when a part has none. */
export function compositeOf(parts: CompletedPart[]): string | undefined {
  const crcs = parts.map((p) => p.ChecksumCRC32);
  return crcs.every((c) => c !== undefined) ? compositeCrc32(crcs as string[]) : undefined;
}

/** Compares the composite CRC32 CompleteMultipartUpload answers with the one the parts sent give (`compositeOf`). */
export function checkComposite(expected: string | undefined, got: string | undefined, key: string): void {
  if (expected) checkChecksum(expected, got, { key });
}

/** What a completed multipart upload's object must show: in a directory bucket its parts' composite CRC32, elsewhere the multipart ETag. */
export interface CompletionCheck {
  crc32?: string;
  etag?: string;
}

export function completionCheckOf(parts: CompletedPart[], directory: boolean): CompletionCheck {
  return directory ? { crc32: compositeOf(parts) } : { etag: multipartEtag(parts.map((p) => p.ETag)) };
}

/** The same, from the value a checkpoint saved as the upload was completing. */
export const savedCompletionCheck = (completing: string, directory: boolean): CompletionCheck => (directory ? { crc32: completing } : { etag: completing });
