/**
 * Main's side of drag-out: only what the core prepared in the drag folder is ever dragged,
 * and the OS drag starts inside the listener of the page's start message (never after a wait).
 */
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dragOutChannel, dragOutPrepareChannel } from '../../shared/contract/transfers.js';
import type { TransferSnapshot } from '../../shared/transfers.js';
import { landedPaths } from '../../electron/core/transfers/dragOut.js';
import { answerPrepare } from '../../electron/main/dragOutPrepare.js';
import { isInsideFolder, PreparedDrags, preparedMaxAgeMs } from '../../electron/main/preparedDrags.js';
import { appOrigin } from '../../electron/main/security.js';
import { makeTempDir, type TempDir } from '../support/tempDir.js';

// Main's module imports Electron for nativeImage only: a stand-in image that knows its file.
vi.mock('electron', () => ({
  nativeImage: {
    createFromPath: (path: string) => {
      const image = { path, isEmpty: () => path === '', resize: () => image };
      return image;
    },
  },
}));

describe('isInsideFolder', () => {
  it('takes paths strictly inside the folder only', () => {
    expect(isInsideFolder('/tmp/drag/x/a.txt', '/tmp/drag')).toBe(true);
    expect(isInsideFolder('/tmp/drag', '/tmp/drag')).toBe(false);
    expect(isInsideFolder('/tmp/drag-evil/a.txt', '/tmp/drag')).toBe(false);
    expect(isInsideFolder('/tmp/drag/../etc/passwd', '/tmp/drag')).toBe(false);
    expect(isInsideFolder('/etc/passwd', '/tmp/drag')).toBe(false);
    expect(isInsideFolder('a.txt', '/tmp/drag')).toBe(false);
  });
});

describe('the drag folder gate', () => {
  let dir: TempDir;
  let root: string;
  let file: string;
  let sub: string;
  beforeEach(async () => {
    dir = await makeTempDir('drag-gate');
    root = join(dir.path, 'root');
    file = join(root, 'x', 'a.txt');
    sub = join(root, 'x', 'docs');
    await mkdir(join(sub, 'deep'), { recursive: true });
    await writeFile(file, 'alpha');
    await writeFile(join(sub, 'deep', 'n.md'), 'n');
  });
  afterEach(() => dir.remove());

  it('lets through exactly the paths the core prepared, with their kind and size', () => {
    const drags = new PreparedDrags(root);
    expect(drags.note(['/b/a.txt', '/b/docs/'], [file, sub])).toEqual([
      { remotePath: '/b/a.txt', localPath: file, kind: 'file', size: 5 },
      { remotePath: '/b/docs/', localPath: sub, kind: 'folder', size: 0 },
    ]);
    expect(drags.check({ paths: [file, sub, file] })).toEqual({ ok: true, paths: [file, sub] });
  });

  it('refuses what the page could make up', async () => {
    const drags = new PreparedDrags(root);
    drags.note(['/b/a.txt'], [file]);
    const outside = join(dir.path, 'secret.txt');
    await writeFile(outside, 'secret');
    const refused = (payload: unknown) => {
      const checked = drags.check(payload);
      return checked.ok ? 'accepted' : checked.reason;
    };
    expect(refused({ paths: [outside] })).toMatch(/outside the drag folder/);
    expect(refused({ paths: ['/etc/passwd'] })).toMatch(/outside the drag folder/);
    expect(refused({ paths: [`${root}${sep}x${sep}..${sep}..${sep}secret.txt`] })).toMatch(/not a plain absolute path/);
    expect(refused({ paths: ['x/a.txt'] })).toMatch(/not a plain absolute path/);
    // Inside the folder, but not something main handed out (a file of a prepared folder is not an item).
    expect(refused({ paths: [join(sub, 'deep', 'n.md')] })).toMatch(/not prepared/);
    // One bad path refuses the whole drag.
    expect(refused({ paths: [file, outside] })).toMatch(/outside/);
    expect(refused({ paths: [] })).toMatch(/malformed/);
    expect(refused({ paths: [file], extra: 1 })).toMatch(/malformed/);
    expect(refused([file])).toMatch(/malformed/);
    expect(refused({ paths: [`${file}\0`] })).toMatch(/malformed/);
    expect(refused({ paths: [file] })).toBe('accepted');
  });

  it('refuses a prepared path that was swapped for a link, changed, removed or is too old', async () => {
    let now = 1_000;
    const drags = new PreparedDrags(root, undefined, () => now);
    const link = join(root, 'x', 'link.txt');
    await writeFile(link, 'xxxxx');
    drags.note(['/b/a.txt', '/b/link.txt'], [file, link]);
    await rm(link);
    await symlink(join(dir.path, 'outside.txt'), link);
    await writeFile(join(dir.path, 'outside.txt'), 'xxxxx');
    expect(drags.check({ paths: [link] })).toMatchObject({ ok: false, reason: expect.stringMatching(/symbolic link/) });
    await writeFile(file, 'alpha, longer now');
    expect(drags.check({ paths: [file] })).toMatchObject({ ok: false, reason: expect.stringMatching(/changed/) });
    await writeFile(file, 'alpha');
    expect(drags.check({ paths: [file] }).ok).toBe(true);
    now += preparedMaxAgeMs + 1;
    expect(drags.check({ paths: [file] })).toMatchObject({ ok: false, reason: expect.stringMatching(/too long ago/) });
    now = 1_000;
    await rm(file);
    expect(drags.check({ paths: [file] })).toMatchObject({ ok: false, reason: expect.stringMatching(/no longer on disk/) });
  });

  it('never keeps a prepared path outside the drag folder', async () => {
    const drags = new PreparedDrags(root);
    expect(() => drags.note(['/b/x'], ['/etc/hostname'])).toThrow(/not where it should be/);
    expect(() => drags.note(['/b/x', '/b/y'], [file])).toThrow(/do not match/);
  });
});

