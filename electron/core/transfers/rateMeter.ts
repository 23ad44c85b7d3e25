/** A smoothed bytes-per-second estimate from progress samples. */
export class RateMeter {
  private lastBytes = 0;
  private lastTime = 0;
  rate = 0;

  constructor(private readonly now: () => number = Date.now) {}

  reset(bytes: number): void {
    this.lastBytes = bytes;
    this.lastTime = this.now();
    this.rate = 0;
  }

  sample(bytes: number): number {
    const t = this.now();
    const dt = (t - this.lastTime) / 1000;
    if (dt >= 0.25) {
      const instant = (bytes - this.lastBytes) / dt;
      this.rate = this.rate === 0 ? instant : this.rate * 0.7 + instant * 0.3;
      this.lastBytes = bytes;
      this.lastTime = t;
    }
    return this.rate;
  }
}
