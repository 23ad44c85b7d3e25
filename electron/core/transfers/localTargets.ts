import { basename, dirname, extname, join } from 'node:path';
import { coreMessage, type CoreMessage } from '../../../shared/i18n/englishMessages.js';
import { maxNameBytes, safeLocalTarget, shortenName } from './safeLocalPath.js';

/**
 * Paths already spoken for: by earlier jobs of the queue, or by earlier items of the same
 * plan. Compared the way the local file system compares names: macOS and Windows ignore
 * case and (macOS) Unicode normalisation, so `A.txt` and `a.txt` are one file there.
 */
export class ClaimedPaths {
  private readonly files = new Set<string>();
  private readonly folders = new Set<string>();

  constructor(private readonly platform: string = process.platform) {}

  private key(path: string): string {
    const nfc = path.normalize('NFC');
    return this.platform === 'linux' ? nfc : nfc.toLowerCase();
  }

  hasFolder(path: string): boolean {
    return this.folders.has(this.key(path));
  }

  /** Taken by a file, or needed as a folder on some file's way. */
  has(path: string): boolean {
    return this.files.has(this.key(path)) || this.hasFolder(path);
  }

  /** Claims every folder above `path`, up to the file system's root. */
  claimFolders(path: string): void {
    for (let dir = dirname(path); !this.hasFolder(dir); dir = dirname(dir)) {
      this.folders.add(this.key(dir));
      if (dirname(dir) === dir) break;
    }
  }

  /** Claims a file path and the folders above it. */
  claim(path: string): void {
    this.files.add(this.key(path));
    this.claimFolders(path);
  }
}

/** `report.pdf` → `report (1).pdf`: the rename rule the conflict dialog uses too; the name stays within the length limit. */
export function numberedName(path: string, n: number): string {
  const name = basename(path);
  const ext = extname(name);
  const tail = ` (${n})${ext}`;
  const stem = shortenName(name.slice(0, name.length - ext.length), maxNameBytes - Buffer.byteLength(tail));
  return join(dirname(path), stem + tail);
}

export interface PlannedTarget {
  localPath: string;
  /** Why the local name differs from the remote one, for the transfer's details. */
  note?: CoreMessage;
}

/**
 * Local paths for a download's objects, one distinct path each. Keys that clean up to the
 * same local name (`a//b` and `a/./b`, `A` and `a` on macOS) or a file that stands where
 * another object needs a folder get the next free numbered name, so no two jobs ever write
 * the same file or the same `.part`.
 */
export function planLocalTargets(folder: string, relativePaths: string[], claimed: ClaimedPaths): PlannedTarget[] {
  const targets = relativePaths.map((rel) => safeLocalTarget(folder, rel));
  // Every folder the plan needs is known first, so a file never takes a folder's place.
  const folders = new ClaimedPaths();
  for (const t of targets) folders.claimFolders(t.path);
  const clashes = (p: string) => claimed.has(p) || folders.hasFolder(p);
  return targets.map((t) => {
    let localPath = t.path;
    for (let n = 1; clashes(localPath); n++) localPath = numberedName(t.path, n);
    claimed.claim(localPath);
    const name = basename(localPath);
    if (t.shortened) return { localPath, note: coreMessage('coreTransfers:notes.nameTooLong', { name }) };
    if (localPath !== t.path) return { localPath, note: coreMessage('coreTransfers:notes.sameLocalName', { name }) };
    return { localPath };
  });
}
