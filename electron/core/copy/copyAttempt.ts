import type { TransferSnapshot } from '../../../shared/transfers.js';
import { coreMessage } from '../../../shared/i18n/englishMessages.js';
import { codedError, throwIfAborted } from '../errors.js';
import type { RemoteSession } from '../fs/remoteFileSystem.js';
import { safeRelativePath } from '../lib/safeRelative.js';
import type { Checkpoint, JobContext } from '../transfers/jobContext.js';

/** On disk between a move's verified copy and the source's delete: a crash there only deletes. */
interface CopiedCheckpoint extends Checkpoint {
  kind: 'copied';
  size: number;
}

const isCopied = (checkpoint: Checkpoint | undefined): checkpoint is CopiedCheckpoint => checkpoint?.kind === 'copied';

export interface CopySessions {
  get(connectionId: string): RemoteSession;
}

/**
 * One attempt at a copy between places. On one connection the server copies (S3 CopyObject
 * keeps headers, metadata and tags); between two, the target reads the source's bytes as a
 * stream and writes them its own way, verifying what landed. A move deletes the source only
 * after that; the step between is saved, so a crash there deletes without copying again.
 */
export async function runCopyAttempt(sessions: CopySessions, s: TransferSnapshot, ctx: JobContext): Promise<void> {
  const from = s.copySource;
  if (!from) throw codedError('invalidInput', 'coreTransfers:copy.noSource');
  if (s.move && from.connectionId === s.connectionId && from.path === s.remotePath) throw codedError('invalidInput', 'coreTransfers:copy.ontoItself', { path: s.remotePath });
  const source = sessions.get(from.connectionId);
  const target = sessions.get(s.connectionId);
  // Keys are any text: on a file system a key like `dir/../../x` would climb out of the chosen folder.
  if (target.fs.protocol !== 's3' && !safeRelativePath(s.remotePath.replace(/^\/+/, ''))) {
    throw codedError('invalidInput', 'coreTransfers:copy.unsafeName', { path: from.path });
  }
  const copied = isCopied(ctx.checkpoint) && (await target.fs.stat(s.remotePath).catch(() => undefined))?.size === ctx.checkpoint.size;
  if (!copied) {
    if (from.connectionId === s.connectionId && !(await replacesFile(target, s.remotePath, ctx))) await copyOnServer(target, from.path, s, ctx);
    else await copyThrough(source, target, from.path, s, ctx);
  }
  if (!s.move) return;
  throwIfAborted(ctx.signal);
  await ctx.saveCheckpointNow<CopiedCheckpoint>({ kind: 'copied', size: s.size ?? 0 });
  const report = await source.fs.delete([from.path]);
  const failed = report.failed[0];
  if (failed) throw codedError('conflict', 'coreTransfers:copy.sourceNotDeleted', { path: from.path, detail: failed.message });
  ctx.note(coreMessage('coreTransfers:notes.sourceDeleted'));
}

/**
 * A server's own copy never replaces a file (it refuses the target that exists); where the
 * queue settled that this copy replaces one, the bytes go through Stowage instead.
 */
async function replacesFile(session: RemoteSession, path: string, ctx: JobContext): Promise<boolean> {
  if (ctx.onlyIfAbsent) return false;
  return (await session.fs.stat(path).catch(() => undefined))?.kind === 'file';
}

async function copyOnServer(session: RemoteSession, fromPath: string, s: TransferSnapshot, ctx: JobContext): Promise<void> {
  await session.fs.copy(fromPath, s.remotePath, undefined, ctx.signal);
  throwIfAborted(ctx.signal);
  const landed = await session.fs.stat(s.remotePath);
  if (s.size !== undefined && landed.size !== s.size) {
    throw codedError('conflict', 'coreTransfers:copy.sizeChanged', { path: s.remotePath, expected: s.size, got: landed.size ?? 0 });
  }
  s.size = landed.size;
  ctx.onProgress(landed.size ?? 0);
  ctx.note(coreMessage('coreTransfers:notes.copiedOnServer'));
}

async function copyThrough(source: RemoteSession, target: RemoteSession, fromPath: string, s: TransferSnapshot, ctx: JobContext): Promise<void> {
  const reader = source.copy?.source;
  const writer = target.copy?.target;
  if (!reader || !writer) throw codedError('unsupported', 'coreTransfers:copy.unsupported');
  const facts = await reader.facts(fromPath, ctx.signal);
  s.size = facts.size;
  await writer.write(s.remotePath, facts, { open: (start) => reader.read(fromPath, facts, start, ctx.signal), unchanged: () => reader.unchanged(fromPath, facts, ctx.signal) }, ctx);
}
