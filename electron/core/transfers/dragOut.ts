import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { baseName } from '../../../shared/paths.js';
import { finishedStates, type TransferSnapshot } from '../../../shared/transfers.js';
import { dragOutRequest } from '../../../shared/contract/transfers.js';
import { AppError } from '../errors.js';
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
  /** What the OS drag carries: one local path per dragged item (a folder for a prefix). */
  paths: string[];
}

/** Where each dragged item will be on disk: `<root>/<uuid>/<safe base name>`. */
export function planDragOut(tempRoot: string, remotePaths: readonly string[], id: string = randomUUID()): DragOutPlan {
  const folder = join(tempRoot, id);
  const paths = [...new Set(remotePaths.map((p) => safeLocalPath(folder, baseName(p))))];
  return { folder, paths };
}

/** Validates a request from the window (it crossed IPC outside the contract's dispatch). */
export function parseDragOutRequest(payload: unknown): DragOutRequest {
  const parsed = dragOutRequest.safeParse(payload);
  if (!parsed.success) throw new AppError('invalidInput', 'That drag cannot be started: the request is malformed.');
  return parsed.data;
}

/**
 * Drag out to the OS: downloads the dragged items through the queue (so they show in the
 * transfers panel, with progress, limits and retries) into a fresh temp folder, and answers
 * the local paths once every transfer completed. Main then hands them to the OS drag.
 */
export async function prepareDragOut(queue: DragOutQueue, request: DragOutRequest, tempRoot: string, pollMs = 25): Promise<string[]> {
  const plan = planDragOut(tempRoot, request.remotePaths);
  await mkdir(plan.folder, { recursive: true });
  const started = await queue.download(request.connectionId, request.remotePaths, plan.folder);
  const ids = new Set(started.map((t) => t.id));
  for (;;) {
    const mine = queue.list().filter((t) => ids.has(t.id));
    if (mine.length < ids.size || mine.some((t) => t.state === 'cancelled')) {
      throw new AppError('cancelled', 'The drag was cancelled before the files were ready.');
    }
    const failed = mine.find((t) => t.state === 'failed');
    if (failed) throw new AppError(failed.error?.kind ?? 'internal', `${failed.name} could not be downloaded for the drag: ${failed.error?.message ?? 'it failed.'}`);
    if (mine.every((t) => finishedStates.includes(t.state))) break;
    await new Promise((r) => setTimeout(r, pollMs));
  }
  // An empty prefix downloads nothing: hand over an empty folder rather than a missing path.
  for (const path of plan.paths) {
    if (!(await stat(path).catch(() => null))) await mkdir(path, { recursive: true });
  }
  return plan.paths;
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
