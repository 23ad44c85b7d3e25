/**
 * Tells when an in-page drag has left the window. The page sees `dragleave` with no
 * `relatedTarget` both when the pointer leaves the window and when the drag is cancelled
 * inside it; only in the first case do no `dragover` events follow (the page gets them every
 * few tens of milliseconds while the pointer is over it). So a leave counts once it stayed
 * quiet for `graceMs`, or when the drag ended outside the window.
 */
export interface LeaveTimers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: LeaveTimers = { set: (run, ms) => setTimeout(run, ms), clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) };

export class LeaveWatch {
  private pending: unknown;
  private fired = false;
  private ended = false;

  constructor(
    private readonly onLeft: () => void,
    private readonly graceMs = 150,
    private readonly timers: LeaveTimers = realTimers,
  ) {}

  /** `dragleave` anywhere in the page; `toNowhere`: it has no relatedTarget. */
  leave(toNowhere: boolean): void {
    if (!toNowhere || this.fired || this.ended) return;
    this.cancel();
    this.pending = this.timers.set(() => this.fire(), this.graceMs);
  }

  /** `dragenter` or `dragover` anywhere in the page: the pointer is over the window. */
  over(): void {
    this.cancel();
  }

  /** `dragend`; `outside`: it ended outside the window without a drop. */
  end(outside: boolean): void {
    this.cancel();
    if (outside) this.fire();
    this.ended = true;
  }

  private cancel(): void {
    if (this.pending !== undefined) this.timers.clear(this.pending);
    this.pending = undefined;
  }

  private fire(): void {
    this.pending = undefined;
    if (this.fired || this.ended) return;
    this.fired = true;
    this.onLeft();
  }
}

/** True when a point (client coordinates) lies outside a viewport of `width` × `height`. */
export function outsideViewport(x: number, y: number, width: number, height: number): boolean {
  return x < 0 || y < 0 || x >= width || y >= height;
}