describe('answering a preparation', () => {
  let dir: TempDir;
  beforeEach(async () => {
    dir = await makeTempDir('drag-answer');
  });
  afterEach(() => dir.remove());

  it('checks the request, asks the core, and answers each item where it landed', async () => {
    const drags = new PreparedDrags(dir.path);
    const asked: unknown[] = [];
    const answer = await answerPrepare(
      async (request, root) => {
        asked.push([request, root]);
        const path = join(root, 'id', 'a.txt');
        await mkdir(join(root, 'id'), { recursive: true });
        await writeFile(path, 'abc');
        return [path];
      },
      drags,
      { connectionId: 'c', remotePaths: ['/b/a.txt'] },
    );
    expect(asked).toEqual([[{ connectionId: 'c', remotePaths: ['/b/a.txt'] }, dir.path]]);
    expect(answer).toEqual({ ok: true, value: [{ remotePath: '/b/a.txt', localPath: join(dir.path, 'id', 'a.txt'), kind: 'file', size: 3 }] });
  });

  it('answers a malformed request or a failed download with a sentence, and keeps nothing', async () => {
    const drags = new PreparedDrags(dir.path);
    const never = async () => [] as string[];
    expect(await answerPrepare(never, drags, { connectionId: 'c', remotePaths: [] })).toEqual({ ok: false, error: { kind: 'invalidInput', message: 'That drag cannot be started: the request is malformed.' } });
    const failing = async () => Promise.reject(new Error('a.txt could not be downloaded for the drag: Access denied.'));
    expect(await answerPrepare(failing, drags, { connectionId: 'c', remotePaths: ['/b/a.txt'] })).toEqual({ ok: false, error: { kind: 'internal', message: 'a.txt could not be downloaded for the drag: Access denied.' } });
  });
});

describe('where each dragged item landed (the core reads the queue’s own answer)', () => {
  const job = (remotePath: string, localPath: string) => ({ remotePath, localPath }) as TransferSnapshot;
  const f = '/tmp/drag/id';
  it('follows numbered names for keys that share a local name, folders, and a folder object', () => {
    const started = [
      job('/b/A.txt', `${f}/A.txt`),
      job('/b/a.txt', `${f}/a (1).txt`),
      job('/b/docs/', `${f}/docs (folder object)`),
      job('/b/docs/readme.md', `${f}/docs/readme.md`),
      job('/home/u/site/index.html', `${f}/site/index.html`),
    ];
    expect(landedPaths(f, ['/b/a.txt', '/b/A.txt', '/b/docs/', '/home/u/site'], started)).toEqual([
      { path: `${f}/a (1).txt`, folder: false },
      { path: `${f}/A.txt`, folder: false },
      { path: `${f}/docs`, folder: true },
      { path: `${f}/site`, folder: true },
    ]);
  });
  it('makes an empty S3 folder a folder, and never invents a file that did not download', () => {
    expect(landedPaths(f, ['/b/empty/'], [])).toEqual([{ path: `${f}/empty`, folder: true }]);
    expect(() => landedPaths(f, ['/b/gone.txt'], [])).toThrow(/gone\.txt was not downloaded/);
  });
});

