import { z } from 'zod';
import type { FileEntry } from '../files.js';
import type { IpcError } from '../errors.js';
import { event, op } from './define.js';
import { id, remotePath } from './fields.js';

/** Where a search is: `paused` waits for `search:continue` after its budget of listing requests. */
export type SearchState = 'running' | 'paused' | 'done' | 'cancelled' | 'failed';

/**
 * A search's news: the matches found since the last update (only new ones), and running
 * totals of the entries looked at and the listing requests made so far.
 */
export interface SearchUpdate {
  searchId: string;
  found: FileEntry[];
  scanned: number;
  requests: number;
  state: SearchState;
  /** Folders that could not be read (SFTP: no permission); the search goes on without them. */
  skipped: number;
  error?: IpcError;
}

/** Searching a bucket, a prefix or an SFTP folder tree by name; results stream as `search:update` events. */
export const searchOperations = {
  /**
   * Starts a search under `path` and answers at once. `query` matches names as a substring, or
   * as a glob when it holds `*`, `?` or `[`. After `requestBudget` listing requests it pauses.
   */
  'search:start': op<void>()(
    z.object({
      searchId: id,
      connectionId: id,
      path: remotePath,
      query: z.string().min(1).max(1024),
      caseSensitive: z.boolean().default(false),
      requestBudget: z.number().int().min(1).max(1_000_000).default(100),
    }),
  ),
  /** Lets a paused search go on to the end. */
  'search:continue': op<void>()(z.object({ searchId: id })),
  /** Stops a search; its last update says `cancelled`. Unknown or finished ids are ignored. */
  'search:cancel': op<void>()(z.object({ searchId: id })),
};

export const searchEvents = {
  'search:update': event<SearchUpdate>(),
};
