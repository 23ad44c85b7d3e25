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
import { focusHomeAfterDialogs } from '../../lib/focusReturn.js';
import { useTranslation } from 'react-i18next';

export function Browser({ connection }: { connection: ConnectionSummary }) {
  const { t } = useTranslation();
  const id = connection.id;
  const link = useConnections((s) => s.links[id]);
  const filterRef = useRef<HTMLInputElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);

  useBrowserShortcuts(id, filterRef);

  // Opening a connection puts the keyboard in its file list (once the dialogs that led here close).
  useEffect(() => {
    const active = document.activeElement;
    if (document.querySelector('dialog[open]')) focusHomeAfterDialogs();
    else if (!active || active === document.body || active.closest('.sidebar, .connect-card')) gridRef.current?.focus();
  }, [id]);

  return (
    <div className="pane browser">
      <Toolbar connectionId={id} filterRef={filterRef} gridRef={gridRef} />
      <PathBar connectionId={id} connectionName={connection.name} />
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
      <FileGrid connectionId={id} gridRef={gridRef} />
      <DragOutChip />
      <StatusBar connectionId={id} />
    </div>
  );
}
