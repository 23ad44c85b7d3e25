/** Every version and delete marker of one object: download, restore, delete for good, undelete. */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ObjectVersion } from '../../../../shared/buckets.js';
import { baseName } from '../../../../shared/paths.js';
import { api, toApiError, unwrap } from '../../api/client.js';
import { DialogAlert, DialogFooter } from '../../components/dialogs/DialogFooter.js';
import { Modal } from '../../components/dialogs/Modal.js';
import { formatBytes, formatDate } from '../../lib/format.js';
import { askConfirm } from '../../state/dialogs.js';
import { refresh } from '../browser/navigation.js';
import { showInfo } from '../../state/toasts.js';
import { versionsDialog } from './dialogs.js';

/**
 * S3 names the version written while versioning was off (or suspended) "null": shown as
 * such it reads like a missing value, so it is called what it is, as the AWS console does.
 */
function VersionLabel({ versionId }: { versionId: string }) {
  const { t } = useTranslation();
  if (versionId === 'null') return <span title={t('buckets:versions.nullTitle')}>{t('buckets:versions.nullLabel')}</span>;
  return <code>{versionId}</code>;
}

export function VersionsDialog({ connectionId, path }: { connectionId: string; path: string }) {
  const { t } = useTranslation();
  const [versions, setVersions] = useState<ObjectVersion[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const close = versionsDialog.close;
  const load = useCallback(async () => {
    try {
      setVersions(await unwrap(api().buckets.listVersions({ connectionId, path })));
    } catch (caught) {
      setError(toApiError(caught).message);
    }
  }, [connectionId, path]);
  useEffect(() => void load(), [load]);

  const act = async (action: () => Promise<unknown>, done?: string) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      if (done) showInfo(done);
      await load();
      refresh(connectionId);
    } catch (caught) {
      setError(toApiError(caught).message);
    } finally {
      setBusy(false);
    }
  };
  const latest = versions?.find((v) => v.isLatest);
  const name = baseName(path);

  return (
    <Modal title={t('buckets:versions.title', { name })} onCancel={close} className="bucket-versions-dialog">
      <div className="modal-body">
        {latest?.isDeleteMarker ? (
          <div className="alert bucket-warning" role="status">
            <span>{t('buckets:versions.deleted')}</span>
            <button type="button" className="btn bucket-inline-btn" disabled={busy} onClick={() => void act(() => unwrap(api().buckets.undelete({ connectionId, path })), t('buckets:versions.undeleted', { name }))}>
              {t('buckets:versions.restore')}
            </button>
          </div>
        ) : null}
        {versions === null && !error ? <p>{t('buckets:versions.listing')}</p> : null}
        {versions && versions.length === 0 ? <p>{t('buckets:versions.none')}</p> : null}
        {versions && versions.length > 0 ? (
          <table className="bucket-versions" aria-label={t('buckets:versions.table')}>
            <thead>
              <tr>
                <th>{t('buckets:versions.modified')}</th>
                <th>{t('buckets:versions.size')}</th>
                <th>{t('buckets:versions.versionId')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.versionId} data-version={v.versionId}>
                  <td>
                    {formatDate(v.modified)}
                    {v.isLatest ? <span className="bucket-badge ok">{t('buckets:versions.latest')}</span> : null}
                    {v.isDeleteMarker ? <span className="bucket-badge neutral">{t('buckets:versions.deleteMarker')}</span> : null}
                  </td>
                  <td className="bucket-nowrap">{v.isDeleteMarker ? '—' : formatBytes(v.size)}</td>
                  <td>
                    <VersionLabel versionId={v.versionId} />
                  </td>
                  <td>
                    <div className="bucket-version-actions">
                    {!v.isDeleteMarker ? (
                      <button
                        type="button"
                        className="btn"
                        disabled={busy}
                        onClick={async () => {
                          const localFolder = await unwrap(api().dialog.chooseFolder({ title: t('buckets:versions.downloadTo', { name }) })).catch(() => null);
                          if (localFolder) await act(() => unwrap(api().buckets.downloadVersion({ connectionId, path, versionId: v.versionId, localFolder })), t('buckets:versions.downloaded'));
                        }}
                      >
                        {t('buckets:versions.download')}
                      </button>
                    ) : null}
                    {!v.isDeleteMarker && !v.isLatest ? (
                      <button type="button" className="btn" disabled={busy} onClick={() => void act(() => unwrap(api().buckets.restoreVersion({ connectionId, path, versionId: v.versionId })), t('buckets:versions.restored'))}>
                        {t('buckets:versions.restore')}
                      </button>
                    ) : null}
                    <button
                      type="button"
                      className="btn btn-danger"
                      disabled={busy}
                      onClick={async () => {
                        const ok = await askConfirm({
                          title: v.isDeleteMarker ? t('buckets:versions.removeMarkerTitle') : t('buckets:versions.deleteTitle'),
                          message: v.isDeleteMarker
                            ? t('buckets:versions.removeMarkerMessage')
                            : v.versionId === 'null'
                              ? t('buckets:versions.deleteNullMessage', { name })
                              : t('buckets:versions.deleteMessage', { name, versionId: v.versionId }),
                          confirmLabel: v.isDeleteMarker ? t('buckets:versions.removeMarker') : t('buckets:versions.deleteVersion'),
                          danger: true,
                        });
                        if (ok) await act(() => unwrap(api().buckets.deleteVersion({ connectionId, path, versionId: v.versionId })));
                      }}
                    >
                      {t('buckets:versions.delete')}
                    </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        <DialogAlert message={error} />
      </div>
      <DialogFooter onCancel={close} cancelLabel={t('buckets:done')} />
    </Modal>
  );
}
