/**
 * Search by name against the real RGW and sshd, through the core's dispatch as the window
 * asks: substring, glob, case, streaming, the request budget's pause and cancel.
 */
import { execFileSync } from 'node:child_process';
import { chmod, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchUpdate } from '../../shared/contract/search.js';
import { coreClient, failureOf } from '../support/coreClient.js';
import { startHeadlessCore, type HeadlessCore } from '../support/headlessCore.js';
import { createBucketWith, removeBucket, rgwDraft, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';
import { readTestbedEnv } from '../support/testbedEnv.js';
import { connectSftp } from './transferSupport.js';

const env = readTestbedEnv();
const s3 = testS3Client(env);
let n = 0;

/** Every update of one search, and a promise for its last one. */
function follow(h: HeadlessCore) {
  const searchId = `s${++n}-${Date.now()}`;
  const updates: SearchUpdate[] = [];
  let settle: (last: SearchUpdate) => void = () => undefined;
  const waits = new Map<string, () => void>();
  const ended = new Promise<SearchUpdate>((resolve) => (settle = resolve));
  const stop = h.core.events.subscribe((channel, payload) => {
    if (channel !== 'search:update') return;
    const update = payload as SearchUpdate;
    if (update.searchId !== searchId) return;
    updates.push(update);
    waits.get(update.state)?.();
    if (update.state !== 'running' && update.state !== 'paused') {
      stop();
      settle(update);
    }
  });
  const reached = (state: SearchUpdate['state']) => new Promise<void>((resolve) => waits.set(state, resolve));
  const found = () => updates.flatMap((u) => u.found.map((e) => e.path)).sort();
  return { searchId, updates, ended, reached, found };
}

describe('search in S3 against the real RGW', () => {
  let h: HeadlessCore;
  let call: ReturnType<typeof coreClient>;
  let id: string;
  const bucket = uniqueBucketName('search');
  const p = (key: string) => `/${bucket}/${key}`;

  beforeAll(async () => {
    h = await startHeadlessCore();
    call = coreClient(h.core);
    await createBucketWith(s3, bucket, {
      'docs/Report-2024.pdf': 'r',
      'docs/deep/report-old.txt': 'old',
      'docs/deep/notes.md': 'n',
      'docs/reports/': '',
      'photos/cat.jpg': 'c',
      'top-report.csv': '1,2',
    });
    // Enough keys for three listing pages (1,000 keys a page).
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < 2100; i = next++) {
        await s3.send(new PutObjectCommand({ Bucket: bucket, Key: `many/item-${String(i).padStart(4, '0')}.dat`, Body: Buffer.alloc(0) }));
      }
    };
    await Promise.all(Array.from({ length: 32 }, worker));
    // Names of every kind for the listers' ranges to cut through: characters below '0',
    // unicode (also above U+FFFF and at U+E000, where UTF-16 and S3's order differ), folders.
    const odd = [' ', '!', '#', '(', '+', ',', '-', '.', '0', '9', 'A', 'Z', '_', 'a', 'z', '~', 'é', 'ñ', '日', '\uE000', '😀', '𝄞'];
    const mixed = Array.from({ length: 1100 }, (_, i) => `mixed/${odd[i % odd.length]}${odd[(i * 7) % odd.length]}${i % 5 === 0 ? `${odd[i % 3]}dir/` : ''}${i}-${odd[(i * 3) % odd.length]}.bin`);
    next = 0;
    const mixedWorker = async () => {
      for (let i = next++; i < mixed.length; i = next++) await s3.send(new PutObjectCommand({ Bucket: bucket, Key: mixed[i]!, Body: Buffer.alloc(i % 3) }));
    };
    await Promise.all(Array.from({ length: 32 }, mixedWorker));
    const saved = await call('connections:save', { draft: rgwDraft(env) });
    await call('connections:connect', { id: saved.id });
    id = saved.id;
  }, 120_000);
  afterAll(async () => {
    await h.dispose();
    await removeBucket(s3, bucket);
  });

  it('finds files and folders anywhere under a prefix by substring, case-insensitive by default', async () => {
    const s = follow(h);
    await call('search:start', { searchId: s.searchId, connectionId: id, path: p('docs/'), query: 'REPORT' });
    const last = await s.ended;
    expect(last.state).toBe('done');
    expect(s.found()).toEqual([p('docs/Report-2024.pdf'), p('docs/deep/report-old.txt'), p('docs/reports/')]);
    const folder = s.updates.flatMap((u) => u.found).find((e) => e.path === p('docs/reports/'));
    expect(folder).toMatchObject({ kind: 'folder', name: 'reports' });
    const file = s.updates.flatMap((u) => u.found).find((e) => e.path === p('docs/Report-2024.pdf'));
    expect(file).toMatchObject({ kind: 'file', name: 'Report-2024.pdf', size: 1, storageClass: 'STANDARD' });
    expect(file?.modified).toBeGreaterThan(0);
    expect(last.scanned).toBe(4);
    expect(last.requests).toBe(1);
  });

  it('matches case-sensitively when asked, and whole names by glob', async () => {
    const exact = follow(h);
    await call('search:start', { searchId: exact.searchId, connectionId: id, path: p(''), query: 'Report', caseSensitive: true });
    expect((await exact.ended).state).toBe('done');
    expect(exact.found()).toEqual([p('docs/Report-2024.pdf')]);

    const glob = follow(h);
    await call('search:start', { searchId: glob.searchId, connectionId: id, path: `/${bucket}`, query: '*report*.???' });
    expect((await glob.ended).state).toBe('done');
    expect(glob.found()).toEqual([p('docs/Report-2024.pdf'), p('docs/deep/report-old.txt'), p('top-report.csv')]);

    const set = follow(h);
    await call('search:start', { searchId: set.searchId, connectionId: id, path: p('many/'), query: 'item-20[0-4]?.dat' });
    expect((await set.ended).state).toBe('done');
    expect(set.found()).toHaveLength(50);
  });

  it('pauses before going past its budget of listing requests, then goes on when told', async () => {
    const s = follow(h);
    const paused = s.reached('paused');
    await call('search:start', { searchId: s.searchId, connectionId: id, path: p('many/'), query: 'item-0', requestBudget: 2 });
    await paused;
    const atPause = s.updates.at(-1)!;
    expect(atPause).toMatchObject({ state: 'paused', requests: 2 });
    // What the two requests listed is out: the first page alone is most of item-0000 to item-0999.
    expect(atPause.scanned).toBeGreaterThan(900);
    expect(s.found().length).toBeGreaterThan(900);
    // Every lister waits at the budget: nothing more comes until the user says go on.
    const updatesAtPause = s.updates.length;
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(s.updates).toHaveLength(updatesAtPause);
    await call('search:continue', { searchId: s.searchId });
    const last = await s.ended;
    expect(last).toMatchObject({ state: 'done', scanned: 2100 });
    expect(last.requests).toBeGreaterThanOrEqual(3);
    expect(s.found()).toHaveLength(1000);
  });

  it('streams the first matches before the listing is over', async () => {
    const s = follow(h);
    await call('search:start', { searchId: s.searchId, connectionId: id, path: p('many/'), query: '.dat' });
    await s.ended;
    const firstWithMatches = s.updates.findIndex((u) => u.found.length > 0);
    expect(s.updates[firstWithMatches]!.state).toBe('running');
    expect(s.updates[firstWithMatches]!.scanned).toBeLessThan(2100);
    expect(s.found()).toHaveLength(2100);
  });

  it('lists in ranges side by side and finds exactly what one plain listing holds', async () => {
    const listed: string[] = [];
    let token: string | undefined;
    do {
      const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }));
      for (const o of page.Contents ?? []) listed.push(o.Key!);
      token = page.NextContinuationToken;
    } while (token);
    const s = follow(h);
    await call('search:start', { searchId: s.searchId, connectionId: id, path: `/${bucket}/`, query: '*' });
    const last = await s.ended;
    expect(last.state).toBe('done');
    expect(last.scanned).toBe(listed.length);
    const files = s.updates.flatMap((u) => u.found).filter((e) => e.kind === 'file').map((e) => e.path.slice(bucket.length + 2));
    // Each key once: no duplicate at a range's border, none missed.
    expect(new Set(files).size).toBe(files.length);
    expect(files.sort()).toEqual(listed.filter((k) => !k.endsWith('/')).sort());
    // Every lister's requests count towards the budget the window asks about.
    expect(last.requests).toBeGreaterThanOrEqual(Math.ceil(listed.length / 1000));
    const folders = s.updates.flatMap((u) => u.found).filter((e) => e.kind === 'folder').map((e) => e.path);
    expect(new Set(folders).size).toBe(folders.length);
    expect(folders).toContain(p('mixed/'));
  });

  it('stops when cancelled, also while paused', async () => {
    const s = follow(h);
    const paused = s.reached('paused');
    await call('search:start', { searchId: s.searchId, connectionId: id, path: p('many/'), query: 'zzz', requestBudget: 1 });
    await paused;
    await call('search:cancel', { searchId: s.searchId });
    expect(await s.ended).toMatchObject({ state: 'cancelled', requests: 1 });
  });

  it('says which bucket is missing instead of searching every bucket, and reports a missing bucket', async () => {
    const atRoot = await failureOf(call('search:start', { searchId: 'root', connectionId: id, path: '/', query: 'x' }));
    expect(atRoot).toMatchObject({ kind: 'unsupported', code: 'coreSearch:pickBucket' });
    const s = follow(h);
    await call('search:start', { searchId: s.searchId, connectionId: id, path: `/${bucket}-missing/`, query: 'x' });
    const last = await s.ended;
    expect(last.state).toBe('failed');
    expect(last.error?.kind).toBe('notFound');
  });
});

