/** The searches the window has running, by the id it gave each; their news goes out as `search:update`. */
import type { SearchUpdate } from '../../../shared/contract/search.js';
import type { SessionManager } from '../connections/sessionManager.js';
import { toIpcError } from '../errors.js';
import type { RemoteFileSystem } from '../fs/remoteFileSystem.js';
import { s3ErrorTranslator } from '../s3/s3Errors.js';
import { S3FileSystem } from '../s3/s3FileSystem.js';
import { sftpErrorTranslator } from '../sftp/index.js';
import { nameMatcher } from './nameMatcher.js';
import { s3SearchSource } from './s3SearchSource.js';
import { SearchRun, type SearchSource } from './searchRun.js';
import { treeWalkSource } from './treeWalkSource.js';

export interface SearchRequest {
  searchId: string;
  connectionId: string;
  path: string;
  query: string;
  caseSensitive: boolean;
  requestBudget: number;
}

function sourceFor(fs: RemoteFileSystem, path: string): SearchSource {
  return fs instanceof S3FileSystem ? s3SearchSource(fs, path) : treeWalkSource(fs, path);
}

export class SearchService {
  private readonly runs = new Map<string, SearchRun>();

  constructor(
    private readonly sessions: SessionManager,
    private readonly emit: (update: SearchUpdate) => void,
  ) {}

  /** Starts the search and returns at once; a search already running under the same id is cancelled first. */
  start(request: SearchRequest): void {
    const source = sourceFor(this.sessions.get(request.connectionId).fs, request.path);
    this.cancel(request.searchId);
    const run = new SearchRun(request.searchId, nameMatcher(request.query, request.caseSensitive), request.requestBudget, this.emit);
    this.runs.set(request.searchId, run);
    void source(run).then(
      () => this.end(run, 'done'),
      (error: unknown) => {
        if (run.signal.aborted) return this.end(run, 'cancelled');
        // Folders still being walked stop too: nothing of a failed search keeps running.
        run.cancel();
        this.end(run, 'failed', toIpcError(error, [s3ErrorTranslator, sftpErrorTranslator]));
      },
    );
  }

  proceed(searchId: string): void {
    this.runs.get(searchId)?.proceed();
  }

  cancel(searchId: string): void {
    this.runs.get(searchId)?.cancel();
  }

  private end(run: SearchRun, state: 'done' | 'cancelled' | 'failed', error?: SearchUpdate['error']): void {
    if (this.runs.get(run.searchId) === run) this.runs.delete(run.searchId);
    run.finish(state, error);
  }
}
