/** A live connection: toolbar, path bar, the file grid and a status line. */
import { useEffect, useRef } from 'react';
import type { ConnectionSummary } from '../../../../shared/connections.js';
import { DragOutChip } from '../dragOut/DragOutChip.js';
import { connect } from '../connections/connect.js';
import { useConnections } from '../connections/connectionStore.js';
import { ErrorIcon } from '../../components/icons.js';
import { FileGrid } from './FileGrid.js';
import { PathBar } from './PathBar.js';
import { StatusBar } from './StatusBar.js';
import { Toolbar } from './Toolbar.js';
import { useBrowserShortcuts } from './useBrowserShortcuts.js';
import { SearchResults } from '../search/SearchResults.js';
import { showsResults, useSearch } from '../search/searchStore.js';
import { focusHomeAfterDialogs } from '../../lib/focusReturn.js';
import { useTranslation } from 'react-i18next';

/** `keys`: the window-wide shortcuts are this browser's (false for the split view's other pane). */
export function Browser({ connection, keys = true }: { connection: Pick<ConnectionSummary, 'id' | 'name'>; keys?: boolean }) {
  const { t } = useTranslation();
  const id = connection.id;
  const link = useConnections((s) => s.links[id]);
  const search = useSearch(id);
  const filterRef = useRef<HTMLInputElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);

  useBrowserShortcuts(id, filterRef, keys);

  // Opening a connection puts the keyboard in its file list (once the dialogs that led here close).
  useEffect(() => {
    if (!keys) return;
    const active = document.activeElement;
    if (document.querySelector('dialog[open]')) focusHomeAfterDialogs();
    else if (!active || active === document.body || active.closest('.sidebar, .connect-card')) gridRef.current?.focus();
    // Only when the place opens, not when the pane gains the keyboard.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);

  return (
    <div className="pane browser">
      <Toolbar connectionId={id} filterRef={filterRef} gridRef={gridRef} />
      <PathBar connectionId={id} connectionName={connection.name} keys={keys} />
      {link?.state === 'lost' ? (
        <div className="banner alert" role="alert">
          <ErrorIcon />
          <div className="banner-text">
            <span className="alert-title">{t('browser:connectionLost')}</span> {link.error}
          </div>
          <button type="button" className="btn" onClick={() => void connect(id)}>
            {t('browser:reconnect')}
          </button>
        </div>
      ) : null}
      {showsResults(search) ? <SearchResults connectionId={id} gridRef={gridRef} /> : <FileGrid connectionId={id} gridRef={gridRef} />}
      <DragOutChip />
      <StatusBar connectionId={id} />
    </div>
  );
}
