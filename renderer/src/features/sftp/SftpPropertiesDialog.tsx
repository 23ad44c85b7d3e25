/** Properties… of an SFTP entry: what `stat` says about it, read-only (Permissions… changes the mode). */
import { useEffect, useState } from 'react';
import type { FileEntry } from '../../../../shared/files.js';
import { api, toApiError, unwrap } from '../../api/client.js';
import { Modal, ModalFooter } from '../../components/dialogs/Modal.js';
import { formatBytes, formatDateLong } from '../../lib/format.js';
import { formatPermissions } from './permissions.js';
import { sftpPropertiesDialog } from './dialogs.js';
import { FormError } from '../../components/dialogs/FormError.js';
import { VisibleName } from '../../components/VisibleName.js';
import { revealHiddenControls } from '../../../../shared/hiddenControls.js';

const kindLabel: Record<FileEntry['kind'], string> = { bucket: 'Bucket', folder: 'Folder', file: 'File', symlink: 'Symbolic link' };

export function SftpPropertiesDialog({ connectionId, entry }: { connectionId: string; entry: FileEntry }) {
  const close = sftpPropertiesDialog.close;
  const [stat, setStat] = useState<FileEntry | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    unwrap(api().fs.stat({ connectionId, path: entry.path })).then(setStat, (caught) => setError(toApiError(caught).message));
  }, [connectionId, entry.path]);

  const shown = stat ?? entry;
  const octal = shown.permissions === undefined ? '' : (shown.permissions & 0o7777).toString(8).padStart(4, '0');
  return (
    <Modal title={`Properties of ${revealHiddenControls(entry.name)}`} onCancel={close} className="small-dialog">
      <div className="modal-body">
        <dl className="facts">
          <dt>Path</dt>
          <dd className="mono selectable">
            <VisibleName text={shown.path} />
          </dd>
          <dt>Kind</dt>
          <dd>{kindLabel[shown.kind]}</dd>
          {shown.linkTarget !== undefined ? (
            <>
              <dt>Points to</dt>
              <dd className="mono selectable">
                <VisibleName text={shown.linkTarget} />
                {shown.linkTargetKind === 'broken' ? ' (broken link)' : ''}
              </dd>
            </>
          ) : null}
          <dt>Size</dt>
          <dd>{shown.size === undefined ? '—' : `${formatBytes(shown.size)} (${shown.size.toLocaleString()} bytes)`}</dd>
          <dt>Modified</dt>
          <dd>{formatDateLong(shown.modified)}</dd>
          <dt>Permissions</dt>
          <dd className="mono">{shown.permissions === undefined ? '—' : `${formatPermissions(shown)} (${octal})`}</dd>
          <dt>Owner</dt>
          <dd>{shown.owner ?? '—'}</dd>
          <dt>Group</dt>
          <dd>{shown.group ?? '—'}</dd>
        </dl>
        <FormError message={error} />
        <ModalFooter>
          <button type="button" className="btn btn-primary" onClick={close}>
            Close
          </button>
        </ModalFooter>
      </div>
    </Modal>
  );
}
