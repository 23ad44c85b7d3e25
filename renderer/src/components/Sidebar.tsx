/** Saved connections. Click selects, double-click or Enter connects. */
import { useApp } from '../state/app.js';
import { activate, connect, deleteConnection, disconnect, duplicateConnection } from '../features/connections/connect.js';
import { useConnections } from '../features/connections/connectionStore.js';
import { openConnectionForm } from '../features/connections/dialogs.js';
import { ContextMenu, useContextMenu, type MenuEntry } from './ContextMenu.js';
import { ConnectionItem } from '../features/connections/ConnectionItem.js';
import { CopyIcon, EditIcon, OpenIcon, PlugIcon, PlusIcon, TrashIcon } from './icons.js';
import { TransferSettingsButton } from '../features/transfers/TransferButtons.js';

export function Sidebar() {
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
        ? { label: 'Open', icon: <OpenIcon />, onSelect: () => activate(id) }
        : { label: 'Connect', icon: <OpenIcon />, onSelect: () => void connect(id) },
      { label: 'Disconnect', icon: <PlugIcon />, disabled: !live, onSelect: () => void disconnect(id) },
      'separator',
      { label: 'Edit…', icon: <EditIcon />, onSelect: () => openConnectionForm(id) },
      { label: 'Duplicate', icon: <CopyIcon />, onSelect: () => void duplicateConnection(id) },
      {
        label: 'Delete…',
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
      <nav aria-label="Connections" className="sidebar-nav">
        <div className="sidebar-header">
          <span className="sidebar-title">Connections</span>
          <button
            type="button"
            className="icon-btn small"
            aria-label="New connection"
            title="New connection"
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
            <p className="sidebar-empty">No saved connections yet.</p>
          ) : null}
          {loadError ? (
            <p className="sidebar-empty error" role="alert">
              {loadError}
            </p>
          ) : null}
        </div>
      </nav>
      <div className="sidebar-footer">
        <span>Stowage{version ? ` ${version}` : ''}</span>
        <TransferSettingsButton small />
      </div>
      {menu ? (
        <ContextMenu x={menu.x} y={menu.y} label="Connection" items={menuItems(menu.target)} onClose={close} />
      ) : null}
    </aside>
  );
}
