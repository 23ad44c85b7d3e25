import { lstat, mkdir, readFile, readlink, readdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localConnectionId, secondLocalConnectionId } from '../../shared/localDisk.js';
import { coreClient, failureOf } from '../support/coreClient.js';
import { startHeadlessCore, type HeadlessCore } from '../support/headlessCore.js';
import { makeTempDir, type TempDir } from '../support/tempDir.js';

const connectionId = localConnectionId;
/** Names people and tools really make: spaces, a newline, a backslash, a leading dash, quotes, accents, an emoji, a colon. */
const hostile = ['with space.txt', 'line\nbreak.txt', 'back\\slash.txt', '-rf', '"quoted"', 'año ñ.txt', '😀.md', 'a:b', '.hidden'];

const exists = (path: string) =>
  lstat(path).then(
    () => true,
    () => false,
  );

describe('the local disk through the core, as the local pane browses it (real temp folders)', () => {
  let h: HeadlessCore;
  let call: ReturnType<typeof coreClient>;
  let work: TempDir;
  let outside: TempDir;
  let root: string;

  beforeAll(async () => {
    h = await startHeadlessCore();
    call = coreClient(h.core);
    work = await makeTempDir('local-pane');
    outside = await makeTempDir('local-outside');
    root = work.path;
    await mkdir(join(root, 'docs/deep'), { recursive: true });
    await writeFile(join(root, 'docs/a.txt'), 'A');
    await writeFile(join(root, 'docs/deep/b.txt'), 'BB');
    for (const name of hostile) await writeFile(join(root, name), name);
    await writeFile(join(outside.path, 'precious.txt'), 'keep me');
    await symlink(outside.path, join(root, 'to-outside'));
    await symlink(join(root, 'docs/a.txt'), join(root, 'to-file'));
    await symlink(join(root, 'nothing-here'), join(root, 'broken'));
  });
  afterAll(async () => {
    await h?.dispose();
    await work?.remove();
    await outside?.remove();
  });

  it('opens without a saved connection, at the home folder, under either of its two ids (one per pane)', async () => {
    expect(await call('connections:connect', { id: connectionId })).toEqual({ state: 'connected', connectionId, homePath: h.homeDir });
    expect(await call('connections:connect', { id: secondLocalConnectionId })).toEqual({ state: 'connected', connectionId: secondLocalConnectionId, homePath: h.homeDir });
    const [first, second] = await Promise.all([connectionId, secondLocalConnectionId].map((id) => call('fs:list', { connectionId: id, path: root })));
    expect(second!.entries.map((e) => e.path).sort()).toEqual(first!.entries.map((e) => e.path).sort());
    // Any other id is still a saved connection's, and there is none.
    expect(await failureOf(call('fs:list', { connectionId: 'local-3', path: root }))).toMatchObject({ kind: 'notFound' });
  });

  it('lists every name as it is on disk, hidden ones too, and reports links without following them', async () => {
    const { entries, nextCursor } = await call('fs:list', { connectionId, path: root });
    expect(nextCursor).toBeUndefined();
    const byName = new Map(entries.map((e) => [e.name, e]));
    expect([...byName.keys()].sort()).toEqual([...hostile, 'docs', 'to-outside', 'to-file', 'broken'].sort());
    for (const name of hostile) expect(byName.get(name)).toMatchObject({ kind: 'file', path: `${root}/${name}`, size: Buffer.byteLength(name) });
    expect(byName.get('docs')).toMatchObject({ kind: 'folder', path: `${root}/docs` });
    expect(byName.get('to-outside')).toMatchObject({ kind: 'symlink', linkTarget: outside.path, linkTargetKind: 'folder' });
    expect(byName.get('to-file')).toMatchObject({ kind: 'symlink', linkTargetKind: 'file', size: 1 });
    expect(byName.get('broken')).toMatchObject({ kind: 'symlink', linkTargetKind: 'broken' });
    expect(byName.get('docs')!.modified).toBeGreaterThan(0);
  });

  it('takes a path with dot segments as the folder it names, and refuses a relative one with a sentence', async () => {
    const viaDots = await call('fs:list', { connectionId, path: `${root}/docs/deep/../..` });
    expect(viaDots.entries.map((e) => e.path).sort()).toEqual((await call('fs:list', { connectionId, path: root })).entries.map((e) => e.path).sort());
    expect(await failureOf(call('fs:list', { connectionId, path: 'docs' }))).toMatchObject({ kind: 'invalidInput', code: 'coreLocal:notAbsolute' });
    expect(await failureOf(call('fs:list', { connectionId, path: `${root}/missing` }))).toMatchObject({ kind: 'notFound', message: expect.stringContaining(`${root}/missing`) });
    expect(await failureOf(call('fs:list', { connectionId, path: `${root}/docs/a.txt` }))).toMatchObject({ kind: 'invalidInput', code: 'coreLocal:notAFolder' });
  });

  it('makes folders with odd names, never one outside the folder, and never over an existing name', async () => {
    const made = await call('fs:mkdir', { connectionId, parentPath: root, name: 'new \\ -folder' });
    expect(made).toMatchObject({ kind: 'folder', path: `${root}/new \\ -folder` });
    expect((await lstat(join(root, 'new \\ -folder'))).isDirectory()).toBe(true);
    expect(await failureOf(call('fs:mkdir', { connectionId, parentPath: root, name: '../escaped' }))).toMatchObject({ kind: 'invalidInput' });
    expect(await failureOf(call('fs:mkdir', { connectionId, parentPath: root, name: '..' }))).toMatchObject({ kind: 'invalidInput' });
    expect(await exists(join(root, '../escaped'))).toBe(false);
    expect(await failureOf(call('fs:mkdir', { connectionId, parentPath: root, name: 'docs' }))).toMatchObject({
      kind: 'conflict',
      code: 'coreLocal:exists',
      message: `“docs” already exists in ${root}.`,
    });
  });

  it('copies a folder tree with its links as links: what a link points to outside is not copied', async () => {
    const tree = join(root, 'tree');
    await mkdir(join(tree, 'sub'), { recursive: true });
    await writeFile(join(tree, 'sub/c.txt'), 'CCC');
    await symlink(outside.path, join(tree, 'out'));
    await call('fs:copy', { connectionId, from: tree, to: `${root}/tree copy`, operationId: 'copy-1' });
    expect(await readFile(join(root, 'tree copy/sub/c.txt'), 'utf8')).toBe('CCC');
    expect((await lstat(join(root, 'tree copy/out'))).isSymbolicLink()).toBe(true);
    expect(await readlink(join(root, 'tree copy/out'))).toBe(outside.path);
    expect(await readdir(outside.path)).toEqual(['precious.txt']);
    expect(await call('fs:summarize', { connectionId, paths: [`${root}/tree copy`] })).toEqual({ files: 2, folders: 2, bytes: 3 + (await lstat(join(tree, 'out'))).size });
  });

  it('refuses to copy or move a folder into itself, or onto an existing name, and changes nothing', async () => {
    expect(await failureOf(call('fs:copy', { connectionId, from: `${root}/docs`, to: `${root}/docs/deep/docs` }))).toMatchObject({ kind: 'invalidInput', code: 'coreLocal:intoItself.copy' });
    expect(await failureOf(call('fs:rename', { connectionId, from: `${root}/docs`, to: `${root}/docs/inside` }))).toMatchObject({ kind: 'invalidInput', code: 'coreLocal:intoItself.move' });
    expect(await failureOf(call('fs:rename', { connectionId, from: `${root}/docs/a.txt`, to: `${root}/with space.txt` }))).toMatchObject({ kind: 'conflict', code: 'coreLocal:existsAt' });
    expect(await failureOf(call('fs:copy', { connectionId, from: `${root}/docs/a.txt`, to: `${root}/-rf` }))).toMatchObject({ kind: 'conflict' });
    expect(await readFile(join(root, 'with space.txt'), 'utf8')).toBe('with space.txt');
    expect(await readFile(join(root, '-rf'), 'utf8')).toBe('-rf');
    expect(await exists(join(root, 'docs/deep/docs'))).toBe(false);
  });

  it('renames and moves files and folders with hostile names', async () => {
    await call('fs:rename', { connectionId, from: `${root}/line\nbreak.txt`, to: `${root}/docs/moved\nname.txt` });
    expect(await readFile(join(root, 'docs/moved\nname.txt'), 'utf8')).toBe('line\nbreak.txt');
    expect(await exists(join(root, 'line\nbreak.txt'))).toBe(false);
    await call('fs:rename', { connectionId, from: `${root}/new \\ -folder`, to: `${root}/renamed folder` });
    expect((await lstat(join(root, 'renamed folder'))).isDirectory()).toBe(true);
  });

  it('deletes a tree with a link to a folder outside: the link goes, what it points to stays', async () => {
    const report = await call('fs:delete', { connectionId, paths: [`${root}/tree`, `${root}/to-outside`, `${root}/back\\slash.txt`] });
    expect(report).toEqual({ deleted: 6, failed: [] });
    expect(await exists(join(root, 'tree'))).toBe(false);
    expect(await exists(join(root, 'to-outside'))).toBe(false);
    expect(await exists(join(root, 'back\\slash.txt'))).toBe(false);
    expect(await readFile(join(outside.path, 'precious.txt'), 'utf8')).toBe('keep me');
  });

  it('never deletes the root, and says so per item while deleting the rest', async () => {
    const report = await call('fs:delete', { connectionId, paths: ['/', `${root}/-rf`, `${root}/gone-already`] });
    expect(report.deleted).toBe(1);
    expect(report.failed.map((f) => [f.path, f.code])).toEqual([
      ['/', 'coreLocal:rootNotDeleted'],
      [`${root}/gone-already`, 'errors:disk.missingAt'],
    ]);
    expect(await exists(join(root, '-rf'))).toBe(false);
  });

  it('stats a file and the root', async () => {
    expect(await call('fs:stat', { connectionId, path: `${root}/docs/a.txt` })).toMatchObject({ name: 'a.txt', kind: 'file', size: 1 });
    expect(await call('fs:stat', { connectionId, path: '/' })).toMatchObject({ path: '/', kind: 'folder' });
  });
});
