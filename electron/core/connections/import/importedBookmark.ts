/**
 * What every format's parser answers: drafts Stowage can save (secrets inside, kept in the
 * core) and, for what it cannot represent, a sentence why.
 */
import { connectionDraftSchema, type ConnectionDraft, type S3ConnectionDraft, type SftpConnectionDraft } from '../../../../shared/connections.js';
import type { BookmarkSource, ImportSkippedRow } from '../../../../shared/bookmarkImport.js';
import type { CatalogText } from '../../../../shared/i18n/catalogText.js';

export interface ImportedBookmark {
  source: BookmarkSource;
  group?: string;
  /** A draft ready to save; its secrets (if any) never leave the core. */
  draft: ConnectionDraft;
  note?: CatalogText;
}

export interface ParsedBookmarks {
  bookmarks: ImportedBookmark[];
  skipped: ImportSkippedRow[];
}

/** A parser's input: the file's text, and its own name for sentences. */
export type BookmarkParser = (text: string) => ParsedBookmarks;

/** Thrown by a parser when the whole file cannot be read as its format: a catalog sentence with `{{file}}` left to fill. */
export class BookmarkFileRefused extends Error {
  constructor(
    readonly key: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
  }
}

/** Adds the draft when it is complete, or a skipped row naming the first field it lacks. */
export function accept(into: ParsedBookmarks, source: BookmarkSource, group: string | undefined, draft: ConnectionDraft, note?: CatalogText): void {
  const checked = connectionDraftSchema.safeParse(draft);
  if (checked.success) {
    into.bookmarks.push({ source, group, draft: checked.data, note });
    return;
  }
  const field = checked.error.issues[0]?.path.join('.') ?? '';
  const host = draft.protocol === 'sftp' ? draft.host : draft.endpoint.kind === 'custom' ? draft.endpoint.url : undefined;
  into.skipped.push({ source, group, name: draft.name || host || '?', host, reason: { key: 'coreConnections:import.incomplete', params: { field } } });
}

export function unsupportedProtocol(into: ParsedBookmarks, source: BookmarkSource, row: { name: string; group?: string; host?: string }, protocol: string): void {
  into.skipped.push({ source, ...row, reason: { key: 'coreConnections:import.protocolUnsupported', params: { protocol } } });
}

const AWS_HOSTS = /^s3([.-][a-z0-9-]+)?\.amazonaws\.com$/i;

/** An S3 endpoint from a host and port: Amazon's own hosts are "AWS", any other a custom URL. */
export function s3Endpoint(host: string, port: number | undefined, secure: boolean): S3ConnectionDraft['endpoint'] {
  if (AWS_HOSTS.test(host)) return { kind: 'aws' };
  const scheme = secure ? 'https' : 'http';
  const defaultPort = secure ? 443 : 80;
  return { kind: 'custom', url: `${scheme}://${host}${port && port !== defaultPort ? `:${port}` : ''}` };
}

/** The region an AWS host names (`s3.eu-west-1.amazonaws.com`), else us-east-1. */
export function regionOf(host: string, given?: string): string {
  if (given && /^[a-z0-9-]{2,32}$/.test(given)) return given;
  const named = /^s3[.-]([a-z]{2}-[a-z]+-\d)\.amazonaws\.com$/i.exec(host);
  return named ? named[1]!.toLowerCase() : 'us-east-1';
}

/** An S3 bookmark that logs in with an access key, at a host (Amazon's or another store's), opening a bucket when one is named. */
export function s3KeysDraft(b: { name: string; host: string; port?: number; secure: boolean; region?: string; accessKeyId: string; secret?: string; bucket?: string }): S3ConnectionDraft {
  return {
    protocol: 's3',
    name: b.name,
    endpoint: s3Endpoint(b.host, b.port, b.secure),
    region: regionOf(b.host, b.region),
    forcePathStyle: !/amazonaws\.com$/i.test(b.host),
    auth: { kind: 'keys', accessKeyId: b.accessKeyId, secretAccessKey: b.secret },
    rememberSecret: true,
    bookmarkedBuckets: b.bucket ? [b.bucket] : undefined,
  };
}

/** An SFTP bookmark: port 22 unless given, its secrets remembered as the other tool did. */
export function sftpDraft(b: { name: string; host: string; port?: number; username: string; auth: SftpConnectionDraft['auth']; initialPath?: string }): SftpConnectionDraft {
  return { protocol: 'sftp', name: b.name, host: b.host, port: b.port ?? 22, username: b.username, auth: b.auth, rememberSecret: true, initialPath: b.initialPath };
}

/** A bookmark's name: the one it was given, else its host; cut to what a connection's name holds. */
export const nameOf = (given: string | undefined, host: string): string => (given?.trim() || host).slice(0, 100);

/** A port written as text, when it is one. */
export function portOf(value: string | undefined): number | undefined {
  const port = Number(value);
  return Number.isInteger(port) && port > 0 && port < 65536 ? port : undefined;
}
