import type { IpcError } from '../../../shared/errors.js';

/** Network errors, 5xx and throttling are worth another try; everything else is not. */
export function isRetryable(error: IpcError): boolean {
  return error.kind === 'network';
}

/** 1 s, 2 s, 4 s ... capped, with up to 20 % jitter so a crowd of transfers spreads out. */
export function backoffMs(attempt: number, baseMs: number, maxMs = 30_000): number {
  const plain = Math.min(maxMs, baseMs * 2 ** attempt);
  return Math.round(plain * (1 + Math.random() * 0.2));
}

/** Waits `ms` unless the signal aborts first (then resolves early; the caller checks). */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
