import { Readable } from 'node:stream';
import {
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  PutObjectCommand,
  PutObjectTaggingCommand,
  UploadPartCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { coreMessage } from '../../../shared/i18n/englishMessages.js';
import { splitS3Path } from '../../../shared/paths.js';
import { codedError, throwIfAborted } from '../errors.js';
import { contentTypeFor } from '../lib/contentType.js';
import { inPieces, noBytes, readAll } from '../copy/byteStreams.js';
import type { ByteStream, CopyEnds, CopyFacts, CopyReader, CopySource, CopyTarget } from '../copy/copyEnds.js';
import { mtimeFromMetadata, mtimeMetadataKey, mtimeToMetadata } from '../lib/rcloneMtime.js';
import type { JobContext } from '../transfers/jobContext.js';
import { choosePartSize, MiB } from './multipartPlan.js';
import { s3CheckpointOf, type S3UploadCheckpoint } from './s3Checkpoints.js';
import { httpStatusOf } from './s3Errors.js';
import type { BucketClients } from './s3FreeTargets.js';
import { decodeMetadata, encodeMetadata } from './s3Metadata.js';
import { abortIncompleteUploads, abortUnnamedUploads, completeOrAbort, listServerParts, uploadIsGone, type CompletedPart, type ServerPart } from './s3MultipartUploads.js';
import { objectWritten, sendIfAbsent } from './s3IfAbsent.js';
import { isDirectoryBucketOf } from './directoryBucketClients.js';
import { bodyChecksum, checkBody, checkComposite, checkEtag, completionCheckOf, etagIsMd5, savedCompletionCheck } from './s3TransferChecks.js';

/** Files at least this big go in parts; smaller ones are held whole for one PutObject. */
const largestSinglePut = 16 * MiB;
/**
 * A copy's parts are held in memory until the server has them (an upload's stream from disk),
 * so they are as small as S3 allows for the file, and no more than this is in flight at once.
 */
const copyPart = 8 * MiB;
const bytesInFlight = 64 * MiB;

/** The object's tags; none when the server has no tagging or refuses to say (the copy goes on without them). */
async function tagsOf(client: S3Client, bucket: string, key: string, signal: AbortSignal): Promise<Record<string, string> | undefined> {
  try {
    const out = await client.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: key }), { abortSignal: signal });
    const tags = out.TagSet ?? [];
    return tags.length ? Object.fromEntries(tags.map((t) => [t.Key ?? '', t.Value ?? ''])) : undefined;
  } catch (error) {
    if (signal.aborted) throw error;
    return undefined;
  }
}

/** Reads objects: HeadObject for what travels, ranged GETs (pinned to the ETag) for the bytes. */
class S3CopySource implements CopySource {
  constructor(private readonly buckets: BucketClients) {}

  async facts(path: string, signal: AbortSignal): Promise<CopyFacts> {
    const { bucket, key } = splitS3Path(path);
    const client = await this.buckets.clientFor(bucket);
    const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }), { abortSignal: signal });
    const metadata = decodeMetadata(head.Metadata);
    const modifiedAt = mtimeFromMetadata(metadata[mtimeMetadataKey]) ?? head.LastModified?.getTime();
    return {
      size: head.ContentLength ?? 0,
      modifiedAt,
      contentType: head.ContentType,
      cacheControl: head.CacheControl,
      metadata,
      tags: await tagsOf(client, bucket, key, signal),
      version: head.ETag,
    };
  }

  async read(path: string, facts: CopyFacts, start: number, signal: AbortSignal, end = facts.size): Promise<ByteStream> {
    const stop = Math.min(end, facts.size);
    if (start >= stop) return noBytes();
    const { bucket, key } = splitS3Path(path);
    const client = await this.buckets.clientFor(bucket);
    const range = stop < facts.size ? `bytes=${start}-${stop - 1}` : start > 0 ? `bytes=${start}-` : undefined;
    try {
      const out = await client.send(
        new GetObjectCommand({ Bucket: bucket, Key: key, Range: range, IfMatch: facts.version }),
        { abortSignal: signal },
      );
      if (!(out.Body instanceof Readable)) throw codedError('network', 'coreTransfers:copy.noBody', { path });
      return out.Body;
    } catch (error) {
      if (httpStatusOf(error) === 412) throw codedError('conflict', 'coreTransfers:copy.sourceChanged', { path }, error);
      throw error;
    }
  }

  /** Nothing to do: every read is pinned to the ETag, so a changed object fails its read. */
  async unchanged(): Promise<void> {}
}

