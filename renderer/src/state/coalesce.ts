/**
 * Gathers items that arrive in bursts and hands them over together, at most once per
 * `delayMs`: a dropped folder of thousands of files sends thousands of snapshots a
 * second, and each store update re-renders the transfers panel.
 */
export function coalesce<T>(deliver: (items: T[]) => void, delayMs = 50) {
  let pending: T[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (pending.length === 0) return;
    const items = pending;
    pending = [];
    deliver(items);
  };
  return {
    push(item: T) {
      pending.push(item);
      timer ??= setTimeout(flush, delayMs);
    },
    /** Delivers what is waiting now (before something that must see it). */
    flush,
  };
}
