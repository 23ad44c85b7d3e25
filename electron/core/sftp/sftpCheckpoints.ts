import type { Checkpoint } from '../transfers/jobContext.js';

/** A sequential-prefix resume: every byte below `offset` is in place. */
export interface OffsetCheckpoint extends Checkpoint {
  kind: 'offset';
  offset: number;
  size?: number;
  mtimeMs?: number;
  /** A copy's source version (an S3 ETag): a part file of other bytes is not continued. */
  sourceVersion?: string;
}

/** Where an earlier SFTP attempt got to; 0 when it left no offset. */
export function offsetOf(checkpoint: Checkpoint | undefined): number {
  return isOffset(checkpoint) ? checkpoint.offset : 0;
}

export function offsetCheckpoint(offset: number): OffsetCheckpoint {
  return { kind: 'offset', offset };
}

function isOffset(checkpoint: Checkpoint | undefined): checkpoint is OffsetCheckpoint {
  return checkpoint?.kind === 'offset';
}
