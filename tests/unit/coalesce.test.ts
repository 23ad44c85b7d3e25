import { describe, expect, it } from 'vitest';
import { coalesce } from '../../renderer/src/state/coalesce.js';

describe('coalescing bursts of events in the renderer', () => {
  it('delivers a burst once, in arrival order, after the delay', async () => {
    const deliveries: number[][] = [];
    const c = coalesce<number>((items) => deliveries.push(items), 20);
    for (let i = 0; i < 1000; i++) c.push(i);
    expect(deliveries).toEqual([]);
    await new Promise((r) => setTimeout(r, 40));
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });

  it('flush delivers what waits at once and nothing twice', async () => {
    const deliveries: string[][] = [];
    const c = coalesce<string>((items) => deliveries.push(items), 20);
    c.push('a');
    c.flush();
    c.flush();
    expect(deliveries).toEqual([['a']]);
    await new Promise((r) => setTimeout(r, 40));
    expect(deliveries).toEqual([['a']]);
    c.push('b');
    await new Promise((r) => setTimeout(r, 40));
    expect(deliveries).toEqual([['a'], ['b']]);
  });
});
