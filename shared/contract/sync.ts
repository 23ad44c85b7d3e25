import { z } from 'zod';
import { event, op } from './define.js';
import { id, noNulMessage, nothing, remotePath, withoutNul } from './fields.js';

/** Upload: make the remote folder like the local one. Download: the other way. */
export type SyncDirection = 'upload' | 'download';

/** What a sync does to one file. */
export type SyncActionKind = 'upload' | 'download' | 'overwrite' | 'delete' | 'skip';

/**
 * Why (the compare rule lives in electron/core/sync/compareRule.ts):
 * new - missing on the destination; sizeDiffers; sourceNewer - the source changed after the
 * destination was written; mtimeDiffers / sameMtime - both modification times are known
 * (rclone's x-amz-meta-mtime) and differ or match; notOlder - same size and the destination
 * is not older; notInSource - mirror: only on the destination; unsafeName - a key no file
 * outside S3 can be named (an empty, `.` or `..` part, a backslash); sameChecksum / checksumDiffers - checksum mode: the local file's MD5,
 * taken as S3 takes it, against the object's ETag.
 */
export type SyncReason =
  | 'new'
  | 'sizeDiffers'
  | 'sourceNewer'
  | 'mtimeDiffers'
  | 'sameMtime'
  | 'notOlder'
  | 'notInSource'
  | 'unsafeName'
  | 'sameChecksum'
  | 'checksumDiffers';

/** How files of the same size are compared: by time from the listings, or by reading every local file (local <-> S3 only). */
export type SyncCompare = 'sizeAndTime' | 'checksum';

export interface SyncAction {
  /** Its index in the plan: `sync:run` names the unticked ones by it. */
  id: number;
  /** `/`-separated, under both roots. */
  relativePath: string;
  kind: SyncActionKind;
  reason: SyncReason;
  /** Bytes this action moves (0 for skips and deletes: a delete's size is `size`). */
  bytes: number;
  size: number;
}

/** A folder on a connection. */
export interface SyncPlace {
  connectionId: string;
  path: string;
}

export interface SyncPairDraft {
  name: string;
  /** The local folder; empty when `peer` stands in its place. */
  localPath: string;
  /**
   * Another connection's folder in place of the local one (S3 <-> SFTP, S3 <-> S3): its
   * files are copied through the core by the transfer queue's copy jobs.
   */
  peer?: SyncPlace;
  connectionId: string;
  /** A folder: `/bucket/prefix/` on S3, an absolute path on SFTP. */
  remotePath: string;
  direction: SyncDirection;
  /** Mirror: also delete what is only on the destination (asked for once more, with its count, before it runs). */
  deleteExtras: boolean;
  /** Glob patterns; `name/` is a folder anywhere, a pattern with a `/` inside is from the root. */
  excludes: string[];
  /** `sizeAndTime` when not given. */
  compare?: SyncCompare;
}

export interface SyncRunSummary {
  at: number;
  uploaded: number;
  downloaded: number;
  deleted: number;
  skipped: number;
  failed: number;
}

export interface SyncPair extends SyncPairDraft {
  id: string;
  lastRun?: SyncRunSummary;
}

export interface SyncTotals {
  files: Record<SyncActionKind, number>;
  bytes: Record<SyncActionKind, number>;
}

export interface SyncPlan {
  planId: string;
  pairId?: string;
  pair: SyncPairDraft;
  actions: SyncAction[];
  totals: SyncTotals;
  /** S3, versioned bucket: a delete leaves a delete marker, the old versions stay. */
  deletesBecomeMarkers: boolean;
  /** Requests the plan sent to the server (listings, plus a HEAD per file whose time alone could not decide). */
  requests: number;
}

export interface SyncRunResult {
  /** The queued transfers, one per upload, download or overwrite. */
  transferIds: string[];
  deleted: number;
  failedDeletes: number;
  summary: SyncRunSummary;
}

/** The exclude patterns every new pair starts with. */
export const defaultSyncExcludes = ['.git/', 'node_modules/', '.DS_Store'];

const pattern = z.string().min(1).max(512);

export const syncPairDraft = z
  .object({
    name: z.string().max(200),
    localPath: z.string().max(8192).refine(withoutNul, noNulMessage),
    peer: z.object({ connectionId: id, path: remotePath }).strict().optional(),
    connectionId: id,
    remotePath,
    direction: z.enum(['upload', 'download']),
    deleteExtras: z.boolean(),
    excludes: z.array(pattern).max(200),
    compare: z.enum(['sizeAndTime', 'checksum']).optional(),
  })
  .strict()
  // The local side is a whole folder path, or another connection stands in its place.
  .refine((p) => (p.peer ? p.localPath === '' : /^(\/|[a-z]:[\\/]|\\\\)/i.test(p.localPath)), { message: 'coreIpc:refused.syncLocalPath', path: ['localPath'] })
  // Two folders of one connection may sync, unless one holds the other.
  .refine((p) => !p.peer || p.peer.connectionId !== p.connectionId || !nested(p.peer.path, p.remotePath), { message: 'coreIpc:refused.syncSameConnection', path: ['peer'] });

/** One folder is the other or holds it (paths compared with one trailing slash). */
function nested(a: string, b: string): boolean {
  const folder = (path: string) => `${path.replace(/\/+$/, '')}/`;
  return folder(a).startsWith(folder(b)) || folder(b).startsWith(folder(a));
}

export const syncOperations = {
  /** Lists both sides and compares them; nothing changes. The plan is kept until it runs or another replaces it. */
  'sync:plan': op<SyncPlan>()(z.object({ pair: syncPairDraft, pairId: id.optional() })),
  /**
   * Runs a plan: uploads and downloads go to the transfer queue as one batch, deletes run
   * at once. `skip` names the unticked actions; a plan with deletes runs only when
   * `confirmDeletes` repeats their number.
   */
  'sync:run': op<SyncRunResult>()(
    z.object({
      planId: z.string().uuid(),
      skip: z.array(z.number().int().min(0)).max(1_000_000),
      confirmDeletes: z.number().int().min(0).optional(),
    }),
  ),
  'sync:listPairs': op<SyncPair[]>()(nothing),
  'sync:savePair': op<SyncPair>()(z.object({ id: id.optional(), draft: syncPairDraft })),
  'sync:deletePair': op<void>()(z.object({ id })),
};

/** Checksum mode, while a plan reads the local files: bytes read of those it must read. */
export interface SyncChecksumProgress {
  connectionId: string;
  remotePath: string;
  done: number;
  total: number;
}

export const syncEvents = {
  'sync:checksumProgress': event<SyncChecksumProgress>(),
  /** A saved pair's last run changed once its transfers finished: read the pairs again. */
  'sync:pairChanged': event<{ pairId: string }>(),
};
