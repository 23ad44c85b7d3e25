import { cancelledError } from '../errors.js';

/** Lets at most `limit` callers in at once, the others in the order they came; a caller whose signal aborts stops waiting. */
export class Gate {
  private inside = 0;
  private readonly waiting: { go: () => void }[] = [];

  constructor(private readonly limit: number) {}

  async enter(signal: AbortSignal): Promise<void> {
    if (signal.aborted) throw cancelledError();
    if (this.inside < this.limit) {
      this.inside++;
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const waiter = {
        go: () => {
          signal.removeEventListener('abort', stop);
          this.inside++;
          resolve();
        },
      };
      const stop = () => {
        const at = this.waiting.indexOf(waiter);
        if (at >= 0) this.waiting.splice(at, 1);
        reject(cancelledError());
      };
      signal.addEventListener('abort', stop, { once: true });
      this.waiting.push(waiter);
    });
  }

  leave(): void {
    this.inside--;
    this.waiting.shift()?.go();
  }
}
