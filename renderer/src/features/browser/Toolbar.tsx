/** Back, Forward, Up, Refresh, New folder, Upload…, Download and the filter box. */
import { useRef, type RefObject } from 'react';
import { parentPath } from '../../../../shared/paths.js';
import { BucketToolbarItems } from '../buckets/BucketToolbarItems.js';
import { openCreateBucket } from '../buckets/dialogs.js';
import { IncompleteUploadsButton } from '../transfers/TransferButtons.js';
import { useTab } from './browserStore.js';
import { openNewFolder } from './dialogs.js';
import { downloadSelection, uploadFiles } from '../transfers/transferActions.js';
import { goBack, goForward, goUp, refresh, setFilter } from './navigation.js';
import {
  BackIcon,
  CloseIcon,
  DownloadIcon,
  ForwardIcon,
  NewFolderIcon,
  RefreshIcon,
  SearchIcon,
  UpIcon,
  UploadIcon,
} from '../../components/icons.js';

interface Props {
  connectionId: string;
  filterRef: RefObject<HTMLInputElement | null>;
  gridRef: RefObject<HTMLDivElement | null>;
}

const mac = navigator.platform.toLowerCase().includes('mac');
const mod = mac ? '⌘' : 'Ctrl+';

export function Toolbar({ connectionId, filterRef, gridRef }: Props) {
  const tab = useTab(connectionId);
  const pickRef = useRef<HTMLInputElement>(null);
  if (!tab) return null;
  const atS3Root = tab.protocol === 's3' && tab.path === '/';
  const hasSelection = tab.selection.size > 0;

  return (
    <div className="toolbar" role="toolbar" aria-label="Browser">
      <div className="toolbar-group">
        <button type="button" className="icon-btn" aria-label="Back" title={`Back (${mac ? '⌘[' : 'Alt+←'})`} disabled={tab.back.length === 0} onClick={() => goBack(connectionId)}>
          <BackIcon />
        </button>
        <button type="button" className="icon-btn" aria-label="Forward" title={`Forward (${mac ? '⌘]' : 'Alt+→'})`} disabled={tab.forward.length === 0} onClick={() => goForward(connectionId)}>
          <ForwardIcon />
        </button>
        <button type="button" className="icon-btn" aria-label="Up" title="Enclosing folder (Backspace)" disabled={parentPath(tab.protocol, tab.path) === null} onClick={() => goUp(connectionId)}>
          <UpIcon />
        </button>
        <button type="button" className="icon-btn" aria-label="Refresh" title={`Refresh (F5)`} onClick={() => refresh(connectionId)}>
          <RefreshIcon className={tab.loading ? 'spinning' : undefined} />
        </button>
      </div>
      <div className="toolbar-sep" />
      <div className="toolbar-group">
        <button
          type="button"
          className="icon-btn"
          aria-label="New folder"
          title={atS3Root ? 'New bucket' : `New folder (${mod}Shift+N)`}
          onClick={() => (atS3Root ? openCreateBucket(connectionId) : openNewFolder(connectionId, tab.path, false))}
        >
          <NewFolderIcon />
        </button>
        <button
          type="button"
          className="icon-btn labelled"
          title={atS3Root ? 'Open a bucket to upload into it' : 'Upload files into this folder'}
          disabled={atS3Root}
          onClick={() => pickRef.current?.click()}
        >
          <UploadIcon />
          <span>Upload…</span>
        </button>
        <button
          type="button"
          className="icon-btn labelled"
          aria-label="Download"
          title="Download the selected items"
          disabled={!hasSelection}
          onClick={() => void downloadSelection(connectionId)}
        >
          <DownloadIcon />
          <span aria-hidden="true">Download</span>
        </button>
        <input
          ref={pickRef}
          type="file"
          multiple
          hidden
          tabIndex={-1}
          onChange={(event) => {
            const files = Array.from(event.currentTarget.files ?? []);
            event.currentTarget.value = '';
            if (files.length) void uploadFiles(connectionId, files, tab.path);
          }}
        />
      </div>
      <BucketToolbarItems connectionId={connectionId} />
      <IncompleteUploadsButton connectionId={connectionId} />
      <div className="toolbar-spacer" />
      <div className="filter">
        <SearchIcon size={14} className="filter-icon" />
        <input
          ref={filterRef}
          className="input filter-input"
          type="search"
          aria-label="Filter"
          placeholder="Filter"
          spellCheck={false}
          value={tab.filter}
          onChange={(event) => setFilter(connectionId, event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              setFilter(connectionId, '');
              gridRef.current?.focus();
            } else if (event.key === 'ArrowDown' || event.key === 'Enter') {
              event.preventDefault();
              gridRef.current?.focus();
            }
          }}
        />
        {tab.filter ? (
          <button
            type="button"
            className="icon-btn small filter-clear"
            title="Clear (Esc)"
            tabIndex={-1}
            aria-hidden="true"
            onClick={() => {
              setFilter(connectionId, '');
              filterRef.current?.focus();
            }}
          >
            <CloseIcon size={12} />
          </button>
        ) : null}
      </div>
    </div>
  );
}
