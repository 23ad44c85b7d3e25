/**
 * Quick Look in the core against the real RGW and sshd: a text file's head is one ranged read
 * (a 10 MiB file costs 256 KiB), binary files and oversized images are refused with a
 * sentence, and a media grant streams its file with HTTP Range semantics (200, 206, 416).
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewTextBytes } from '../../shared/contract/preview.js';
import type { Core } from '../../electron/core/createCore.js';
import { grantIdleMs, PreviewStreams } from '../../electron/core/preview/previewStreams.js';
import { coreClient, failureOf } from '../support/coreClient.js';
import { startCountingS3Relay, type CountingS3Relay } from '../support/countingS3Relay.js';
import { startCountingTcpRelay, type CountingTcpRelay } from '../support/countingTcpRelay.js';
import { startHeadlessCore, type HeadlessCore } from '../support/headlessCore.js';
import { createBucketWith, removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';
import { readTestbedEnv } from '../support/testbedEnv.js';
import { localConnectionId } from '../../shared/localDisk.js';
import { fromNative } from '../../electron/core/local/localPaths.js';
import { makeTempDir, type TempDir } from '../support/tempDir.js';
import { connectS3, MiB } from './transferSupport.js';

const env = readTestbedEnv();
const s3 = testS3Client(env);

/** Ten MiB of log lines. */
const bigText = Buffer.from('2026-12-07 18:30:00 INFO request served in 12 ms\n'.repeat(Math.ceil((10 * MiB) / 48))).subarray(0, 10 * MiB);
/** Bytes no text holds (NULs among them). */
const binary = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1]), randomBytes(4096)]);
/** A real 1×1 PNG. */
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** Everything a preview stream's body holds, pulled as main's protocol pulls it. */
async function drain(core: Core, stream: number | undefined, streams = core.previews.streams): Promise<Buffer> {
  const pieces: Buffer[] = [];
  if (stream === undefined) return Buffer.alloc(0);
  for (let piece = await streams.pull(stream); piece; piece = await streams.pull(stream)) pieces.push(piece);
  return Buffer.concat(pieces);
}

