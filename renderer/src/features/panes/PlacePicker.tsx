/** A pane's place: this computer or a saved connection. The other pane's connection is not offered (a connection shows in one pane). */
import { useTranslation } from 'react-i18next';
import { useConnections } from '../connections/connectionStore.js';
import { activate } from '../connections/connect.js';
import { localIdOf, usePanes, type PaneIndex } from './panesStore.js';

export function PlacePicker({ pane }: { pane: PaneIndex }) {
  const { t } = useTranslation();
  const list = useConnections((s) => s.list);
  const place = usePanes((s) => s.places[pane]);
  const otherPlace = usePanes((s) => s.places[pane === 0 ? 1 : 0]);
  const choose = (value: string) => {
    usePanes.getState().setActive(pane);
    usePanes.getState().setPlace(pane, value || null);
    if (value && value !== localIdOf(pane)) activate(value);
  };
  return (
    <select
      className="place-picker"
      aria-label={pane === 0 ? t('panes:leftPlace') : t('panes:rightPlace')}
      value={place ?? ''}
      onChange={(event) => choose(event.target.value)}
    >
      {place === null ? <option value="">{t('panes:choosePlace')}</option> : null}
      <option value={localIdOf(pane)}>
        {t('panes:thisComputer')}
      </option>
      {list.map((c) => (
        <option key={c.id} value={c.id} disabled={otherPlace === c.id} data-user-text="">
          {c.name}
        </option>
      ))}
    </select>
  );
}
