/**
 * Folder objects: S3 keys ending in "/" that hold bytes. The listing shows one as a flagged
 * row inside the folder its key names. Its path ends in "/", which copy, move, rename and
 * fs:delete take as the whole folder, so the browser offers it only Properties, Download
 * (of its folder, which includes it) and a Delete of that one key. Every sentence about
 * them lives here.
 */
import type { FileEntry } from '../../../../shared/files.js';
import { plural } from '../../lib/format.js';
import './s3.css';

export const isFolderObject = (entry: FileEntry): boolean => entry.folderObject === true;

export const folderObjectText = {
  badge: 'folder object',
  explain: (bytes: number) => `This object's key ends in a slash, so S3 tools show it as a folder, but it holds ${plural(bytes, 'byte')}.`,
  download: 'Download folder (includes this object)',
  notMoved: 'A key ending in “/” names a whole folder when renamed, copied or moved, so this object cannot be renamed, copied or moved on its own. Download it with its folder, or delete it.',
};

export function FolderObjectBadge({ bytes }: { bytes: number }) {
  return (
    <span className="folder-object-badge" data-testid="folder-object-badge" title={folderObjectText.explain(bytes)}>
      {folderObjectText.badge}
    </span>
  );
}
