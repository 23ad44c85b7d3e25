import { messageOf } from '../errors.js';
import type { Reply } from './coreProtocol.js';

/** Requests sent across the pipe that wait for their reply, by id. */
export class PendingReplies {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

  /** Sends with a fresh id (through `send`) and resolves with the reply's value. */
  request(send: (id: number) => void): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      try {
        send(id);
      } catch (error) {
        this.waiting.delete(id);
        reject(error as Error);
      }
    });
  }

  settle(reply: Reply): void {
    const entry = this.waiting.get(reply.id);
    if (!entry) return;
    this.waiting.delete(reply.id);
    if (reply.ok) entry.resolve(reply.value);
    else entry.reject(new Error(reply.message));
  }

  /** The other side is gone: nothing will answer. */
  failAll(message: string): void {
    const entries = [...this.waiting.values()];
    this.waiting.clear();
    for (const entry of entries) entry.reject(new Error(message));
  }
}

/** Runs `work` and answers its outcome as a reply (errors by message only: no stacks cross). */
export async function replyTo(id: number, work: () => Promise<unknown>): Promise<Reply> {
  try {
    return { id, ok: true, value: await work() };
  } catch (error) {
    return { id, ok: false, message: messageOf(error) };
  }
}
