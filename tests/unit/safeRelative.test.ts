import { describe, expect, it } from 'vitest';
import { Gate } from '../../electron/core/lib/gate.js';
import { safeRelativePath } from '../../electron/core/lib/safeRelative.js';

describe('safeRelativePath', () => {
  it('takes plain relative paths and refuses those that leave their folder or name nothing', () => {
    expect(safeRelativePath('dir/sub/file.txt')).toBe(true);
    expect(safeRelativePath('..hidden/..a')).toBe(true);
    for (const bad of ['dir/../../x', '../x', './x', 'a//b', '/abs', 'dir/', '', 'a\\b', 'a/\0b', '..', '.']) expect(safeRelativePath(bad), bad).toBe(false);
  });
});

describe('Gate', () => {
  it('lets `limit` callers in, the next one as one leaves, and drops a waiter whose signal aborts', async () => {
    const gate = new Gate(2);
    const signal = new AbortController().signal;
    await gate.enter(signal);
    await gate.enter(signal);
    const stopped = new AbortController();
    const aborted = gate.enter(stopped.signal);
    let third = false;
    const waiting = gate.enter(signal).then(() => {
      third = true;
    });
    stopped.abort();
    await expect(aborted).rejects.toMatchObject({ kind: 'cancelled' });
    await Promise.resolve();
    expect(third).toBe(false);
    gate.leave();
    await waiting;
    expect(third).toBe(true);
  });
});
