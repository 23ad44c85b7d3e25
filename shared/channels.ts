/** The names of every IPC operation and event, from the contract. */
import { events, operations, type EventChannel, type InvokeChannel } from './contract.js';

export type { EventChannel, InvokeChannel } from './contract.js';

export const invokeChannels = Object.keys(operations) as InvokeChannel[];
export const eventChannels = Object.keys(events) as EventChannel[];

export function isInvokeChannel(value: unknown): value is InvokeChannel {
  return typeof value === 'string' && Object.hasOwn(operations, value);
}

export function isEventChannel(value: unknown): value is EventChannel {
  return typeof value === 'string' && Object.hasOwn(events, value);
}
