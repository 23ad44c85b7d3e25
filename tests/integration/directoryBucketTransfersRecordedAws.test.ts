import { createHash, randomBytes } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { Crc64Nvme } from '@aws-sdk/checksums/crc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreMessage } from '../../shared/i18n/englishMessages.js';
import type { CopyReader } from '../../electron/core/copy/copyEnds.js';
import { TargetAppearedError } from '../../electron/core/fs/targetAppeared.js';
import { s3CopyEnds } from '../../electron/core/s3/s3CopyStream.js';
import { createS3Client, type S3ClientOptions } from '../../electron/core/s3/s3Client.js';
import { S3TransferDriver } from '../../electron/core/s3/s3TransferDriver.js';
import { extrasOf, type Checkpoint } from '../../electron/core/transfers/jobContext.js';
import { AwsReplay, awsFixture, type Reply, type Seen } from '../support/awsReplay.js';
import { makeTempDir } from '../support/tempDir.js';

const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
const directory = 'fast-scratch--use1-az4--x-s3';
const sessionToken = 'IQoJb3JpZ2luX2VjEMq//////////wEaCXVzLWVhc3QtMSJHMEUCIQDEXAMPLE';
/** Directory buckets answer opaque ETags; this one even looks like an MD5, which it is not. */
const opaqueEtag = '"7b0c3f5e9a2d4c1b8e6f0a9d3c5b7e21"';
const MiB = 1024 * 1024;

const crc32Of = (data: Buffer) => {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(crc32(data));
  return bytes.toString('base64');
};
const live = () => new AbortController().signal;
const query = (req: Seen) => new URL(req.url, 'http://x').searchParams;

/** An aws-chunked body's payload and trailer headers (STREAMING-UNSIGNED-PAYLOAD-TRAILER framing). */
function unchunk(raw: Buffer): { payload: Buffer; trailer: Record<string, string> } {
  const pieces: Buffer[] = [];
  let at = 0;
  for (;;) {
    const eol = raw.indexOf('\r\n', at);
    const size = parseInt(raw.subarray(at, eol).toString('latin1'), 16);
    at = eol + 2;
    if (size === 0) break;
    pieces.push(raw.subarray(at, at + size));
    at += size + 2;
  }
  const trailer = Object.fromEntries(
    raw
      .subarray(at)
      .toString('latin1')
      .split('\r\n')
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1)]),
  );
  return { payload: Buffer.concat(pieces), trailer };
}

const session: Reply = { body: awsFixture('CreateSession.xml') };

