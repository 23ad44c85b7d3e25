import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { basename } from 'node:path';
import type { SyncRunResult } from '../../../shared/contract/sync.js';
import type { CoreMessage } from '../../../shared/i18n/englishMessages.js';
import type { TransferFolder } from '../../../shared/transfers.js';
import { codedError } from '../errors.js';
import type { RemoteSession } from '../fs/remoteFileSystem.js';
import type { JobSpec } from '../transfers/jobSpecs.js';
import { ClaimedPaths, planLocalTargets } from '../transfers/localTargets.js';
import type { TransferQueue } from '../transfers/transferQueue.js';
import { mtimeMetadataKey, mtimeNsToMetadata } from '../lib/rcloneMtime.js';
import type { FullPlan, PlannedAction, SyncSessions } from './syncPlan.js';

/** Where a plan writes: the remote folder (upload), the peer's (download with a peer), else the local disk. */
interface Destination {
  session?: RemoteSession;
  root: string;
  /** Each action's path there. */
  pathOf(a: PlannedAction): string;
}

function destinationOf(plan: FullPlan, sessions: SyncSessions): Destination {
  const { pair } = plan;
  if (pair.direction === 'upload') return { session: sessions.remote, root: pair.remotePath, pathOf: (a) => a.remotePath };
  if (pair.peer && sessions.peer) return { session: sessions.peer, root: pair.peer.path, pathOf: (a) => a.localPath };
  return { root: pair.localPath, pathOf: (a) => a.localPath };
}

/** SFTP writes into existing folders only: the ones the writes need are made first, parents before children. */
async function makeFolders(session: RemoteSession, root: string, existing: Set<string>, moves: PlannedAction[]): Promise<void> {
  const needed = new Set<string>();
  for (const a of moves) {
    const parts = a.relativePath.split('/');
    for (let n = 1; n < parts.length; n++) needed.add(parts.slice(0, n).join('/'));
  }
  const top = root.replace(/\/+$/, '') || '/';
  if (!(await session.fs.stat(top).catch(() => undefined))) {
    const cut = top.lastIndexOf('/');
    await session.fs.mkdir(top.slice(0, cut) || '/', top.slice(cut + 1));
  }
  for (const rel of [...needed].sort((a, b) => a.split('/').length - b.split('/').length)) {
    if (existing.has(rel)) continue;
    const cut = rel.lastIndexOf('/');
    const parent = cut === -1 ? top : `${top}/${rel.slice(0, cut)}`;
    await session.fs.mkdir(parent, rel.slice(cut + 1));
  }
}

/**
 * Downloads into the local folder take the names the queue's own downloads would: cleaned
 * for the disk (reserved names, names too long), and numbered where two keys would land on
 * one file (names that differ only in case, on macOS and Windows), each with its note.
 */
function withSafeLocalNames(plan: FullPlan, moves: PlannedAction[]): (PlannedAction & { note?: CoreMessage })[] {
  if (plan.pair.direction !== 'download' || plan.pair.peer) return moves;
  const targets = planLocalTargets(plan.pair.localPath, moves.map((a) => a.relativePath), new ClaimedPaths());
  return moves.map((a, i) => ({ ...a, localPath: targets[i]!.localPath, note: targets[i]!.note }));
}

/** One queued job per action: an upload or download, or with a peer a copy between the two connections. */
function specOf(plan: FullPlan, a: PlannedAction & { note?: CoreMessage }, s3Target: boolean, folder: TransferFolder): JobSpec {
  const { pair } = plan;
  const upload = pair.direction === 'upload';
  if (pair.peer) {
    const [from, to] = upload ? [{ connectionId: pair.peer.connectionId, path: a.localPath }, { connectionId: pair.connectionId, path: a.remotePath }] : [{ connectionId: pair.connectionId, path: a.remotePath }, { connectionId: pair.peer.connectionId, path: a.localPath }];
    return { direction: 'copy', connectionId: to.connectionId, localPath: '', remotePath: to.path, copySource: from, size: a.size, name: basename(to.path), folder };
  }
  const spec: JobSpec = { direction: pair.direction, connectionId: pair.connectionId, localPath: a.localPath, remotePath: a.remotePath, size: a.size, name: basename(a.localPath), folder };
  if (a.note) spec.detail = [a.note];
  // rclone's format, so either tool finds the file unchanged after the other uploaded it.
  if (upload && s3Target && a.mtimeNs !== undefined) spec.uploadOptions = { metadata: { [mtimeMetadataKey]: mtimeNsToMetadata(a.mtimeNs) } };
  return spec;
}

/**
 * Runs the ticked actions of a plan: uploads, downloads and copies as one batch in the
 * transfer queue (one folder row), deletes at once through the file system. Deletes run
 * only when `confirmDeletes` repeats how many there are.
 */
export async function runSync(plan: FullPlan, sessions: SyncSessions, transfers: TransferQueue, skip: ReadonlySet<number>, confirmDeletes: number | undefined): Promise<SyncRunResult> {
  const chosen = plan.actions.filter((a) => a.kind !== 'skip' && !skip.has(a.id));
  const deletes = chosen.filter((a) => a.kind === 'delete');
  const moves = chosen.filter((a) => a.kind !== 'delete');
  if (deletes.length > 0 && confirmDeletes !== deletes.length) throw codedError('invalidInput', 'coreSync:confirmDeletes', { count: deletes.length });
  const { pair } = plan;
  const upload = pair.direction === 'upload';
  const target = destinationOf(plan, sessions);
  if (target.session?.fs.protocol === 'sftp' && moves.length > 0) await makeFolders(target.session, target.root, plan.destinationFolders, moves);
  const folder: TransferFolder = { id: randomUUID(), name: pair.name || basename(pair.localPath || pair.remotePath), localPath: pair.localPath, remotePath: pair.remotePath };
  const s3Target = target.session?.fs.protocol === 's3';
  const queuedOn = pair.peer && !upload ? pair.peer.connectionId : pair.connectionId;
  const queued = transfers.addPlanned(queuedOn, withSafeLocalNames(plan, moves).map((a) => specOf(plan, a, s3Target, folder)));

  let deleted = 0;
  let failedDeletes = 0;
  if (deletes.length > 0) {
    if (target.session) {
      const report = await target.session.fs.delete(deletes.map(target.pathOf));
      deleted = report.deleted;
      failedDeletes = report.failed.length;
    } else {
      for (const a of deletes) {
        const gone = await rm(a.localPath).then(
          () => true,
          () => false,
        );
        if (gone) deleted++;
        else failedDeletes++;
      }
    }
  }
  const summary = {
    at: Date.now(),
    uploaded: upload ? moves.length : 0,
    downloaded: upload ? 0 : moves.length,
    deleted,
    skipped: plan.actions.length - chosen.length,
    failed: failedDeletes,
  };
  return { transferIds: queued.map((t) => t.id), deleted, failedDeletes, summary };
}
