/**
 * Drag-out's core side against the real RGW: a preparation downloads each dragged item
 * through the queue into a fresh folder inside main's drag folder, byte for byte, answers
 * where each one landed (also for keys that share a local name), and main's gate then lets
 * exactly those paths be dragged.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DragOutItem } from '../../shared/api.js';
import type { Core } from '../../electron/core/createCore.js';
import { prepareDragOut } from '../../electron/core/transfers/dragOut.js';
import { answerPrepare } from '../../electron/main/dragOutPrepare.js';
import { isInsideFolder, PreparedDrags } from '../../electron/main/preparedDrags.js';
import { coreClient } from '../support/coreClient.js';
import { createBucketWith, removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';
import { makeTempDir } from '../support/tempDir.js';
import { readTestbedEnv } from '../support/testbedEnv.js';
import { connectS3, coreOn, MiB, sha256File } from './transferSupport.js';

const env = readTestbedEnv();
const s3 = testS3Client(env);
const sha = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(folder, join(e.parentPath, e.name))).sort();
}

describe('drag-out preparation against the real RGW', () => {
  const bucket = uniqueBucketName('dragout');
  const objects: Record<string, Buffer> = {
    'small.txt': Buffer.from('small and quick'),
    'large.bin': randomBytes(20 * MiB + 123),
    // Two keys whose names clean up to one local name (":" and "?" are not allowed on Windows).
    'we:ird?.txt': Buffer.from('first'),
    'we_ird_.txt': Buffer.from('second'),
    'docs/readme.md': Buffer.from('read me'),
    'docs/deep/notes.md': randomBytes(70_000),
  };
  let work: Awaited<ReturnType<typeof makeTempDir>>;
  let core: Core;
  let id = '';
  let root = '';
  let drags: PreparedDrags;
  const prepare = (remotePaths: string[]) =>
    answerPrepare((request, folder) => prepareDragOut(core.transfers, request, folder), drags, { connectionId: id, remotePaths });

  beforeAll(async () => {
    work = await makeTempDir('drag-prepare');
    await createBucketWith(s3, bucket, objects);
    core = await coreOn(join(work.path, 'data'), work.path);
    id = await connectS3(core, env);
    root = join(work.path, 'stowage-drag-out');
    drags = new PreparedDrags(root);
  });
  afterAll(async () => {
    await core.shutdown();
    await removeBucket(s3, bucket);
    await work.remove();
  });

  it('downloads files and a folder into the drag folder, byte-identical, and answers where each landed', async () => {
    const answer = await prepare([`/${bucket}/large.bin`, `/${bucket}/small.txt`, `/${bucket}/docs/`]);
    expect(answer.ok).toBe(true);
    const [large, small, docs] = (answer as { value: DragOutItem[] }).value;
    expect([large, small, docs].map((i) => [i!.remotePath, i!.kind, i!.size])).toEqual([
      [`/${bucket}/large.bin`, 'file', objects['large.bin']!.length],
      [`/${bucket}/small.txt`, 'file', objects['small.txt']!.length],
      [`/${bucket}/docs/`, 'folder', 0],
    ]);
    // One fresh folder inside the drag folder holds the whole preparation.
    for (const item of [large!, small!, docs!]) expect(isInsideFolder(item.localPath, root)).toBe(true);
    expect(new Set([large, small, docs].map((i) => dirname(i!.localPath))).size).toBe(1);
    expect(await sha256File(large!.localPath)).toBe(sha(objects['large.bin']!));
    expect(await readFile(small!.localPath, 'utf8')).toBe('small and quick');
    expect(await filesUnder(docs!.localPath)).toEqual([join('deep', 'notes.md'), 'readme.md']);
    expect(await sha256File(join(docs!.localPath, 'deep', 'notes.md'))).toBe(sha(objects['docs/deep/notes.md']!));
    // Nothing half-done: no .part left anywhere in the preparation.
    expect((await filesUnder(dirname(large!.localPath))).filter((n) => n.endsWith('.part'))).toEqual([]);
    // Each went through the queue and completed (verified against its ETag first).
    const mine = core.transfers.list().filter((t) => isInsideFolder(t.localPath, dirname(large!.localPath)));
    expect(mine.map((t) => t.state)).toEqual(['completed', 'completed', 'completed', 'completed']);

    // Main's gate: exactly these paths may be dragged; anything else in or out of the folder may not.
    expect(drags.check({ paths: [large!.localPath, small!.localPath, docs!.localPath] })).toEqual({ ok: true, paths: [large!.localPath, small!.localPath, docs!.localPath] });
    expect(drags.check({ paths: [join(docs!.localPath, 'readme.md')] }).ok).toBe(false);
    expect(drags.check({ paths: [join(work.path, 'data', 'connections.json')] }).ok).toBe(false);
  });

  it('keys that share a local name land as two files, each with its own bytes', async () => {
    const answer = await prepare([`/${bucket}/we:ird?.txt`, `/${bucket}/we_ird_.txt`]);
    expect(answer.ok).toBe(true);
    const [first, second] = (answer as { value: DragOutItem[] }).value;
    expect(first!.localPath).not.toBe(second!.localPath);
    // The queue numbered one of them; the answer follows it rather than the name alone.
    expect([basename(first!.localPath), basename(second!.localPath)]).toEqual(['we_ird_.txt', 'we_ird_ (1).txt']);
    expect(await readFile(first!.localPath, 'utf8')).toBe('first');
    expect(await readFile(second!.localPath, 'utf8')).toBe('second');
  });

  it('a second preparation of the same file gets a folder of its own (no conflict question), with the same bytes', async () => {
    const once = (await prepare([`/${bucket}/small.txt`])) as { ok: true; value: DragOutItem[] };
    const twice = (await prepare([`/${bucket}/small.txt`])) as { ok: true; value: DragOutItem[] };
    expect(dirname(twice.value[0]!.localPath)).not.toBe(dirname(once.value[0]!.localPath));
    expect(await sha256File(twice.value[0]!.localPath)).toBe(await sha256File(once.value[0]!.localPath));
    expect(drags.check({ paths: [once.value[0]!.localPath, twice.value[0]!.localPath] }).ok).toBe(true);
  });

  it('a missing object fails with its name, and gives the gate nothing to drag', async () => {
    const answer = await prepare([`/${bucket}/nope.bin`]);
    expect(answer).toMatchObject({ ok: false, error: { message: expect.stringMatching(/nope\.bin/) } });
    const call = coreClient(core);
    expect((await call('transfers:list', {})).some((t) => t.remotePath === `/${bucket}/nope.bin` && t.state === 'completed')).toBe(false);
  });
});
