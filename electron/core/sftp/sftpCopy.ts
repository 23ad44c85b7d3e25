import type { Attributes } from 'ssh2';
import { codedError, throwIfAborted } from '../errors.js';
import { eachLimited } from '../lib/eachLimited.js';
import type { SftpChannel } from './sftpChannel.js';
import { entryPath, isFolderMode, isSymlinkMode } from './sftpEntries.js';
import { moveInParallelChunks } from './parallelChunks.js';
import { remoteError } from './sftpErrors.js';
import { readFolder } from './sftpTree.js';

const CHUNK = 255 * 1024;
const CONCURRENCY = 16;

/**
 * Copies a file, link or whole folder on the server. SFTP has no copy request: files go
 * through `copy-data` when the server offers it (OpenSSH 9+, bytes never leave the server),
 * else they are read and written back in parallel chunks.
 */
export async function copyTree(
  channel: SftpChannel,
  from: string,
  to: string,
  onProgress?: (done: number) => void,
  signal?: AbortSignal,
): Promise<void> {
  let done = 0;
  const step = () => onProgress?.(++done);
  const copyOne = async (source: string, target: string, attrs: Attributes): Promise<void> => {
    throwIfAborted(signal);
    try {
      await copyEntry(source, target, attrs);
    } catch (error) {
      throw remoteError(error, source);
    }
    step();
  };
  const copyEntry = async (source: string, target: string, attrs: Attributes): Promise<void> => {
    if (isSymlinkMode(attrs.mode)) {
      await channel.symlink(await channel.readlink(source), target);
    } else if (isFolderMode(attrs.mode)) {
      await channel.mkdir(target);
      const children = await readFolder(channel, source);
      // Folders one at a time, files several at once: keeps the handle count bounded.
      const folders = children.filter((c) => isFolderMode(c.attrs.mode));
      const others = children.filter((c) => !isFolderMode(c.attrs.mode));
      await eachLimited(others, 4, (c) => copyOne(c.path, entryPath(target, c.name), c.attrs));
      for (const c of folders) await copyOne(c.path, entryPath(target, c.name), c.attrs);
      await channel.setstat(target, { mode: attrs.mode & 0o7777 }).catch(() => undefined);
    } else {
      await copyFile(channel, source, target, attrs, signal);
    }
  };
  await copyOne(from, to, await channel.lstat(from));
}

async function copyFile(channel: SftpChannel, from: string, to: string, attrs: Attributes, signal?: AbortSignal) {
  const source = await channel.open(from, 'r');
  try {
    // 'wx': never overwrite something that appeared meanwhile.
    const target = await channel.open(to, 'wx', { mode: attrs.mode & 0o7777 });
    let copied = false;
    try {
      if (channel.hasExtension('copy-data')) {
        await channel.copyData(source, target);
      } else {
        await moveInParallelChunks({
          start: 0,
          end: attrs.size,
          chunkSize: Math.min(CHUNK, channel.maxReadLength, channel.maxWriteLength),
          concurrency: CONCURRENCY,
          signal: signal ?? new AbortController().signal,
          onProgress: () => undefined,
          moveChunk: async (buffer, position, length) => {
            let got = 0;
            while (got < length) {
              const n = await channel.read(source, buffer, got, length - got, position + got);
              if (n === 0) throw codedError('conflict', 'coreSftp:shrankCopying', { path: from });
              got += n;
            }
            await channel.write(target, buffer, 0, length, position);
          },
        });
      }
      copied = true;
    } finally {
      await channel.close(target).catch(() => undefined);
      // A half-written copy is worse than none.
      if (!copied) await channel.unlink(to).catch(() => undefined);
    }
  } finally {
    await channel.close(source).catch(() => undefined);
  }
}
