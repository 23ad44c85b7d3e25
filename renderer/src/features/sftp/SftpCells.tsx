/** The SFTP grid cells: `drwxr-xr-x` (octal in the tooltip) and owner:group. */
import type { FileEntry } from '../../../../shared/files.js';
import { formatPermissions, toOctal } from './permissions.js';
import './sftp.css';

export function SftpCells({ entry }: { entry: FileEntry }) {
  const owner = entry.owner ? `${entry.owner}${entry.group ? `:${entry.group}` : ''}` : '';
  return (
    <>
      <div
        role="gridcell"
        className="cell cell-permissions"
        data-user-text
        title={entry.permissions === undefined ? undefined : toOctal(entry.permissions)}
      >
        {formatPermissions(entry)}
      </div>
      <div role="gridcell" className="cell cell-owner" title={owner} data-user-text>
        {owner}
      </div>
    </>
  );
}
