import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { FileEntry } from '../../../shared/files.js';
import type { ByteStream, CopyFacts } from '../copy/copyEnds.js';
import { noBytes } from '../copy/byteStreams.js';
import { codedError } from '../errors.js';
import type { RemoteSession } from '../fs/remoteFileSystem.js';
import { toNative } from '../local/localPaths.js';

/**
 * The bytes `start` to `end` (exclusive) of a file, asked of its server as that range only:
 * an S3 ranged GET pinned to the object's ETag, SFTP reads of that span, or this computer's disk.
 */
export async function readSpan(session: RemoteSession, path: string, facts: CopyFacts, start: number, end: number, signal: AbortSignal): Promise<ByteStream> {
  if (start >= end) return noBytes();
  if (session.copy) return session.copy.source.read(path, facts, start, signal, end);
  const native = session.fs.protocol === 'local' ? toNative(path) : undefined;
  if (!native) throw codedError('unsupported', 'corePreview:cannotRead', { path });
  return createReadStream(native, { start, end: end - 1, signal });
}

/** Up to `limit` bytes from a stream (which may end sooner): a guard against a source that answers more than the span asked. */
export async function collect(stream: ByteStream, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let have = 0;
  for await (const chunk of stream) {
    chunks.push(Buffer.from(chunk));
    have += chunk.length;
    if (have >= limit) break;
  }
  return Buffer.concat(chunks, have).subarray(0, limit);
}

/** What a preview reads of a file: its size and version, a link's target's for a link to a file (a listing gives the link's own). */
export async function factsOf(session: RemoteSession, entry: FileEntry, signal: AbortSignal): Promise<CopyFacts> {
  if (entry.kind === 'file') return { size: entry.size ?? 0, modifiedAt: entry.modified, version: entry.etag };
  if (entry.kind !== 'symlink' || entry.linkTargetKind !== 'file') throw codedError('unsupported', 'corePreview:notAFile', { name: entry.name });
  if (session.copy) return session.copy.source.facts(entry.path, signal);
  const native = session.fs.protocol === 'local' ? toNative(entry.path) : undefined;
  if (!native) throw codedError('unsupported', 'corePreview:cannotRead', { path: entry.path });
  const info = await stat(native);
  return { size: info.size, modifiedAt: info.mtimeMs };
}
