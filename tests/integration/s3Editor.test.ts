import { readFile, writeFile } from 'node:fs/promises';
import { DeleteObjectCommand, GetObjectCommand, GetObjectTaggingCommand, HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RemoteChangedError } from '../../electron/core/fs/remoteChanged.js';
import { putIfUnchanged } from '../../electron/core/s3/s3ConditionalPut.js';
import { openS3Session, type S3Session } from '../../electron/core/s3/s3Session.js';
import { createBucketWith, removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';
import { recordingEditor, type RecordingEditor } from '../support/recordingEditor.js';
import { makeTempDir } from '../support/tempDir.js';
import { readTestbedEnv } from '../support/testbedEnv.js';
import { s3Draft } from './transferSupport.js';

const env = readTestbedEnv();

describe('S3 objects in a local editor, uploaded on save with If-Match (real Ceph RGW)', () => {
  const s3 = testS3Client(env);
  const bucket = uniqueBucketName('edit');
  let session: S3Session;
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let editor: RecordingEditor['editor'];
  let events: RecordingEditor['events'];
  let opened: RecordingEditor['opened'];
  let nextEvent: RecordingEditor['nextEvent'];

  beforeAll(async () => {
    await createBucketWith(s3, bucket, {});
    session = await openS3Session(s3Draft(env), { secretAccessKey: env.s3.secretAccessKey }, { env: {}, homeDir: '/nonexistent' });
    temp = await makeTempDir('s3-edit');
    ({ editor, events, opened, nextEvent } = recordingEditor(() => session, temp.path));
  });
  afterAll(async () => {
    await editor.stopAll();
    await session.close();
    await removeBucket(s3, bucket);
    await temp.remove();
  });

  const text = async (key: string) => (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body!.transformToString();

  it('RGW honours If-Match on PutObject: a stale ETag is refused, the current one (bare, as RGW 16 compares it) accepted', async () => {
    const key = 'probe.txt';
    const first = await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: 'one' }));
    await expect(s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: 'two', IfMatch: '"0123456789abcdef0123456789abcdef"' }))).rejects.toMatchObject({
      $metadata: { httpStatusCode: 412 },
    });
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: 'three', IfMatch: first.ETag!.replace(/"/g, '') }));
    expect(await text(key)).toBe('three');
  });

  it('downloads a verified temp copy, uploads each save, and keeps the object\'s type, metadata and tags', async () => {
    const key = 'docs/notes ✓.md';
    await s3.send(
      new PutObjectCommand({ Bucket: bucket, Key: key, Body: '# first\n', ContentType: 'text/markdown', Metadata: { owner: 'ana' }, Tagging: 'team=docs' }),
    );
    const edit = await editor.open('c1', `/${bucket}/${key}`);
    expect(opened.at(-1)).toBe(edit.localPath);
    expect(await readFile(edit.localPath, 'utf8')).toBe('# first\n');

    let from = events.length;
    await writeFile(edit.localPath, '# second, longer\n');
    expect(await nextEvent(edit.editId, from)).toMatchObject({ state: 'uploaded', remotePath: `/${bucket}/${key}` });
    expect(await text(key)).toBe('# second, longer\n');
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    expect(head.ContentType).toBe('text/markdown');
    expect(head.Metadata).toEqual({ owner: 'ana' });
    const tags = await s3.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: key }));
    expect(tags.TagSet).toEqual([{ Key: 'team', Value: 'docs' }]);

    // The next save is guarded by the ETag the last upload left, not the one it was opened at.
    from = events.length;
    await writeFile(edit.localPath, '# third\n');
    expect(await nextEvent(edit.editId, from)).toMatchObject({ state: 'uploaded' });
    expect(await text(key)).toBe('# third\n');
    await editor.stop(edit.editId);
  });

  it('a change made on the server since opening is not overwritten, and says so', async () => {
    const key = 'shared.txt';
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: 'original\n' }));
    const edit = await editor.open('c1', `/${bucket}/${key}`);
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: 'a colleague changed this\n' }));
    const from = events.length;
    await writeFile(edit.localPath, 'my edit\n');
    const event = await nextEvent(edit.editId, from);
    expect(event).toMatchObject({ state: 'conflict' });
    expect(event.state === 'conflict' && event.message).toBe(
      `shared.txt was changed on the server after you opened it, so your save was not uploaded. Your version is kept in ${edit.localPath}.`,
    );
    expect(await text(key)).toBe('a colleague changed this\n');
    expect(await readFile(edit.localPath, 'utf8')).toBe('my edit\n');
    await editor.stop(edit.editId);
  });

  it('a change landing between the check and the write is refused by the server itself (If-Match)', async () => {
    const key = 'race.txt';
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: 'before\n' }));
    const expected = await session.fs.stat(`/${bucket}/${key}`);
    const local = `${temp.path}/race-local.txt`;
    await writeFile(local, 'mine\n');
    // The real client, except that a colleague writes the key right after our HEAD answered.
    const real = await session.fs.clients.clientFor(bucket);
    const racing = {
      send: async (command: unknown, options?: unknown) => {
        const answer = await (real.send as (c: unknown, o?: unknown) => Promise<unknown>)(command, options);
        if (command instanceof HeadObjectCommand) await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: 'theirs\n' }));
        return answer;
      },
    } as unknown as S3Client;
    const attempt = putIfUnchanged({ clientFor: async () => racing }, local, `/${bucket}/${key}`, expected, new AbortController().signal);
    await expect(attempt).rejects.toBeInstanceOf(RemoteChangedError);
    expect(await text(key)).toBe('theirs\n');
  });

  it('a deleted object is not written back, and refuses folders', async () => {
    const key = 'gone.txt';
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: 'x' }));
    const edit = await editor.open('c1', `/${bucket}/${key}`);
    await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    const from = events.length;
    await writeFile(edit.localPath, 'y');
    const event = await nextEvent(edit.editId, from);
    expect(event.state === 'conflict' && event.message).toMatch(/^gone\.txt was deleted on the server after you opened it/);
    await expect(s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }))).rejects.toMatchObject({ $metadata: { httpStatusCode: 404 } });
    await editor.stop(edit.editId);
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'folder/', Body: '' }));
    await expect(editor.open('c1', `/${bucket}/folder/`)).rejects.toMatchObject({ kind: 'invalidInput' });
  });
});
