import { describe, expect, it } from 'vitest';
import { allWorkers, eachLimited } from '../../electron/core/lib/eachLimited.js';

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('eachLimited', () => {
  it('runs every item, never more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const seen: number[] = [];
    await eachLimited([...Array(20).keys()], 3, async (item, index) => {
      running++;
      most = Math.max(most, running);
      await tick();
      seen.push(item * 100 + index);
      running--;
    });
    expect(most).toBe(3);
    expect(seen.sort((a, b) => a - b)).toEqual([...Array(20).keys()].map((i) => i * 101));
  });

  it('starts nothing after a failure, and throws only once the running items have stopped', async () => {
    const started: number[] = [];
    const finished: number[] = [];
    const outcome = eachLimited([...Array(10).keys()], 3, async (item) => {
      started.push(item);
      await tick();
      if (item === 1) throw new Error('item 1 failed');
      await tick();
      finished.push(item);
    });
    await expect(outcome).rejects.toThrow('item 1 failed');
    // Items 0 and 2 were already running with 1: they finish; nothing else starts.
    expect(started).toEqual([0, 1, 2]);
    expect(finished.sort()).toEqual([0, 2]);
    await new Promise((r) => setTimeout(r, 30));
    expect(started).toEqual([0, 1, 2]);
  });

  it('throws the first failure when several fail', async () => {
    const outcome = eachLimited([1, 2, 3], 3, async (item) => {
      await new Promise((r) => setTimeout(r, item * 5));
      throw new Error(`item ${item} failed`);
    });
    await expect(outcome).rejects.toThrow('item 1 failed');
  });

  it('does nothing for no items', async () => {
    let calls = 0;
    await eachLimited([], 4, async () => void calls++);
    expect(calls).toBe(0);
  });
});

describe('allWorkers', () => {
  it('tells the other workers to stop once one fails, waits for them, then throws that failure', async () => {
    const queue = [...Array(12).keys()];
    const taken: number[] = [];
    let stillRunning = 0;
    const outcome = allWorkers(3, async (stopped) => {
      stillRunning++;
      try {
        for (let item = queue.shift(); item !== undefined && !stopped(); item = queue.shift()) {
          taken.push(item);
          await tick();
          if (item === 4) throw new Error('item 4 failed');
        }
      } finally {
        stillRunning--;
      }
    });
    await expect(outcome).rejects.toThrow('item 4 failed');
    expect(stillRunning).toBe(0);
    // The workers still busy when item 4 failed finished their item, then took no more.
    expect(taken.length).toBeLessThan(8);
    expect(queue.length).toBe(12 - taken.length - 2); // each of the two others shifted one item and saw stopped()
  });
});
