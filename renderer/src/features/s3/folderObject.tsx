/**
 * Folder objects: S3 keys ending in "/" that hold bytes. The listing shows one as a flagged
 * row inside the folder its key names. Its path ends in "/", which copy, move, rename and
 * fs:delete take as the whole folder, so the browser offers it only Properties, Download
 * (of its folder, which includes it) and a Delete of that one key. Every sentence about
 * them lives here.
 */
import type { FileEntry } from '../../../../shared/files.js';
import { t } from '../../i18n/i18n.js';
import './s3.css';

export const isFolderObject = (entry: FileEntry): boolean => entry.folderObject === true;

/** Read when shown, so they follow the language. */
export const folderObjectText = {
  get badge() {
    return t('s3:folderObject.badge');
  },
  explain: (bytes: number) => t('s3:folderObject.explain', { count: bytes }),
  get download() {
    return t('s3:folderObject.download');
  },
  get notMoved() {
    return t('s3:folderObject.notMoved');
  },
};

export function FolderObjectBadge({ bytes }: { bytes: number }) {
  return (
    <span className="folder-object-badge" data-testid="folder-object-badge" title={folderObjectText.explain(bytes)}>
      {folderObjectText.badge}
    </span>
  );
}
