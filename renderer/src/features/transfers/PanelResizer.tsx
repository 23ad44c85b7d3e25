/** Drag the top edge of the transfers strip to make it taller or shorter. */
import { useTransfers } from './transferStore.js';

export function PanelResizer() {
  const onPointerDown = (event: React.PointerEvent<HTMLDivElement>) => {
    event.preventDefault();
    const handle = event.currentTarget;
    handle.setPointerCapture(event.pointerId);
    const startY = event.clientY;
    const startHeight = useTransfers.getState().panelHeight;
    const onMove = (move: PointerEvent) => {
      const max = Math.max(120, window.innerHeight - 260);
      useTransfers.getState().setPanelHeight(Math.min(max, Math.max(60, startHeight + startY - move.clientY)));
    };
    const onUp = () => {
      handle.removeEventListener('pointermove', onMove);
      handle.removeEventListener('pointerup', onUp);
    };
    handle.addEventListener('pointermove', onMove);
    handle.addEventListener('pointerup', onUp);
  };
  return <div className="panel-resizer" aria-hidden="true" onPointerDown={onPointerDown} />;
}
