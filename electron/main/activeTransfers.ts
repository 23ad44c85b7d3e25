import type { EventChannel } from '../../shared/channels.js';
import { finishedStates, type TransferProgress, type TransferSnapshot } from '../../shared/transfers.js';

/**
 * The unfinished part of the queue, kept from the core's events, for main's taskbar bar:
 * asking the core process for the whole list would copy every transfer across the pipe
 * each time, thousands of them for a dropped folder.
 */
export class ActiveTransfers {
  private readonly active = new Map<string, TransferSnapshot>();

  /** Takes one core event; answers true when it was about transfers. */
  apply(channel: EventChannel, payload: unknown): boolean {
    if (channel === 'transfers:changed') {
      this.put(payload as TransferSnapshot);
      return true;
    }
    if (channel === 'transfers:progress') {
      for (const p of payload as TransferProgress[]) {
        const known = this.active.get(p.id);
        if (known) this.active.set(p.id, { ...known, bytesDone: p.bytesDone, size: p.size ?? known.size, state: p.state });
      }
      return true;
    }
    return false;
  }

  list(): TransferSnapshot[] {
    return [...this.active.values()];
  }

  private put(snapshot: TransferSnapshot): void {
    if (finishedStates.includes(snapshot.state)) this.active.delete(snapshot.id);
    else this.active.set(snapshot.id, snapshot);
  }
}
