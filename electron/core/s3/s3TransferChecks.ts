import { createHash } from 'node:crypto';
import { codedError } from '../errors.js';

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

export function checkEtag(expected: string | undefined, got: string | undefined, what: EtagOf): void {
  const bare = got?.replace(/"/g, '').toLowerCase();
  if (expected && bare && /^[0-9a-f]{32}(-\d+)?$/.test(bare) && bare !== expected) {
    const params = { key: what.key, got: bare, expected };
    throw what.part === undefined
      ? codedError('conflict', 'coreS3:integrity.upload', params)
      : codedError('conflict', 'coreS3:integrity.part', { ...params, part: what.part });
  }
}
