/**
 * Reads the files (or a Cyberduck bookmarks folder) the user picked, tells each file's format
 * by its content, and gathers every parser's bookmarks. A file that gives none says why; a
 * file too large is refused before it is read.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { ImportFileProblem } from '../../../../shared/bookmarkImport.js';
import { parseCyberduck } from './cyberduck.js';
import { parseFileZilla } from './filezilla.js';
import { BookmarkFileRefused, type BookmarkParser, type ParsedBookmarks } from './importedBookmark.js';
import { parseRclone } from './rclone.js';
import { XmlRefused } from './safeXml.js';
import { parseWinScp } from './winscp.js';

/** Bookmark files are a few KiB; a larger file is no bookmark file (or an attempt to exhaust memory). */
export const MAX_BOOKMARK_FILE_BYTES = 2 * 1024 * 1024;
/** At most this many `.duck` files from one folder. */
const MAX_FOLDER_FILES = 1000;

export interface ReadBookmarks extends ParsedBookmarks {
  problems: ImportFileProblem[];
}

/** Which parser reads this text, by what it starts with. */
export function parserFor(text: string): BookmarkParser | undefined {
  const head = text.slice(0, 4096);
  if (/<FileZilla3[\s>]/.test(head)) return parseFileZilla;
  if (/<plist[\s>]/.test(head) || /<!DOCTYPE\s+plist/.test(head)) return parseCyberduck;
  if (/^\s*\[(Sessions|Configuration)\\/im.test(text)) return parseWinScp;
  if (/^\s*type\s*=/m.test(text) || /^RCLONE_ENCRYPT_V\d+:/m.test(head)) return parseRclone;
  return undefined;
}

/** One file's text through its parser; what goes wrong becomes the file's problem. */
export function parseBookmarkText(path: string, text: string): ParsedBookmarks | ImportFileProblem {
  const parser = parserFor(text);
  if (!parser) return { path, reason: { key: 'coreConnections:import.unknownFormat', params: { file: path } } };
  try {
    return parser(text);
  } catch (error) {
    if (error instanceof XmlRefused) {
      return error.refusal === 'entities'
        ? { path, reason: { key: 'coreConnections:import.xmlEntities', params: { file: path } } }
        : { path, reason: { key: 'coreConnections:import.malformedXml', params: { file: path, at: error.at } } };
    }
    if (error instanceof BookmarkFileRefused) return { path, reason: { key: error.key, params: { ...error.params, file: path } } };
    throw error;
  }
}

async function readOne(path: string, into: ReadBookmarks): Promise<void> {
  const info = await stat(path);
  if (info.isDirectory()) {
    const names = (await readdir(path)).filter((n) => extname(n).toLowerCase() === '.duck').sort().slice(0, MAX_FOLDER_FILES);
    if (names.length === 0) {
      into.problems.push({ path, reason: { key: 'coreConnections:import.emptyFolder', params: { file: path } } });
      return;
    }
    for (const name of names) await readOne(join(path, name), into);
    return;
  }
  if (info.size > MAX_BOOKMARK_FILE_BYTES) {
    into.problems.push({ path, reason: { key: 'coreConnections:import.tooLarge', params: { file: path, limit: '2 MiB' } } });
    return;
  }
  const parsed = parseBookmarkText(path, await readFile(path, 'utf8'));
  if ('reason' in parsed) {
    into.problems.push(parsed);
    return;
  }
  into.bookmarks.push(...parsed.bookmarks);
  into.skipped.push(...parsed.skipped);
  if (parsed.bookmarks.length === 0 && parsed.skipped.length === 0) {
    into.problems.push({ path, reason: { key: 'coreConnections:import.noBookmarks', params: { file: path } } });
  }
}

export async function readBookmarkFiles(paths: string[]): Promise<ReadBookmarks> {
  const out: ReadBookmarks = { bookmarks: [], skipped: [], problems: [] };
  for (const path of paths) {
    try {
      await readOne(path, out);
    } catch (error) {
      const detail = (error as NodeJS.ErrnoException).code ?? 'unknown';
      out.problems.push({ path, reason: { key: 'coreConnections:import.unreadable', params: { file: path, detail } } });
    }
  }
  return out;
}
