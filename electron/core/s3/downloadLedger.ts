import type { FileHandle } from 'node:fs/promises';
import { fileHashWorkers } from '../lib/fileHashWorkers.js';
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
  private readonly fd: number;
  /** Piece hashes still being taken on the hashing workers. */
  private readonly hashing = new Set<Promise<void>>();

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
    this.fd = file.fd;
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

  /**
   * Where one GET's bytes go, in order from `start`: written, hashed by piece, checkpointed.
   * Answers the bytes taken so far. A whole object (one GET) is hashed as it arrives; the
   * pieces of a ranged download are hashed from disk on the hashing workers once written.
   */
  sinkFrom(start: number): (block: Buffer, n: number) => Promise<number> {
    const inline = this.plan.whole ? new PieceHasher(start, this.plan.pieceSize, this.plan.size) : undefined;
    let position = start;
    return async (block, n) => {
      await this.writer.write(block, n, position);
      if (inline) for (const piece of inline.update(block.subarray(0, n))) this.hashes.set(piece.index, piece.md5);
      else this.hashPiecesEnded(start, position, position + n);
      this.done = addRange(this.done, position, position + n);
      this.save();
      position += n;
      this.onProgress((this.bytesDone += n));
      return position - start;
    };
  }

  /**
   * Hashes, from disk, each piece whose last byte a GET begun at `from` has just written
   * (between `before` and `after`), if that GET wrote it from its first byte. A piece a
   * worker cannot hash stays without one, and is hashed at the end (verifyDownload).
   */
  private hashPiecesEnded(from: number, before: number, after: number): void {
    const { pieceSize, size } = this.plan;
    for (let index = Math.floor(before / pieceSize); ; index++) {
      const pieceStart = index * pieceSize;
      const pieceEnd = Math.min(size, pieceStart + pieceSize);
      if (pieceEnd > after || pieceStart >= size) return;
      if (pieceEnd <= before || pieceStart < from) continue;
      const hashed: Promise<void> = fileHashWorkers()
        .md5(this.fd, pieceStart, pieceEnd - pieceStart)
        .then(
          (md5) => {
            this.hashes.set(index, md5);
            this.save();
          },
          () => undefined,
        )
        .finally(() => this.hashing.delete(hashed));
      this.hashing.add(hashed);
    }
  }

  /** Resolves once every piece hash begun has landed (or failed): the file must stay open until then. */
  async hashesSettled(): Promise<void> {
    while (this.hashing.size > 0) await Promise.all(this.hashing);
  }

  /** Forgets bytes found changed on disk, so the next attempt fetches them again. */
  drop(start: number, end: number): void {
    this.done = removeRange(this.done, start, end);
    this.save();
  }
}
