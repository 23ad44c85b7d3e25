import type { Readable } from 'node:stream';
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { codedError } from '../errors.js';
import { MiB } from './multipartPlan.js';
import type { PlainHttpRangeReader } from './plainHttpRanges.js';

/** Pieces off the socket are gathered to this size before each positional write. */
export const writeChunk = MiB;

/** Takes one GET's bytes in order: answers how many it has taken so far. */
export type RangeSink = (block: Buffer, n: number) => Promise<number>;

/** One object version's ranges, each GET carrying If-Match so a replaced object is noticed instead of stitched together. */
export interface RangeSource {
  client: S3Client;
  bucket: string;
  key: string;
  etag: string | undefined;
  size: number;
  throttle: (bytes: number) => Promise<void>;
  signal: AbortSignal;
}

/** One range off a plain-HTTP socket; false when the answer was not that range (nothing written). */
export async function fetchRangePlain(source: RangeSource, reader: PlainHttpRangeReader, start: number, end: number, sink: RangeSink): Promise<boolean> {
  const { client, bucket, key, etag } = source;
  const url = new URL(await getSignedUrl(client, new GetObjectCommand({ Bucket: bucket, Key: key }), { expiresIn: 900 }));
  const write = async (block: Buffer, n: number) => {
    await source.throttle(n);
    await sink(block, n);
  };
  return (await reader.get({ url, headers: etag ? { 'If-Match': etag } : {}, start, end }, write, source.signal)) === 'done';
}

/** One range through the SDK, gathered into `block` for each positional write. */
export async function fetchRangeSdk(source: RangeSource, start: number, end: number, block: Buffer, sink: RangeSink): Promise<void> {
  const { client, bucket, key, etag, size } = source;
  const out = await client.send(
    new GetObjectCommand({ Bucket: bucket, Key: key, IfMatch: etag, Range: size > 0 ? `bytes=${start}-${end - 1}` : undefined }),
    { abortSignal: source.signal },
  );
  const got = await writeBody(out.Body as Readable, block, end - start, source.throttle, sink);
  if (got !== end - start) throw codedError('network', 'coreS3:transfer.rangeEndedEarly', { key, got, expected: end - start });
}

/** Hands one GET's body to `sink` in blocks of `pending`'s size; answers the bytes handed over. */
async function writeBody(body: Readable, pending: Buffer, length: number, throttle: (n: number) => Promise<void>, sink: RangeSink): Promise<number> {
  let filled = 0;
  let handed = 0;
  for await (const piece of body as AsyncIterable<Buffer>) {
    const usable = piece.subarray(0, Math.max(0, length - handed - filled));
    if (usable.length === 0) break;
    await throttle(usable.length);
    for (let taken = 0; taken < usable.length; ) {
      const n = usable.copy(pending, filled, taken);
      filled += n;
      taken += n;
      if (filled === pending.length) {
        handed = await sink(pending, filled);
        filled = 0;
      }
    }
  }
  if (filled > 0) handed = await sink(pending, filled);
  return handed;
}
