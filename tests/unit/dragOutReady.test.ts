/** The page's side of drag-out: which items drag at once, when a drag has left the window, how far a preparation got. */
import { describe, expect, it } from 'vitest';
import type { FileEntry } from '../../shared/files.js';
import type { TransferSnapshot } from '../../shared/transfers.js';
import { LeaveWatch, outsideViewport, type LeaveTimers } from '../../renderer/src/features/dragOut/leaveWatch.js';
import { preparingFraction } from '../../renderer/src/features/dragOut/preparingProgress.js';
import {
  copyKey,
  copyOf,
  draggableEntries,
  fileCopyMaxAgeMs,
  folderCopyMaxAgeMs,
  isFresh,
  isInsideCopy,
  readyPaths,
  worthPrefetching,
  type ReadyCopy,
} from '../../renderer/src/features/dragOut/readyCopies.js';

const file = (path: string, size = 10, more: Partial<FileEntry> = {}): FileEntry => ({ name: path.split('/').pop()!, path, kind: 'file', size, modified: 1000, etag: '"e"', ...more });
const folder = (path: string): FileEntry => ({ name: path.split('/').at(-2)!, path, kind: 'folder' });
const copy = (localPath: string, more: Partial<ReadyCopy> = {}): ReadyCopy => ({ localPath, kind: 'file', size: 10, modified: 1000, etag: '"e"', at: 0, ...more });

describe('which dragged items already have a local copy', () => {
  const now = 60_000;
  it('a file copy is fresh while the listing still shows the same size, date and ETag', () => {
    const entry = file('/b/a.txt');
    expect(isFresh(entry, copy('/d/a.txt', { at: now - 1000 }), now)).toBe(true);
    expect(isFresh(entry, undefined, now)).toBe(false);
    expect(isFresh({ ...entry, size: 11 }, copy('/d/a.txt', { at: now }), now)).toBe(false);
    expect(isFresh({ ...entry, modified: 2000 }, copy('/d/a.txt', { at: now }), now)).toBe(false);
    expect(isFresh({ ...entry, etag: '"f"' }, copy('/d/a.txt', { at: now }), now)).toBe(false);
    // Old copies are fetched again (main stops honouring them, and removes them after a day).
    expect(isFresh(entry, copy('/d/a.txt', { at: now - fileCopyMaxAgeMs - 1 }), now + 0)).toBe(false);
  });

  it('a folder copy serves only the drag it was made for (a minute)', () => {
    const entry = folder('/b/docs/');
    expect(isFresh(entry, { localPath: '/d/docs', kind: 'folder', at: now - 5_000 }, now)).toBe(true);
    expect(isFresh(entry, { localPath: '/d/docs', kind: 'folder', at: now - folderCopyMaxAgeMs }, now)).toBe(false);
  });

  it('drags at once only when every item is ready, in the selection order', () => {
    const a = file('/b/a.txt');
    const b = file('/b/b.txt');
    const copies = { [copyKey('c', a.path)]: copy('/d/1/a.txt', { at: now }), [copyKey('c', b.path)]: copy('/d/2/b.txt', { at: now }) };
    expect(readyPaths('c', [b, a], copies, now)).toEqual(['/d/2/b.txt', '/d/1/a.txt']);
    expect(readyPaths('c', [a, file('/b/c.txt')], copies, now)).toBeUndefined();
    // Copies belong to their connection.
    expect(readyPaths('other', [a], copies, now)).toBeUndefined();
    expect(readyPaths('c', [], copies, now)).toBeUndefined();
  });

  it('keeps a prepared file for later drags only when its size matches the listing', () => {
    const entry = file('/b/a.txt', 10);
    expect(copyOf(entry, { remotePath: entry.path, localPath: '/d/a.txt', kind: 'file', size: 10 }, 5)).toEqual(copy('/d/a.txt', { at: 5 }));
    // It changed on the server between the listing and the download.
    expect(copyOf(entry, { remotePath: entry.path, localPath: '/d/a.txt', kind: 'file', size: 12 }, 5)).toBeUndefined();
    expect(copyOf(folder('/b/docs/'), { remotePath: '/b/docs/', localPath: '/d/docs', kind: 'folder', size: 0 }, 5)).toEqual({ localPath: '/d/docs', kind: 'folder', at: 5 });
  });

  it('never drags S3 buckets', () => {
    const bucket: FileEntry = { name: 'b', path: '/b/', kind: 'bucket' };
    expect(draggableEntries('s3', [bucket, file('/b/a')])).toEqual([file('/b/a')]);
  });

  it('prefetches only a few small files whose sizes are known', () => {
    expect(worthPrefetching([file('/b/a', 1024), file('/b/b', 2048)])).toBe(true);
    expect(worthPrefetching([])).toBe(false);
    expect(worthPrefetching([file('/b/a', 5 * 1024 * 1024)])).toBe(false);
    expect(worthPrefetching(Array.from({ length: 9 }, (_, i) => file(`/b/${i}`, 1)))).toBe(false);
    expect(worthPrefetching([file('/b/a'), folder('/b/docs/')])).toBe(false);
    expect(worthPrefetching([file('/b/a', undefined as unknown as number, { size: undefined })])).toBe(false);
  });

  it('knows the app’s own copies when they are dropped back on the window', () => {
    expect(isInsideCopy('/d/1/a.txt', ['/d/1/a.txt'])).toBe(true);
    expect(isInsideCopy('/d/2/docs/deep/x.md', ['/d/2/docs'])).toBe(true);
    expect(isInsideCopy('C:\\t\\docs\\x.md', ['C:\\t\\docs'])).toBe(true);
    expect(isInsideCopy('/d/2/docs-other/x.md', ['/d/2/docs'])).toBe(false);
    expect(isInsideCopy('/home/me/a.txt', ['/d/1/a.txt'])).toBe(false);
  });
});

