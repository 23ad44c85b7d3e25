import { coreMessage } from '../../../shared/i18n/englishMessages.js';
import type { TransferSnapshot, TransferState } from '../../../shared/transfers.js';

/** What the queue does to a transfer. */
export type Move = 'restore' | 'queue' | 'start' | 'pause' | 'cancel' | 'ask' | 'complete' | 'fail';

interface Transition {
  /** The states the move may start from. */
  from: readonly TransferState[];
  to: TransferState;
  /** What else the move writes: a transfer that stops moving has no rate and no time left. */
  writes(s: TransferSnapshot, now: number): Partial<TransferSnapshot>;
}

const stopped = { rate: 0, etaSeconds: undefined } as const;

/**
 * Every state change of a transfer, in one place: the queue asks `canMove` before acting on
 * a user's command, and `move` writes the new state with what goes with it.
 */
const transitions: Record<Move, Transition> = {
  // A restart finds what was moving stopped: it comes back paused, to be resumed.
  restore: { from: ['queued', 'running', 'waiting'], to: 'paused', writes: () => ({ ...stopped, detail: [coreMessage('coreTransfers:notes.stoppedOnClose')] }) },
  // Resumed, retried, or answered: a fresh start keeps its checkpoint but not its last error.
  queue: {
    from: ['paused', 'failed', 'cancelled', 'waiting'],
    to: 'queued',
    writes: () => ({ ...stopped, error: undefined, finishedAt: undefined, retries: 0 }),
  },
  start: { from: ['queued'], to: 'running', writes: () => ({}) },
  pause: { from: ['queued', 'running', 'waiting'], to: 'paused', writes: () => ({ ...stopped, conflict: undefined }) },
  // A failed transfer may be cancelled too: that discards the partial work it kept for a retry.
  cancel: {
    from: ['queued', 'running', 'waiting', 'paused', 'failed'],
    to: 'cancelled',
    writes: (_, now) => ({ ...stopped, conflict: undefined, finishedAt: now }),
  },
  // Its target exists and the user is asked; the conflict is set beside the state.
  ask: { from: ['running'], to: 'waiting', writes: () => ({}) },
  // A completed transfer has moved all its bytes, however many it was first thought to have.
  complete: {
    from: ['running'],
    to: 'completed',
    writes: (s, now) => {
      const size = s.size ?? s.bytesDone;
      return { size, bytesDone: size, etaSeconds: 0, rate: 0, finishedAt: now };
    },
  },
  fail: { from: ['running'], to: 'failed', writes: (_, now) => ({ rate: 0, finishedAt: now }) },
};

export function canMove(s: TransferSnapshot, move: Move): boolean {
  return transitions[move].from.includes(s.state);
}

/** Writes the move's state and what goes with it (the caller has checked `canMove` where a user's command asks for it). */
export function move(s: TransferSnapshot, move: Move, now = Date.now()): void {
  const t = transitions[move];
  Object.assign(s, t.writes(s, now), { state: t.to });
}
