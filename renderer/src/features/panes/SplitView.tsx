/**
 * Two panes side by side, each a full browser on a connection or on this computer. The one
 * with the keyboard is marked; the sidebar opens its choice in that pane. Rows dragged from one
 * pane and dropped on the other are copied there (as F5).
 */
import { useEffect, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { rowDragType } from '../dragOut/rowDragOut.js';
import { useConnections } from '../connections/connectionStore.js';
import { sendToOtherPane } from './crossPane.js';
import { PlacePicker } from './PlacePicker.js';
import { PlaceView } from './PlaceView.js';
import { localIdOf, otherPane, usePanes, type PaneIndex } from './panesStore.js';
import { useLocalRefresh } from './useLocalRefresh.js';
import './panes.css';

/** The pane a row drag started in, while it lasts. */
let draggingFrom: PaneIndex | null = null;

export function SplitView() {
  useLocalRefresh();
  useFirstPlaces();
  useSidebarOpensInActivePane();
  return (
    <div className="split-view">
      <PaneFrame pane={0} />
      <PaneFrame pane={1} />
    </div>
  );
}

function PaneFrame({ pane }: { pane: PaneIndex }) {
  const { t } = useTranslation();
  const place = usePanes((s) => s.places[pane]);
  const active = usePanes((s) => s.active === pane);
  const [dropping, setDropping] = useState(false);
  const fromOther = (event: DragEvent) => draggingFrom !== null && draggingFrom !== pane && event.dataTransfer.types.includes(rowDragType);
  const activate = () => usePanes.getState().setActive(pane);
  return (
    <section
      className={`split-pane${active ? ' active' : ''}${dropping ? ' dropping' : ''}`}
      data-pane={pane}
      aria-label={pane === 0 ? t('panes:left') : t('panes:right')}
      onFocusCapture={activate}
      onMouseDownCapture={activate}
      onDragStart={(event) => {
        // A row drag the page keeps (not one handed to the OS as files for the desktop).
        draggingFrom = event.defaultPrevented ? null : pane;
      }}
      onDragEndCapture={() => {
        draggingFrom = null;
      }}
      onDragOver={(event) => {
        if (!fromOther(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        if (!dropping) setDropping(true);
      }}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDropping(false);
      }}
      onDrop={(event) => {
        setDropping(false);
        if (!fromOther(event)) return;
        event.preventDefault();
        const from = draggingFrom!;
        draggingFrom = null;
        void sendToOtherPane(from, 'copy');
      }}
    >
      <div className="split-pane-header">
        <PlacePicker pane={pane} />
      </div>
      <PlaceView place={place} keys={active} />
    </section>
  );
}

/** Turning the split view on shows the open connection on the left and this computer on the right. */
function useFirstPlaces(): void {
  useEffect(() => {
    const { places, setPlace } = usePanes.getState();
    const activeId = useConnections.getState().activeId;
    if (places[0] === null) setPlace(0, activeId && activeId !== places[1] ? activeId : localIdOf(0));
    if (places[1] === null) setPlace(1, localIdOf(1));
  }, []);
}

/** A connection chosen in the sidebar opens in the pane with the keyboard, or makes its pane active when the other pane shows it. */
function useSidebarOpensInActivePane(): void {
  useEffect(
    () =>
      useConnections.subscribe((state, previous) => {
        const id = state.activeId;
        // Only a choice (setActive): loading or changing the list picks a connection by itself.
        if (!id || id === previous.activeId || state.list !== previous.list) return;
        const { places, active, setActive, setPlace } = usePanes.getState();
        if (places[otherPane(active)] === id) setActive(otherPane(active));
        else setPlace(active, id);
      }),
    [],
  );
}
