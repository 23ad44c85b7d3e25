/**
 * A token bucket shared by every transfer in one direction: the limit applies to the
 * queue as a whole. Up to a quarter second's worth may pass at once; a larger request
 * is paid for up front (its sender waits until the bucket would have refilled).
 */
export class BandwidthLimiter {
  private tokens = 0;
  private last = Date.now();
  private tail: Promise<void> = Promise.resolve();

  constructor(private bytesPerSecond = 0) {}

  setLimit(bytesPerSecond: number): void {
    this.bytesPerSecond = bytesPerSecond;
    this.tokens = 0;
    this.last = Date.now();
  }

  /** True while a limit is set. */
  get limited(): boolean {
    return this.bytesPerSecond > 0;
  }

  /** Resolves when `bytes` may be sent; callers are served in order. */
  take(bytes: number, signal?: AbortSignal): Promise<void> {
    if (this.bytesPerSecond <= 0) return Promise.resolve();
    const turn = this.tail.then(() => this.wait(bytes, signal));
    this.tail = turn.catch(() => undefined);
    return turn;
  }

  private async wait(bytes: number, signal?: AbortSignal): Promise<void> {
    // A caller stopped while it stood in line neither waits nor spends the bucket.
    if (signal?.aborted) throw signal.reason;
    const rate = this.bytesPerSecond;
    if (rate <= 0) return;
    const now = Date.now();
    this.tokens = Math.min(rate / 4, this.tokens + ((now - this.last) / 1000) * rate);
    this.last = now;
    this.tokens -= bytes;
    if (this.tokens >= 0) return;
    const ms = Math.ceil((-this.tokens / rate) * 1000);
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      }
      signal?.addEventListener('abort', done, { once: true });
    });
    // Time spent waiting refilled exactly the debt.
    this.tokens = Math.min(0, this.tokens + ((Date.now() - this.last) / 1000) * rate);
    this.last = Date.now();
    if (signal?.aborted) throw signal.reason;
  }
}
