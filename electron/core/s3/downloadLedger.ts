import type { FileHandle } from 'node:fs/promises';
import { PieceHasher } from '../lib/pieceHasher.js';
import { SerialFileWriter } from '../lib/serialFileWriter.js';
import { addRange, coveredBytes, removeRange, type Range } from '../transfers/byteRanges.js';
import type { JobExtras } from '../transfers/jobContext.js';
import type { DownloadPlan } from './downloadPlan.js';
import type { RangesCheckpoint } from './s3Checkpoints.js';

/**
 * Which bytes of a download are on disk and how each piece hashed, kept in step with the
 * checkpoint: every write lands in the file, its piece MD5s and the saved ranges together,
 * so a resume fetches only what is missing and can prove the rest unchanged.
 */
export class DownloadLedger {
  private done: Range[];
  readonly hashes: Map<number, string>;
  /** The piece hashes an earlier attempt took (re-checked against the disk at the end). */
  readonly earlier: ReadonlyMap<number, string>;
  private bytesDone: number;
  private readonly writer: SerialFileWriter;

  constructor(
    private readonly plan: DownloadPlan,
    file: FileHandle,
    private readonly x: JobExtras,
    private readonly onProgress: (bytes: number) => void,
  ) {
    this.done = plan.resumed?.done ?? [];
    this.hashes = plan.resumed?.hashes ?? new Map();
    this.earlier = new Map(this.hashes);
    this.bytesDone = coveredBytes(this.done);
    this.writer = new SerialFileWriter(file);
  }

  get bytesOnDisk(): number {
    return this.bytesDone;
  }

  get complete(): boolean {
    return coveredBytes(this.done) === this.plan.size;
  }

  save(): void {
    const { etag, size, pieceSize } = this.plan;
    const checkpoint: RangesCheckpoint = { kind: 'ranges', etag, size, done: this.done, pieceSize, hashes: Object.fromEntries(this.hashes) };
    this.x.saveCheckpoint(checkpoint);
  }

  /** Where one GET's bytes go, in order from `start`: written, hashed by piece, checkpointed. Answers the bytes taken so far. */
  sinkFrom(start: number): (block: Buffer, n: number) => Promise<number> {
    const hasher = new PieceHasher(start, this.plan.pieceSize, this.plan.size);
    let position = start;
    return async (block, n) => {
      await this.writer.write(block, n, position);
      for (const piece of hasher.update(block.subarray(0, n))) this.hashes.set(piece.index, piece.md5);
      this.done = addRange(this.done, position, position + n);
      this.save();
      position += n;
      this.onProgress((this.bytesDone += n));
      return position - start;
    };
  }

  /** Forgets bytes found changed on disk, so the next attempt fetches them again. */
  drop(start: number, end: number): void {
    this.done = removeRange(this.done, start, end);
    this.save();
  }
}
