/**
 * Pacing of one upload's parts under the queue's bandwidth limit. Parts stream chunk by
 * chunk through the limiter, so progress moves smoothly. While a limit is set, the parts
 * go one after another instead of all crawling along together, so each part completes,
 * and is checkpointed, in turn; and a part waits for its turn BEFORE its request opens (an
 * open request with no bytes coming would time out). Without a limit, every part streams
 * at once.
 */
export class PartTurns {
  /** Parts whose request is open. */
  private readonly streaming = new Set<number>();
  private readonly waiting: { go(): void; stop(reason: unknown): void }[] = [];
  private readonly onAbort = () => this.waiting.splice(0).forEach((w) => w.stop(this.signal.reason));

  constructor(
    private readonly limited: () => boolean,
    private readonly signal: AbortSignal,
  ) {
    signal.addEventListener('abort', this.onAbort, { once: true });
  }

  /** Resolves when `part` may open its request: at once, unless a limit is set and another part is streaming. */
  async start(part: number): Promise<void> {
    while (this.limited() && this.streaming.size > 0) await this.nextTurn();
    this.streaming.add(part);
  }

  /** `part`'s request ended (sent, failed or stopped): the next part in line may start. */
  finished(part: number): void {
    if (!this.streaming.delete(part)) return;
    // Without a limit (lifted meanwhile), every waiting part goes.
    const next = this.limited() ? this.waiting.splice(0, 1) : this.waiting.splice(0);
    for (const w of next) w.go();
  }

  /** The upload is over: nothing listens on its signal any more. */
  dispose(): void {
    this.signal.removeEventListener('abort', this.onAbort);
  }

  private nextTurn(): Promise<void> {
    if (this.signal.aborted) return Promise.reject(this.signal.reason);
    return new Promise<void>((resolve, reject) => this.waiting.push({ go: resolve, stop: reject }));
  }
}
