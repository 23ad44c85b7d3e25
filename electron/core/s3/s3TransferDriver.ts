import type { Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import {
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  PutObjectCommand,
  UploadPartCommand,
  type S3Client,
  type StorageClass,
} from '@aws-sdk/client-s3';
import type { FileEntry } from '../../../shared/files.js';
import { coreMessage } from '../../../shared/i18n/englishMessages.js';
import { splitS3Path } from '../../../shared/paths.js';
import { codedError, throwIfAborted } from '../errors.js';
import type { AttemptJob, FileTransferDriver, RemoteFileSystem, TransferContext, UploadResume } from '../fs/remoteFileSystem.js';
import { contentTypeFor } from '../lib/contentType.js';
import { allWorkers } from '../lib/eachLimited.js';
import { extrasOf, type Checkpoint, type JobContext, type JobExtras } from '../transfers/jobContext.js';
import { choosePartSize, MiB, planParts } from './multipartPlan.js';
import { PartBody, ReadBufferPool } from './partBody.js';
import { PartTurns } from './partTurns.js';
import { objectWritten, sendIfAbsent } from './s3IfAbsent.js';
import { DirectPutter, type ObjectHeaders, type PutAnswer, type SmallPut } from './directPut.js';
import { s3CheckpointOf, type S3UploadCheckpoint, type S3UploadStartingCheckpoint } from './s3Checkpoints.js';
import { putIfUnchanged } from './s3ConditionalPut.js';
import { downloadObject } from './s3Download.js';
import { freeS3Targets, type BucketClients } from './s3FreeTargets.js';
import { incompleteUploadFor, resumeS3Download, resumeS3Upload } from './s3Resume.js';
import { S3StorageClasses } from './s3StorageClasses.js';
import { explainRefusedUpload } from '../buckets/uploadRefusal.js';
import { abortUnnamedUploads, abortUpload, completeOrAbort, listServerParts, uploadIsGone, type CompletedPart, type ServerPart } from './s3MultipartUploads.js';
import { rangeCrc32 } from './objectChecksums.js';
import { isDirectoryBucketOf } from './directoryBucketClients.js';
import { bodyChecksum, checkBody, type BodyChecksum, checkChecksum, checkComposite, checkEtag, completionCheckOf, etagIsMd5, savedCompletionCheck } from './s3TransferChecks.js';

export interface S3TransferSettings {
  multipartThreshold: number;
}

export const defaultS3TransferSettings: S3TransferSettings = {
  multipartThreshold: 16 * MiB,
};


/**
 * S3 uploads and downloads. Uploads above the threshold go in parts streamed from disk
 * (memory = parts in flight x a small read-ahead, whatever the part and file size);
 * the upload id is checkpointed so a resume sends only the parts ListParts lacks.
 * A failed or paused multipart upload is kept for resuming; `discardUpload` aborts it.
 * A directory bucket (S3 Express One Zone) refuses Content-MD5 and answers ETags that are
 * not MD5s: its uploads carry CRC32 checksums instead, and are checked by those.
 */
export class S3TransferDriver implements FileTransferDriver {
  private directPutter: Promise<DirectPutter | undefined> | undefined;
  readonly storageClasses: S3StorageClasses;
  readonly resumeDownload = resumeS3Download;

  constructor(
    private readonly client: S3Client,
    private readonly settings: S3TransferSettings = defaultS3TransferSettings,
    /** Clients in each bucket's region, for listings and copies; the one client when not given. */
    private readonly buckets: BucketClients = { clientFor: async () => client },
  ) {
    this.storageClasses = new S3StorageClasses(buckets);
  }

  /** Uploads and downloads resume from checkpoints of their own (upload id, byte ranges). */
  runAttempt(job: AttemptJob, ctx: JobContext): Promise<void> {
    const s = job.snapshot;
    if (s.direction === 'upload') {
      // A refusal a non-AWS server gives for a bucket switch, not for the keys, is named as such.
      return this.upload(s.localPath, s.remotePath, ctx).catch(async (error: unknown) => {
        throw await explainRefusedUpload(this.client, splitS3Path(s.remotePath).bucket, error);
      });
    }
    return job.viaPart((part) => this.download(s.remotePath, part, ctx));
  }

  leftUnnamedWork(checkpoint: Checkpoint): boolean {
    return s3CheckpointOf(checkpoint)?.kind === 's3UploadStarting';
  }

  async discardPartialUpload(_fs: RemoteFileSystem, remotePath: string, checkpoint: Checkpoint | undefined): Promise<void> {
    const own = s3CheckpointOf(checkpoint);
    if (own?.kind === 's3Upload' || own?.kind === 's3UploadStarting') await this.discardUpload(remotePath, own);
  }

  /** An object cannot be appended to: only a multipart upload the server keeps can be continued. */
  async canResumeUpload(remotePath: string): Promise<boolean> {
    return (await incompleteUploadFor(this.client, remotePath)) !== undefined;
  }

  resumeUpload(_fs: RemoteFileSystem, remotePath: string, localPath: string): Promise<UploadResume | undefined> {
    return resumeS3Upload(this.client, remotePath, localPath);
  }

  freeTargets(remoteFolder: string, remotePaths: string[]): Promise<Set<string>> {
    return freeS3Targets(this.buckets, remoteFolder, remotePaths);
  }

  /** A PutObject with If-Match: the server itself refuses it when the object changed. */
  replaceIfUnchanged(_fs: RemoteFileSystem, localPath: string, remotePath: string, expected: FileEntry, signal: AbortSignal): Promise<FileEntry> {
    return putIfUnchanged(this.buckets, localPath, remotePath, expected, signal);
  }

  async upload(localPath: string, remotePath: string, ctx: TransferContext): Promise<void> {
    const x = extrasOf(ctx);
    const { bucket, key } = splitS3Path(remotePath);
    const o = x.uploadOptions;
    const headers: ObjectHeaders = {
      ContentType: o?.contentType || contentTypeFor(key),
      CacheControl: o?.cacheControl || undefined,
      StorageClass: (o?.storageClass || undefined) as StorageClass | undefined,
      Metadata: o?.metadata && Object.keys(o.metadata).length ? o.metadata : undefined,
    };
    const directory = isDirectoryBucketOf(this.client, bucket);
    const small = await readIfSmall(localPath, x.multipartThreshold ?? this.settings.multipartThreshold);
    if ('body' in small) {
      const { body } = small;
      await x.throttle(body.length);
      const sent = bodyChecksum(body, directory, x.verifyChecksums);
      const put = (ifNoneMatch: '*' | undefined) => this.putSmall({ bucket, key, body, md5: sent.md5, headers, ifNoneMatch }, sent, ctx.signal);
      const out = await sendIfAbsent(this.client, x.onlyIfAbsent, remotePath, put, () => objectWritten(this.client, bucket, key, { crc32: sent.crc32, etag: sent.md5?.toString('hex') }));
      if (x.verifyChecksums) checkBody(sent, out, { key });
      ctx.onProgress(body.length);
      return;
    }
    const { info } = small;
    const given = s3CheckpointOf(x.checkpoint);
    // Without ListMultipartUploads permission the leftover cannot be found: the upload goes on.
    if (given?.kind === 's3UploadStarting') await this.discardUpload(remotePath, given).catch(() => undefined);
    let cp = given?.kind === 's3Upload' && given.size === info.size && given.mtimeMs === info.mtimeMs ? given : undefined;
    let serverParts = new Map<number, ServerPart>();
    if (cp) {
      try {
        serverParts = await listServerParts(this.client, bucket, key, cp.uploadId, ctx.signal);
        x.note(coreMessage('coreS3:notes.resumedParts', { count: serverParts.size }));
      } catch (error) {
        if (!uploadIsGone(error)) throw error;
        // Completed just before a crash? Then the object is there with the ETag (directory bucket: composite CRC32) we expected.
        if (cp.completing && (await this.holds(bucket, key, directory, cp.completing, info.size))) {
          x.saveCheckpoint(undefined);
          ctx.onProgress(info.size);
          return;
        }
        cp = undefined; // aborted or expired on the server: start again
      }
    } else if (given?.kind === 's3Upload') {
      // The local file changed since the earlier attempt: its parts are worthless now.
      await this.discardUpload(remotePath, given).catch(() => undefined);
    }
    if (!cp) {
      // On disk before the upload exists, and its id before the first part: a crash at any
      // point leaves a job that knows what it left on the server.
      const startedAt = Date.now();
      await x.saveCheckpointNow({ kind: 's3UploadStarting', startedAt });
      const ChecksumAlgorithm = directory ? 'CRC32' : undefined;
      const asked = performance.now();
      const created = await this.client.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key, ChecksumAlgorithm, ...headers }), { abortSignal: ctx.signal });
      // How long the server took to answer says how far it is, and so how large the parts should be.
      const partSize = choosePartSize(info.size, x.partSize || undefined, performance.now() - asked);
      cp = { kind: 's3Upload', uploadId: created.UploadId!, partSize, size: info.size, mtimeMs: info.mtimeMs, doneParts: [] };
      await x.saveCheckpointNow(cp);
    }
    const parts = await this.uploadParts(localPath, bucket, key, cp, serverParts, directory, ctx, x);
    const expected = completionCheckOf(parts, directory);
    const completing = expected.crc32 ?? expected.etag;
    if (completing) await x.saveCheckpointNow({ ...cp, doneParts: parts.map((_, i) => i + 1), completing });
    const uploadId = cp.uploadId;
    const complete = (IfNoneMatch: '*' | undefined) =>
      this.client.send(
        new CompleteMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: uploadId, IfNoneMatch, MultipartUpload: { Parts: parts.map((p, i) => ({ PartNumber: i + 1, ...p })) } }),
      );
    const out = await completeOrAbort(
      this.client,
      bucket,
      key,
      uploadId,
      () => sendIfAbsent(this.client, x.onlyIfAbsent, remotePath, complete, () => objectWritten(this.client, bucket, key, expected)),
      () => x.saveCheckpoint(undefined),
    );
    x.saveCheckpoint(undefined);
    if (x.verifyChecksums && etagIsMd5(out)) checkEtag(expected.etag, out.ETag, { key });
    if (directory && x.verifyChecksums) checkComposite(expected.crc32, out.ChecksumCRC32, key);
  }

  /** True when the object at `key` has this size and this (multipart) ETag, or in a directory bucket this composite CRC32. */
  private async holds(bucket: string, key: string, directory: boolean, completing: string, size: number): Promise<boolean> {
    const found = await objectWritten(this.client, bucket, key, savedCompletionCheck(completing, directory)).catch(() => undefined);
    return found?.ContentLength === size;
  }

  /**
   * Aborts a kept multipart upload so no parts stay behind that the user pays for. An upload
   * whose id never reached the disk is found by its key and the time it was started.
   */
  async discardUpload(remotePath: string, checkpoint: S3UploadCheckpoint | S3UploadStartingCheckpoint): Promise<void> {
    const { bucket, key } = splitS3Path(remotePath);
    if (checkpoint.kind === 's3Upload') {
      await abortUpload(this.client, bucket, key, checkpoint.uploadId);
      return;
    }
    await abortUnnamedUploads(this.client, bucket, key, checkpoint.startedAt);
  }

  /**
   * A small file in one PutObject: sent directly where the endpoint allows, else (or if that
   * is refused) through the SDK. One with a CRC32 (a directory bucket's, signed with a
   * CreateSession session the SDK keeps) always goes through the SDK.
   */
  private async putSmall(p: SmallPut, sent: BodyChecksum, signal: AbortSignal): Promise<PutAnswer> {
    if (!sent.crc32) {
      this.directPutter ??= DirectPutter.for(this.client).catch(() => undefined);
      const direct = await (await this.directPutter)?.put(p, signal);
      if (direct) return direct;
    }
    return this.client.send(
      new PutObjectCommand({ Bucket: p.bucket, Key: p.key, Body: p.body, ContentLength: p.body.length, IfNoneMatch: p.ifNoneMatch, ...sent.headers, ...p.headers }),
      { abortSignal: signal },
    );
  }

  download(remotePath: string, localPath: string, ctx: TransferContext): Promise<void> {
    return downloadObject(this.client, remotePath, localPath, ctx);
  }

  /**
   * Sends the parts the server lacks, `partsInFlight` at a time, each streamed from disk
   * (memory is the read-ahead, not the part size); answers every part's ETag (and, in a
   * directory bucket, its CRC32, which CompleteMultipartUpload then needs) in order.
   */
  private async uploadParts(
    localPath: string,
    bucket: string,
    key: string,
    cp: S3UploadCheckpoint,
    serverParts: Map<number, ServerPart>,
    directory: boolean,
    ctx: TransferContext,
    x: JobExtras,
  ): Promise<CompletedPart[]> {
    const plan = planParts(cp.size, cp.partSize);
    const etags: CompletedPart[] = new Array<CompletedPart>(plan.length);
    const doneParts = new Set<number>();
    let bytesDone = 0;
    const file = await open(localPath, 'r');
    const turns = new PartTurns(x.bandwidthLimited, ctx.signal);
    const buffers = new ReadBufferPool();
    try {
      for (const part of plan) {
        const have = serverParts.get(part.partNumber);
        if (!have || have.size !== part.length) continue;
        // A directory bucket's completion lists every part's CRC32, and the composite check is
        // built from them, so it cannot catch a wrong held part: one is kept only when the file's
        // bytes there give its CRC32 (size and mtime miss a file rewritten in place), else sent again.
        if (directory && (!have.crc32 || (await rangeCrc32(file, part.offset, part.length)) !== have.crc32)) continue;
        etags[part.partNumber - 1] = { ETag: have.etag, ChecksumCRC32: directory ? have.crc32 : undefined };
        doneParts.add(part.partNumber);
        bytesDone += part.length;
      }
      // Bytes of the parts now streaming count as they go. A failed part's bytes end the
      // attempt, so progress never steps back within it: it reports its highest mark.
      let streaming = 0;
      let reported = 0;
      const report = () => ctx.onProgress((reported = Math.max(reported, bytesDone + streaming)));
      report();
      const queue = plan.filter((p) => !doneParts.has(p.partNumber));
      const workers = Math.max(1, Math.min(x.partsInFlight, queue.length));
      // Every worker is waited for, so none still reads the file once it is closed.
      await allWorkers(workers, async (stopped) => {
        for (let part = queue.shift(); part && !stopped(); part = queue.shift()) {
          throwIfAborted(ctx.signal);
          await turns.start(part.partNumber);
          let read = 0;
          const flow = {
            throttle: x.throttle,
            onRead: (bytes: number) => {
              read += bytes;
              streaming += bytes;
              report();
            },
          };
          const body = new PartBody(file, part, directory ? 'crc32' : x.verifyChecksums, buffers, flow);
          let out;
          try {
            out = await this.client.send(
              // In a directory bucket the SDK sends the part's CRC32 as a trailer, computed as it streams.
              new UploadPartCommand({ Bucket: bucket, Key: key, UploadId: cp.uploadId, PartNumber: part.partNumber, Body: body, ContentLength: part.length, ChecksumAlgorithm: directory ? 'CRC32' : undefined }),
              { abortSignal: ctx.signal },
            );
          } finally {
            streaming -= read;
            turns.finished(part.partNumber);
            // A failed request leaves its body behind: a chunk still waiting for the limit must not read the closed file.
            body.destroy();
          }
          body.recycle();
          const digest = body.digest();
          if (etagIsMd5(out)) checkEtag(digest, out.ETag, { key, part: part.partNumber });
          const crc32 = body.crc32();
          if (crc32 && x.verifyChecksums) checkChecksum(crc32, out.ChecksumCRC32, { key, part: part.partNumber });
          etags[part.partNumber - 1] = { ETag: out.ETag ?? (digest ? `"${digest}"` : ''), ChecksumCRC32: directory ? (out.ChecksumCRC32 ?? crc32) : undefined };
          doneParts.add(part.partNumber);
          x.saveCheckpoint({ ...cp, doneParts: [...doneParts] });
          bytesDone += part.length;
          report();
        }
      });
    } finally {
      turns.dispose();
      await file.close();
    }
    throwIfAborted(ctx.signal);
    return etags;
  }
}

/** A file under `threshold` read whole (one open, one fstat, one read); a larger one only stat'ed. */
async function readIfSmall(localPath: string, threshold: number): Promise<{ body: Buffer } | { info: Stats }> {
  const file = await open(localPath, 'r');
  try {
    const info = await file.stat();
    if (info.size >= threshold) return { info };
    const body = Buffer.allocUnsafe(info.size);
    let filled = 0;
    while (filled < info.size) {
      const { bytesRead } = await file.read(body, filled, info.size - filled, filled);
      if (bytesRead === 0) throw codedError('conflict', 'coreS3:transfer.fileChanged', { path: localPath });
      filled += bytesRead;
    }
    return { body };
  } finally {
    await file.close();
  }
}
