import { randomBytes } from 'node:crypto';
import { previewErrorHeaders } from '../../../shared/contract/preview.js';
import type { SessionManager } from '../connections/sessionManager.js';
import type { ByteStream, CopyFacts } from '../copy/copyEnds.js';
import { codedError, isAppError } from '../errors.js';
import type { PreviewHead } from '../process/coreProtocol.js';
import { readSpan } from './previewReads.js';
import { parseRange } from './rangeHeader.js';

/** A grant lives this long after its last use: long enough to pause a video, short enough to be worthless later. */
export const grantIdleMs = 5 * 60_000;
/** Grants kept at once; the oldest goes first. */
const maxGrants = 32;
/** A stream nobody pulls from for this long is ended (its reader went away). */
const streamIdleMs = 60_000;

/** One file a preview may stream: where it is and the version read, so a changed file fails instead of mixing. */
export interface PreviewGrant {
  connectionId: string;
  path: string;
  facts: CopyFacts;
  contentType: string;
  /** A response header of its own: SVG documents run no script even when opened as a page. */
  sandboxed: boolean;
}

interface HeldGrant extends PreviewGrant {
  usedAt: number;
}

interface OpenStream {
  iterator: AsyncIterator<Buffer>;
  abort: AbortController;
  timer: NodeJS.Timeout;
}

/**
 * Quick Look's media streams: short-lived grants, each naming one file, and the open
 * streams of the requests the app's protocol makes of them (with Range support), pulled
 * piece by piece so S3 and SFTP are served alike and no presigned URL reaches a window.
 */
export class PreviewStreams {
  private readonly grants = new Map<string, HeldGrant>();
  private readonly streams = new Map<number, OpenStream>();
  private nextStream = 1;

  constructor(
    private readonly sessions: SessionManager,
    private readonly now: () => number = Date.now,
  ) {}

  /** A new token for `grant`, valid until it idles out or is closed. */
  grant(grant: PreviewGrant): string {
    this.dropExpired();
    while (this.grants.size >= maxGrants) this.grants.delete(this.grants.keys().next().value!);
    const token = randomBytes(32).toString('hex');
    this.grants.set(token, { ...grant, usedAt: this.now() });
    return token;
  }

  close(token: string): void {
    this.grants.delete(token);
  }

  private dropExpired(): void {
    for (const [token, grant] of this.grants) if (this.now() - grant.usedAt > grantIdleMs) this.grants.delete(token);
  }

  /**
   * Starts answering one request of `/preview/<token>`: its status and headers, and a body to
   * pull. A file that changed since the grant answers 409, one that cannot be read 502.
   */
  async openStream(token: string, rangeHeader: string | undefined): Promise<PreviewHead> {
    this.dropExpired();
    const grant = this.grants.get(token);
    if (!grant) return { status: 404, headers: previewErrorHeaders };
    grant.usedAt = this.now();
    const size = grant.facts.size;
    const range = parseRange(rangeHeader, size);
    if (range === 'unsatisfiable') return { status: 416, headers: { ...previewErrorHeaders, 'content-range': `bytes */${size}` } };
    const span = range ?? { start: 0, end: size };
    const headers: Record<string, string> = {
      'content-type': grant.contentType,
      'content-length': String(span.end - span.start),
      'accept-ranges': 'bytes',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      ...(grant.sandboxed ? { 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox" } : {}),
      ...(range ? { 'content-range': `bytes ${span.start}-${span.end - 1}/${size}` } : {}),
    };
    const status = range ? 206 : 200;
    if (span.end === span.start) return { status, headers };
    const abort = new AbortController();
    let body: ByteStream;
    try {
      body = await readSpan(this.sessions.get(grant.connectionId), grant.path, grant.facts, span.start, span.end, abort.signal);
    } catch (error) {
      return { status: isAppError(error) && error.kind === 'conflict' ? 409 : 502, headers: previewErrorHeaders };
    }
    const id = this.nextStream++;
    this.streams.set(id, { iterator: body[Symbol.asyncIterator](), abort, timer: setTimeout(() => this.cancel(id), streamIdleMs).unref() });
    return { stream: id, status, headers };
  }

  /**
   * The next piece of an open stream's body; null once it has ended. A stream that is no
   * longer open (cancelled, idle too long, already ended) fails, so its reader never takes a
   * short body for a whole one.
   */
  async pull(id: number): Promise<Buffer | null> {
    const open = this.streams.get(id);
    if (!open) throw codedError('notFound', 'corePreview:streamGone');
    open.timer.refresh();
    try {
      const next = await open.iterator.next();
      if (!next.done) return next.value;
    } catch (error) {
      this.cancel(id);
      throw error;
    }
    this.cancel(id);
    return null;
  }

  /** Ends a stream its reader no longer wants (a video seeked elsewhere, a closed preview). */
  cancel(id: number): void {
    const open = this.streams.get(id);
    if (!open) return;
    this.streams.delete(id);
    clearTimeout(open.timer);
    open.abort.abort();
    void open.iterator.return?.().catch(() => undefined);
  }

  /** Ends every stream and grant (the core is shutting down). */
  dispose(): void {
    for (const id of [...this.streams.keys()]) this.cancel(id);
    this.grants.clear();
  }
}
