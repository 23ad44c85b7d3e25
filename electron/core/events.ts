import type { EventChannel } from '../../shared/channels.js';
import type { EventPayload } from '../../shared/contract.js';
import { messageOf } from './errors.js';

export type EventListener = <C extends EventChannel>(channel: C, payload: EventPayload<C>) => void;

/**
 * Events for the windows: the core emits, each host (the core process's pipe to main, the
 * e2e bridge) forwards, and main's copy of the bus hands them to IPC.
 * A listener that throws is reported and skipped for that event only: the other listeners,
 * and the rest of a batch being emitted, still get theirs, and nothing reaches the emitter
 * (in Electron's main process an uncaught error becomes an error dialog).
 */
export class EventBus {
  private listeners = new Set<EventListener>();

  constructor(private readonly report: (line: string) => void = (line) => console.error(line)) {}

  emit<C extends EventChannel>(channel: C, payload: EventPayload<C>): void {
    for (const listener of this.listeners) {
      try {
        listener(channel, payload);
      } catch (error) {
        this.report(`a listener of ${channel} failed: ${messageOf(error)}`);
      }
    }
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
