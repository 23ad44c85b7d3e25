/**
 * Import bookmarks from Cyberduck, FileZilla, WinSCP or rclone: the user picks files (or a
 * Cyberduck bookmarks folder), sees each bookmark before anything is saved, unticks what to
 * skip (duplicates start unticked), and imports. Secrets stay in the core: only "found" shows.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BookmarkSource, ImportPreview, ImportPreviewRow } from '../../../../shared/bookmarkImport.js';
import { api, toApiError, unwrap } from '../../api/client.js';
import { ErrorIcon, WarningIcon } from '../../components/icons.js';
import { Modal, ModalFooter } from '../../components/dialogs/Modal.js';
import { useToasts } from '../../state/toasts.js';
import { useConnections } from './connectionStore.js';
import { importBookmarksDialog } from './dialogs.js';
import './importBookmarks.css';

/** The tools' own names: not translated. */
const SOURCE_NAMES: Record<BookmarkSource, string> = { cyberduck: 'Cyberduck', filezilla: 'FileZilla', winscp: 'WinSCP', rclone: 'rclone' };

const server = (row: ImportPreviewRow) => (row.port && row.port !== (row.protocol === 'sftp' ? 22 : 443) ? `${row.host}:${row.port}` : row.host);

export function ImportBookmarksDialog() {
  const { t } = useTranslation();
  const close = importBookmarksDialog.close;
  const fileRef = useRef<HTMLInputElement>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState<'reading' | 'importing' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const read = async (paths: string[]) => {
    if (paths.length === 0) return;
    setBusy('reading');
    setError(null);
    try {
      const answer = await unwrap(api().connections.previewImport({ paths }));
      setPreview(answer);
      setChosen(new Set(answer.bookmarks.filter((b) => !b.duplicateOf).map((b) => b.id)));
    } catch (caught) {
      setError(toApiError(caught).message);
    } finally {
      setBusy(null);
    }
  };

  const pickFiles = async (files: File[]) => {
    // Only paths cross to the core, which reads the files: their contents never pass through here.
    const paths = await Promise.all(files.map((f) => api().local.pathForDroppedFile(f)));
    await read(paths.filter((p) => p !== ''));
  };

  const pickFolder = async () => {
    const folder = await unwrap(api().dialog.chooseFolder({ title: t('connections:import.folderTitle') })).catch(() => null);
    if (folder) await read([folder]);
  };

  const commit = async () => {
    if (!preview) return;
    setBusy('importing');
    setError(null);
    try {
      const { imported } = await unwrap(api().connections.commitImport({ previewId: preview.previewId, ids: [...chosen] }));
      void useConnections.getState().load();
      useToasts.getState().push({ tone: 'success', message: t('connections:import.done', { count: imported }) });
      close();
    } catch (caught) {
      setError(toApiError(caught).message);
      setBusy(null);
    }
  };

  const toggle = (id: string, on: boolean) =>
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const rows = preview?.bookmarks ?? [];
  const allOn = rows.length > 0 && rows.every((r) => chosen.has(r.id));

  return (
    <Modal title={t('connections:import.title')} onCancel={close} className="import-dialog">
      <div className="modal-body import-body">
        <div className="import-intro">{t('connections:import.intro')}</div>
        <div className="import-pick">
          <button type="button" className="btn" disabled={busy !== null} onClick={() => fileRef.current?.click()}>
            {t('connections:import.chooseFiles')}
          </button>
          <button type="button" className="btn" disabled={busy !== null} onClick={() => void pickFolder()}>
            {t('connections:import.chooseFolder')}
          </button>
          {busy === 'reading' ? <span className="busy-note"><span className="spinner" aria-hidden="true" /> {t('connections:import.reading')}</span> : null}
          <input
            ref={fileRef}
            type="file"
            multiple
            hidden
            tabIndex={-1}
            data-testid="import-files"
            onChange={(event) => {
              const files = Array.from(event.currentTarget.files ?? []);
              event.currentTarget.value = '';
              void pickFiles(files);
            }}
          />
        </div>
        {error ? (
          <div className="alert form-notice" role="alert">
            <ErrorIcon />
            <div>{error}</div>
          </div>
        ) : null}
        {preview?.problems.map((p) => (
          <div key={p.path} className="alert warning import-problem" role="alert">
            <WarningIcon />
            <div>{t(p.reason.key, p.reason.params ?? {})}</div>
          </div>
        ))}
        {preview && rows.length === 0 && preview.problems.length === 0 ? <div className="import-empty">{t('connections:import.none')}</div> : null}
        {rows.length > 0 ? (
          <div className="import-table-wrap">
            <table className="import-table">
              <thead>
                <tr>
                  <th className="import-check">
                    <input
                      type="checkbox"
                      aria-label={t('connections:import.all')}
                      checked={allOn}
                      onChange={(event) => setChosen(event.currentTarget.checked ? new Set(rows.map((r) => r.id)) : new Set())}
                    />
                  </th>
                  <th>{t('connections:import.name')}</th>
                  <th>{t('connections:import.protocol')}</th>
                  <th>{t('connections:import.server')}</th>
                  <th>{t('connections:import.user')}</th>
                  <th>{t('connections:import.secret')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id} className={row.duplicateOf ? 'duplicate' : undefined}>
                    <td className="import-check">
                      <input
                        type="checkbox"
                        aria-label={t('connections:import.include', { name: row.name })}
                        checked={chosen.has(row.id)}
                        onChange={(event) => toggle(row.id, event.currentTarget.checked)}
                      />
                    </td>
                    <td>
                      <div className="import-name" data-user-text>{row.name}</div>
                      {row.group ? <div className="import-sub" data-user-text>{row.group}</div> : null}
                      {row.duplicateOf ? <div className="import-sub import-duplicate">{t('connections:import.duplicate', { name: row.duplicateOf })}</div> : null}
                      {row.note ? <div className="import-sub import-note">{t(row.note.key, row.note.params ?? {})}</div> : null}
                    </td>
                    <td>
                      <div>{row.protocol === 's3' ? 'S3' : 'SFTP'}</div>
                      <div className="import-sub">{SOURCE_NAMES[row.source]}</div>
                    </td>
                    <td>
                      <div className="mono" data-user-text>{server(row)}</div>
                      {row.path ? <div className="import-sub mono" data-user-text>{row.path}</div> : null}
                    </td>
                    <td className="mono" data-user-text>{row.user ?? ''}</td>
                    <td>{row.hasSecret ? t('connections:import.secretFound') : t('connections:import.secretNone')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {preview && preview.skipped.length > 0 ? (
          <details className="import-skipped" open>
            <summary>{t('connections:import.skipped', { count: preview.skipped.length })}</summary>
            <ul>
              {preview.skipped.map((s, i) => (
                <li key={`${s.source}:${s.name}:${i}`}>
                  <span className="import-name" data-user-text>{s.group ? `${s.group} / ${s.name}` : s.name}</span>{' '}
                  <span className="import-sub">({SOURCE_NAMES[s.source]})</span>
                  <div className="import-sub">{t(s.reason.key, s.reason.params ?? {})}</div>
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </div>
      <ModalFooter
        start={
          busy === 'importing' ? (
            <span className="busy-note"><span className="spinner" aria-hidden="true" /> {t('connections:import.importing')}</span>
          ) : rows.length > 0 ? (
            <span className="import-count">{t('connections:import.selected', { count: chosen.size, total: rows.length })}</span>
          ) : null
        }
      >
        <button type="button" className="btn" onClick={close}>
          {t('connections:import.cancel')}
        </button>
        <button type="button" className="btn btn-primary" disabled={busy !== null || chosen.size === 0} onClick={() => void commit()}>
          {t('connections:import.import', { count: chosen.size })}
        </button>
      </ModalFooter>
    </Modal>
  );
}
