import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { open, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFileHashWorkers } from '../../electron/core/lib/fileHashWorkers.js';
import { makeTempDir, type TempDir } from '../support/tempDir.js';

const run = promisify(execFile);
/** This process's threads, as Linux counts them: a worker thread is one. */
const threadCount = () => Number(/^Threads:\s+(\d+)/m.exec(readFileSync('/proc/self/status', 'utf8'))![1]);
const md5 = (data: Buffer) => createHash('md5').update(data).digest('hex');

describe('the hashing workers (fileHashWorkers.ts)', () => {
  let dir: TempDir;
  let path: string;
  const data = randomBytes(3 * 1024 * 1024 + 12_345);
  beforeAll(async () => {
    dir = await makeTempDir('hash-workers');
    path = join(dir.path, 'data.bin');
    await writeFile(path, data);
  });
  const workers = createFileHashWorkers({ most: 2 });
  afterAll(async () => {
    await workers.close();
    await dir.remove();
  });

  it('answers the MD5 of each range asked, more ranges at once than there are workers', async () => {
    const file = await open(path, 'r');
    try {
      const ranges = [
        [0, data.length],
        [0, 1],
        [1024 * 1024 - 7, 1024 * 1024 + 14],
        [2 * 1024 * 1024, data.length - 2 * 1024 * 1024],
        [data.length - 1, 1],
        [5, 0],
      ] as const;
      const answers = await Promise.all(ranges.map(([start, length]) => workers.md5(file.fd, start, length)));
      expect(answers).toEqual(ranges.map(([start, length]) => md5(data.subarray(start, start + length))));
    } finally {
      await file.close();
    }
  });

  it('fails a range past the end of the file or on a closed descriptor, and goes on hashing', async () => {
    const file = await open(path, 'r');
    const fd = file.fd;
    try {
      await expect(workers.md5(fd, data.length - 10, 20)).rejects.toThrow(/ended 10 bytes early/);
    } finally {
      await file.close();
    }
    await expect(workers.md5(fd, 0, 10)).rejects.toThrow(/hashing failed: EBADF/);
    const again = await open(path, 'r');
    try {
      expect(await workers.md5(again.fd, 100, 1000)).toBe(md5(data.subarray(100, 1100)));
    } finally {
      await again.close();
    }
  });

  it('fails every waiting range once closed, so a download waiting on them never hangs', async () => {
    const own = createFileHashWorkers({ most: 1 });
    const file = await open(path, 'r');
    try {
      const asked = [0, 1, 2].map((i) => own.md5(file.fd, i * 1024, 1024).then(() => 'hashed', () => 'failed'));
      await own.close();
      const answers = await Promise.all(asked);
      // The first may have been hashed before the close; none is left waiting.
      expect(answers.slice(1)).toEqual(['failed', 'failed']);
    } finally {
      await file.close();
    }
  });

  it('stops its workers once idle, and starts one again for the next range', async () => {
    const own = createFileHashWorkers({ most: 1, idleMs: 50 });
    const file = await open(path, 'r');
    try {
      expect(await own.md5(file.fd, 0, 100)).toBe(md5(data.subarray(0, 100)));
      const before = threadCount();
      await new Promise((r) => setTimeout(r, 400));
      expect(threadCount()).toBeLessThan(before);
      expect(await own.md5(file.fd, 100, 100)).toBe(md5(data.subarray(100, 200)));
      expect(threadCount()).toBe(before);
    } finally {
      await file.close();
      await own.close();
    }
  });

  it('never keeps the process alive once its ranges are hashed', async () => {
    const module = join(process.cwd(), 'electron/core/lib/fileHashWorkers.ts');
    const script = `
      const { openSync } = await import('node:fs');
      const { fileHashWorkers } = await import(${JSON.stringify(module)});
      console.log(await fileHashWorkers().md5(openSync(${JSON.stringify(path)}, 'r'), 0, 16));`;
    const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { timeout: 20_000 });
    expect(stdout.trim()).toBe(md5(data.subarray(0, 16)));
  }, 30_000);
});
