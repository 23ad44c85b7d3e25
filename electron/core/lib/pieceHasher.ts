import { createHash, type Hash } from 'node:crypto';

export interface HashedPiece {
  index: number;
  md5: string;
}

/**
 * MD5s of fixed-size pieces of a byte stream: fed the bytes in order, it answers each piece
 * as its last byte goes by. A stream that starts inside a piece has not seen that piece's
 * beginning, so that piece gets no MD5. S3's multipart ETag is built from exactly such
 * per-part MD5s, and a download records them to tell later which piece changed on disk.
 */
export class PieceHasher {
  private index: number;
  private hash: Hash = createHash('md5');
  private filled: number;
  /** The current piece began before the stream did. */
  private partial: boolean;

  constructor(
    start: number,
    private readonly pieceSize: number,
    private readonly total: number,
  ) {
    this.index = Math.floor(start / pieceSize);
    this.filled = start - this.index * pieceSize;
    this.partial = this.filled > 0;
  }

  private pieceLength(): number {
    return Math.min(this.pieceSize, this.total - this.index * this.pieceSize);
  }

  update(data: Buffer): HashedPiece[] {
    const done: HashedPiece[] = [];
    for (let at = 0; at < data.length; ) {
      const take = Math.min(data.length - at, this.pieceLength() - this.filled);
      if (take <= 0) break; // past the end of the stream: nothing more to hash
      if (!this.partial) this.hash.update(data.subarray(at, at + take));
      this.filled += take;
      at += take;
      if (this.filled === this.pieceLength()) {
        const md5 = this.hash.digest('hex');
        if (!this.partial) done.push({ index: this.index, md5 });
        this.partial = false;
        this.index++;
        this.hash = createHash('md5');
        this.filled = 0;
      }
    }
    return done;
  }
}
