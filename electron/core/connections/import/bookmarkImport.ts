/**
 * Importing bookmarks: a preview of what the picked files hold (no secret in it, only
 * `hasSecret`), kept in the core until the user commits the rows they ticked; the commit
 * saves them through the connection store, which seals their secrets at once.
 * A bookmark with the same protocol, host, port, user and bucket or path as a saved
 * connection (or an earlier row) is marked a duplicate.
 */
import { randomUUID } from 'node:crypto';
import type { ImportOutcome, ImportPreview, ImportPreviewRow } from '../../../../shared/bookmarkImport.js';
import type { ConnectionDraft, ConnectionSummary, S3ConnectionDraft } from '../../../../shared/connections.js';
import { codedError } from '../../errors.js';
import type { ConnectionStore } from '../connectionStore.js';
import type { ImportedBookmark } from './importedBookmark.js';
import { readBookmarkFiles } from './readBookmarkFiles.js';

const endpointKey = (endpoint: S3ConnectionDraft['endpoint']) =>
  endpoint.kind === 'aws' ? 'aws' : endpoint.url.toLowerCase().replace(/\/+$/, '');

/** The keys a connection answers to: one per bucket it names (and one for none) on S3, one on SFTP. */
export function sameConnectionKeys(c: ConnectionDraft | ConnectionSummary): string[] {
  if (c.protocol === 'sftp') {
    const path = (c.initialPath ?? '').replace(/\/+$/, '');
    return [['sftp', c.host.toLowerCase(), c.port, c.username, path].join('\n')];
  }
  const user = c.auth.kind === 'keys' ? c.auth.accessKeyId : `profile:${c.auth.profile}`;
  const base = ['s3', endpointKey(c.endpoint), user].join('\n');
  return [`${base}\n`, ...(c.bookmarkedBuckets ?? []).map((b) => `${base}\n${b}`)];
}

/** The key of what an imported bookmark opens: its bucket when it names one. */
function importKey(draft: ConnectionDraft): string {
  const keys = sameConnectionKeys(draft);
  return keys[keys.length - 1]!;
}

function hostOf(draft: ConnectionDraft): { host: string; port?: number } {
  if (draft.protocol === 'sftp') return { host: draft.host, port: draft.port };
  if (draft.endpoint.kind === 'aws') return { host: 'AWS' };
  const url = new URL(draft.endpoint.url);
  return { host: url.hostname, port: url.port ? Number(url.port) : undefined };
}

function hasSecret(draft: ConnectionDraft): boolean {
  const auth = draft.auth as Record<string, unknown>;
  return ['password', 'passphrase', 'secretAccessKey', 'sessionToken'].some((k) => typeof auth[k] === 'string' && auth[k] !== '');
}

export function previewRow(id: string, bookmark: ImportedBookmark, duplicateOf: string | undefined): ImportPreviewRow {
  const { draft } = bookmark;
  return {
    id,
    source: bookmark.source,
    name: draft.name,
    protocol: draft.protocol,
    ...hostOf(draft),
    user: draft.protocol === 'sftp' ? draft.username : draft.auth.kind === 'keys' ? draft.auth.accessKeyId : draft.auth.profile,
    group: bookmark.group,
    path: draft.protocol === 'sftp' ? draft.initialPath : draft.bookmarkedBuckets?.[0],
    hasSecret: hasSecret(draft),
    duplicateOf,
    note: bookmark.note,
  };
}

export class BookmarkImporter {
  /** The last preview's bookmarks, secrets included, by row id: only the core holds them. */
  private pending: { id: string; rows: Map<string, ImportedBookmark> } | undefined;

  constructor(private readonly store: ConnectionStore) {}

  async preview(paths: string[]): Promise<ImportPreview> {
    const read = await readBookmarkFiles(paths);
    const seen = new Map<string, string>();
    for (const c of this.store.list()) for (const key of sameConnectionKeys(c)) seen.set(key, c.name);
    const rows = new Map<string, ImportedBookmark>();
    const bookmarks = read.bookmarks.map((bookmark) => {
      const id = randomUUID();
      rows.set(id, bookmark);
      const key = importKey(bookmark.draft);
      const duplicateOf = seen.get(key);
      if (!duplicateOf) seen.set(key, bookmark.draft.name);
      return previewRow(id, bookmark, duplicateOf);
    });
    this.pending = { id: randomUUID(), rows };
    return { previewId: this.pending.id, bookmarks, skipped: read.skipped, problems: read.problems };
  }

  /** Saves the chosen rows of the last preview; its secrets are then forgotten here. */
  async commit(previewId: string, ids: string[]): Promise<ImportOutcome> {
    const pending = this.pending;
    if (!pending || pending.id !== previewId) throw codedError('notFound', 'coreConnections:import.previewGone');
    this.pending = undefined;
    let imported = 0;
    for (const id of new Set(ids)) {
      const bookmark = pending.rows.get(id);
      if (!bookmark) continue;
      await this.store.save({ ...bookmark.draft, id: undefined });
      imported++;
    }
    return { imported };
  }
}
