/** A saved connection that is not open: its details and a Connect button. */
import type { ConnectionSummary } from '../../../../shared/connections.js';
import { authDescription, connectionSubtitle, protocolLabel } from '../../lib/describe.js';
import { connect } from './connect.js';
import { useConnections } from './connectionStore.js';
import { openConnectionForm } from './dialogs.js';
import { EditIcon, ErrorIcon, ProtocolIcon } from '../../components/icons.js';

export function ConnectPanel({ connection }: { connection: ConnectionSummary }) {
  const link = useConnections((s) => s.links[connection.id]);
  const connecting = link?.state === 'connecting';

  const rows: [string, string][] = [
    ['Protocol', protocolLabel(connection)],
    [connection.protocol === 's3' ? 'Endpoint' : 'Server', connectionSubtitle(connection)],
    ['Authentication', authDescription(connection)],
    [
      'Secret',
      connection.hasSavedSecret
        ? 'Saved on this computer'
        : connection.needsSecretAtConnect
          ? 'Asked for when connecting'
          : 'Not needed',
    ],
  ];

  return (
    <div className="pane pane-center">
      <div className="connect-card">
        <div className={`connect-card-icon ${connection.protocol}`}>
          <ProtocolIcon protocol={connection.protocol} size={28} />
        </div>
        <h1 className="connect-card-title">{connection.name}</h1>
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
            <EditIcon size={14} /> Edit…
          </button>
          <button
            type="button"
            className="btn btn-primary"
            disabled={connecting}
            onClick={() => void connect(connection.id)}
          >
            {connecting ? <span className="spinner on-accent" aria-hidden="true" /> : null}
            {connecting ? 'Connecting…' : 'Connect'}
          </button>
        </div>
      </div>
    </div>
  );
}
