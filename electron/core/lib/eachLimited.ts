/**
 * Runs `count` copies of `worker` at once. Once one fails, `stopped()` answers true to the
 * others (they should take no further work), every copy is waited for, and the first
 * failure is thrown: nothing the caller started is still going when it hears of the error.
 */
export async function allWorkers(count: number, worker: (stopped: () => boolean) => Promise<void>): Promise<void> {
  let failure: { error: unknown } | undefined;
  const stopped = () => failure !== undefined;
  await Promise.all(
    Array.from({ length: count }, () =>
      worker(stopped).catch((error: unknown) => {
        failure ??= { error };
      }),
    ),
  );
  if (failure) throw failure.error;
}

/** Runs `work` over `items` with at most `limit` running at once; no item starts after one fails (see allWorkers). */
export async function eachLimited<T>(items: T[], limit: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await allWorkers(Math.min(limit, items.length), async (stopped) => {
    while (!stopped() && next < items.length) {
      const index = next++;
      await work(items[index]!, index);
    }
  });
}
