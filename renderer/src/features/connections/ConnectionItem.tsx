import { useTranslation } from 'react-i18next';
import type { ConnectionSummary } from '../../../../shared/connections.js';
import { connectionSubtitle } from '../../lib/describe.js';
import { activate } from './connect.js';
import { useConnections } from './connectionStore.js';
import { ProtocolIcon } from '../../components/icons.js';

interface Props {
  connection: ConnectionSummary;
  /** The one item reached with Tab (arrow keys move between the others). */
  tabbable: boolean;
  onMenu(x: number, y: number): void;
}

export function ConnectionItem({ connection, tabbable, onMenu }: Props) {
  const { t } = useTranslation();
  const stateText = { idle: '', connecting: t('connections:item.connecting'), connected: t('connections:item.connected'), lost: t('connections:item.lost') };
  const active = useConnections((s) => s.activeId === connection.id);
  const link = useConnections((s) => s.links[connection.id]?.state ?? 'idle');
  const select = () => useConnections.getState().setActive(connection.id);

  return (
    <div
      role="button"
      tabIndex={tabbable ? 0 : -1}
      className="conn-item"
      data-connection-id={connection.id}
      data-link={link}
      aria-current={active ? 'true' : undefined}
      title={`${connection.name} — ${connectionSubtitle(connection)}`}
      onClick={select}
      onDoubleClick={() => activate(connection.id)}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          activate(connection.id);
        }
      }}
      onContextMenu={(event) => {
        event.preventDefault();
        select();
        onMenu(event.clientX, event.clientY);
      }}
    >
      <span className={`conn-icon ${connection.protocol}`}>
        <ProtocolIcon protocol={connection.protocol} size={16} />
      </span>
      <span className="conn-text">
        <span className="conn-name" data-user-text>{connection.name}</span>
        <span className="conn-sub" data-user-text>{connectionSubtitle(connection)}</span>
      </span>
      {link === 'connecting' ? <span className="spinner" aria-hidden="true" /> : null}
      {link === 'connected' || link === 'lost' ? <span className={`conn-dot ${link}`} aria-hidden="true" /> : null}
      {stateText[link] ? <span className="visually-hidden">, {stateText[link]}</span> : null}
    </div>
  );
}
