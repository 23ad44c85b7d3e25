/**
 * Searching a folder tree (SFTP, this computer's disk): every folder is listed through the
 * file system's own paged listing, a few folders at once. Links are not followed, so a link
 * loop cannot make the walk endless; a folder that cannot be read is skipped, not fatal.
 */
import type { RemoteFileSystem } from '../fs/remoteFileSystem.js';
import { isAppError } from '../errors.js';
import type { SearchSink, SearchSource } from './searchRun.js';

/** Folders listed at once: enough to hide a server's round trips, few enough to leave the browser its turn. */
const foldersAtOnce = 8;

/** A counting gate: at most `limit` holders at a time. */
class Gate {
  private free: number;
  private queue: (() => void)[] = [];
  constructor(limit: number) {
    this.free = limit;
  }
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((resolve) => this.queue.push(resolve));
    try {
      return await work();
    } finally {
      const next = this.queue.shift();
      if (next) next();
      else this.free++;
    }
  }
}

export function treeWalkSource(fs: RemoteFileSystem, root: string): SearchSource {
  return async (sink) => {
    const gate = new Gate(foldersAtOnce);
    const visit = async (folder: string, isRoot: boolean): Promise<void> => {
      const children: string[] = [];
      await gate.run(async () => {
        let cursor: string | undefined;
        do {
          await sink.beforeRequest();
          let page;
          try {
            page = await fs.list(folder, cursor);
          } catch (error) {
            // The folder the user searches must be readable; below it, a locked folder is skipped.
            if (isRoot || sink.signal.aborted || !isAppError(error) || error.kind === 'network' || error.kind === 'cancelled') throw error;
            sink.skippedFolder();
            return;
          }
          for (const entry of page.entries) if (entry.kind === 'folder') children.push(entry.path);
          sink.listed(page.entries, page.entries.length);
          cursor = page.nextCursor;
        } while (cursor);
      });
      await Promise.all(children.map((child) => visit(child, false)));
    };
    await visit(root, true);
  };
}
