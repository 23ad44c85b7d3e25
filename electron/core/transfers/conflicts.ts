import { stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { coreMessage, type CoreMessage } from '../../../shared/i18n/englishMessages.js';
import type { ConflictChoice, FileFacts, TransferConflict, TransferSnapshot } from '../../../shared/transfers.js';
import { baseName, parentPath, childPath } from '../../../shared/paths.js';
import type { RemoteSession } from '../fs/remoteFileSystem.js';
import type { Checkpoint } from './jobContext.js';
import { firstFreePath } from './uniquePath.js';

async function localFacts(path: string): Promise<FileFacts | undefined> {
  const info = await stat(path).catch(() => undefined);
  return info ? { size: info.size, modifiedAt: info.mtimeMs } : undefined;
}

async function remoteFacts(session: RemoteSession, path: string): Promise<FileFacts | undefined> {
  try {
    const entry = await session.fs.stat(path);
    if (entry.kind === 'folder' || entry.kind === 'bucket') return { modifiedAt: entry.modified };
    return { size: entry.size, modifiedAt: entry.modified };
  } catch {
    return undefined;
  }
}

/** The question to ask when the target exists, or undefined when it does not (`sourceSession`: where a copy reads). */
export async function findConflict(session: RemoteSession, t: TransferSnapshot, sourceSession?: RemoteSession): Promise<TransferConflict | undefined> {
  // Uploads and copies write on the server; the question is asked the same way for both.
  const upload = t.direction !== 'download';
  const [source, target] = t.copySource && sourceSession
    ? [await remoteFacts(sourceSession, t.copySource.path), await remoteFacts(session, t.remotePath)]
    : upload
      ? [await localFacts(t.localPath), await remoteFacts(session, t.remotePath)]
      : [await remoteFacts(session, t.remotePath), await localFacts(t.localPath)];
  if (!target) return undefined;
  const smaller = target.size !== undefined && source?.size !== undefined && target.size < source.size;
  // A copy continues only its own earlier attempt (its checkpoint), never a file it finds there.
  const canResume = t.direction === 'copy' ? false : upload ? await session.transfers.canResumeUpload(t.remotePath, smaller) : smaller;
  return { id: t.id, direction: upload ? 'upload' : 'download', ...(t.direction === 'copy' ? { copy: true } : {}), name: t.name, targetPath: upload ? t.remotePath : t.localPath, source: source ?? {}, target, canResume };
}

export type ConflictOutcome =
  | { action: 'go'; checkpoint?: Checkpoint; localPath?: string; remotePath?: string; detail?: CoreMessage }
  | { action: 'skip'; detail: CoreMessage };

/** Turns the user's choice into what the transfer does. */
export async function applyChoice(
  session: RemoteSession,
  t: TransferSnapshot,
  conflict: TransferConflict,
  choice: ConflictChoice,
  /** Local paths other transfers write: a renamed download must not take one. */
  localTaken: (path: string) => boolean = () => false,
): Promise<ConflictOutcome> {
  const upload = t.direction !== 'download';
  switch (choice) {
    case 'overwrite':
      return { action: 'go', detail: coreMessage('coreTransfers:notes.replaced') };
    case 'skip':
      return { action: 'skip', detail: coreMessage('coreTransfers:notes.skippedExists') };
    case 'newer': {
      const s = conflict.source.modifiedAt ?? 0;
      const d = conflict.target.modifiedAt ?? 0;
      return s > d ? { action: 'go', detail: coreMessage('coreTransfers:notes.replacedOlder') } : { action: 'skip', detail: coreMessage('coreTransfers:notes.skippedNewer') };
    }
    case 'rename':
      if (!upload) {
        const localPath = await firstFreePath(t.localPath, localTaken);
        return { action: 'go', localPath, detail: coreMessage('coreTransfers:notes.savedAs', { name: basename(localPath) }) };
      }
      return { action: 'go', remotePath: await freeRemotePath(session, t.remotePath), detail: coreMessage('coreTransfers:notes.savedUnderNewName') };
    case 'resume':
      return resumeOutcome(session, t, conflict);
  }
}

async function resumeOutcome(session: RemoteSession, t: TransferSnapshot, conflict: TransferConflict): Promise<ConflictOutcome> {
  const have = conflict.target.size ?? 0;
  if (!conflict.canResume) return { action: 'go', detail: coreMessage('coreTransfers:notes.nothingToResume') };
  const { rename } = await import('node:fs/promises');
  if (t.direction === 'download') {
    // The existing file becomes the `.part`; the rest of the bytes are appended to it.
    await rename(t.localPath, `${t.localPath}.part`);
    const checkpoint = session.transfers.resumeDownload(have, conflict.source.size ?? 0);
    return { action: 'go', checkpoint, detail: coreMessage('coreTransfers:notes.resumedAfter', { bytes: have }) };
  }
  const resumed = await session.transfers.resumeUpload(session.fs, t.remotePath, t.localPath, have);
  if (!resumed) return { action: 'go', detail: coreMessage('coreTransfers:notes.nothingToResume') };
  return { action: 'go', ...resumed };
}

async function freeRemotePath(session: RemoteSession, path: string): Promise<string> {
  const protocol = session.fs.protocol;
  const parent = parentPath(protocol, path) ?? '/';
  const name = baseName(path);
  const ext = extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let n = 1; ; n++) {
    const candidate = childPath(protocol, parent, `${stem} (${n})${ext}`, false);
    if (!(await remoteFacts(session, candidate))) return candidate;
  }
}
