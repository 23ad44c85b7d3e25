import { open, readFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { maxWriteCall, SerialFileWriter } from '../../electron/core/lib/serialFileWriter.js';
import { makeTempDir, type TempDir } from '../support/tempDir.js';

/** A real file whose writes are counted while in flight, and can be made to fail or come up short. */
function watched(file: FileHandle, options: { failAt?: number; shortBy?: number } = {}) {
  const seen = { inFlight: 0, most: 0, calls: 0 };
  const write = (async (buffer: Buffer, offset: number, length: number, position: number) => {
    seen.calls++;
    seen.inFlight++;
    seen.most = Math.max(seen.most, seen.inFlight);
    try {
      await new Promise((r) => setTimeout(r, 2));
      if (position === options.failAt) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
      const short = options.shortBy && length > options.shortBy ? length - options.shortBy : length;
      return await file.write(buffer, offset, short, position);
    } finally {
      seen.inFlight--;
    }
  }) as FileHandle['write'];
  return { handle: { write } as FileHandle, seen };
}

describe('SerialFileWriter', () => {
  let dir: TempDir;
  let file: FileHandle;
  beforeEach(async () => {
    dir = await makeTempDir('serial-writer');
    file = await open(join(dir.path, 'out.bin'), 'w+');
  });
  afterEach(async () => {
    await file.close();
    await dir.remove();
  });

  it('writes pieces asked for at once one after another, each where it belongs', async () => {
    const { handle, seen } = watched(file);
    const writer = new SerialFileWriter(handle);
    const pieces = Array.from({ length: 12 }, (_, i) => Buffer.alloc(1000, 65 + i));
    await Promise.all(pieces.map((piece, i) => writer.write(piece, piece.length, (11 - i) * 1000)));
    expect(seen.most).toBe(1);
    const written = await readFile(join(dir.path, 'out.bin'));
    expect(written.length).toBe(12_000);
    for (let i = 0; i < 12; i++) expect(written[(11 - i) * 1000]).toBe(65 + i);
  });

  it('finishes a short write with another call', async () => {
    const { handle, seen } = watched(file, { shortBy: 300 });
    await new SerialFileWriter(handle).write(Buffer.alloc(1000, 7), 1000, 0);
    expect(seen.calls).toBe(2);
    expect(await readFile(join(dir.path, 'out.bin'))).toEqual(Buffer.alloc(1000, 7));
  });

  it('hands the kernel at most maxWriteCall bytes per call, in order', async () => {
    const { handle, seen } = watched(file);
    const block = Buffer.from(Array.from({ length: 2.5 * maxWriteCall }, (_, i) => i % 251));
    await new SerialFileWriter(handle).write(block, block.length, 10);
    expect(seen.calls).toBe(3);
    // Buffer.equals: toEqual compares 640 KiB one byte at a time, which can take seconds.
    expect((await readFile(join(dir.path, 'out.bin'))).subarray(10).equals(block)).toBe(true);
  });

  it('fails only the write that failed; the ones queued behind it still land', async () => {
    const { handle } = watched(file, { failAt: 1000 });
    const writer = new SerialFileWriter(handle);
    const results = await Promise.allSettled([0, 1000, 2000].map((at) => writer.write(Buffer.alloc(1000, 1), 1000, at)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason.code).toBe('ENOSPC');
    const written = await readFile(join(dir.path, 'out.bin'));
    expect(written[0]).toBe(1);
    expect(written[2000]).toBe(1);
  });
});
