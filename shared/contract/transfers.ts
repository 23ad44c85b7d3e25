import { z } from 'zod';
import type { IncompleteUpload, TransferConflict, TransferProgress, TransferSettings, TransferSnapshot } from '../transfers.js';
import { event, op } from './define.js';
import { id, ids, localPath, nothing, remotePath, withoutProtoKey } from './fields.js';

const MiB = 1024 * 1024;

const conflictChoice = z.enum(['overwrite', 'skip', 'rename', 'resume', 'newer']);

const uploadOptions = z
  .object({
    storageClass: z.string().max(64).optional(),
    contentType: z.string().max(255).optional(),
    cacheControl: z.string().max(1024).optional(),
    metadata: withoutProtoKey(z.record(z.string().max(128), z.string().max(2048)), 'coreIpc:refused.metadataProto').optional(),
  })
  .strict();

const settingsChanges = z
  .object({
    filesInParallel: z.number().int().min(1).max(32),
    partsInFlight: z.number().int().min(1).max(64),
    uploadLimit: z.number().int().min(0),
    downloadLimit: z.number().int().min(0),
    conflictPolicy: z.enum(['ask', 'overwrite', 'skip', 'rename', 'resume', 'newer']),
    retries: z.number().int().min(0).max(20),
    verifyChecksums: z.boolean(),
    multipartThreshold: z.number().int().min(5 * MiB).max(5 * 1024 * MiB),
    partSize: z.union([z.literal(0), z.number().int().min(5 * MiB).max(5 * 1024 * MiB)]),
    preservePermissions: z.boolean(),
  })
  .partial()
  .strict();

const bucket = z.string().min(1).max(255);

/**
 * Drag out to the OS, in two steps outside the contract's operations (main itself keeps what
 * the core prepared, so only those paths can ever be dragged):
 * 1. `dragOutPrepareChannel` (invoke, `window.stowage.local.prepareDragOut`): main has the core
 *    download the items into its drag folder and answers where each one is.
 * 2. `dragOutChannel` (send-only, `window.stowage.local.startDragOut`): sent from inside the
 *    page's `dragstart` handler with prepared paths; main calls `webContents.startDrag` at once,
 *    while the mouse button is still down, as Electron's drag-and-drop guide requires.
 */
export const dragOutChannel = 'local:startDragOut';
export const dragOutPrepareChannel = 'local:prepareDragOut';

/** What to prepare: remote items of one connection. */
export const dragOutRequest = z.object({ connectionId: id, remotePaths: z.array(remotePath).min(1).max(1000) }).strict();

/** What to drag now: local paths main handed out from a preparation (checked again against them). */
export const dragOutStart = z.object({ paths: z.array(localPath).min(1).max(1000) }).strict();

export const transferOperations = {
  'transfers:upload': op<TransferSnapshot[]>()(
    z.object({ connectionId: id, localPaths: z.array(localPath).min(1).max(100_000), remoteFolder: remotePath, options: uploadOptions.optional() }),
  ),
  'transfers:download': op<TransferSnapshot[]>()(
    z.object({ connectionId: id, remotePaths: z.array(remotePath).min(1).max(100_000), localFolder: localPath }),
  ),
  /**
   * Copies files and folders from one connection to another (or another place on the same one),
   * one job per file (folders expand to their files), streamed through the core with no temp file.
   * `move` deletes each source file once its copy is verified.
   */
  'transfers:copyBetween': op<TransferSnapshot[]>()(
    z
      .object({
        source: z.object({ connectionId: id, paths: z.array(remotePath).min(1).max(100_000) }).strict(),
        target: z.object({ connectionId: id, folder: remotePath }).strict(),
        move: z.boolean().optional(),
      })
      .strict(),
  ),
  /** Queues a storage class change per object: files as chosen, folders (paths ending in '/') and buckets listed now. */
  'transfers:changeStorageClass': op<TransferSnapshot[]>()(
    z.object({ connectionId: id, paths: z.array(remotePath).min(1).max(100_000), storageClass: z.string().regex(/^[A-Z_]{2,40}$/) }),
  ),
  'transfers:list': op<TransferSnapshot[]>()(nothing),
  'transfers:pause': op<void>()(ids),
  'transfers:resume': op<void>()(ids),
  'transfers:cancel': op<void>()(ids),
  'transfers:retry': op<void>()(ids),
  'transfers:clearFinished': op<void>()(nothing),
  /** Shows the transfer's local file (or its folder) in the OS file manager. */
  'transfers:showInFolder': op<void>()(z.object({ id })),
  /** The answer to a `transfers:conflict` question. */
  'transfers:resolveConflict': op<void>()(z.object({ id, choice: conflictChoice, applyToAll: z.boolean() })),
  'transfers:getSettings': op<TransferSettings>()(nothing),
  'transfers:setSettings': op<TransferSettings>()(z.object({ changes: settingsChanges })),
  /** S3 multipart uploads in a bucket that were never completed or aborted (they are billed). */
  'transfers:listIncompleteUploads': op<IncompleteUpload[]>()(z.object({ connectionId: id, bucket, prefix: z.string().max(1024).optional() })),
  'transfers:abortIncompleteUploads': op<number>()(
    z.object({ connectionId: id, bucket, uploads: z.array(z.object({ key: z.string().min(1).max(1024), uploadId: z.string().min(1).max(1024) })).min(1).max(10_000) }),
  ),
};

export const transferEvents = {
  'transfers:progress': event<TransferProgress[]>(),
  'transfers:changed': event<TransferSnapshot>(),
  /** A target exists and the policy is "ask": answer with `transfers:resolveConflict`. */
  'transfers:conflict': event<TransferConflict>(),
};
