import type { EventChannel } from '../../shared/channels.js';
import type { EventPayload } from '../../shared/contract.js';

export type EventListener = <C extends EventChannel>(channel: C, payload: EventPayload<C>) => void;

/** Main-to-renderer events: the core emits, each host (IPC, e2e bridge) forwards. */
export class EventBus {
  private listeners = new Set<EventListener>();

  emit<C extends EventChannel>(channel: C, payload: EventPayload<C>): void {
    for (const listener of this.listeners) listener(channel, payload);
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
