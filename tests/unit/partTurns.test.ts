import { describe, expect, it } from 'vitest';
import { PartTurns } from '../../electron/core/s3/partTurns.js';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** One part as the upload worker runs it: wait for its turn, stream its chunks, end its request. */
async function sendPart(turns: PartTurns, part: number, chunks: number, log: string[]) {
  await turns.start(part);
  log.push(`open ${part}`);
  try {
    for (let chunk = 0; chunk < chunks; chunk++) {
      await sleep(2);
      log.push(`${part}`);
    }
  } finally {
    turns.finished(part);
  }
}

describe("an upload's parts under the bandwidth limit", () => {
  it('stream all at once without a limit', async () => {
    const turns = new PartTurns(() => false, new AbortController().signal);
    const log: string[] = [];
    await Promise.all([1, 2, 3].map((part) => sendPart(turns, part, 3, log)));
    expect(log.slice(0, 3)).toEqual(['open 1', 'open 2', 'open 3']);
  });

  it('open one request at a time under a limit, each after the one before has ended', async () => {
    const turns = new PartTurns(() => true, new AbortController().signal);
    const log: string[] = [];
    await Promise.all([1, 2, 3].map((part) => sendPart(turns, part, 3, log)));
    expect(log).toEqual(['open 1', '1', '1', '1', 'open 2', '2', '2', '2', 'open 3', '3', '3', '3']);
  });

  it('lets the next part go when a part fails, and every waiting part once the limit is lifted', async () => {
    let limited = true;
    const turns = new PartTurns(() => limited, new AbortController().signal);
    const log: string[] = [];
    await turns.start(1);
    const waiting = [2, 3, 4].map((part) => sendPart(turns, part, 1, log));
    await sleep(10);
    expect(log).toEqual([]);
    turns.finished(1); // part 1's request failed
    await sleep(1);
    expect(log).toEqual(['open 2']);
    limited = false;
    await Promise.all(waiting);
    expect(log.filter((l) => l.startsWith('open'))).toEqual(['open 2', 'open 3', 'open 4']);
  });

  it('stops the parts waiting for their turn when the upload is stopped', async () => {
    const controller = new AbortController();
    const turns = new PartTurns(() => true, controller.signal);
    await turns.start(1);
    const waiting = turns.start(2);
    controller.abort(new Error('paused'));
    await expect(waiting).rejects.toThrow('paused');
    turns.dispose();
  });
});
