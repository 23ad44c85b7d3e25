/**
 * Long folder copies, moves and deletes: counts what they will touch, reports progress at
 * most ~10 times a second, and lets the renderer cancel them by the id it chose.
 */
import type { FsProgress } from '../../../shared/contract/fs.js';
import { codedError, throwIfAborted, type AppError } from '../errors.js';

/** At most one progress event per this many milliseconds (the final count always goes out). */
export const progressIntervalMs = 100;

type Verb = FsProgress['verb'];

export interface LongOperationHooks<T> {
  /** Counts the items the operation will touch (the progress bar's 100%). */
  count(signal: AbortSignal): Promise<number>;
  run(onProgress: (done: number) => void, signal: AbortSignal): Promise<T>;
}

export class LongOperations {
  private running = new Map<string, AbortController>();

  constructor(private emit: (progress: FsProgress) => void) {}

  /** Runs `hooks` under `operationId`; without an id it just runs, silently and uncancellable. */
  async run<T>(operationId: string | undefined, verb: Verb, hooks: LongOperationHooks<T>): Promise<T> {
    const controller = new AbortController();
    if (!operationId) return hooks.run(() => {}, controller.signal);
    if (this.running.has(operationId)) throw codedError('invalidInput', 'coreFs:operationIdInUse');
    this.running.set(operationId, controller);
    const { signal } = controller;
    try {
      const total = await hooks.count(signal);
      let done = 0;
      let sentAt = 0;
      const send = () => {
        sentAt = Date.now();
        this.emit({ operationId, verb, done, total: Math.max(total, done) });
      };
      send();
      const result = await hooks.run((now) => {
        done = now;
        if (Date.now() - sentAt >= progressIntervalMs) send();
      }, signal);
      throwIfAborted(signal);
      // The count is an estimate (folder markers may or may not exist): the end is the truth.
      this.emit({ operationId, verb, done, total: done });
      return result;
    } catch (error) {
      if (signal.aborted) throw verbCancelled(verb);
      throw error;
    } finally {
      this.running.delete(operationId);
    }
  }

  /** Stops the operation; unknown ids (already finished) are fine. */
  cancel(operationId: string): void {
    this.running.get(operationId)?.abort();
  }
}

function verbCancelled(verb: Verb): AppError {
  if (verb === 'delete') return codedError('cancelled', 'coreFs:cancelled.delete');
  if (verb === 'move') return codedError('cancelled', 'coreFs:cancelled.move');
  return codedError('cancelled', 'coreFs:cancelled.copy');
}
