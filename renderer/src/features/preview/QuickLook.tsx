/**
 * The Quick Look overlay: the file's preview with its facts beside it. Left/Up and Right/Down
 * show the previous and next file of the list (and select it there); Space or Escape closes.
 */
import { useTranslation } from 'react-i18next';
import type { FileEntry } from '../../../../shared/files.js';
import { Modal } from '../../components/dialogs/Modal.js';
import { BackIcon, DownloadIcon, ForwardIcon } from '../../components/icons.js';
import { formatBytes, formatDateLong, formatStorageClass } from '../../lib/format.js';
import { downloadEntries } from '../transfers/transferActions.js';
import { getTab } from '../browser/browserStore.js';
import { quickLookDialog } from './dialogs.js';
import { listedEntry, moveQuickLook, neighbourFile } from './quickLook.js';
import { PreviewBody } from './PreviewBody.js';
import { kindLabel } from './kindLabel.js';
import './preview.css';

const stepOf: Record<string, 1 | -1> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

/** The arrows move between files, so paging keys scroll the text or table from the stage that holds the keyboard. */
function scrollPreview(stage: HTMLElement, key: string): boolean {
  const scroller = stage.querySelector<HTMLElement>('.quick-look-text, .quick-look-table-wrap');
  if (!scroller) return false;
  const page = scroller.clientHeight * 0.9;
  const to = { PageDown: scroller.scrollTop + page, PageUp: scroller.scrollTop - page, Home: 0, End: scroller.scrollHeight }[key];
  if (to === undefined) return false;
  scroller.scrollTop = to;
  return true;
}

function Facts({ entry, path }: { entry: FileEntry | undefined; path: string }) {
  const { t } = useTranslation();
  return (
    <dl className="quick-look-facts">
      <dt>{t('preview:facts.name')}</dt>
      <dd className="selectable" data-user-text>
        {entry?.name ?? path.split('/').filter(Boolean).pop()}
      </dd>
      <dt>{t('preview:facts.size')}</dt>
      <dd>{entry?.size === undefined ? '—' : formatBytes(entry.size)}</dd>
      <dt>{t('preview:facts.modified')}</dt>
      <dd>{formatDateLong(entry?.modified)}</dd>
      <dt>{t('preview:facts.type')}</dt>
      <dd>{kindLabel(entry?.name ?? path)}</dd>
      {entry?.storageClass ? (
        <>
          <dt>{t('preview:facts.storageClass')}</dt>
          <dd>{formatStorageClass(entry.storageClass)}</dd>
        </>
      ) : null}
      <dt>{t('preview:facts.path')}</dt>
      <dd className="selectable mono quick-look-path" data-user-text>
        {path}
      </dd>
    </dl>
  );
}

export function QuickLook({ connectionId, path }: { connectionId: string; path: string }) {
  const { t } = useTranslation();
  const entry = listedEntry(connectionId, path);
  const remote = getTab(connectionId)?.protocol !== 'local';
  const before = neighbourFile(connectionId, path, -1);
  const after = neighbourFile(connectionId, path, 1);
  const onKeyDown = (event: React.KeyboardEvent) => {
    const target = event.target as HTMLElement;
    // Media controls and the text's own scrolling keep their keys.
    if (target.closest('audio, video, iframe, input, textarea, select')) return;
    const step = stepOf[event.key];
    if (step && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      moveQuickLook(connectionId, path, step);
    } else if (event.key === ' ' && target.tagName !== 'BUTTON') {
      event.preventDefault();
      quickLookDialog.close();
    } else if (target.classList.contains('quick-look-stage') && scrollPreview(target, event.key)) {
      event.preventDefault();
    }
  };
  return (
    <Modal title={entry?.name ?? path} onCancel={quickLookDialog.close} className="quick-look" initialFocus=".quick-look-stage">
      <div className="quick-look-main" onKeyDown={onKeyDown}>
        <div className="quick-look-stage" tabIndex={0} aria-label={t('preview:stage', { name: entry?.name ?? path })}>
          <PreviewBody key={path} connectionId={connectionId} path={path} />
        </div>
        <aside className="quick-look-side">
          <Facts entry={entry} path={path} />
          <div className="quick-look-actions">
            <div className="quick-look-nav">
              <button type="button" className="btn small" aria-label={t('preview:previous')} title={t('preview:previous')} disabled={!before} onClick={() => moveQuickLook(connectionId, path, -1)}>
                <BackIcon />
              </button>
              <button type="button" className="btn small" aria-label={t('preview:next')} title={t('preview:next')} disabled={!after} onClick={() => moveQuickLook(connectionId, path, 1)}>
                <ForwardIcon />
              </button>
            </div>
            {remote ? (
              <button type="button" className="btn" disabled={!entry} onClick={() => entry && void downloadEntries(connectionId, [entry])}>
                <DownloadIcon /> {t('preview:download')}
              </button>
            ) : null}
            <button type="button" className="btn" onClick={quickLookDialog.close}>
              {t('preview:close')}
            </button>
          </div>
          <p className="muted quick-look-keys">{t('preview:keys')}</p>
        </aside>
      </div>
    </Modal>
  );
}

export function PreviewDialogs() {
  const open = quickLookDialog.use();
  return open ? <QuickLook {...open} /> : null;
}
