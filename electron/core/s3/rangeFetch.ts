import type { Readable } from 'node:stream';
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { Dispatcher } from 'undici';
import { cancelledError, codedError } from '../errors.js';
import { directRequest, headerOf } from './directRequest.js';
import { MiB } from './multipartPlan.js';

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

/** The body length when an answer is exactly the range asked for, else undefined (an error, a redirect, another range). */
export function bodyLengthFor(answer: Pick<Dispatcher.ResponseData, 'statusCode' | 'headers'>, start: number, end: number): number | undefined {
  const length = Number(headerOf(answer, 'content-length') ?? NaN);
  if (length !== end - start) return undefined;
  if (answer.statusCode === 206) return headerOf(answer, 'content-range')?.startsWith(`bytes ${start}-${end - 1}/`) ? length : undefined;
  return answer.statusCode === 200 && start === 0 ? length : undefined;
}

/**
 * One range through the client's undici dispatcher, on a presigned URL, gathered into
 * `block` for each positional write. False when the request failed before an answer, or
 * the answer was not that range: nothing was written, and the SDK asks again and explains.
 */
export async function fetchRangeDirect(source: RangeSource, dispatcher: Dispatcher, start: number, end: number, block: Buffer, sink: RangeSink): Promise<boolean> {
  const { client, bucket, key, etag, signal } = source;
  const url = new URL(await getSignedUrl(client, new GetObjectCommand({ Bucket: bucket, Key: key }), { expiresIn: 900 }));
  const headers: Record<string, string> = { range: `bytes=${start}-${end - 1}` };
  if (etag) headers['if-match'] = etag;
  let answer: Dispatcher.ResponseData;
  try {
    answer = await directRequest(dispatcher, { origin: url.origin, path: `${url.pathname}${url.search}`, method: 'GET', headers }, signal);
  } catch {
    if (signal.aborted) throw cancelledError();
    return false;
  }
  const length = bodyLengthFor(answer, start, end);
  if (length === undefined) {
    await answer.body.dump().catch(() => undefined);
    return false;
  }
  const got = await writeBody(answer.body, block, length, source.throttle, sink).catch((error: unknown) => {
    throw signal.aborted ? cancelledError() : error;
  });
  if (got !== length) throw codedError('network', 'coreS3:transfer.rangeEndedEarly', { key, got, expected: length });
  return true;
}

/** One range through the SDK, gathered into `block` for each positional write. */
export async function fetchRangeSdk(source: RangeSource, start: number, end: number, block: Buffer, sink: RangeSink): Promise<void> {
  const { client, bucket, key, etag, size } = source;
  const out = await client.send(
    new GetObjectCommand({ Bucket: bucket, Key: key, IfMatch: etag, Range: size > 0 ? `bytes=${start}-${end - 1}` : undefined }),
    { abortSignal: source.signal },
  );
  const got = await writeBody(out.Body as Readable & AsyncIterable<Buffer>, block, end - start, source.throttle, sink);
  if (got !== end - start) throw codedError('network', 'coreS3:transfer.rangeEndedEarly', { key, got, expected: end - start });
}

/** Hands one GET's body to `sink` in blocks of `pending`'s size; answers the bytes handed over. */
async function writeBody(body: AsyncIterable<Buffer>, pending: Buffer, length: number, throttle: (n: number) => Promise<void>, sink: RangeSink): Promise<number> {
  let filled = 0;
  let handed = 0;
  for await (const piece of body) {
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
