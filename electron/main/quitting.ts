import { app } from 'electron';
import type { RemoteCore } from './remoteCore.js';

/** Longer than the core's own grace before it is killed: quitting never waits on a process that cannot answer. */
const quitCeilingMs = 15_000;

/**
 * Quitting waits for the core process to save the queue's checkpoints, then quits for real:
 * when the core has ended, or had already ended (after it gave up restarting).
 */
export function stopCoreBeforeQuit(currentCore: () => RemoteCore | undefined): void {
  let stopping = false;
  app.on('before-quit', (event) => {
    const core = currentCore();
    if (stopping || !core) return;
    event.preventDefault();
    stopping = true;
    const ceiling = new Promise<void>((resolve) => setTimeout(resolve, quitCeilingMs).unref());
    void Promise.race([core.shutdown(), ceiling]).finally(() => app.quit());
  });
}
