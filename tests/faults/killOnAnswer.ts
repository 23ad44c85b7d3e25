// A crash moment the S3 cases share: the relay holds RGW's answer to one request on the
// object, the core is killed before it hears that answer, then the answer is dropped.
import type { CountingS3Relay } from '../support/countingS3Relay.js';
import { within, type CrashableCore, type JobWatch } from './crashHarness.js';

/** When to kill, given the running core, its events, the job and the object's key. */
export type Moment = (h: CrashableCore, watch: JobWatch, id: string, key: string) => Promise<void>;

/** Kills the core as RGW answers the request on `/bucket/key` that `pick` matches. */
export const killOnAnswer =
  (relay: CountingS3Relay, bucket: string, pick: (method: string, query: URLSearchParams, status: number | undefined) => boolean): Moment =>
  async (h, _watch, _id, key) => {
    let killed: Promise<void> | undefined;
    const hit = new Promise<void>((resolve) =>
      relay.holdAnswers(async (r) => {
        if (killed || r.path !== `/${bucket}/${key}` || !pick(r.method, r.query, r.status)) return;
        killed = h.kill();
        await killed;
        resolve();
      }),
    );
    try {
      await within(hit, 120_000, 'the awaited answer');
    } finally {
      relay.holdAnswers(undefined);
    }
  };
