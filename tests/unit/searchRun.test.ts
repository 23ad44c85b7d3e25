import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SearchUpdate } from '../../shared/contract/search.js';
import type { FileEntry } from '../../shared/files.js';
import { nameMatcher } from '../../electron/core/search/nameMatcher.js';
import { SearchRun } from '../../electron/core/search/searchRun.js';

const file = (name: string): FileEntry => ({ name, path: `/b/${name}`, kind: 'file', size: 1 });
const files = (n: number, from = 0) => Array.from({ length: n }, (_, i) => file(`hit-${from + i}`));

describe('a running search hands matches out in batches', () => {
  let updates: SearchUpdate[];
  const run = (budget = 100) => new SearchRun('s', nameMatcher('hit', false), budget, (u) => updates.push(u));
  beforeEach(() => {
    updates = [];
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('sends the first match at once, then batches what follows, sending it within 50 ms even with no page after it', async () => {
    const r = run();
    await r.beforeRequest();
    r.listed([file('hit-a')], 1000);
    expect(updates).toHaveLength(1);
    expect(updates[0]!.found.map((e) => e.name)).toEqual(['hit-a']);
    await r.beforeRequest();
    r.listed([file('hit-b'), file('miss')], 1000);
    await r.beforeRequest();
    r.listed([file('hit-c')], 1000);
    expect(updates).toHaveLength(1);
    vi.advanceTimersByTime(50);
    expect(updates).toHaveLength(2);
    expect(updates[1]).toMatchObject({ state: 'running', scanned: 3000, requests: 3 });
    expect(updates[1]!.found.map((e) => e.name)).toEqual(['hit-b', 'hit-c']);
  });

  it('sends a thousand waiting matches at once, so no update floods the window', async () => {
    const r = run();
    await r.beforeRequest();
    r.listed(files(1), 1);
    await r.beforeRequest();
    r.listed(files(999, 1), 999);
    expect(updates).toHaveLength(1);
    await r.beforeRequest();
    r.listed(files(1, 1000), 1);
    expect(updates).toHaveLength(2);
    expect(updates[1]!.found).toHaveLength(1000);
  });

  it('says paused only once the requests already made have answered, with what they found', async () => {
    const r = run(2);
    await r.beforeRequest();
    await r.beforeRequest();
    // Both requests are out; a third lister waits at the budget.
    let third = false;
    void r.beforeRequest().then(() => (third = true));
    await Promise.resolve();
    expect(updates.filter((u) => u.state === 'paused')).toHaveLength(0);
    r.listed(files(1), 1000);
    expect(updates.filter((u) => u.state === 'paused')).toHaveLength(0);
    r.listed(files(2, 10), 1000);
    const paused = updates.filter((u) => u.state === 'paused');
    expect(paused).toHaveLength(1);
    expect(paused[0]).toMatchObject({ requests: 2, scanned: 2000 });
    expect(updates.flatMap((u) => u.found)).toHaveLength(3);
    expect(third).toBe(false);
    r.proceed();
    await vi.waitFor(() => expect(third).toBe(true));
    expect(updates.at(-1)!.state).toBe('paused');
    r.listed([], 5);
    r.finish('done');
    expect(updates.at(-1)).toMatchObject({ state: 'done', requests: 3, scanned: 2005 });
  });
});
