/**
 * Listing every key under a prefix with several listers at once. The first page comes from one
 * plain listing; while a range still has keys after a page and a lister is free, the rest of the
 * range is cut (`keyRanges.ts`) and the pieces go to the free listers, so the work spreads out as
 * it is found (the keys' spread is unknown in advance). Each lister also asks for its next page
 * before handing the page it has over, so one request is always on its way.
 */
import { compareKeys } from '../../../shared/s3KeyOrder.js';
import { cutRange, splitPoints, type KeyRange } from './keyRanges.js';

export interface ListedPage<T> {
  /** Keys in S3's order, all after the range's start. */
  objects: T[];
  /** More keys follow the last one. */
  truncated: boolean;
}

export interface RangeListing<T> {
  /** One listing request: the keys after `after` (from the prefix's start when absent). */
  page(after: string | undefined): Promise<ListedPage<T>>;
  /** The keys of one page that belong to its range: each key of the prefix comes here exactly once. */
  take(objects: T[]): void;
  /** How many requests may be under way at once. */
  listers: number;
  /** The prefix every key starts with (no split point is made inside it). */
  prefix: string;
}

export async function listInRanges<T extends { key: string }>(listing: RangeListing<T>): Promise<void> {
  const waiting: KeyRange[] = [{}];
  let busy = 0;
  await new Promise<void>((resolve, reject) => {
    let failed = false;
    const start = () => {
      while (!failed && busy < listing.listers && waiting.length > 0) {
        busy++;
        listRange(waiting.shift()!).then(
          () => {
            busy--;
            if (busy === 0 && waiting.length === 0) resolve();
            else start();
          },
          (error: unknown) => {
            failed = true;
            reject(error);
          },
        );
      }
    };

    const listRange = async (range: KeyRange): Promise<void> => {
      let upTo = range.upTo;
      let next = listing.page(range.after);
      for (;;) {
        const page = await next;
        // Another lister failed: the search is over, and nothing more is asked.
        if (failed) return;
        let objects = page.objects;
        let more = page.truncated && objects.length > 0;
        if (upTo !== undefined) {
          const end = upTo;
          const beyond = objects.findIndex((o) => compareKeys(o.key, end) > 0);
          if (beyond !== -1) {
            objects = objects.slice(0, beyond);
            more = false;
          }
        }
        if (more) {
          const lastKey = objects.at(-1)!.key;
          const free = listing.listers - busy - waiting.length;
          if (free > 0) {
            const points = splitPoints(objects.map((o) => o.key), upTo, listing.prefix, free + 1);
            const [mine, ...others] = cutRange(lastKey, upTo, points);
            upTo = mine!.upTo;
            waiting.push(...others);
          }
          next = listing.page(lastKey);
          start();
        }
        // The next request is on its way while this page is matched and sent.
        listing.take(objects);
        if (!more) return;
      }
    };

    start();
  });
}
