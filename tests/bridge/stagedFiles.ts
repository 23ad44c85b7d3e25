/**
 * The browser preview's stand-in for "where does this dropped file live": a browser page
 * cannot tell, so the bridge client sends the picked or dropped file's bytes and the bridge
 * writes them into a staging folder, answering the real path the core then uploads.
 * Development and tests only: the packaged app's preload has no channel that carries bytes.
 */
import { mkdir, open, rm } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { StageChunkHeader } from './protocol.js';

/** A picked folder's relative path (`photos/2026/b.jpg`), or a plain file name: checked to stay inside its batch. */
function safeRelative(path: string): string {
  const segments = path.split('/');
  if (!path || segments.some((s) => s === '' || s === '.' || s === '..' || s.includes('\\') || s.includes('\0'))) {
    throw new Error(`The bridge refuses the file name ${JSON.stringify(path)}.`);
  }
  return segments.join(sep);
}

export class StagedFiles {
  constructor(readonly root: string) {}

  /** Where a chunk's file lands: `<root>/<batch>/<file>/<name>` for a lone file, `<root>/<batch>/tree/<relative path>` for a folder's. */
  pathOf(header: StageChunkHeader): string {
    if (!/^[a-z0-9-]{1,64}$/i.test(header.batch) || !Number.isInteger(header.file) || header.file < 0) throw new Error('The bridge refuses that staging batch.');
    const base = join(this.root, header.batch);
    const path = header.relativePath ? join(base, 'tree', safeRelative(header.relativePath)) : join(base, String(header.file), safeRelative(header.name));
    if (!resolve(path).startsWith(resolve(this.root) + sep)) throw new Error('The bridge refuses a path outside its staging folder.');
    return path;
  }

  /** Writes one chunk at its offset (the first one creates the file); answers the file's path. */
  async write(header: StageChunkHeader, bytes: Uint8Array): Promise<string> {
    const path = this.pathOf(header);
    await mkdir(dirname(path), { recursive: true });
    const file = await open(path, header.offset === 0 ? 'w' : 'r+');
    try {
      await file.write(bytes, 0, bytes.length, header.offset);
    } finally {
      await file.close();
    }
    return path;
  }

  async remove(): Promise<void> {
    await rm(this.root, { recursive: true, force: true });
  }
}
