import { describe, expect, it } from 'vitest';
import type { TransferSnapshot, TransferState } from '../../shared/transfers.js';
import { canMove, move } from '../../electron/core/transfers/queueStates.js';

const snapshot = (state: TransferState, extra: Partial<TransferSnapshot> = {}): TransferSnapshot => ({
  id: 'a',
  direction: 'upload',
  connectionId: 'c',
  localPath: '/tmp/a',
  remotePath: '/b/a',
  name: 'a',
  bytesDone: 10,
  rate: 5,
  etaSeconds: 3,
  state,
  createdAt: 0,
  ...extra,
});

describe('transfer state moves', () => {
  it('lets a user pause only what is underway, and cancel a failed transfer too', () => {
    expect(['queued', 'running', 'waiting'].every((s) => canMove(snapshot(s as TransferState), 'pause'))).toBe(true);
    expect(canMove(snapshot('completed'), 'pause')).toBe(false);
    expect(canMove(snapshot('failed'), 'cancel')).toBe(true);
    expect(canMove(snapshot('completed'), 'cancel')).toBe(false);
    expect(canMove(snapshot('paused'), 'restore')).toBe(false);
  });

  it('writes what goes with each state', () => {
    const cancelled = snapshot('running', { conflict: undefined });
    move(cancelled, 'cancel', 42);
    expect(cancelled).toMatchObject({ state: 'cancelled', rate: 0, etaSeconds: undefined, finishedAt: 42 });
    const done = snapshot('running', { size: undefined });
    move(done, 'complete', 7);
    expect(done).toMatchObject({ state: 'completed', size: 10, bytesDone: 10, etaSeconds: 0, rate: 0, finishedAt: 7 });
    const again = snapshot('failed', { retries: 2, finishedAt: 1 });
    move(again, 'queue');
    expect(again).toMatchObject({ state: 'queued', retries: 0, finishedAt: undefined, error: undefined, rate: 0 });
  });
});
