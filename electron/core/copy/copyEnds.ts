import type { JobContext } from '../transfers/jobContext.js';

/** What a copied file carries with it, as its source has it; each target keeps what it can. */
export interface CopyFacts {
  size: number;
  /** Milliseconds since the epoch. */
  modifiedAt?: number;
  contentType?: string;
  cacheControl?: string;
  /** S3 user metadata (without the `x-amz-meta-` prefix). */
  metadata?: Record<string, string>;
  /** S3 object tags. */
  tags?: Record<string, string>;
  /** SFTP permission bits. */
  mode?: number;
  /** The source's version marker (an S3 ETag): reads after a pause must see the same bytes. */
  version?: string;
}

/** The bytes of a file from `start` to its end, in order. */
export type ByteStream = AsyncIterable<Buffer>;

/** Reads one protocol's files for a copy to another place: its facts, then its bytes from any offset (so a copy resumes). */
export interface CopySource {
  facts(path: string, signal: AbortSignal): Promise<CopyFacts>;
  /** The bytes from `start` to `end` (exclusive; the file's end when absent), asked of the server as that range only (a preview reads a file's head). */
  read(path: string, facts: CopyFacts, start: number, signal: AbortSignal, end?: number): Promise<ByteStream>;
  /** Fails (`coreTransfers:copy.sourceChanged`) when the file no longer matches `facts`: a target calls it before its copy becomes the file. */
  unchanged(path: string, facts: CopyFacts, signal: AbortSignal): Promise<void>;
}

/** How a target reads its source: the bytes from an offset, and a last check that they have not changed. */
export interface CopyReader {
  open(start: number): Promise<ByteStream>;
  unchanged(): Promise<void>;
}

/**
 * Writes one protocol's files from another place's bytes, with memory bounded by what is in
 * flight, resuming from `ctx.checkpoint` (each protocol's own kinds, which its transfer driver
 * also discards), verifying what landed before it returns.
 */
export interface CopyTarget {
  write(path: string, facts: CopyFacts, source: CopyReader, ctx: JobContext): Promise<void>;
}

/** A session's two ends of a copy between places. */
export interface CopyEnds {
  readonly source: CopySource;
  readonly target: CopyTarget;
}
