/**
 * How far a drag-out preparation has got, from the transfers the queue reports: downloads
 * of the dragged files (or of files under the dragged folders) on that connection that
 * started with the preparation. Pure, unit-tested.
 */
import type { TransferSnapshot } from '../../../../shared/transfers.js';

export interface PreparingWhat {
  connectionId: string;
  /** Dragged files' paths, and dragged folders' paths ending in `/`. */
  paths: readonly string[];
  /** When the preparation began (epoch ms); earlier downloads of the same files are not its own. */
  since: number;
  /**
   * Bytes in all, from the listing, when only files with known sizes are dragged: a download
   * of a file asked for by name learns its size only once it starts.
   */
  bytes?: number;
}

/** The fraction done (0 to 1), or -1 while the whole is not known yet. */
export function preparingFraction(transfers: Iterable<TransferSnapshot>, what: PreparingWhat): number {
  let done = 0;
  let total = 0;
  let sizesKnown = true;
  for (const t of transfers) {
    if (t.direction !== 'download' || t.connectionId !== what.connectionId || t.createdAt < what.since) continue;
    if (!what.paths.some((p) => t.remotePath === p || (p.endsWith('/') && t.remotePath.startsWith(p)))) continue;
    done += t.state === 'completed' ? (t.size ?? t.bytesDone) : t.bytesDone;
    if (t.size === undefined) sizesKnown = false;
    else total += t.size;
  }
  const whole = what.bytes ?? (sizesKnown ? total : 0);
  return whole > 0 ? Math.min(1, done / whole) : -1;
}
