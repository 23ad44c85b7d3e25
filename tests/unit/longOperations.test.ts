import { describe, expect, it } from 'vitest';
import type { FsProgress } from '../../shared/contract/fs.js';
import { LongOperations } from '../../electron/core/fs/longOperations.js';
import { AppError } from '../../electron/core/errors.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('long copy/move/delete progress and cancel', () => {
  it('sends at most ~10 progress events a second, then the final count', async () => {
    const sent: FsProgress[] = [];
    const ops = new LongOperations((p) => sent.push(p));
    const started = Date.now();
    await ops.run('op-1', 'copy', {
      count: async () => 400,
      run: async (onProgress) => {
        for (let done = 1; done <= 400; done++) {
          onProgress(done);
          if (done % 4 === 0) await tick();
        }
      },
    });
    const seconds = (Date.now() - started) / 1000;
    expect(sent[0]).toEqual({ operationId: 'op-1', verb: 'copy', done: 0, total: 400 });
    expect(sent.at(-1)).toEqual({ operationId: 'op-1', verb: 'copy', done: 400, total: 400 });
    // Start and end, plus no more than one per 100 ms in between.
    expect(sent.length - 2).toBeLessThanOrEqual(Math.ceil(seconds * 10) + 1);
    expect(sent.length).toBeGreaterThan(2);
  });

  it('cancel aborts the signal and the operation fails as cancelled; without an id nothing is sent', async () => {
    const sent: FsProgress[] = [];
    const ops = new LongOperations((p) => sent.push(p));
    const running = ops.run('op-2', 'delete', {
      count: async () => 10,
      run: (_onProgress, signal) =>
        new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' })))),
    });
    await tick();
    ops.cancel('op-2');
    const error = await running.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ kind: 'cancelled' });
    expect((error as Error).message).toMatch(/Delete cancelled/);

    sent.length = 0;
    await expect(ops.run(undefined, 'copy', { count: async () => 1, run: async (onProgress) => (onProgress(1), 'ok') })).resolves.toBe('ok');
    expect(sent).toEqual([]);
  });
});
