import { createReadStream, createWriteStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  PutObjectCommand,
  UploadPartCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { splitS3Path } from '../../../shared/paths.js';
import { AppError } from '../errors.js';
import type { FileTransferDriver, TransferContext } from '../fs/remoteFileSystem.js';
import { contentTypeFor } from '../lib/contentType.js';
import { choosePartSize, MiB, planParts, type PartRange } from './multipartPlan.js';

export interface S3TransferSettings {
  multipartThreshold: number;
  partsInFlight: number;
}

export const defaultS3TransferSettings: S3TransferSettings = {
  multipartThreshold: 16 * MiB,
  partsInFlight: 6,
};

function countingStream(onBytes: (n: number) => void): Transform {
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      onBytes(chunk.length);
      done(null, chunk);
    },
  });
}

function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw new AppError('cancelled', 'Cancelled.');
}

export class S3TransferDriver implements FileTransferDriver {
  constructor(
    private readonly client: S3Client,
    private readonly settings: S3TransferSettings = defaultS3TransferSettings,
  ) {}

  async upload(localPath: string, remotePath: string, ctx: TransferContext): Promise<void> {
    const { bucket, key } = splitS3Path(remotePath);
    const { size } = await stat(localPath);
    const ContentType = contentTypeFor(key);
    if (size < this.settings.multipartThreshold) {
      let done = 0;
      const body = createReadStream(localPath).pipe(countingStream((n) => ctx.onProgress((done += n))));
      await this.client.send(
        new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentLength: size, ContentType }),
        { abortSignal: ctx.signal },
      );
      return;
    }
    const created = await this.client.send(
      new CreateMultipartUploadCommand({ Bucket: bucket, Key: key, ContentType }),
      { abortSignal: ctx.signal },
    );
    const uploadId = created.UploadId!;
    try {
      const parts = await this.uploadParts(localPath, bucket, key, uploadId, size, ctx);
      await this.client.send(
        new CompleteMultipartUploadCommand({
          Bucket: bucket,
          Key: key,
          UploadId: uploadId,
          MultipartUpload: { Parts: parts },
        }),
      );
    } catch (error) {
      // Never leave parts behind that the user pays for.
      await this.client
        .send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: uploadId }))
        .catch(() => undefined);
      throw error;
    }
  }

  /** Reads parts positionally into reused buffers: memory is bounded by parts in flight. */
  private async uploadParts(
    localPath: string,
    bucket: string,
    key: string,
    uploadId: string,
    size: number,
    ctx: TransferContext,
  ): Promise<{ PartNumber: number; ETag: string }[]> {
    const partSize = choosePartSize(size);
    const queue = planParts(size, partSize);
    const done: { PartNumber: number; ETag: string }[] = [];
    let bytesDone = 0;
    const file = await open(localPath, 'r');
    try {
      const worker = async () => {
        const buffer = Buffer.allocUnsafe(partSize);
        for (let part = queue.shift(); part; part = queue.shift()) {
          throwIfAborted(ctx.signal);
          const body = await readPart(file, buffer, part);
          const out = await this.client.send(
            new UploadPartCommand({
              Bucket: bucket,
              Key: key,
              UploadId: uploadId,
              PartNumber: part.partNumber,
              Body: body,
              ContentLength: part.length,
            }),
            { abortSignal: ctx.signal },
          );
          done.push({ PartNumber: part.partNumber, ETag: out.ETag! });
          ctx.onProgress((bytesDone += part.length));
        }
      };
      const workers = Math.min(this.settings.partsInFlight, queue.length);
      await Promise.all(Array.from({ length: workers }, worker));
    } finally {
      await file.close();
    }
    return done.sort((a, b) => a.PartNumber - b.PartNumber);
  }

  async download(remotePath: string, localPath: string, ctx: TransferContext): Promise<void> {
    const { bucket, key } = splitS3Path(remotePath);
    const out = await this.client.send(new GetObjectCommand({ Bucket: bucket, Key: key }), {
      abortSignal: ctx.signal,
    });
    let done = 0;
    await pipeline(
      out.Body as Readable,
      countingStream((n) => ctx.onProgress((done += n))),
      createWriteStream(localPath),
      { signal: ctx.signal },
    );
    if (out.ContentLength !== undefined && done !== out.ContentLength) {
      throw new AppError('network', `The download ended early (${done} of ${out.ContentLength} bytes).`);
    }
  }
}

async function readPart(
  file: import('node:fs/promises').FileHandle,
  buffer: Buffer,
  part: PartRange,
): Promise<Buffer> {
  let filled = 0;
  while (filled < part.length) {
    const { bytesRead } = await file.read(buffer, filled, part.length - filled, part.offset + filled);
    if (bytesRead === 0) throw new AppError('conflict', 'The file got shorter while it was being uploaded.');
    filled += bytesRead;
  }
  return buffer.subarray(0, part.length);
}
