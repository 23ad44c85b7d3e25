import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { z } from 'zod';
import { baseName } from '../../../shared/paths.js';
import { finishedStates, type TransferSnapshot } from '../../../shared/transfers.js';
import { dragOutRequest } from '../../../shared/contract/transfers.js';
import { codedError } from '../errors.js';
import { safeLocalPath } from './safeLocalPath.js';

export type DragOutRequest = z.infer<typeof dragOutRequest>;

/** The part of the queue drag-out needs. */
export interface DragOutQueue {
  download(connectionId: string, remotePaths: string[], localFolder: string): Promise<TransferSnapshot[]>;
  list(): TransferSnapshot[];
}

export interface DragOutPlan {
  /** A fresh folder of its own, so nothing there can conflict. */
  folder: string;
  /** Where each dragged item would be by its name alone (a folder for a prefix). */
  paths: string[];
}

/** Where each dragged item will be on disk by its name: `<root>/<uuid>/<safe base name>`. */
export function planDragOut(tempRoot: string, remotePaths: readonly string[], id: string = randomUUID()): DragOutPlan {
  const folder = join(tempRoot, id);
  const paths = [...new Set(remotePaths.map((p) => safeLocalPath(folder, baseName(p))))];
  return { folder, paths };
}

/** Validates a request from the window (it crossed IPC outside the contract's dispatch). */
export function parseDragOutRequest(payload: unknown): DragOutRequest {
  const parsed = dragOutRequest.safeParse(payload);
  if (!parsed.success) throw codedError('invalidInput', 'coreTransfers:dragOut.malformed');
  return parsed.data;
}

/**
 * The folder inside each fresh one that holds the items: the transfers panel names the
 * folder a download goes to ("a.txt → For dragging"), which reads better than an id.
 */
export const readyFolderName = 'For dragging';

export interface LandedItem {
  path: string;
  folder: boolean;
}

/**
 * Where each requested item landed, in the order of the request. The queue's own answer is
 * the truth: it gives keys that share a local name (`A` and `a`, cleaned-up characters)
 * numbered names, so a name alone could point at the wrong file. A file is the job with its
 * remote path; a folder is the top folder its objects went into (a folder object's own
 * bytes, which share the folder's path, are one of its files, not the folder).
 */
export function landedPaths(folder: string, remotePaths: readonly string[], started: readonly TransferSnapshot[]): LandedItem[] {
  return remotePaths.map((remotePath) => {
    const prefix = remotePath.endsWith('/') ? remotePath : `${remotePath}/`;
    const inside = started.find((t) => t.remotePath !== remotePath && t.remotePath.startsWith(prefix));
    if (inside || remotePath.endsWith('/')) {
      const top = inside ? relative(folder, inside.localPath).split(sep)[0] : undefined;
      return { path: top ? join(folder, top) : safeLocalPath(folder, baseName(remotePath)), folder: true };
    }
    const job = started.find((t) => t.remotePath === remotePath);
    if (!job) throw codedError('internal', 'coreTransfers:dragOut.notDownloaded', { name: baseName(remotePath) });
    return { path: job.localPath, folder: false };
  });
}

/**
 * Drag out to the OS: downloads the dragged items through the queue (so they show in the
 * transfers panel, with progress, limits, retries and the download's checksum check) into a
 * fresh temp folder, and answers one local path per requested item, in the request's order,
 * once every transfer completed. Main keeps them as the only paths a drag may carry.
 */
export async function prepareDragOut(queue: DragOutQueue, request: DragOutRequest, tempRoot: string, pollMs = 25): Promise<string[]> {
  const folder = join(planDragOut(tempRoot, []).folder, readyFolderName);
  await mkdir(folder, { recursive: true });
  const wanted = [...new Set(request.remotePaths)];
  const started = await queue.download(request.connectionId, wanted, folder);
  const ids = new Set(started.map((t) => t.id));
  for (;;) {
    const mine = queue.list().filter((t) => ids.has(t.id));
    if (mine.length < ids.size || mine.some((t) => t.state === 'cancelled')) {
      throw codedError('cancelled', 'coreTransfers:dragOut.cancelled');
    }
    const failed = mine.find((t) => t.state === 'failed');
    if (failed) {
      const kind = failed.error?.kind ?? 'internal';
      throw failed.error
        ? codedError(kind, 'coreTransfers:dragOut.failed', { name: failed.name, detail: failed.error.message })
        : codedError(kind, 'coreTransfers:dragOut.failedPlain', { name: failed.name });
    }
    if (mine.every((t) => finishedStates.includes(t.state))) break;
    await new Promise((r) => setTimeout(r, pollMs));
  }
  const landed = landedPaths(folder, request.remotePaths, started);
  // A folder that held nothing is made, so the OS drag never carries a missing path.
  for (const item of landed) {
    if (item.folder && !(await stat(item.path).catch(() => null))) await mkdir(item.path, { recursive: true });
  }
  return landed.map((item) => item.path);
}

/** Removes drag folders older than `maxAgeMs` (the OS copied them long ago). */
export async function removeOldDragFolders(tempRoot: string, maxAgeMs: number, now = Date.now()): Promise<number> {
  const names = await readdir(tempRoot).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    const path = join(tempRoot, name);
    const info = await stat(path).catch(() => null);
    if (info?.isDirectory() && now - info.mtimeMs > maxAgeMs) {
      await rm(path, { recursive: true, force: true });
      removed++;
    }
  }
  return removed;
}
