/** Saved connections. Click selects, double-click or Enter connects. */
import { useApp } from '../state/app.js';
import { useTranslation } from 'react-i18next';
import { activate, connect, deleteConnection, disconnect, duplicateConnection } from '../features/connections/connect.js';
import { useConnections } from '../features/connections/connectionStore.js';
import { openConnectionForm } from '../features/connections/dialogs.js';
import { ContextMenu, useContextMenu, type MenuEntry } from './ContextMenu.js';
import { ConnectionItem } from '../features/connections/ConnectionItem.js';
import { CopyIcon, EditIcon, OpenIcon, PlugIcon, PlusIcon, TrashIcon } from './icons.js';
import { SettingsButton } from '../features/settings/SettingsButton.js';
import { SyncPairs } from '../features/sync/SyncPairs.js';
import { SplitToggle } from '../features/panes/SplitToggle.js';

export function Sidebar() {
  const { t } = useTranslation();
  const list = useConnections((s) => s.list);
  const loaded = useConnections((s) => s.loaded);
  const loadError = useConnections((s) => s.loadError);
  const links = useConnections((s) => s.links);
  const activeId = useConnections((s) => s.activeId);
  const tabbableId = list.some((c) => c.id === activeId) ? activeId : (list[0]?.id ?? null);
  const version = useApp((s) => s.info?.version);
  const { menu, open, close } = useContextMenu<string>();

  const menuItems = (id: string): MenuEntry[] => {
    const live = links[id]?.state === 'connected';
    return [
      live
        ? { label: t('app:sidebar.open'), icon: <OpenIcon />, onSelect: () => activate(id) }
        : { label: t('app:sidebar.connect'), icon: <OpenIcon />, onSelect: () => void connect(id) },
      { label: t('app:sidebar.disconnect'), icon: <PlugIcon />, disabled: !live, onSelect: () => void disconnect(id) },
      'separator',
      { label: t('app:sidebar.edit'), icon: <EditIcon />, onSelect: () => openConnectionForm(id) },
      { label: t('app:sidebar.duplicate'), icon: <CopyIcon />, onSelect: () => void duplicateConnection(id) },
      {
        label: t('app:sidebar.delete'),
        icon: <TrashIcon />,
        danger: true,
        onSelect: () => void deleteConnection(id),
      },
    ];
  };

  /** Up/Down move between connections like a list. */
  const onKeyDown = (event: React.KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const items = Array.from(event.currentTarget.querySelectorAll<HTMLElement>('.conn-item'));
    const at = items.indexOf(document.activeElement as HTMLElement);
    const next = items[Math.max(0, Math.min(items.length - 1, at + (event.key === 'ArrowDown' ? 1 : -1)))];
    if (next) {
      event.preventDefault();
      next.focus();
      next.click();
    }
  };

  return (
    <aside className="sidebar">
      <nav aria-label={t('app:sidebar.connections')} className="sidebar-nav">
        <div className="sidebar-header">
          <span className="sidebar-title">{t('app:sidebar.connections')}</span>
          <button
            type="button"
            className="icon-btn small"
            aria-label={t('app:sidebar.newConnection')}
            title={t('app:sidebar.newConnection')}
            onClick={() => openConnectionForm(null)}
          >
            <PlusIcon size={15} />
          </button>
        </div>
        <div className="sidebar-list" onKeyDown={onKeyDown}>
          {list.map((c) => (
            <ConnectionItem key={c.id} connection={c} tabbable={c.id === tabbableId} onMenu={(x, y) => open(x, y, c.id)} />
          ))}
          {loaded && list.length === 0 && !loadError ? (
            <p className="sidebar-empty">{t('app:sidebar.empty')}</p>
          ) : null}
          {loadError ? (
            <p className="sidebar-empty error" role="alert">
              {loadError}
            </p>
          ) : null}
        </div>
      </nav>
      <SyncPairs />
      <div className="sidebar-footer">
        <span>Stowage{version ? ` ${version}` : ''}</span>
        <SplitToggle />
        <SettingsButton small />
      </div>
      {menu ? (
        <ContextMenu x={menu.x} y={menu.y} label={t('app:sidebar.menuLabel')} items={menuItems(menu.target)} onClose={close} />
      ) : null}
    </aside>
  );
}