/**
 * Writes objects from a stream: one PutObject for a small file, else a multipart upload with
 * memory bounded by the parts in flight. Its checkpoints are the S3 upload driver's own
 * (`s3UploadStarting`, `s3Upload`), so a cancel or a crash is cleared the same way; a resume
 * asks ListParts which parts the server holds and reads the source again from the first
 * missing one. Each part, and then the whole object, is checked against the MD5s sent, or in
 * a directory bucket (no Content-MD5, ETags that are not MD5s) against the CRC32s sent.
 */
class S3CopyTarget implements CopyTarget {
  constructor(private readonly buckets: BucketClients) {}

  async write(path: string, facts: CopyFacts, source: CopyReader, ctx: JobContext): Promise<void> {
    const open = (start: number) => source.open(start);
    const { bucket, key } = splitS3Path(path);
    const client = await this.buckets.clientFor(bucket);
    const headers = {
      ContentType: facts.contentType || contentTypeFor(key),
      CacheControl: facts.cacheControl || undefined,
      // An `mtime` the source already carries travels as it is (its nanoseconds survive).
      Metadata: encodeMetadata({ ...(facts.modifiedAt !== undefined ? { [mtimeMetadataKey]: mtimeToMetadata(facts.modifiedAt) } : {}), ...facts.metadata }),
      Tagging: facts.tags ? new URLSearchParams(facts.tags).toString() : undefined,
    };
    if (facts.size < Math.min(ctx.multipartThreshold ?? largestSinglePut, largestSinglePut)) {
      const body = await readAll(await open(0));
      if (body.length !== facts.size) throw codedError('conflict', 'coreTransfers:copy.sizeChanged', { path, expected: facts.size, got: body.length });
      await ctx.throttle(body.length);
      await source.unchanged();
      const sent = bodyChecksum(body, isDirectoryBucketOf(client, bucket));
      const put = (IfNoneMatch: '*' | undefined) =>
        client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentLength: body.length, IfNoneMatch, ...sent.headers, ...headers }), {
          abortSignal: ctx.signal,
        });
      const out = await sendIfAbsent(client, ctx.onlyIfAbsent, path, put, () => objectWritten(client, bucket, key, { crc32: sent.crc32, etag: sent.md5?.toString('hex') }));
      checkBody(sent, out, { key });
      ctx.onProgress(body.length);
      return;
    }
    const resumed = await this.resumable(client, bucket, key, facts, ctx);
    if (resumed === 'completed') {
      ctx.saveCheckpoint(undefined);
      ctx.onProgress(facts.size);
      if (facts.tags) await this.tag(client, bucket, key, facts.tags, ctx);
      return;
    }
    const cp = resumed?.cp ?? (await this.start(client, bucket, key, facts, headers, ctx));
    const directory = isDirectoryBucketOf(client, bucket);
    const parts = await this.sendParts(client, bucket, key, cp, resumed?.parts ?? [], facts, open, ctx);
    const expected = completionCheckOf(parts, directory);
    const completing = expected.crc32 ?? expected.etag;
    await source.unchanged();
    if (completing) await ctx.saveCheckpointNow({ ...cp, doneParts: parts.map((_, i) => i + 1), completing });
    const complete = (IfNoneMatch: '*' | undefined) =>
      client.send(
        new CompleteMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: cp.uploadId, IfNoneMatch, MultipartUpload: { Parts: parts.map((p, i) => ({ PartNumber: i + 1, ...p })) } }),
      );
    // A target found free is written only while it stays free (the queue then asks what to do).
    const out = await completeOrAbort(client, bucket, key, cp.uploadId, () => sendIfAbsent(client, ctx.onlyIfAbsent, path, complete, () => objectWritten(client, bucket, key, expected)), () => ctx.saveCheckpoint(undefined));
    ctx.saveCheckpoint(undefined);
    if (etagIsMd5(out)) checkEtag(expected.etag, out.ETag, { key });
    if (directory) checkComposite(expected.crc32, out.ChecksumCRC32, key);
    if (facts.tags) await this.tag(client, bucket, key, facts.tags, ctx);
  }

  /**
   * Some servers (Ceph RGW) drop the tagging header of CreateMultipartUpload, so the tags are
   * set on the object itself. The object is complete by then: tags that fail leave a note, not a failed copy.
   */
  private async tag(client: S3Client, bucket: string, key: string, tags: Record<string, string>, ctx: JobContext): Promise<void> {
    const TagSet = Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
    try {
      await client.send(new PutObjectTaggingCommand({ Bucket: bucket, Key: key, Tagging: { TagSet } }), { abortSignal: ctx.signal });
    } catch (error) {
      if (ctx.signal.aborted) throw error;
      ctx.note(coreMessage('coreTransfers:notes.tagsNotSet', { detail: error instanceof Error ? error.message : String(error) }));
    }
  }

  /**
   * The earlier attempt's upload and the unbroken run of parts the server holds from part 1,
   * when it can go on. A held part is not read again (that would be a second download of it):
   * what proves it is the source's version pinned in the checkpoint (an S3 source's ETag; every
   * read is pinned to it), its size and mtime, and, in a directory bucket, the CRC32 the server
   * checked the part's bytes against when it took them. Not proven: that a source without a
   * version (SFTP, a local file) still holds those bytes when its size and mtime are unchanged.
   */
  private async resumable(client: S3Client, bucket: string, key: string, facts: CopyFacts, ctx: JobContext): Promise<{ cp: S3UploadCheckpoint; parts: CompletedPart[] } | 'completed' | undefined> {
    const given = s3CheckpointOf(ctx.checkpoint);
    if (given?.kind === 's3UploadStarting') {
      await abortUnnamedUploads(client, bucket, key, given.startedAt);
      return undefined;
    }
    if (given?.kind !== 's3Upload') return undefined;
    if (given.size !== facts.size || given.mtimeMs !== (facts.modifiedAt ?? 0) || given.sourceVersion !== facts.version) {
      await abortIncompleteUploads(client, bucket, [{ key, uploadId: given.uploadId }]).catch(() => undefined);
      return undefined;
    }
    let parts: Map<number, ServerPart>;
    try {
      parts = await listServerParts(client, bucket, key, given.uploadId, ctx.signal);
    } catch (error) {
      if (!uploadIsGone(error)) throw error;
      if (given.completing) {
        // Completed just before a crash: the object is there with the ETag (directory bucket: composite CRC32) expected.
        const found = await objectWritten(client, bucket, key, savedCompletionCheck(given.completing, isDirectoryBucketOf(client, bucket))).catch(() => undefined);
        if (found?.ContentLength === facts.size) return 'completed';
      }
      return undefined;
    }
    const held: CompletedPart[] = [];
    const directory = isDirectoryBucketOf(client, bucket);
    for (let n = 1; ; n++) {
      const part = parts.get(n);
      const length = Math.min(given.partSize, facts.size - (n - 1) * given.partSize);
      if (!part || length <= 0 || part.size !== length || (directory && !part.crc32)) break;
      held.push({ ETag: part.etag, ChecksumCRC32: directory ? part.crc32 : undefined });
    }
    ctx.note(coreMessage('coreS3:notes.resumedParts', { count: held.length }));
    return { cp: given, parts: held };
  }

  private async start(client: S3Client, bucket: string, key: string, facts: CopyFacts, headers: object, ctx: JobContext): Promise<S3UploadCheckpoint> {
    // On disk before the upload exists, and its id before the first part: a crash at any
    // point leaves a job that knows what it left on the server.
    await ctx.saveCheckpointNow({ kind: 's3UploadStarting', startedAt: Date.now() });
    const ChecksumAlgorithm = isDirectoryBucketOf(client, bucket) ? 'CRC32' : undefined;
    const created = await client.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key, ChecksumAlgorithm, ...headers }), { abortSignal: ctx.signal });
    const cp: S3UploadCheckpoint = {
      kind: 's3Upload',
      uploadId: created.UploadId!,
      partSize: choosePartSize(facts.size, ctx.partSize || copyPart),
      size: facts.size,
      mtimeMs: facts.modifiedAt ?? 0,
      ...(facts.version ? { sourceVersion: facts.version } : {}),
      doneParts: [],
    };
    await ctx.saveCheckpointNow(cp);
    return cp;
  }

  /** Sends the parts after those already held, at most `partsInFlight` at once; answers every part (ETag, CRC32 in a directory bucket) in order. */
  private async sendParts(
    client: S3Client,
    bucket: string,
    key: string,
    cp: S3UploadCheckpoint,
    held: CompletedPart[],
    facts: CopyFacts,
    open: (start: number) => Promise<ByteStream>,
    ctx: JobContext,
  ): Promise<CompletedPart[]> {
    const etags = [...held];
    const directory = isDirectoryBucketOf(client, bucket);
    const startAt = held.length * cp.partSize;
    let sent = Math.min(startAt, facts.size);
    ctx.onProgress(sent);
    const inFlight = new Set<Promise<void>>();
    const most = Math.max(1, Math.min(ctx.partsInFlight, Math.floor(bytesInFlight / cp.partSize)));
    let failure: unknown;
    let n = held.length;
    try {
      for await (const body of inPieces(await open(startAt), cp.partSize)) {
        throwIfAborted(ctx.signal);
        if (failure) break;
        n++;
        const partNumber = n;
        await ctx.throttle(body.length);
        const checksum = bodyChecksum(body, directory);
        const part = new UploadPartCommand({ Bucket: bucket, Key: key, UploadId: cp.uploadId, PartNumber: partNumber, Body: body, ContentLength: body.length, ...checksum.headers });
        const sending = client
          .send(part, { abortSignal: ctx.signal })
          .then((out) => {
            checkBody(checksum, out, { key, part: partNumber });
            etags[partNumber - 1] = { ETag: out.ETag!, ChecksumCRC32: checksum.crc32 };
            sent += body.length;
            ctx.onProgress(sent);
            ctx.saveCheckpoint({ ...cp, doneParts: etags.flatMap((e, i) => (e ? [i + 1] : [])) });
          })
          .catch((error: unknown) => {
            failure ??= error;
          })
          .finally(() => inFlight.delete(sending));
        inFlight.add(sending);
        while (inFlight.size >= most) await Promise.race(inFlight);
      }
    } finally {
      // Whatever stopped the stream, the parts already sent settle before the attempt ends.
      await Promise.all(inFlight);
    }
    if (failure) throw failure;
    throwIfAborted(ctx.signal);
    if (sent !== facts.size) throw codedError('conflict', 'coreTransfers:copy.sizeChanged', { path: `${bucket}/${key}`, expected: facts.size, got: sent });
    return etags;
  }
}

/** An S3 connection's ends of a copy between places. */
export function s3CopyEnds(buckets: BucketClients): CopyEnds {
  return { source: new S3CopySource(buckets), target: new S3CopyTarget(buckets) };
}
