/**
 * One running search: counts listing requests (pausing at the budget until the user says go
 * on), matches what the source lists and hands the matches out in batches, the first one
 * at once so it is on screen while the rest is still being listed. A source may have several
 * requests out at once; the pause is told once the ones already made have answered, so what
 * they found is on screen while the search waits.
 */
import type { FileEntry } from '../../../shared/files.js';
import type { SearchState, SearchUpdate } from '../../../shared/contract/search.js';
import { throwIfAborted } from '../errors.js';
import type { NameMatcher } from './nameMatcher.js';

/** What a source (an S3 listing, a folder walk) reports to. */
export interface SearchSink {
  readonly signal: AbortSignal;
  /**
   * Call before every listing request: it is counted, and waits while the search is paused.
   * Each request it lets through ends with one `listed` or `skippedFolder`, or a throw.
   */
  beforeRequest(): Promise<void>;
  /** Whether a name matches: a source that builds its rows itself asks first and builds only the matches. */
  matches(name: string): boolean;
  /** Entries listed, all or only those `matches` kept; `scanned` is how many listed items the request brought. */
  listed(entries: Iterable<FileEntry>, scanned: number): void;
  /** A folder that could not be read; the walk goes on without it. */
  skippedFolder(): void;
}

export type SearchSource = (sink: SearchSink) => Promise<void>;

/** After the first, matches and progress go out at most this often (the core batches events too)... */
const flushEveryMs = 50;
/** ...or as soon as this many matches wait, so no one update floods the window. */
const flushAtMatches = 1000;

export class SearchRun implements SearchSink {
  private readonly controller = new AbortController();
  private pending: FileEntry[] = [];
  private scanned = 0;
  private requests = 0;
  private skipped = 0;
  private continued = false;
  private sentMatch = false;
  private lastFlush = 0;
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private inFlight = 0;
  private toldPaused = false;
  private waiters: (() => void)[] = [];

  constructor(
    readonly searchId: string,
    readonly matches: NameMatcher,
    private readonly budget: number,
    private readonly emit: (update: SearchUpdate) => void,
  ) {}

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  async beforeRequest(): Promise<void> {
    throwIfAborted(this.signal);
    while (!this.continued && this.requests >= this.budget) {
      const woken = new Promise<void>((resolve) => this.waiters.push(resolve));
      this.tellPaused();
      await woken;
      throwIfAborted(this.signal);
    }
    this.requests++;
    this.inFlight++;
  }

  listed(entries: Iterable<FileEntry>, scanned: number): void {
    for (const entry of entries) if (this.matches(entry.name)) this.pending.push(entry);
    this.scanned += scanned;
    this.answered();
  }

  skippedFolder(): void {
    this.skipped++;
    this.answered();
  }

  private answered(): void {
    this.inFlight--;
    if (this.waiters.length > 0) return this.tellPaused();
    if ((this.pending.length > 0 && !this.sentMatch) || this.pending.length >= flushAtMatches || Date.now() - this.lastFlush >= flushEveryMs) this.flush('running');
    else if (this.pending.length > 0 && !this.flushTimer) {
      // Matches never wait longer than the batch's time for the next page to bring them out.
      this.flushTimer = setTimeout(() => this.flush('running'), flushEveryMs - (Date.now() - this.lastFlush));
    }
  }

  /** The pause's update, once, when every request already made has answered. */
  private tellPaused(): void {
    if (this.toldPaused || this.inFlight > 0 || this.waiters.length === 0) return;
    this.toldPaused = true;
    this.flush('paused');
  }

  /** Lets a paused search go on to the end. */
  proceed(): void {
    this.continued = true;
    this.wake();
  }

  cancel(): void {
    this.controller.abort();
    this.wake();
  }

  /** The last update: every match not yet sent, and how it ended. */
  finish(state: Exclude<SearchState, 'running' | 'paused'>, error?: SearchUpdate['error']): void {
    this.flush(state, error);
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  private flush(state: SearchState, error?: SearchUpdate['error']): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const found = this.pending;
    this.pending = [];
    if (found.length > 0) this.sentMatch = true;
    this.lastFlush = Date.now();
    this.emit({ searchId: this.searchId, found, scanned: this.scanned, requests: this.requests, skipped: this.skipped, state, ...(error && { error }) });
  }
}
