/**
 * Bookmarks brought from other tools (Cyberduck, FileZilla, WinSCP, rclone): what the window
 * sees before importing. Never a secret: only whether one was found.
 */
import type { CatalogText } from './i18n/catalogText.js';

export type BookmarkSource = 'cyberduck' | 'filezilla' | 'winscp' | 'rclone';

/** One bookmark Stowage can save, as the preview lists it. */
export interface ImportPreviewRow {
  /** Names the row in `connections:commitImport`. */
  id: string;
  source: BookmarkSource;
  name: string;
  protocol: 's3' | 'sftp';
  /** The SFTP host, or the S3 endpoint's host (`AWS` for Amazon's). */
  host: string;
  port?: number;
  user?: string;
  /** The folder the other tool kept it in. */
  group?: string;
  /** The SFTP start folder, or the S3 bucket. */
  path?: string;
  /** A password or secret key was found in the file (it is sealed on import, never shown). */
  hasSecret: boolean;
  /** The name of the saved connection (or earlier row) it repeats: skipped unless ticked. */
  duplicateOf?: string;
  /** Something to know about this row (a password the file keeps encrypted...). */
  note?: CatalogText;
}

/** A bookmark the files hold that Stowage cannot save, with why. */
export interface ImportSkippedRow {
  source: BookmarkSource;
  name: string;
  group?: string;
  host?: string;
  reason: CatalogText;
}

/** A picked file that gave no bookmarks at all, with why. */
export interface ImportFileProblem {
  path: string;
  reason: CatalogText;
}

export interface ImportPreview {
  previewId: string;
  bookmarks: ImportPreviewRow[];
  skipped: ImportSkippedRow[];
  problems: ImportFileProblem[];
}

export interface ImportOutcome {
  imported: number;
}
