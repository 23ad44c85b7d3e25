/** Which transfers each command applies to, and what the keyboard's Space does to a selection. */
import { underwayStates, type TransferSnapshot, type TransferState } from '../../../../shared/transfers.js';
import type { TransferCommand } from './transferActions.js';

const appliesTo: Record<TransferCommand, readonly TransferState[]> = {
  pause: underwayStates,
  resume: ['paused'],
  cancel: [...underwayStates, 'paused', 'failed'],
  retry: ['failed', 'cancelled'],
};

export function targetsOf(action: TransferCommand, list: TransferSnapshot[]): string[] {
  return list.filter((t) => appliesTo[action].includes(t.state)).map((t) => t.id);
}

/**
 * What the panel's "… all" buttons act on. Retry all restarts what failed, never what the
 * user cancelled: a cancelled transfer starts again only when the user picks it.
 */
export function allTargetsOf(action: TransferCommand, list: TransferSnapshot[]): string[] {
  return action === 'retry' ? list.filter((t) => t.state === 'failed').map((t) => t.id) : targetsOf(action, list);
}

/**
 * What a row's own Retry restarts: the user picked the row, so its cancelled transfers may
 * restart too; but a folder row with failed files retries those and leaves what the user
 * cancelled inside it alone.
 */
export function pickedRetryTargets(list: TransferSnapshot[]): string[] {
  const failed = list.filter((t) => t.state === 'failed').map((t) => t.id);
  return failed.length > 0 ? failed : targetsOf('retry', list);
}

/** Space pauses what runs or waits; when nothing does, it resumes what is paused, else retries what the user picked (see pickedRetryTargets). */
export function toggleCommand(list: TransferSnapshot[]): { action: TransferCommand; ids: string[] } | undefined {
  for (const action of ['pause', 'resume', 'retry'] as const) {
    const ids = action === 'retry' ? pickedRetryTargets(list) : targetsOf(action, list);
    if (ids.length > 0) return { action, ids };
  }
  return undefined;
}
