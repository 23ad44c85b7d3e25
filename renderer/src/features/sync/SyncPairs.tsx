/** The saved folder syncs in the sidebar: one click opens the preview, when each last ran and what it changed. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncPair } from '../../../../shared/contract/sync.js';
import { ContextMenu, useContextMenu, type MenuEntry } from '../../components/ContextMenu.js';
import { PlusIcon, RefreshIcon, TrashIcon } from '../../components/icons.js';
import { formatDate } from '../../lib/format.js';
import { deleteSyncPair, openNewSync, openSavedSync } from './syncActions.js';
import { api } from '../../api/client.js';
import { loadSyncPairs, useSyncPairs } from './syncStore.js';
import './sync.css';

function LastRun({ pair }: { pair: SyncPair }) {
  const { t } = useTranslation();
  const last = pair.lastRun;
  if (!last) return <span className="conn-sub">{t('sync:sidebar.neverRun')}</span>;
  const copied = last.uploaded + last.downloaded;
  const changes = [copied > 0 ? t('sync:sidebar.copied', { count: copied }) : '', last.deleted > 0 ? t('sync:sidebar.deleted', { count: last.deleted }) : ''].filter(Boolean);
  const changed = changes.length ? changes.join(', ') : t('sync:sidebar.nothingChanged');
  return (
    <>
      <span className="conn-sub">{t('sync:sidebar.lastRun', { when: formatDate(last.at) })}</span>
      <span className="conn-sub" title={changed}>
        {changed}
      </span>
    </>
  );
}

export function SyncPairs() {
  const { t } = useTranslation();
  const pairs = useSyncPairs((s) => s.pairs);
  const { menu, open, close } = useContextMenu<SyncPair>();
  useEffect(() => {
    void loadSyncPairs();
    // A run's outcome comes in once its transfers have finished.
    return api().sync.onPairChanged(() => void loadSyncPairs());
  }, []);

  const menuItems = (pair: SyncPair): MenuEntry[] => [
    { label: t('sync:sidebar.run'), icon: <RefreshIcon />, onSelect: () => openSavedSync(pair) },
    'separator',
    { label: t('sync:sidebar.delete'), icon: <TrashIcon />, danger: true, onSelect: () => void deleteSyncPair(pair.id) },
  ];

  return (
    <nav aria-label={t('sync:sidebar.title')} className="sync-pairs">
      <div className="sync-pairs-header">
        <span className="sidebar-title">{t('sync:sidebar.title')}</span>
        <button type="button" className="icon-btn small" aria-label={t('sync:sidebar.new')} title={t('sync:sidebar.new')} onClick={openNewSync}>
          <PlusIcon size={15} />
        </button>
      </div>
      <div className="sync-pairs-list">
        {pairs.map((pair) => (
          <button
            type="button"
            key={pair.id}
            className="conn-item sync-pair"
            data-sync-pair={pair.id}
            onClick={() => openSavedSync(pair)}
            onContextMenu={(event) => {
              event.preventDefault();
              open(event.clientX, event.clientY, pair);
            }}
          >
            <span className="sync-pair-icon" aria-hidden="true">
              <RefreshIcon size={15} />
            </span>
            <span className="conn-text">
              <span className="conn-name" data-user-text>
                {pair.name || pair.localPath || pair.peer?.path}
              </span>
              <LastRun pair={pair} />
            </span>
          </button>
        ))}
        {pairs.length === 0 ? <p className="sidebar-empty">{t('sync:sidebar.empty')}</p> : null}
      </div>
      {menu ? <ContextMenu x={menu.x} y={menu.y} label={t('sync:sidebar.menuLabel')} items={menuItems(menu.target)} onClose={close} /> : null}
    </nav>
  );
}