describe('main’s drag-out channels (Electron stood in for)', () => {
  type Listener = (event: unknown, payload: unknown) => unknown;
  let dir: TempDir;
  beforeEach(async () => {
    dir = await makeTempDir('drag-main');
  });
  afterEach(() => dir.remove());

  async function registered(prepared: string[]) {
    const { registerDragOut } = await import('../../electron/main/dragOut.js');
    const handlers = new Map<string, Listener>();
    const ipc = { handle: (channel: string, l: Listener) => handlers.set(channel, l), on: (channel: string, l: Listener) => handlers.set(channel, l) };
    registerDragOut(ipc as never, { prepareDragOut: async () => prepared }, '/app/dist/icon.png');
    return handlers;
  }
  const appFrame = { url: `${appOrigin}/index.html`, parent: null };

  it('starts the OS drag inside the start listener, with prepared paths and a non-empty icon', async () => {
    const { tmpdir } = await import('node:os');
    const root = join(tmpdir(), 'stowage-drag-out');
    const local = join(root, `unit-${process.pid}`, 'a.txt');
    await mkdir(join(root, `unit-${process.pid}`), { recursive: true });
    await writeFile(local, 'abc');
    try {
      const handlers = await registered([local]);
      expect([...handlers.keys()].sort()).toEqual([dragOutChannel, dragOutPrepareChannel].sort());
      const answer = await handlers.get(dragOutPrepareChannel)!({ senderFrame: appFrame }, { connectionId: 'c', remotePaths: ['/b/a.txt'] });
      expect(answer).toEqual({ ok: true, value: [{ remotePath: '/b/a.txt', localPath: local, kind: 'file', size: 3 }] });

      const drags: unknown[] = [];
      const sender = { startDrag: (item: unknown) => drags.push(item) };
      const result = handlers.get(dragOutChannel)!({ senderFrame: appFrame, sender }, { paths: [local] });
      // Synchronous: by the time the listener returns, the OS drag has started.
      expect(result).toBeUndefined();
      expect(drags).toHaveLength(1);
      const item = drags[0] as { file: string; files: string[]; icon: { path: string; isEmpty(): boolean } };
      expect(item.file).toBe(local);
      expect(item.files).toEqual([local]);
      expect(item.icon.path).toBe('/app/dist/icon.png');
      expect(item.icon.isEmpty()).toBe(false);

      // A path the page made up, or a window that is not the app, gets no drag.
      handlers.get(dragOutChannel)!({ senderFrame: appFrame, sender }, { paths: [join(dir.path, 'x')] });
      handlers.get(dragOutChannel)!({ senderFrame: { url: 'https://evil.example/', parent: null }, sender }, { paths: [local] });
      handlers.get(dragOutChannel)!({ senderFrame: { ...appFrame, parent: {} }, sender }, { paths: [local] });
      expect(drags).toHaveLength(1);
      expect(await handlers.get(dragOutPrepareChannel)!({ senderFrame: { url: 'https://evil.example/', parent: null } }, { connectionId: 'c', remotePaths: ['/b/a.txt'] })).toMatchObject({ ok: false, error: { kind: 'permission' } });
    } finally {
      await rm(join(root, `unit-${process.pid}`), { recursive: true, force: true });
    }
  });

  it('a startDrag that throws (an empty icon) is logged, not thrown into main', async () => {
    const { tmpdir } = await import('node:os');
    const root = join(tmpdir(), 'stowage-drag-out', `unit-throw-${process.pid}`);
    await mkdir(root, { recursive: true });
    await writeFile(join(root, 'a.txt'), 'abc');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const handlers = await registered([join(root, 'a.txt')]);
      await handlers.get(dragOutPrepareChannel)!({ senderFrame: appFrame }, { connectionId: 'c', remotePaths: ['/b/a.txt'] });
      const sender = { startDrag: () => { throw new Error("Must specify non-empty 'icon' option"); } };
      expect(() => handlers.get(dragOutChannel)!({ senderFrame: appFrame, sender }, { paths: [join(root, 'a.txt')] })).not.toThrow();
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/non-empty 'icon'/));
    } finally {
      warn.mockRestore();
      await rm(root, { recursive: true, force: true });
    }
  });
});
