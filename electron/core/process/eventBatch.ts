type Entry = [channel: string, payload: unknown];

/**
 * The core's events on their way to main, gathered into one message. A transfer's newer
 * snapshot replaces its older one still waiting in the batch (a folder of 2,000 small files
 * changes state some 6,000 times within seconds, and main only needs the latest); it moves
 * to the end, so nothing sent before it in the batch can undo it.
 */
export class EventBatch {
  private entries: (Entry | undefined)[] = [];
  private readonly changedAt = new Map<string, number>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  add(channel: string, payload: unknown): void {
    if (channel === 'transfers:changed') {
      const id = (payload as { id: string }).id;
      const at = this.changedAt.get(id);
      if (at !== undefined) {
        this.entries[at] = undefined;
        this.count--;
      }
      this.changedAt.set(id, this.entries.length);
    }
    this.entries.push([channel, payload]);
    this.count++;
  }

  /** The batch so far, in order; the batch starts empty again. */
  take(): Entry[] {
    const taken = this.entries.filter((e): e is Entry => e !== undefined);
    this.entries = [];
    this.changedAt.clear();
    this.count = 0;
    return taken;
  }
}
