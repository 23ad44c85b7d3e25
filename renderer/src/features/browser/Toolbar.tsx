/** Back, Forward, Up, Refresh, New folder, Upload…, Download, the features' items (under "More…" when they do not fit) and the filter and search box. */
import { useState, type RefObject } from 'react';
import { parentPath } from '../../../../shared/paths.js';
import { BucketToolbarItems } from '../buckets/BucketToolbarItems.js';
import { openCreateBucket } from '../buckets/dialogs.js';
import { IncompleteUploadsButton } from '../transfers/TransferButtons.js';
import { useTab } from './browserStore.js';
import { ToolbarOverflow } from './ToolbarMore.js';
import { navigationLabels, shortcutLabel } from '../../lib/keyboard.js';
import { openNewFolder } from './dialogs.js';
import { downloadSelection } from '../transfers/transferActions.js';
import { UploadMenu } from '../transfers/UploadMenu.js';
import { goBack, goForward, goUp, refresh } from './navigation.js';
import { SearchBox } from '../search/SearchBox.js';
import { useTranslation } from 'react-i18next';
import {
  BackIcon,
  DownloadIcon,
  ForwardIcon,
  NewFolderIcon,
  RefreshIcon,
  UpIcon,
  UploadIcon,
} from '../../components/icons.js';

interface Props {
  connectionId: string;
  filterRef: RefObject<HTMLInputElement | null>;
  gridRef: RefObject<HTMLDivElement | null>;
}


export function Toolbar({ connectionId, filterRef, gridRef }: Props) {
  const { t } = useTranslation();
  const tab = useTab(connectionId);
  const [uploadAt, setUploadAt] = useState<{ x: number; y: number } | null>(null);
  if (!tab) return null;
  const atS3Root = tab.protocol === 's3' && tab.path === '/';
  // This computer's disk is where uploads come from and downloads go: no Upload or Download of its own.
  const remote = tab.protocol !== 'local';
  const hasSelection = tab.selection.size > 0;

  return (
    <div className="toolbar" role="toolbar" aria-label={t('browser:toolbar.label')}>
      <div className="toolbar-group">
        <button type="button" className="icon-btn" aria-label={t('browser:toolbar.back')} title={t('browser:toolbar.backTitle', { shortcut: navigationLabels().back })} disabled={tab.back.length === 0} onClick={() => goBack(connectionId)}>
          <BackIcon />
        </button>
        <button type="button" className="icon-btn" aria-label={t('browser:toolbar.forward')} title={t('browser:toolbar.forwardTitle', { shortcut: navigationLabels().forward })} disabled={tab.forward.length === 0} onClick={() => goForward(connectionId)}>
          <ForwardIcon />
        </button>
        <button type="button" className="icon-btn" aria-label={t('browser:toolbar.up')} title={t('browser:toolbar.upTitle')} disabled={parentPath(tab.protocol, tab.path) === null} onClick={() => goUp(connectionId)}>
          <UpIcon />
        </button>
        <button type="button" className="icon-btn" aria-label={t('browser:toolbar.refresh')} title={t('browser:toolbar.refreshTitle')} onClick={() => refresh(connectionId)}>
          <RefreshIcon className={tab.loading ? 'spinning' : undefined} />
        </button>
      </div>
      <div className="toolbar-sep" />
      <ToolbarOverflow>
      <div className="toolbar-group">
        <button
          type="button"
          className="icon-btn"
          aria-label={atS3Root ? t('browser:toolbar.newBucket') : t('browser:toolbar.newFolder')}
          title={atS3Root ? t('browser:toolbar.newBucket') : t('browser:toolbar.newFolderTitle', { shortcut: shortcutLabel('Shift+N') })}
          onClick={() => (atS3Root ? openCreateBucket(connectionId) : openNewFolder(connectionId, tab.path, false))}
        >
          <NewFolderIcon />
        </button>
        {remote ? (
          <>
            <button
              type="button"
              className="icon-btn labelled"
              title={atS3Root ? t('browser:toolbar.uploadAtRoot') : t('browser:toolbar.uploadTitle')}
              disabled={atS3Root}
              aria-haspopup="menu"
              aria-expanded={uploadAt !== null}
              onClick={(event) => {
                const box = event.currentTarget.getBoundingClientRect();
                setUploadAt({ x: box.left, y: box.bottom + 2 });
              }}
            >
              <UploadIcon />
              <span>{t('browser:toolbar.upload')}</span>
            </button>
            <button
              type="button"
              className="icon-btn labelled"
              aria-label={t('browser:toolbar.download')}
              title={t('browser:toolbar.downloadTitle')}
              disabled={!hasSelection}
              onClick={() => void downloadSelection(connectionId)}
            >
              <DownloadIcon />
              <span aria-hidden="true">{t('browser:toolbar.download')}</span>
            </button>
          </>
        ) : null}
        {uploadAt ? <UploadMenu connectionId={connectionId} folder={tab.path} x={uploadAt.x} y={uploadAt.y} onClose={() => setUploadAt(null)} /> : null}
      </div>
      <BucketToolbarItems connectionId={connectionId} />
      <IncompleteUploadsButton connectionId={connectionId} />
      </ToolbarOverflow>
      <div className="toolbar-spacer" />
      <SearchBox connectionId={connectionId} filterRef={filterRef} gridRef={gridRef} />
    </div>
  );
}
