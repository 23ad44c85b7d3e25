/** What the right side shows: a welcome, a connection to open, or its files; or two panes (the split view). */
import { useActiveConnection, useConnections } from '../features/connections/connectionStore.js';
import { useTab } from '../features/browser/browserStore.js';
import { openConnectionForm } from '../features/connections/dialogs.js';
import { Browser } from '../features/browser/Browser.js';
import { ConnectPanel } from '../features/connections/ConnectPanel.js';
import { CloudIcon, PlusIcon, ServerIcon } from './icons.js';
import { useTranslation } from 'react-i18next';
import { usePanes } from '../features/panes/panesStore.js';
import { SplitView } from '../features/panes/SplitView.js';
import { usePaneKeys } from '../features/panes/usePaneKeys.js';

export function MainPane() {
  const connection = useActiveConnection();
  const loaded = useConnections((s) => s.loaded);
  const link = useConnections((s) => (connection ? s.links[connection.id] : undefined));
  const tab = useTab(connection?.id);
  const split = usePanes((s) => s.split);
  usePaneKeys();

  if (split) return <SplitView />;
  if (!loaded) return <div className="pane pane-blank" />;
  if (!connection) return <Welcome />;
  const live = link?.state === 'connected' || link?.state === 'lost';
  if (tab && live) return <Browser key={connection.id} connection={connection} />;
  return <ConnectPanel key={connection.id} connection={connection} />;
}

function Welcome() {
  const { t } = useTranslation();
  return (
    <div className="pane pane-center">
      <div className="welcome">
        <div className="welcome-art" aria-hidden="true">
          <CloudIcon size={34} />
          <ServerIcon size={34} />
        </div>
        <h1>{t('app:welcome.title')}</h1>
        <p>{t('app:welcome.text')}</p>
        <button type="button" className="btn btn-primary" onClick={() => openConnectionForm(null)}>
          <PlusIcon size={14} /> {t('app:welcome.add')}
        </button>
      </div>
    </div>
  );
}
