import { chmod, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSyncExcludes, type SyncPairDraft, type SyncPlan } from '../../shared/contract/sync.js';
import type { Core } from '../../electron/core/createCore.js';
import { coreClient, failureOf } from '../support/coreClient.js';
import { localDigest, sortedDigest } from '../support/syncTrees.js';
import { makeTempDir } from '../support/tempDir.js';
import { readTestbedEnv } from '../support/testbedEnv.js';
import { connectSftp, coreOn, waitFor } from './transferSupport.js';

const testbed = readTestbedEnv();
const env = testbed.sftp;

const byPath = (plan: SyncPlan) => Object.fromEntries(plan.actions.map((a) => [a.relativePath, `${a.kind}/${a.reason}`]));
const tree = async (root: string) => sortedDigest(await localDigest(root, (rel) => /(^|\/)node_modules\//.test(rel)));

describe('folder sync between a local folder and SFTP, against the real sshd', () => {
  let work: Awaited<ReturnType<typeof makeTempDir>>;
  let core: Core;
  let call: ReturnType<typeof coreClient>;
  let id: string;
  let remoteBase: string;
  let local: string;

  const pair = (over: Partial<SyncPairDraft> = {}): SyncPairDraft => ({
    name: 'site',
    localPath: local,
    connectionId: id,
    // Not there yet: the first upload makes it, and the folders under it.
    remotePath: `${remoteBase}/site`,
    direction: 'upload',
    deleteExtras: false,
    excludes: defaultSyncExcludes,
    ...over,
  });

  async function run(plan: SyncPlan, confirmDeletes?: number) {
    const result = await call('sync:run', { planId: plan.planId, skip: [], confirmDeletes });
    for (const t of result.transferIds) await waitFor(core, t, (s) => s.state === 'completed' || s.state === 'failed');
    for (const t of result.transferIds) expect(core.transfers.get(t)).toMatchObject({ state: 'completed' });
    return result;
  }

  beforeAll(async () => {
    work = await makeTempDir('sync-sftp');
    core = await coreOn(join(work.path, 'data'), work.path);
    call = coreClient(core);
    id = await connectSftp(core, testbed);
    remoteBase = (await call('fs:mkdir', { connectionId: id, parentPath: env.home, name: `sync-${process.pid}-${Date.now().toString(36)}` })).path;
    local = join(work.path, 'site');
    await mkdir(join(local, 'css', 'vendor'), { recursive: true });
    await mkdir(join(local, 'node_modules', 'pkg'), { recursive: true });
    await writeFile(join(local, 'index.html'), '<h1>hi</h1>');
    await writeFile(join(local, 'css', 'site.css'), 'body{}');
    await writeFile(join(local, 'css', 'vendor', 'reset.css'), '*{margin:0}');
    await writeFile(join(local, 'node_modules', 'pkg', 'index.js'), 'module.exports=1');
  });
  afterAll(async () => {
    await core.shutdown();
    await rm(remoteBase, { recursive: true, force: true });
    await work.remove();
  });

  it('refuses checksum mode against an SFTP folder, which gives no checksum, with a sentence', async () => {
    expect(await failureOf(call('sync:plan', { pair: pair({ compare: 'checksum' }) }))).toMatchObject({ kind: 'invalidInput', code: 'coreSync:checksumNeedsS3' });
  });

  it('a source folder that is not there is said, and a folder that cannot be read fails the plan: a mirror never sees them as empty', async () => {
    const mirror = pair({ direction: 'download', deleteExtras: true, remotePath: `${remoteBase}/never-made` });
    expect(await failureOf(call('sync:plan', { pair: mirror }))).toMatchObject({ kind: 'notFound', code: 'coreSync:sourceMissing' });
    const locked = (await call('fs:mkdir', { connectionId: id, parentPath: remoteBase, name: 'locked' })).path;
    await call('fs:mkdir', { connectionId: id, parentPath: locked, name: 'inner' });
    await chmod(locked, 0o000);
    try {
      const refused = await failureOf(call('sync:plan', { pair: { ...mirror, remotePath: `${locked}/inner` } }));
      expect(refused.kind).toBe('permission');
    } finally {
      await chmod(locked, 0o755);
    }
    expect((await readdir(local)).sort()).toEqual(['css', 'index.html', 'node_modules']);
  });

  it('uploads a folder tree into a folder that does not exist yet, then finds nothing to do', async () => {
    const plan = await call('sync:plan', { pair: pair() });
    expect(byPath(plan)).toEqual({ 'css/site.css': 'upload/new', 'css/vendor/reset.css': 'upload/new', 'index.html': 'upload/new' });
    await run(plan);
    // The test sshd serves this machine's disk, so the server's folder is readable here.
    expect(await tree(`${remoteBase}/site`)).toEqual(await tree(local));
    const again = await call('sync:plan', { pair: pair() });
    expect(Object.values(byPath(again))).toEqual(['skip/notOlder', 'skip/notOlder', 'skip/notOlder']);
  });

  it('mirrors a change and a deletion after the deletion is confirmed', async () => {
    await writeFile(join(local, 'index.html'), '<h1>hello there</h1>');
    await rm(join(local, 'css', 'vendor', 'reset.css'));
    const plan = await call('sync:plan', { pair: pair({ deleteExtras: true }) });
    expect(byPath(plan)).toEqual({ 'css/site.css': 'skip/notOlder', 'css/vendor/reset.css': 'delete/notInSource', 'index.html': 'overwrite/sizeDiffers' });
    expect(plan.deletesBecomeMarkers).toBe(false);
    await expect(call('sync:run', { planId: plan.planId, skip: [] })).rejects.toThrow('This sync deletes 1 file');
    const result = await run(plan, 1);
    expect(result.deleted).toBe(1);
    expect(await tree(`${remoteBase}/site`)).toEqual(await tree(local));
  });

  it('downloads into a local folder and mirrors deletions there', async () => {
    const target = join(work.path, 'copy');
    await mkdir(target);
    await writeFile(join(target, 'stale.txt'), 'only here');
    const down = pair({ localPath: target, direction: 'download', deleteExtras: true });
    const plan = await call('sync:plan', { pair: down });
    expect(byPath(plan)).toEqual({ 'css/site.css': 'download/new', 'index.html': 'download/new', 'stale.txt': 'delete/notInSource' });
    await run(plan, 1);
    expect(await tree(target)).toEqual(await tree(`${remoteBase}/site`));
    const again = await call('sync:plan', { pair: down });
    expect(new Set(again.actions.map((a) => a.kind))).toEqual(new Set(['skip']));
  });
});