/** Timers a test moves by hand. */
function manualTimers() {
  let pending: { run: () => void; at: number } | undefined;
  let clock = 0;
  const timers: LeaveTimers = {
    set: (run, ms) => (pending = { run, at: clock + ms }),
    clear: (h) => {
      if (pending === h) pending = undefined;
    },
  };
  const advance = (ms: number) => {
    clock += ms;
    if (pending && pending.at <= clock) {
      const { run } = pending;
      pending = undefined;
      run();
    }
  };
  return { timers, advance };
}

describe('telling that an in-page drag left the window', () => {
  it('counts a leave to nowhere once no dragover followed for the grace time', () => {
    const { timers, advance } = manualTimers();
    let left = 0;
    const watch = new LeaveWatch(() => left++, 150, timers);
    watch.leave(false); // onto another element of the page
    advance(500);
    expect(left).toBe(0);
    watch.leave(true);
    advance(100);
    watch.over(); // still over the page: a dragleave between elements, or a re-entry
    advance(500);
    expect(left).toBe(0);
    watch.leave(true);
    advance(150);
    expect(left).toBe(1);
    // Once only, however often it leaves again.
    watch.over();
    watch.leave(true);
    advance(150);
    watch.end(true);
    expect(left).toBe(1);
  });

  it('a drag cancelled inside the window (Escape) is not a leave', () => {
    const { timers, advance } = manualTimers();
    let left = 0;
    const watch = new LeaveWatch(() => left++, 150, timers);
    watch.leave(true);
    watch.end(false);
    advance(1000);
    expect(left).toBe(0);
  });

  it('a drag that ends outside the window counts at once', () => {
    const { timers } = manualTimers();
    let left = 0;
    new LeaveWatch(() => left++, 150, timers).end(true);
    expect(left).toBe(1);
  });

  it('knows points outside the viewport', () => {
    expect(outsideViewport(-1, 10, 800, 600)).toBe(true);
    expect(outsideViewport(10, 600, 800, 600)).toBe(true);
    expect(outsideViewport(799, 599, 800, 600)).toBe(false);
  });
});

describe('how far a preparation got', () => {
  const t = (remotePath: string, size: number | undefined, bytesDone: number, more: Partial<TransferSnapshot> = {}): TransferSnapshot => ({
    id: remotePath,
    direction: 'download',
    connectionId: 'c',
    name: remotePath,
    localPath: `/d${remotePath}`,
    remotePath,
    size,
    bytesDone,
    rate: 0,
    state: 'running',
    createdAt: 100,
    ...more,
  });
  const what = { connectionId: 'c', paths: ['/b/a.bin', '/b/docs/'], since: 50 };

  it('sums the dragged files and the files under dragged folders', () => {
    expect(preparingFraction([t('/b/a.bin', 100, 50), t('/b/docs/x', 100, 100, { state: 'completed' })], what)).toBe(0.75);
  });

  it('leaves out other downloads, earlier ones and other connections', () => {
    const others = [t('/b/other', 100, 0), t('/b/a.bin', 100, 0, { createdAt: 10 }), t('/b/a.bin', 100, 0, { connectionId: 'd' }), t('/b/a.bin', 100, 0, { direction: 'upload' })];
    expect(preparingFraction([t('/b/a.bin', 100, 25), ...others], what)).toBe(0.25);
  });

  it('is unknown (-1) until sizes are known', () => {
    expect(preparingFraction([], what)).toBe(-1);
    expect(preparingFraction([t('/b/a.bin', undefined, 5)], what)).toBe(-1);
  });

  it('uses the listing’s sizes while a file asked for by name has not learned its own', () => {
    const files = { connectionId: 'c', paths: ['/b/a.bin', '/b/b.bin'], since: 50, bytes: 200 };
    expect(preparingFraction([], files)).toBe(0);
    expect(preparingFraction([t('/b/a.bin', undefined, 50), t('/b/b.bin', 100, 100, { state: 'completed' })], files)).toBe(0.75);
  });
});