describe('search in an SFTP folder tree against the real sshd', () => {
  let h: HeadlessCore;
  let call: ReturnType<typeof coreClient>;
  let id: string;
  let root: string;

  beforeAll(async () => {
    h = await startHeadlessCore();
    call = coreClient(h.core);
    // The test sshd serves this machine's disk: the tree is laid out directly.
    root = join(env.sftp.home, `search-${process.pid}-${Date.now().toString(36)}`);
    const files = ['Alpha.txt', 'a/alpha-2.log', 'a/b/c/ALPHA.md', 'a/b/beta.txt', 'locked/alpha-hidden.txt', 'wide/x1.txt'];
    for (let i = 0; i < 30; i++) files.push(`wide/d${i}/alpha-${i}.txt`);
    for (const f of files) {
      await mkdir(join(root, f, '..'), { recursive: true });
      await writeFile(join(root, f), f);
    }
    await mkdir(join(root, 'a', 'alphabet'), { recursive: true });
    execFileSync('chown', ['-R', `${env.sftp.username}:${env.sftp.username}`, root]);
    await chmod(join(root, 'locked'), 0o000);
    id = await connectSftp(h.core, env);
  });
  afterAll(async () => {
    await h.dispose();
    await chmod(join(root, 'locked'), 0o755).catch(() => undefined);
    await rm(root, { recursive: true, force: true });
  });

  it('walks the whole tree, skipping a folder it may not read, and matches files and folders', async () => {
    const s = follow(h);
    await call('search:start', { searchId: s.searchId, connectionId: id, path: root, query: 'alpha' });
    const last = await s.ended;
    expect(last.state).toBe('done');
    const expected = [`${root}/Alpha.txt`, `${root}/a/alpha-2.log`, `${root}/a/alphabet`, `${root}/a/b/c/ALPHA.md`];
    for (let i = 0; i < 30; i++) expected.push(`${root}/wide/d${i}/alpha-${i}.txt`);
    expect(s.found()).toEqual(expected.sort());
    expect(last.skipped).toBe(1);
    // One listing per folder: the root, a, a/b, a/b/c, a/alphabet, locked (refused), wide and its 30.
    expect(last.requests).toBe(37);
    const entry = s.updates.flatMap((u) => u.found).find((e) => e.path === `${root}/a/alpha-2.log`);
    expect(entry).toMatchObject({ kind: 'file', size: 'a/alpha-2.log'.length });
  });

  it('matches case-sensitively and by glob', async () => {
    const exact = follow(h);
    await call('search:start', { searchId: exact.searchId, connectionId: id, path: root, query: 'ALPHA', caseSensitive: true });
    expect((await exact.ended).state).toBe('done');
    expect(exact.found()).toEqual([`${root}/a/b/c/ALPHA.md`]);
    const glob = follow(h);
    await call('search:start', { searchId: glob.searchId, connectionId: id, path: root, query: 'alpha-?.txt' });
    expect((await glob.ended).state).toBe('done');
    expect(glob.found()).toHaveLength(10);
  });

  it('pauses at its budget and can be cancelled there', async () => {
    const s = follow(h);
    const paused = s.reached('paused');
    await call('search:start', { searchId: s.searchId, connectionId: id, path: root, query: 'alpha', requestBudget: 3 });
    await paused;
    expect(s.updates.at(-1)).toMatchObject({ state: 'paused', requests: 3 });
    await call('search:cancel', { searchId: s.searchId });
    expect(await s.ended).toMatchObject({ state: 'cancelled', requests: 3 });
  });

  it('fails with a clear error when the folder searched does not exist', async () => {
    const s = follow(h);
    await call('search:start', { searchId: s.searchId, connectionId: id, path: `${root}/nope`, query: 'x' });
    const last = await s.ended;
    expect(last.state).toBe('failed');
    expect(last.error?.kind).toBe('notFound');
  });
});