describe('transfers to and from directory buckets (recorded AWS responses)', () => {
  const replay = new AwsReplay();
  let options: S3ClientOptions;
  let work: Awaited<ReturnType<typeof makeTempDir>>;
  const clients: ReturnType<typeof createS3Client>[] = [];
  const driver = () => {
    const client = createS3Client(options);
    clients.push(client);
    return new S3TransferDriver(client);
  };

  /** A copy's target on a new client, and a source that hands out `body` from any offset. */
  const copyOf = (body: Buffer) => {
    const client = createS3Client(options);
    clients.push(client);
    const source: CopyReader = {
      open: async (start) =>
        (async function* () {
          yield body.subarray(start);
        })(),
      unchanged: async () => undefined,
    };
    return { target: s3CopyEnds({ clientFor: async () => client }).target, source };
  };

  beforeAll(async () => {
    work = await makeTempDir('directory-transfers');
    const endpoint = await replay.start();
    // The replay stands for AWS itself, where directory buckets exist (a custom endpoint's server has none unless said).
    options = { endpoint, region: 'us-east-1', forcePathStyle: true, credentials, maxAttempts: 1, directoryBuckets: true };
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await replay.close();
    await work.remove();
  });

  /** PutObject as a directory bucket answers it: the CRC32 it stored (`answer` may change it). */
  const putAnswers =
    (answer: (sent: string) => string = (sent) => sent) =>
    (req: Seen): Reply => {
      if (query(req).has('session')) return session;
      if (req.method === 'PUT') return { headers: { etag: opaqueEtag, 'x-amz-checksum-crc32': answer(String(req.headers['x-amz-checksum-crc32'])), 'x-amz-checksum-type': 'FULL_OBJECT' } };
      return { status: 501, body: '<Error><Code>NotImplemented</Code><Message>not recorded</Message></Error>' };
    };

  it('uploads a small file with a CRC32 of its bytes and no Content-MD5, signed with the session (recorded AWS responses)', async () => {
    const body = randomBytes(200_000);
    const file = join(work.path, 'small.bin');
    await writeFile(file, body);
    replay.seen = [];
    replay.route = putAnswers();
    await driver().upload(file, `/${directory}/in/small.bin`, { signal: live(), onProgress: () => undefined });
    const puts = replay.seen.filter((s) => s.method === 'PUT');
    expect(puts).toHaveLength(1);
    const [put] = puts as [Seen];
    expect(put.url).toMatch(new RegExp(`^/${directory}/+in/small\\.bin\\?x-id=PutObject$`));
    expect(put.headers['content-md5']).toBeUndefined();
    expect(put.headers['x-amz-checksum-crc32']).toBe(crc32Of(body));
    expect(put.headers['x-amz-sdk-checksum-algorithm']).toBe('CRC32');
    expect(put.headers['x-amz-s3session-token']).toBe(sessionToken);
    expect(put.raw.equals(body)).toBe(true);
  });

  it('fails an upload whose stored CRC32 is not the one sent (recorded AWS responses)', async () => {
    const body = Buffer.from('the bytes as they left');
    const file = join(work.path, 'changed.txt');
    await writeFile(file, body);
    replay.route = putAnswers(() => 'AAAAAA==');
    await expect(driver().upload(file, `/${directory}/changed.txt`, { signal: live(), onProgress: () => undefined })).rejects.toThrow(
      `The upload of changed.txt failed its integrity check: the server's checksum (AAAAAA==) does not match ours (${crc32Of(body)}).`,
    );
  });

  /** How the server answers beyond a plain multipart upload: its parts of an earlier attempt, its completion, its HeadObject. */
  interface MultipartScript {
    /** ListParts of UPLOAD-1: the parts held (number → size, CRC32); without it, NoSuchUpload. */
    held?: Map<number, { size: number; crc: string }>;
    /** CompleteMultipartUpload's answer, given the composite CRC32 the parts give; else the object's. */
    complete?: (composite: string) => Reply | undefined;
    /** HeadObject's answer (to a request with ChecksumMode ENABLED). */
    head?: Reply;
  }

  it('knows its own small upload by its CRC32 when a resent PutObject meets If-None-Match (recorded AWS responses)', async () => {
    const body = Buffer.from('sent once, answer lost, sent again');
    const file = join(work.path, 'resent.txt');
    await writeFile(file, body);
    const stored = (crc: string) => (req: Seen): Reply => {
      if (query(req).has('session')) return session;
      if (req.method === 'PUT') return { status: 412, body: '<Error><Code>PreconditionFailed</Code><Message>At least one of the pre-conditions you specified did not hold</Message></Error>' };
      if (req.method === 'HEAD') return { headers: { etag: opaqueEtag, 'content-length': String(body.length), ...(req.headers['x-amz-checksum-mode'] === 'ENABLED' ? { 'x-amz-checksum-crc32': crc } : {}) } };
      return { status: 501, body: '<Error><Code>NotImplemented</Code><Message>not recorded</Message></Error>' };
    };
    const ctx = { signal: live(), onProgress: () => undefined, onlyIfAbsent: true };
    replay.route = stored(crc32Of(body));
    await driver().upload(file, `/${directory}/resent.txt`, ctx);
    replay.route = stored(crc32Of(Buffer.from('another file')));
    await expect(driver().upload(file, `/${directory}/resent.txt`, ctx)).rejects.toBeInstanceOf(TargetAppearedError);
  });

  /**
   * A multipart upload as a directory bucket answers it (created with CRC32, COMPOSITE): each
   * part's payload and CRC32 (a header, or an aws-chunked body's trailer), and the completion.
   */
  function multipartAnswers(script: MultipartScript = {}) {
    const parts = new Map<number, { payload: Buffer; crc: string }>();
    const seen = { parts, completion: '' };
    replay.seen = [];
    replay.route = (req) => {
      const q = query(req);
      if (q.has('session')) return session;
      if (req.method === 'GET' && q.get('uploadId') === 'UPLOAD-1') {
        if (!script.held) return { status: 404, body: '<Error><Code>NoSuchUpload</Code><Message>The specified upload does not exist.</Message></Error>' };
        const listed = [...script.held].map(([n, p]) => `<Part><PartNumber>${n}</PartNumber><ETag>"held-${n}"</ETag><Size>${p.size}</Size><ChecksumCRC32>${p.crc}</ChecksumCRC32></Part>`);
        return { body: `<ListPartsResult><Bucket>${directory}</Bucket><Key>large.bin</Key><UploadId>UPLOAD-1</UploadId><IsTruncated>false</IsTruncated>${listed.join('')}</ListPartsResult>` };
      }
      if (req.method === 'HEAD' && script.head) return script.head;
      if (req.method === 'POST' && q.has('uploads')) {
        return { headers: { 'x-amz-checksum-algorithm': 'CRC32', 'x-amz-checksum-type': 'COMPOSITE' }, body: `<InitiateMultipartUploadResult><Bucket>${directory}</Bucket><Key>large.bin</Key><UploadId>UPLOAD-1</UploadId></InitiateMultipartUploadResult>` };
      }
      if (req.method === 'PUT' && q.has('partNumber')) {
        const chunked = String(req.headers['content-encoding'] ?? '').includes('aws-chunked');
        const { payload, trailer } = chunked ? unchunk(req.raw) : { payload: req.raw, trailer: {} as Record<string, string> };
        const crc = chunked ? trailer['x-amz-checksum-crc32']! : String(req.headers['x-amz-checksum-crc32']);
        parts.set(Number(q.get('partNumber')), { payload, crc });
        return { headers: { etag: `"part-${q.get('partNumber')}-opaque"`, 'x-amz-checksum-crc32': crc } };
      }
      if (req.method === 'POST' && q.get('uploadId') === 'UPLOAD-1') {
        seen.completion = req.body;
        const listed = [...req.body.matchAll(/<ChecksumCRC32>([^<]+)<\/ChecksumCRC32>/g)].map((m) => Buffer.from(m[1]!, 'base64'));
        const composite = `${crc32Of(Buffer.concat(listed))}-${listed.length}`;
        const scripted = script.complete?.(composite);
        if (scripted) return scripted;
        return { body: `<CompleteMultipartUploadResult><Bucket>${directory}</Bucket><Key>large.bin</Key><ETag>${opaqueEtag}</ETag><ChecksumCRC32>${composite}</ChecksumCRC32><ChecksumType>COMPOSITE</ChecksumType></CompleteMultipartUploadResult>` };
      }
      return { status: 501, body: '<Error><Code>NotImplemented</Code><Message>not recorded</Message></Error>' };
    };
    return seen;
  }

  /** What a multipart upload of `body` in 5 MiB parts must have sent: CRC32s of the right bytes, no MD5, all listed at completion. */
  function expectPartsWithCrc32(body: Buffer, seen: ReturnType<typeof multipartAnswers>) {
    const create = replay.seen.find((s) => s.method === 'POST' && query(s).has('uploads'))!;
    expect(create.headers['x-amz-checksum-algorithm']).toBe('CRC32');
    expect(replay.seen.some((s) => s.headers['content-md5'] !== undefined)).toBe(false);
    expect([...seen.parts.keys()].sort()).toEqual([1, 2, 3]);
    for (const [n, part] of seen.parts) {
      const bytes = body.subarray((n - 1) * 5 * MiB, Math.min(body.length, n * 5 * MiB));
      expect(part.payload.length, `part ${n}`).toBe(bytes.length);
      expect(part.payload.equals(bytes), `part ${n}`).toBe(true);
      expect(part.crc, `part ${n}`).toBe(crc32Of(bytes));
      expect(seen.completion).toContain(`<Part><ETag>&quot;part-${n}-opaque&quot;</ETag><ChecksumCRC32>${part.crc}</ChecksumCRC32><PartNumber>${n}</PartNumber></Part>`);
    }
  }

  it('uploads in parts with each part’s CRC32 as a trailer and checks the composite checksum (recorded AWS responses)', async () => {
    const body = randomBytes(11 * MiB);
    const file = join(work.path, 'large.bin');
    await writeFile(file, body);
    const seen = multipartAnswers();
    await driver().upload(file, `/${directory}/large.bin`, { signal: live(), onProgress: () => undefined, multipartThreshold: 5 * MiB, partSize: 5 * MiB });
    expect(replay.seen.filter((s) => query(s).has('partNumber')).every((s) => s.headers['x-amz-trailer'] === 'x-amz-checksum-crc32')).toBe(true);
    expectPartsWithCrc32(body, seen);
  });

  it('copies into a directory bucket in parts with their CRC32s (recorded AWS responses)', async () => {
    const body = randomBytes(11 * MiB);
    const seen = multipartAnswers();
    const { target, source } = copyOf(body);
    const ctx = { signal: live(), onProgress: () => undefined, multipartThreshold: 5 * MiB, partSize: 5 * MiB };
    await target.write(`/${directory}/large.bin`, { size: body.length, metadata: {} }, source, { ...ctx, ...extrasOf(ctx) });
    expectPartsWithCrc32(body, seen);
  });

  describe('multipart uploads that resume or lose an answer', () => {
    const partBytes = (body: Buffer, n: number) => body.subarray((n - 1) * 5 * MiB, Math.min(body.length, n * 5 * MiB));
    /** The composite CRC32 a directory bucket gives an object of these parts. */
    const compositeOf = (parts: Buffer[]) => `${crc32Of(Buffer.concat(parts.map((p) => Buffer.from(crc32Of(p), 'base64'))))}-${parts.length}`;
    const sentParts = () => replay.seen.filter((s) => s.method === 'PUT' && query(s).has('partNumber')).map((s) => Number(query(s).get('partNumber')));
    const precondition: Reply = { status: 412, body: '<Error><Code>PreconditionFailed</Code><Message>At least one of the pre-conditions you specified did not hold</Message><Condition>If-None-Match</Condition></Error>' };

    async function largeFile(name: string) {
      const body = randomBytes(11 * MiB);
      const file = join(work.path, name);
      await writeFile(file, body);
      return { body, file, mtimeMs: (await stat(file)).mtimeMs };
    }
    const checkpointOf = (body: Buffer, mtimeMs: number, extra: object = {}) => ({ kind: 's3Upload', uploadId: 'UPLOAD-1', partSize: 5 * MiB, size: body.length, mtimeMs, doneParts: [1, 2], ...extra });

    it('sends again a held part whose CRC32 is not the file’s, and keeps one whose CRC32 is (recorded AWS responses)', async () => {
      const { body, file, mtimeMs } = await largeFile('resumed.bin');
      const held = new Map([
        [1, { size: 5 * MiB, crc: crc32Of(partBytes(body, 1)) }],
        [2, { size: 5 * MiB, crc: crc32Of(Buffer.from('bytes the file no longer has')) }],
      ]);
      const seen = multipartAnswers({ held });
      const ctx = { signal: live(), onProgress: () => undefined, multipartThreshold: 5 * MiB, partSize: 5 * MiB, checkpoint: checkpointOf(body, mtimeMs) };
      await driver().upload(file, `/${directory}/large.bin`, ctx);
      expect(replay.seen.some((s) => s.method === 'POST' && query(s).has('uploads'))).toBe(false);
      expect(sentParts().sort()).toEqual([2, 3]);
      expect(seen.parts.get(2)!.payload.equals(partBytes(body, 2))).toBe(true);
      expect(seen.completion).toContain(`<Part><ETag>&quot;held-1&quot;</ETag><ChecksumCRC32>${crc32Of(partBytes(body, 1))}</ChecksumCRC32><PartNumber>1</PartNumber></Part>`);
      expect(seen.completion).toContain(`<Part><ETag>&quot;part-2-opaque&quot;</ETag><ChecksumCRC32>${crc32Of(partBytes(body, 2))}</ChecksumCRC32><PartNumber>2</PartNumber></Part>`);
    });

    it('fails an upload whose answered composite checksum is not the one its parts give (recorded AWS responses)', async () => {
      const { body, file } = await largeFile('composite.bin');
      const wrong = `${crc32Of(Buffer.from('other parts'))}-3`;
      multipartAnswers({
        complete: () => ({ body: `<CompleteMultipartUploadResult><Bucket>${directory}</Bucket><Key>large.bin</Key><ETag>${opaqueEtag}</ETag><ChecksumCRC32>${wrong}</ChecksumCRC32><ChecksumType>COMPOSITE</ChecksumType></CompleteMultipartUploadResult>` }),
      });
      const expected = compositeOf([1, 2, 3].map((n) => partBytes(body, n)));
      await expect(driver().upload(file, `/${directory}/large.bin`, { signal: live(), onProgress: () => undefined, multipartThreshold: 5 * MiB, partSize: 5 * MiB })).rejects.toThrow(
        `The upload of large.bin failed its integrity check: the server's checksum (${wrong}) does not match ours (${expected}).`,
      );
    });

    /** HeadObject of the object the upload wrote: its composite CRC32, shown only with ChecksumMode ENABLED. */
    const headWith = (body: Buffer, crc: string): Reply => ({
      headers: { etag: opaqueEtag, 'content-length': String(body.length), 'x-amz-checksum-crc32': crc, 'x-amz-checksum-type': 'COMPOSITE', 'last-modified': 'Mon, 07 Dec 2026 10:00:00 GMT' },
    });

    it('checkpoints the composite CRC32 before completing and knows its own object when the completion’s answer was lost (recorded AWS responses)', async () => {
      const { body, file } = await largeFile('lost-answer.bin');
      const expected = compositeOf([1, 2, 3].map((n) => partBytes(body, n)));
      // The completion landed, its answer was lost, and the retry meets the object If-None-Match guards against.
      multipartAnswers({ complete: () => precondition, head: headWith(body, expected) });
      const saved: (Checkpoint & { completing?: string })[] = [];
      const ctx = { signal: live(), onProgress: () => undefined, multipartThreshold: 5 * MiB, partSize: 5 * MiB, onlyIfAbsent: true, saveCheckpointNow: async (cp?: Checkpoint) => void (cp && saved.push(cp)) };
      await driver().upload(file, `/${directory}/large.bin`, ctx);
      expect(saved.at(-1)?.completing).toBe(expected);
      const head = replay.seen.find((s) => s.method === 'HEAD')!;
      expect(head.headers['x-amz-checksum-mode']).toBe('ENABLED');

      // Another object there (another CRC32) is a conflict, as before.
      multipartAnswers({ complete: () => precondition, head: headWith(body, `${crc32Of(Buffer.from('someone else'))}-2`) });
      await expect(driver().upload(file, `/${directory}/large.bin`, { ...ctx, saveCheckpointNow: async () => undefined })).rejects.toBeInstanceOf(TargetAppearedError);
    });

    it('finishes a resumed upload whose completion landed before a crash by the checkpointed composite CRC32 (recorded AWS responses)', async () => {
      const { body, file, mtimeMs } = await largeFile('crashed.bin');
      const expected = compositeOf([1, 2, 3].map((n) => partBytes(body, n)));
      multipartAnswers({ head: headWith(body, expected) });
      const ctx = { signal: live(), onProgress: () => undefined, multipartThreshold: 5 * MiB, partSize: 5 * MiB, checkpoint: checkpointOf(body, mtimeMs, { completing: expected }) };
      await driver().upload(file, `/${directory}/large.bin`, ctx);
      expect(replay.seen.filter((s) => s.method === 'PUT' || s.method === 'POST')).toEqual([]);
      expect(replay.seen.find((s) => s.method === 'HEAD')!.headers['x-amz-checksum-mode']).toBe('ENABLED');
    });

    it('copies again after a lost completion answer into the same object, not a conflict (recorded AWS responses)', async () => {
      const body = randomBytes(11 * MiB);
      const expected = compositeOf([1, 2, 3].map((n) => partBytes(body, n)));
      multipartAnswers({ complete: () => precondition, head: headWith(body, expected) });
      const { target, source } = copyOf(body);
      const ctx = { signal: live(), onProgress: () => undefined, multipartThreshold: 5 * MiB, partSize: 5 * MiB, onlyIfAbsent: true };
      await target.write(`/${directory}/large.bin`, { size: body.length, metadata: {} }, source, { ...ctx, ...extrasOf(ctx) });
      expect(replay.seen.find((s) => s.method === 'HEAD')!.headers['x-amz-checksum-mode']).toBe('ENABLED');
    });
  });

  it('treats a bucket merely named like a directory bucket on another server as a plain one: MD5s, no session (recorded responses)', async () => {
    const body = Buffer.from('an RGW bucket may carry any name');
    const file = join(work.path, 'rgw.txt');
    await writeFile(file, body);
    const md5 = createHash('md5').update(body).digest();
    replay.seen = [];
    replay.route = (req) => (req.method === 'PUT' ? { headers: { etag: `"${md5.toString('hex')}"` } } : { status: 501, body: '<Error><Code>NotImplemented</Code><Message>not recorded</Message></Error>' });
    const client = createS3Client({ ...options, directoryBuckets: undefined });
    clients.push(client);
    await new S3TransferDriver(client).upload(file, `/${directory}/rgw.txt`, { signal: live(), onProgress: () => undefined });
    expect(replay.seen.some((s) => query(s).has('session'))).toBe(false);
    const put = replay.seen.find((s) => s.method === 'PUT')!;
    expect(put.headers['content-md5']).toBe(md5.toString('base64'));
    expect(put.headers['x-amz-checksum-crc32']).toBeUndefined();

    // Its download is checked by the MD5 its ETag is, not asked for a stored checksum.
    replay.seen = [];
    const object = { etag: `"${md5.toString('hex')}"`, 'content-length': String(body.length), 'last-modified': 'Mon, 07 Dec 2026 10:00:00 GMT', 'content-type': 'text/plain' };
    replay.route = (req) => (req.method === 'HEAD' ? { headers: object } : req.method === 'GET' ? { headers: object, body } : { status: 501 });
    const notes: CoreMessage[] = [];
    const into = join(work.path, 'rgw-back.txt');
    await new S3TransferDriver(client).download(`/${directory}/rgw.txt`, into, { signal: live(), onProgress: () => undefined, note: (m: CoreMessage) => void notes.push(m) });
    expect((await readFile(into)).equals(body)).toBe(true);
    expect(notes).toEqual([]);
    expect(replay.seen.find((s) => s.method === 'HEAD')!.headers['x-amz-checksum-mode']).toBeUndefined();
  });

  describe('downloads', () => {
    const body = randomBytes(300_000);
    /** HeadObject and GetObject as a directory bucket answers them, with the stored checksum headers given. */
    const objectAnswers =
      (checksum: Record<string, string>) =>
      (req: Seen): Reply => {
        if (query(req).has('session')) return session;
        const object = { etag: opaqueEtag, 'last-modified': 'Mon, 07 Dec 2026 10:00:00 GMT', 'content-type': 'application/octet-stream' };
        if (req.method === 'HEAD') return { headers: { ...object, 'content-length': String(body.length), ...(req.headers['x-amz-checksum-mode'] === 'ENABLED' ? checksum : {}) } };
        if (req.method === 'GET') return { headers: { ...object, 'content-length': String(body.length) }, body };
        return { status: 501, body: '<Error><Code>NotImplemented</Code><Message>not recorded</Message></Error>' };
      };
    const download = async (name: string) => {
      const notes: CoreMessage[] = [];
      const path = join(work.path, name);
      await driver().download(`/${directory}/${name}`, path, { signal: live(), onProgress: () => undefined, note: (m: CoreMessage) => void notes.push(m) });
      return { notes: notes.map((n) => n.key), bytes: await readFile(path) };
    };

    it('verifies a download by the CRC32 HeadObject gives, never by the ETag (recorded AWS responses)', async () => {
      replay.seen = [];
      replay.route = objectAnswers({ 'x-amz-checksum-crc32': crc32Of(body), 'x-amz-checksum-type': 'FULL_OBJECT' });
      const { notes, bytes } = await download('good.bin');
      expect(bytes.equals(body)).toBe(true);
      expect(notes).toEqual([]);
      const head = replay.seen.find((s) => s.method === 'HEAD')!;
      expect(head.headers['x-amz-checksum-mode']).toBe('ENABLED');
      expect(head.headers['x-amz-s3session-token']).toBe(sessionToken);
    });

    it('verifies by a CRC64NVME checksum too (recorded AWS responses)', async () => {
      const crc = new Crc64Nvme();
      crc.update(body);
      replay.route = objectAnswers({ 'x-amz-checksum-crc64nvme': Buffer.from(await crc.digest()).toString('base64'), 'x-amz-checksum-type': 'FULL_OBJECT' });
      const { notes, bytes } = await download('nvme.bin');
      expect(bytes.equals(body)).toBe(true);
      expect(notes).toEqual([]);
    });

    it('fails a download whose bytes do not give the stored CRC32 (recorded AWS responses)', async () => {
      replay.route = objectAnswers({ 'x-amz-checksum-crc32': crc32Of(Buffer.from('other bytes')), 'x-amz-checksum-type': 'FULL_OBJECT' });
      await expect(download('corrupt.bin')).rejects.toThrow(
        "The download of corrupt.bin failed its integrity check: its bytes do not give the server's CRC32 checksum. Retry to download it again from the start.",
      );
    });

    it('says a download is not verified when no checksum is stored, or only a composite one (recorded AWS responses)', async () => {
      replay.route = objectAnswers({});
      const none = await download('plain.bin');
      expect(none.bytes.equals(body)).toBe(true);
      expect(none.notes).toEqual(['coreS3:notes.notVerified.noStoredChecksum']);

      replay.route = objectAnswers({ 'x-amz-checksum-crc32': `${crc32Of(Buffer.from('parts'))}-3`, 'x-amz-checksum-type': 'COMPOSITE' });
      const composite = await download('parts.bin');
      expect(composite.bytes.equals(body)).toBe(true);
      expect(composite.notes).toEqual(['coreS3:notes.notVerified.compositeChecksum']);
    });
  });

  it('copies into a directory bucket with a CRC32 and no Content-MD5 (recorded AWS responses)', async () => {
    const body = Buffer.from('copied between places');
    replay.seen = [];
    replay.route = putAnswers();
    const { target, source } = copyOf(body);
    const facts = { size: body.length, metadata: {} };
    const ctx = { signal: live(), onProgress: () => undefined };
    await target.write(`/${directory}/copied.txt`, facts, source, { ...ctx, ...extrasOf(ctx) });
    const put = replay.seen.find((s) => s.method === 'PUT')!;
    expect(put.headers['content-md5']).toBeUndefined();
    expect(put.headers['x-amz-checksum-crc32']).toBe(crc32Of(body));
    expect(put.raw.equals(body)).toBe(true);
  });
});