describe('Quick Look on S3 against the real RGW', () => {
  let h: HeadlessCore;
  let call: ReturnType<typeof coreClient>;
  let relay: CountingS3Relay;
  let id: string;
  const bucket = uniqueBucketName('preview');
  const p = (key: string) => `/${bucket}/${key}`;

  beforeAll(async () => {
    await createBucketWith(s3, bucket, {
      'big.log': bigText,
      'app.ts': 'export const answer: number = 42; // the answer\n',
      'data.json': '{"a":1,"b":[true,null]}',
      'table.csv': 'name,size\ncat.jpg,12\n',
      'blob.bin': binary,
      'pic.png': png,
      'changing.png': png,
      'huge.png': Buffer.alloc(21 * MiB, 1),
      'folder/': '',
    });
    relay = await startCountingS3Relay(env.s3.endpoint);
    h = await startHeadlessCore();
    call = coreClient(h.core);
    id = await connectS3(h.core, env, relay.endpoint);
  }, 120_000);
  afterAll(async () => {
    await h?.dispose();
    await relay?.close();
    await removeBucket(s3, bucket);
  });

  it('reads only the first 256 KiB of a 10 MiB text file, by one ranged GET', async () => {
    const before = relay.requests.length;
    const answer = await call('preview:open', { connectionId: id, path: p('big.log') });
    expect(answer.kind).toBe('text');
    if (answer.kind !== 'text') return;
    expect(answer.truncated).toBe(true);
    expect(answer.format).toBe('plain');
    expect(answer.text.length).toBe(previewTextBytes);
    expect(answer.text).toBe(bigText.subarray(0, previewTextBytes).toString('utf8'));
    const gets = relay.requests.slice(before).filter((r) => r.method === 'GET' && r.path === p('big.log'));
    expect(gets).toHaveLength(1);
    expect(gets[0]!.rangeBytes).toBe(previewTextBytes);
    await relay.settled();
    expect(gets[0]!.responseBytes).toBe(previewTextBytes);
  });

  it('answers code with its language, JSON and CSV with their formats, whole and not truncated', async () => {
    const code = await call('preview:open', { connectionId: id, path: p('app.ts') });
    expect(code).toMatchObject({ kind: 'text', format: 'code', language: 'typescript', truncated: false, text: 'export const answer: number = 42; // the answer\n' });
    expect(await call('preview:open', { connectionId: id, path: p('data.json') })).toMatchObject({ kind: 'text', format: 'json', text: '{"a":1,"b":[true,null]}' });
    expect(await call('preview:open', { connectionId: id, path: p('table.csv') })).toMatchObject({ kind: 'text', format: 'csv', text: 'name,size\ncat.jpg,12\n' });
  });

  it('refuses a binary file with a sentence', async () => {
    const error = await failureOf(call('preview:open', { connectionId: id, path: p('blob.bin') }));
    expect(error).toMatchObject({ kind: 'unsupported', code: 'corePreview:binary' });
    expect(error.message).toBe('“blob.bin” is not a text file, so it cannot be previewed here. Download it to open it in an app that reads it.');
  });

  it('refuses an image over 20 MiB without reading it', async () => {
    const before = relay.requests.length;
    const error = await failureOf(call('preview:open', { connectionId: id, path: p('huge.png') }));
    expect(error).toMatchObject({ kind: 'unsupported', code: 'corePreview:tooLarge' });
    expect(error.message).toContain('20 MiB');
    expect(relay.requests.slice(before).filter((r) => r.method === 'GET')).toHaveLength(0);
  });

  it('refuses a folder', async () => {
    const error = await failureOf(call('preview:open', { connectionId: id, path: p('folder/') }));
    expect(error.kind).toBe('unsupported');
  });

  it('streams an image grant whole, by range (206), refuses a range past its end (416) and an unknown token (404)', async () => {
    const answer = await call('preview:open', { connectionId: id, path: p('pic.png') });
    expect(answer).toMatchObject({ kind: 'image', contentType: 'image/png' });
    if (answer.kind === 'text') return;
    expect(answer.url).toBe(`/preview/${answer.token}`);

    const whole = await h.core.previews.streams.openStream(answer.token, undefined);
    expect(whole.status).toBe(200);
    expect(whole.headers).toMatchObject({ 'content-type': 'image/png', 'content-length': String(png.length), 'accept-ranges': 'bytes' });
    expect((await drain(h.core, whole.stream)).equals(png)).toBe(true);

    const before = relay.requests.length;
    const part = await h.core.previews.streams.openStream(answer.token, 'bytes=8-23');
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 8-23/${png.length}`);
    expect((await drain(h.core, part.stream)).equals(png.subarray(8, 24))).toBe(true);
    const ranged = relay.requests.slice(before).filter((r) => r.method === 'GET');
    expect(ranged.map((r) => r.rangeBytes)).toEqual([16]);

    const tail = await h.core.previews.streams.openStream(answer.token, 'bytes=-4');
    expect(tail.status).toBe(206);
    expect((await drain(h.core, tail.stream)).equals(png.subarray(png.length - 4))).toBe(true);

    const past = await h.core.previews.streams.openStream(answer.token, `bytes=${png.length}-`);
    expect(past.status).toBe(416);
    expect(past.stream).toBeUndefined();
    expect(past.headers['content-range']).toBe(`bytes */${png.length}`);

    expect((await h.core.previews.streams.openStream('ab'.repeat(32), undefined)).status).toBe(404);
    await call('preview:close', { token: answer.token });
    expect((await h.core.previews.streams.openStream(answer.token, undefined)).status).toBe(404);
  });

  it('answers 409, never cached, for an object that changed since its grant', async () => {
    const answer = await call('preview:open', { connectionId: id, path: p('changing.png') });
    if (answer.kind === 'text') throw new Error('expected an image grant');
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'changing.png', Body: Buffer.concat([png, png]) }));
    const changed = await h.core.previews.streams.openStream(answer.token, undefined);
    expect(changed.status).toBe(409);
    expect(changed.stream).toBeUndefined();
    expect(changed.headers['cache-control']).toBe('no-store');
  });

  it('refuses a malformed token at the door', async () => {
    const error = await failureOf(call('preview:close', { token: '../../etc' }));
    expect(error.kind).toBe('invalidInput');
  });
});

describe('Quick Look on SFTP against the real sshd', () => {
  let h: HeadlessCore;
  let call: ReturnType<typeof coreClient>;
  let relay: CountingTcpRelay;
  let id: string;
  let root: string;

  beforeAll(async () => {
    root = join(env.sftp.home, `preview-${process.pid}-${Date.now().toString(36)}`);
    await mkdir(root, { recursive: true });
    await writeFile(join(root, 'big.log'), bigText);
    await writeFile(join(root, 'blob.bin'), binary);
    await writeFile(join(root, 'pic.png'), png);
    await writeFile(join(root, 'notes.md'), '# Notes\n\nñandú — café\n');
    await symlink('notes.md', join(root, 'link.md'));
    await mkdir(join(root, 'folder'));
    execFileSync('chown', ['-hR', `${env.sftp.username}:${env.sftp.username}`, root]);
    relay = await startCountingTcpRelay(env.sftp.host, env.sftp.port);
    h = await startHeadlessCore();
    call = coreClient(h.core);
    const { username, keys } = env.sftp;
    const saved = await call('connections:save', { draft: { protocol: 'sftp', name: 'sshd', host: '127.0.0.1', port: relay.port, username, rememberSecret: false, auth: { kind: 'key', keyPath: keys.ed25519 } } });
    let outcome = await call('connections:connect', { id: saved.id });
    if (outcome.state === 'hostKeyPrompt') outcome = await call('connections:answerHostKey', { promptId: outcome.prompt.promptId, decision: 'trustOnce' });
    expect(outcome.state).toBe('connected');
    id = saved.id;
  }, 60_000);
  afterAll(async () => {
    await h?.dispose();
    await relay?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('reads only the head of a 10 MiB text file', async () => {
    const before = relay.bytes().down;
    const answer = await call('preview:open', { connectionId: id, path: `${root}/big.log` });
    expect(answer).toMatchObject({ kind: 'text', truncated: true });
    if (answer.kind !== 'text') return;
    expect(answer.text).toBe(bigText.subarray(0, previewTextBytes).toString('utf8'));
    // The SSH ciphertext of 256 KiB and a few requests, far from the file's 10 MiB.
    expect(relay.bytes().down - before).toBeLessThan(previewTextBytes + 64 * 1024);
  });

  it('answers UTF-8 text whole, and refuses a binary file', async () => {
    expect(await call('preview:open', { connectionId: id, path: `${root}/notes.md` })).toMatchObject({ kind: 'text', format: 'code', language: 'markdown', truncated: false, text: '# Notes\n\nñandú — café\n' });
    expect(await failureOf(call('preview:open', { connectionId: id, path: `${root}/blob.bin` }))).toMatchObject({ kind: 'unsupported', code: 'corePreview:binary' });
  });

  it('reads a link to a file as its target, and refuses a folder', async () => {
    expect(await call('preview:open', { connectionId: id, path: `${root}/link.md` })).toMatchObject({ kind: 'text', truncated: false, text: '# Notes\n\nñandú — café\n' });
    expect(await failureOf(call('preview:open', { connectionId: id, path: `${root}/folder` }))).toMatchObject({ kind: 'unsupported', code: 'corePreview:notAFile' });
  });

  it('streams an image grant by range through the core', async () => {
    const answer = await call('preview:open', { connectionId: id, path: `${root}/pic.png` });
    if (answer.kind === 'text') throw new Error('expected an image grant');
    const part = await h.core.previews.streams.openStream(answer.token, 'bytes=0-7');
    expect(part.status).toBe(206);
    expect((await drain(h.core, part.stream)).equals(png.subarray(0, 8))).toBe(true);
    const whole = await h.core.previews.streams.openStream(answer.token, undefined);
    expect((await drain(h.core, whole.stream)).equals(png)).toBe(true);
  });
});

describe("Quick Look on this computer's disk", () => {
  let h: HeadlessCore;
  let call: ReturnType<typeof coreClient>;
  let dir: TempDir;
  const local = (name: string) => fromNative(join(dir.path, name));
  /** A stream grant of a file in `dir`, as Quick Look asks for it. */
  const grantOf = async (name: string) => {
    const answer = await call('preview:open', { connectionId: localConnectionId, path: local(name) });
    if (answer.kind === 'text') throw new Error(`expected a stream grant for ${name}`);
    return answer.token;
  };

  beforeAll(async () => {
    dir = await makeTempDir('preview-local');
    await writeFile(join(dir.path, 'big.log'), bigText.subarray(0, previewTextBytes + 10));
    await writeFile(join(dir.path, 'pic.png'), png);
    await writeFile(join(dir.path, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    h = await startHeadlessCore();
    call = coreClient(h.core);
    await call('connections:connect', { id: localConnectionId });
  });
  afterAll(async () => {
    await h?.dispose();
    await dir?.remove();
  });

  it("reads a local file's head and streams a local image by range", async () => {
    expect(await call('preview:open', { connectionId: localConnectionId, path: local('big.log') })).toMatchObject({ kind: 'text', truncated: true });
    const part = await h.core.previews.streams.openStream(await grantOf('pic.png'), 'bytes=1-3');
    expect(part.status).toBe(206);
    expect((await drain(h.core, part.stream)).toString('latin1')).toBe('PNG');
  });

  it('serves an SVG with a sandboxing policy of its own, so it runs no script even opened as a page', async () => {
    const svg = await h.core.previews.streams.openStream(await grantOf('logo.svg'), undefined);
    expect(svg.headers['content-type']).toBe('image/svg+xml');
    expect(svg.headers['content-security-policy']).toBe("default-src 'none'; style-src 'unsafe-inline'; sandbox");
    await drain(h.core, svg.stream);
    const pic = await h.core.previews.streams.openStream(await grantOf('pic.png'), undefined);
    expect(pic.headers['content-security-policy']).toBeUndefined();
    await drain(h.core, pic.stream);
  });

  it('lets a grant idle out after five minutes unused, each use keeping it alive', async () => {
    let clock = 1_000_000;
    const streams = new PreviewStreams(h.core.sessions, () => clock);
    try {
      const grant = { connectionId: localConnectionId, path: local('pic.png'), facts: { size: png.length }, contentType: 'image/png', sandboxed: false };
      const token = streams.grant(grant);
      clock += grantIdleMs - 1;
      const used = await streams.openStream(token, 'bytes=0-3');
      expect(used.status).toBe(206);
      expect((await drain(h.core, used.stream, streams)).equals(png.subarray(0, 4))).toBe(true);
      // That use started its five minutes again.
      clock += grantIdleMs;
      const kept = await streams.openStream(token, 'bytes=0-0');
      expect(kept.status).toBe(206);
      await drain(h.core, kept.stream, streams);
      clock += grantIdleMs + 1;
      const expired = await streams.openStream(token, undefined);
      expect(expired.status).toBe(404);
      expect(expired.headers['cache-control']).toBe('no-store');
      // A grant made now is not touched by the old one's expiry.
      const fresh = await streams.openStream(streams.grant(grant), 'bytes=0-0');
      expect(fresh.status).toBe(206);
      await drain(h.core, fresh.stream, streams);
    } finally {
      streams.dispose();
    }
  });

  it('fails a pull of a stream that is no longer open, so a reader never takes a short body for a whole one', async () => {
    const { streams } = h.core.previews;
    const token = await grantOf('pic.png');
    const cancelled = await streams.openStream(token, undefined);
    expect(cancelled.stream).toBeDefined();
    streams.cancel(cancelled.stream!);
    await expect(streams.pull(cancelled.stream!)).rejects.toMatchObject({ kind: 'notFound', code: 'corePreview:streamGone' });
    const ended = await streams.openStream(token, undefined);
    expect((await drain(h.core, ended.stream)).equals(png)).toBe(true);
    await expect(streams.pull(ended.stream!)).rejects.toMatchObject({ kind: 'notFound', code: 'corePreview:streamGone' });
  });
});
