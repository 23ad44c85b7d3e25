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

/** Space pauses what runs or waits; when nothing does, it resumes what is paused, else retries what failed. */
export function toggleCommand(list: TransferSnapshot[]): { action: TransferCommand; ids: string[] } | undefined {
  for (const action of ['pause', 'resume', 'retry'] as const) {
    const ids = targetsOf(action, list);
    if (ids.length > 0) return { action, ids };
  }
  return undefined;
}
