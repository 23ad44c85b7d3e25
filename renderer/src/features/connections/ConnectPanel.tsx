/** A saved connection that is not open: its details and a Connect button. */
import { useTranslation } from 'react-i18next';
import type { ConnectionSummary } from '../../../../shared/connections.js';
import { connectionSubtitle, protocolLabel } from '../../lib/describe.js';
import { authDescription } from './authDescription.js';
import { connect } from './connect.js';
import { useConnections } from './connectionStore.js';
import { openConnectionForm } from './dialogs.js';
import { EditIcon, ErrorIcon, ProtocolIcon } from '../../components/icons.js';

export function ConnectPanel({ connection }: { connection: ConnectionSummary }) {
  const { t } = useTranslation();
  const link = useConnections((s) => s.links[connection.id]);
  const connecting = link?.state === 'connecting';

  const rows: [string, string][] = [
    [t('connections:panel.protocol'), protocolLabel(connection)],
    [connection.protocol === 's3' ? t('connections:panel.endpoint') : t('connections:panel.server'), connectionSubtitle(connection)],
    [t('connections:panel.authentication'), authDescription(connection)],
    [
      t('connections:panel.secret'),
      connection.hasSavedSecret
        ? t('connections:panel.secretSaved')
        : connection.needsSecretAtConnect
          ? t('connections:panel.secretAsked')
          : t('connections:panel.secretNotNeeded'),
    ],
  ];

  return (
    <div className="pane pane-center">
      <div className="connect-card">
        <div className={`connect-card-icon ${connection.protocol}`}>
          <ProtocolIcon protocol={connection.protocol} size={28} />
        </div>
        <h1 className="connect-card-title" data-user-text>{connection.name}</h1>
        <dl className="connect-card-details">
          {rows.map(([term, value]) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        {link?.error ? (
          <div className="alert" role="alert">
            <ErrorIcon />
            <div>{link.error}</div>
          </div>
        ) : null}
        <div className="connect-card-actions">
          <button type="button" className="btn" onClick={() => openConnectionForm(connection.id)}>
            <EditIcon size={14} /> {t('connections:panel.edit')}
          </button>
          <button
            type="button"
            className="btn btn-primary"
            disabled={connecting}
            onClick={() => void connect(connection.id)}
          >
            {connecting ? <span className="spinner on-accent" aria-hidden="true" /> : null}
            {connecting ? t('connections:panel.connecting') : t('connections:panel.connect')}
          </button>
        </div>
      </div>
    </div>
  );
}
