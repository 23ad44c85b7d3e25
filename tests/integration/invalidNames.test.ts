import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SftpConnectionDraft } from '../../shared/connections.js';
import { coreClient, failureOf } from '../support/coreClient.js';
import { startHeadlessCore, type HeadlessCore } from '../support/headlessCore.js';
import { createBucketWith, removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';
import { makeTempDir } from '../support/tempDir.js';
import { readTestbedEnv } from '../support/testbedEnv.js';
import { connectS3 } from './transferSupport.js';

const env = readTestbedEnv();
const s3 = testS3Client(env);
const refusedNul = (where: string) => ({
  kind: 'invalidInput',
  code: 'coreIpc:refused.noNul',
  params: { path: where },
  message: `The request is not valid: Names and paths cannot contain a NUL character (${where}).`,
});

describe('a NUL in a name or path, and upload metadata named __proto__, through the core against the real servers', () => {
  let h: HeadlessCore;
  let call: ReturnType<typeof coreClient>;
  let work: Awaited<ReturnType<typeof makeTempDir>>;
  let s3Id: string;
  let sftpId: string;
  const bucket = uniqueBucketName('nul');

  beforeAll(async () => {
    h = await startHeadlessCore();
    call = coreClient(h.core);
    work = await makeTempDir('nul');
    await createBucketWith(s3, bucket, { 'docs/a.txt': 'A' });
    s3Id = await connectS3(h.core, env);
    const draft: SftpConnectionDraft = {
      protocol: 'sftp',
      name: 'sshd',
      host: env.sftp.host,
      port: env.sftp.port,
      username: env.sftp.username,
      auth: { kind: 'password', password: env.sftp.password },
      rememberSecret: false,
    };
    sftpId = (await call('connections:save', { draft })).id;
    const asked = await call('connections:connect', { id: sftpId });
    if (asked.state !== 'hostKeyPrompt') throw new Error(`expected the host key question, got ${asked.state}`);
    expect(await call('connections:answerHostKey', { promptId: asked.prompt.promptId, decision: 'trustOnce' })).toMatchObject({ state: 'connected' });
  });
  afterAll(async () => {
    await removeBucket(s3, bucket);
    await h.dispose();
    await work.remove();
  });

  const keys = async () => ((await s3.send(new ListObjectsV2Command({ Bucket: bucket }))).Contents ?? []).map((o) => o.Key).sort();

  it('refuses a folder name and a rename target with a NUL, and the bucket stays as it was', async () => {
    expect(await failureOf(call('fs:mkdir', { connectionId: s3Id, parentPath: `/${bucket}/`, name: 'new\0folder' }))).toEqual(refusedNul('name'));
    expect(await failureOf(call('fs:rename', { connectionId: s3Id, from: `/${bucket}/docs/a.txt`, to: `/${bucket}/docs/b\0.txt` }))).toEqual(
      refusedNul('to'),
    );
    expect(await keys()).toEqual(['docs/a.txt']);
  });

  it('refuses an SFTP folder name with a NUL instead of making a folder cut at the NUL', async () => {
    const parent = join(env.sftp.home, `nul-${Date.now().toString(36)}`);
    await call('fs:mkdir', { connectionId: sftpId, parentPath: env.sftp.home, name: parent.split('/').pop()! });
    expect(await failureOf(call('fs:mkdir', { connectionId: sftpId, parentPath: parent, name: 'cut\0here' }))).toEqual(refusedNul('name'));
    expect(await readdir(parent)).toEqual([]);
  });

  it('refuses an upload whose file, or folder on the server, holds a NUL, and a download to a local folder with one', async () => {
    const local = join(work.path, 'ok.txt');
    await writeFile(local, 'fine');
    expect(
      await failureOf(call('transfers:upload', { connectionId: s3Id, localPaths: [local, `${local}\0.exe`], remoteFolder: `/${bucket}/docs/` })),
    ).toEqual(refusedNul('localPaths.1'));
    expect(await failureOf(call('transfers:upload', { connectionId: s3Id, localPaths: [local], remoteFolder: `/${bucket}/do\0cs/` }))).toEqual(
      refusedNul('remoteFolder'),
    );
    const downloads = join(work.path, 'down');
    await mkdir(downloads);
    expect(
      await failureOf(call('transfers:download', { connectionId: s3Id, remotePaths: [`/${bucket}/docs/a.txt`], localFolder: `${downloads}\0x` })),
    ).toEqual(refusedNul('localFolder'));
    expect(await call('transfers:list', {})).toEqual([]);
    expect(await keys()).toEqual(['docs/a.txt']);
  });

  it('refuses upload metadata named __proto__ (as JSON brings it) instead of dropping it', async () => {
    const local = join(work.path, 'meta.txt');
    await writeFile(local, 'with metadata');
    const payload = JSON.parse(
      JSON.stringify({ connectionId: s3Id, localPaths: [local], remoteFolder: `/${bucket}/docs/` }).replace(
        /}$/,
        ',"options":{"metadata":{"__proto__":"polluted","owner":"me"}}}',
      ),
    ) as unknown;
    expect(await h.core.dispatch('transfers:upload', payload)).toEqual({
      ok: false,
      error: {
        kind: 'invalidInput',
        code: 'coreIpc:refused.metadataProto',
        params: { path: 'options.metadata' },
        message: 'The request is not valid: A metadata name cannot be "__proto__" (options.metadata).',
      },
    });
    expect(await call('transfers:list', {})).toEqual([]);
    expect(await keys()).toEqual(['docs/a.txt']);
  });
});
