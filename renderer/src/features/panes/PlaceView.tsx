/** What one place shows: this computer's disk, or a connection (its files once open, else its connect panel). */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isLocalConnection } from '../../../../shared/localDisk.js';
import { useTab } from '../browser/browserStore.js';
import { Browser } from '../browser/Browser.js';
import { ConnectPanel } from '../connections/ConnectPanel.js';
import { useConnections } from '../connections/connectionStore.js';
import { openLocalDisk } from './localDisk.js';
import type { Place } from './panesStore.js';

export function PlaceView({ place, keys }: { place: Place; keys: boolean }) {
  if (place === null) return <NoPlace />;
  if (isLocalConnection(place)) return <LocalDisk key={place} id={place} keys={keys} />;
  return <ConnectionPlace id={place} keys={keys} />;
}

function LocalDisk({ id, keys }: { id: string; keys: boolean }) {
  const { t } = useTranslation();
  const tab = useTab(id);
  useEffect(() => {
    void openLocalDisk(id);
  }, [id]);
  if (!tab) return <div className="pane pane-blank" />;
  return <Browser connection={{ id, name: t('panes:thisComputer') }} keys={keys} />;
}

function ConnectionPlace({ id, keys }: { id: string; keys: boolean }) {
  const connection = useConnections((s) => s.list.find((c) => c.id === id));
  const link = useConnections((s) => s.links[id]);
  const tab = useTab(id);
  if (!connection) return <NoPlace />;
  const live = link?.state === 'connected' || link?.state === 'lost';
  if (tab && live) return <Browser key={id} connection={connection} keys={keys} />;
  return <ConnectPanel key={id} connection={connection} />;
}

function NoPlace() {
  const { t } = useTranslation();
  return (
    <div className="pane pane-center">
      <p className="pane-hint">{t('panes:choosePlace')}</p>
    </div>
  );
}
