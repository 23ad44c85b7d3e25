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
import { useTranslation } from 'react-i18next';
import { t } from '../../i18n/i18n.js';

const kindLabel = (kind: FileEntry['kind']) =>
  kind === 'bucket' ? t('sftp:properties.bucket') : kind === 'folder' ? t('sftp:properties.folder') : kind === 'file' ? t('sftp:properties.file') : t('sftp:properties.symlink');

export function SftpPropertiesDialog({ connectionId, entry }: { connectionId: string; entry: FileEntry }) {
  useTranslation();
  const close = sftpPropertiesDialog.close;
  const [stat, setStat] = useState<FileEntry | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    unwrap(api().fs.stat({ connectionId, path: entry.path })).then(setStat, (caught) => setError(toApiError(caught).message));
  }, [connectionId, entry.path]);

  const shown = stat ?? entry;
  const octal = shown.permissions === undefined ? '' : (shown.permissions & 0o7777).toString(8).padStart(4, '0');
  return (
    <Modal title={t('sftp:properties.title', { name: revealHiddenControls(entry.name) })} onCancel={close} className="small-dialog">
      <div className="modal-body">
        <dl className="facts">
          <dt>{t('sftp:properties.path')}</dt>
          <dd className="mono selectable" data-user-text>
            <VisibleName text={shown.path} />
          </dd>
          <dt>{t('sftp:properties.kind')}</dt>
          <dd>{kindLabel(shown.kind)}</dd>
          {shown.linkTarget !== undefined ? (
            <>
              <dt>{t('sftp:properties.pointsTo')}</dt>
              <dd className="mono selectable">
                <span data-user-text>
                  <VisibleName text={shown.linkTarget} />
                </span>
                {shown.linkTargetKind === 'broken' ? t('sftp:properties.brokenLink') : ''}
              </dd>
            </>
          ) : null}
          <dt>{t('sftp:properties.size')}</dt>
          <dd>{shown.size === undefined ? '—' : t('sftp:properties.sizeBytes', { size: formatBytes(shown.size), count: shown.size })}</dd>
          <dt>{t('sftp:properties.modified')}</dt>
          <dd>{formatDateLong(shown.modified)}</dd>
          <dt>{t('sftp:properties.permissions')}</dt>
          <dd className="mono" data-user-text>{shown.permissions === undefined ? '—' : `${formatPermissions(shown)} (${octal})`}</dd>
          <dt>{t('sftp:properties.owner')}</dt>
          <dd data-user-text>{shown.owner ?? '—'}</dd>
          <dt>{t('sftp:properties.group')}</dt>
          <dd data-user-text>{shown.group ?? '—'}</dd>
        </dl>
        <FormError message={error} />
        <ModalFooter>
          <button type="button" className="btn btn-primary" onClick={close}>
            {t('sftp:properties.close')}
          </button>
        </ModalFooter>
      </div>
    </Modal>
  );
}
