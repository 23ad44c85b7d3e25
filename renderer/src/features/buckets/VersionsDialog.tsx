/** Every version and delete marker of one object: download, restore, delete for good, undelete. */
import { useCallback, useEffect, useState } from 'react';
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

export function VersionsDialog({ connectionId, path }: { connectionId: string; path: string }) {
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
    <Modal title={`Versions of “${name}”`} onCancel={close} className="bucket-versions-dialog">
      <div className="modal-body">
        {latest?.isDeleteMarker ? (
          <div className="alert bucket-warning" role="status">
            <span>This object is deleted: its latest version is a delete marker.</span>
            <button type="button" className="btn bucket-inline-btn" disabled={busy} onClick={() => void act(() => unwrap(api().buckets.undelete({ connectionId, path })), `Undeleted ${name}.`)}>
              Undelete
            </button>
          </div>
        ) : null}
        {versions === null && !error ? <p>Listing versions…</p> : null}
        {versions && versions.length === 0 ? <p>No versions: the object does not exist.</p> : null}
        {versions && versions.length > 0 ? (
          <table className="bucket-versions" aria-label="Versions">
            <thead>
              <tr>
                <th>Modified</th>
                <th>Size</th>
                <th>Version id</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.versionId} data-version={v.versionId}>
                  <td>
                    {formatDate(v.modified)}
                    {v.isLatest ? <span className="bucket-badge ok">Latest</span> : null}
                    {v.isDeleteMarker ? <span className="bucket-badge neutral">Delete marker</span> : null}
                  </td>
                  <td className="bucket-nowrap">{v.isDeleteMarker ? '—' : formatBytes(v.size)}</td>
                  <td>
                    <code>{v.versionId}</code>
                  </td>
                  <td>
                    <div className="bucket-version-actions">
                    {!v.isDeleteMarker ? (
                      <button
                        type="button"
                        className="btn"
                        disabled={busy}
                        onClick={async () => {
                          const localFolder = await unwrap(api().dialog.chooseFolder({ title: `Download this version of “${name}” to…` })).catch(() => null);
                          if (localFolder) await act(() => unwrap(api().buckets.downloadVersion({ connectionId, path, versionId: v.versionId, localFolder })), 'Version downloaded.');
                        }}
                      >
                        Download
                      </button>
                    ) : null}
                    {!v.isDeleteMarker && !v.isLatest ? (
                      <button type="button" className="btn" disabled={busy} onClick={() => void act(() => unwrap(api().buckets.restoreVersion({ connectionId, path, versionId: v.versionId })), 'Version restored as the latest.')}>
                        Restore
                      </button>
                    ) : null}
                    <button
                      type="button"
                      className="btn btn-danger"
                      disabled={busy}
                      onClick={async () => {
                        const ok = await askConfirm({
                          title: v.isDeleteMarker ? 'Remove this delete marker?' : 'Delete this version for good?',
                          message: v.isDeleteMarker
                            ? 'The version before it becomes visible again.'
                            : `Version ${v.versionId} of “${name}” will be gone permanently: it cannot be restored.`,
                          confirmLabel: v.isDeleteMarker ? 'Remove marker' : 'Delete version',
                          danger: true,
                        });
                        if (ok) await act(() => unwrap(api().buckets.deleteVersion({ connectionId, path, versionId: v.versionId })));
                      }}
                    >
                      Delete
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
      <DialogFooter onCancel={close} cancelLabel="Done" />
    </Modal>
  );
}
