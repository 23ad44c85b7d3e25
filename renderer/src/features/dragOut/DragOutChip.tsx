/**
 * The drag-out chip, at the foot of the file list: "Preparing N files for dragging…" with
 * progress while the dragged items download, then "Ready to drag", which is itself the
 * thing to drag out (its dragstart hands the ready copies to the OS drag at once).
 */
import { api } from '../../api/client.js';
import { CloseIcon, ErrorIcon } from '../../components/icons.js';
import { useTransfers } from '../transfers/transferStore.js';
import { dismissDragChip, useDragOut, type DragChip } from './dragOutStore.js';
import { useTranslation } from 'react-i18next';
import { preparingFraction } from './preparingProgress.js';
import './dragOut.css';

export function DragOutChip() {
  const chip = useDragOut((s) => s.chip);
  if (!chip) return null;
  return (
    <div className="dragout-layer">
      {chip.phase === 'preparing' ? <Preparing chip={chip} /> : chip.phase === 'ready' ? <Ready chip={chip} /> : <Failed message={chip.message} />}
    </div>
  );
}

function Dismiss() {
  const { t } = useTranslation();
  return (
    <button type="button" className="icon-btn small" aria-label={t('dragOut:dismiss')} title={t('dragOut:dismiss')} onClick={dismissDragChip}>
      <CloseIcon size={14} />
    </button>
  );
}

function Preparing({ chip }: { chip: Extract<DragChip, { phase: 'preparing' }> }) {
  const { t } = useTranslation();
  const fraction = useTransfers((s) => preparingFraction(Object.values(s.byId), chip));
  const title = chip.onlyFiles ? t('dragOut:preparingFiles', { count: chip.count }) : t('dragOut:preparingItems', { count: chip.count });
  return (
    <div className="dragout-chip preparing" role="status" aria-label={title}>
      <span className="spinner" aria-hidden="true" />
      <div className="dragout-text">
        <div className="dragout-title">{title}</div>
        <div className="dragout-hint">{t('dragOut:preparingHint')}</div>
        <div className="dragout-bar" aria-hidden="true">
          <div className={fraction < 0 ? 'dragout-fill unknown' : 'dragout-fill'} style={fraction < 0 ? undefined : { width: `${Math.round(fraction * 100)}%` }} />
        </div>
      </div>
      <Dismiss />
    </div>
  );
}

function Ready({ chip }: { chip: Extract<DragChip, { phase: 'ready' }> }) {
  const { t } = useTranslation();
  const toDesktop = api().local.dragsToDesktop;
  return (
    <div
      className="dragout-chip ready"
      role="group"
      aria-label={t('dragOut:ready')}
      title={t('dragOut:readyTitle')}
      draggable
      onDragStart={(event) => {
        // The OS drag takes the place of the page's, started by main before the button is up.
        event.preventDefault();
        api().local.startDragOut(chip.paths);
      }}
    >
      <DragOutIcon />
      <div className="dragout-text">
        <div className="dragout-title">{t('dragOut:ready')}</div>
        <div className="dragout-hint">{chip.onlyFiles ? t('dragOut:readyFiles', { count: chip.count }) : t('dragOut:readyItems', { count: chip.count })}</div>
        {toDesktop ? null : <div className="dragout-note">{t('dragOut:previewNote')}</div>}
      </div>
      <Dismiss />
    </div>
  );
}

function Failed({ message }: { message: string }) {
  const { t } = useTranslation();
  return (
    <div className="dragout-chip failed" role="alert">
      <ErrorIcon />
      <div className="dragout-text">
        <div className="dragout-title">{t('dragOut:failed')}</div>
        <div className="dragout-hint">{message}</div>
      </div>
      <Dismiss />
    </div>
  );
}

/** A document leaving its frame: what dragging out does. */
function DragOutIcon() {
  return (
    <svg className="icon dragout-icon" width={22} height={22} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d="M13 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h5" />
      <path d="M13 3l5 5v3" />
      <path d="M13 3v5h5" />
      <path d="M15 17h7M19 14l3 3-3 3" />
    </svg>
  );
}
