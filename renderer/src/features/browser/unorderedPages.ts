/**
 * A folder listed in no name order (S3 directory buckets): its pages are gathered whole
 * before the grid shows them, since a later page can hold rows that sort before any shown.
 */
import type { FileEntry } from '../../../../shared/files.js';
import { compareKeys } from '../../../../shared/s3KeyOrder.js';

export class UnorderedPages {
  private readonly byPath = new Map<string, FileEntry>();

  /** Adds a page; a row a later page repeats (a folder named again) is kept once. */
  add(entries: readonly FileEntry[]): void {
    for (const entry of entries) if (!this.byPath.has(entry.path)) this.byPath.set(entry.path, entry);
  }

  get size(): number {
    return this.byPath.size;
  }

  /** Every row gathered, in key order (S3's, by UTF-8 bytes, as a general purpose bucket lists them). */
  sorted(): FileEntry[] {
    return [...this.byPath.values()].sort((a, b) => compareKeys(a.path, b.path));
  }
}
