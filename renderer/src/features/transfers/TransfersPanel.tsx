/** The collapsible transfers strip at the bottom of the window. */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { clearFinished } from './transferActions.js';
import { totals, useTransfers } from './transferStore.js';
import { useContextMenu } from '../../components/ContextMenu.js';
import { ChevronDownIcon, ChevronUpIcon } from '../../components/icons.js';
import { PanelResizer } from './PanelResizer.js';
import { TransferRow, transferRowId, TRANSFER_ROW_HEIGHT } from './TransferRow.js';
import { TransfersSummary } from './TransfersSummary.js';
import { ConflictDialog } from './ConflictDialog.js';
import { TransferControls } from './TransferControls.js';
import { SettingsButton } from '../settings/SettingsButton.js';
import { TransferDialogs } from './TransferDialogs.js';
import { transferListKeys } from './transferListKeys.js';
import { TransferMenu } from './TransferMenu.js';
import { FolderRow } from './FolderRow.js';
import { panelRows, type PanelRow } from './transferRows.js';

export function TransfersPanel() {
  const { t } = useTranslation();
  const byId = useTransfers((s) => s.byId);
  const order = useTransfers((s) => s.order);
  const open = useTransfers((s) => s.panelOpen);
  const height = useTransfers((s) => s.panelHeight);
  const setOpen = useTransfers((s) => s.setPanelOpen);
  const expanded = useTransfers((s) => s.expanded);
  const sum = useMemo(() => totals(byId), [byId]);
  // Newest first: what you just started is what you look for. A folder is one row.
  const rows = useMemo(() => panelRows(order, byId, expanded), [order, byId, expanded]);
  const ids = useMemo(() => rows.map((r) => r.key), [rows]);
  const rowOf = useMemo(() => new Map(rows.map((r) => [r.key, r])), [rows]);
  const listRef = useRef<HTMLDivElement>(null);

  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: () => listRef.current,
    estimateSize: () => TRANSFER_ROW_HEIGHT,
    overscan: 20,
    getItemKey: (index) => ids[index]!,
  });

  const showList = open && ids.length > 0;
  const focused = useTransfers((s) => s.focused);
  const { menu, open: openMenu, close: closeMenu } = useContextMenu<PanelRow>();
  const onRowMenu = useCallback(
    (event: React.MouseEvent, key: string) => {
      event.preventDefault();
      const row = rowOf.get(key);
      if (!row) return;
      const store = useTransfers.getState();
      if (!store.selected[key]) store.select(key, false);
      listRef.current?.focus();
      openMenu(event.clientX, event.clientY, row);
    },
    [openMenu, rowOf],
  );
  const onKeyDown = transferListKeys({
    ids,
    scrollTo: (index) => virtualizer.scrollToIndex(index),
    openMenuAt: (key) => {
      const box = document.getElementById(transferRowId(key))?.getBoundingClientRect();
      const row = rowOf.get(key);
      if (box && row) openMenu(box.left + 40, box.bottom, row);
    },
  });

  return (
    <section aria-label={t('transfers:panel.region')} className={`transfers${showList ? ' open' : ''}`}>
      {showList ? <PanelResizer /> : null}
      <header className="transfers-head">
        <button
          type="button"
          className="transfers-toggle"
          aria-expanded={open}
          aria-controls="transfer-list"
          onClick={() => setOpen(!open)}
        >
          {open ? <ChevronDownIcon size={14} /> : <ChevronUpIcon size={14} />}
          <span className="transfers-title">{t('transfers:panel.title')}</span>
          {sum.count > 0 ? <span className="badge">{sum.count}</span> : null}
        </button>
        <TransfersSummary totals={sum} />
        {sum.count > 0 ? <TransferControls /> : null}
        <button
          type="button"
          className="btn small"
          disabled={sum.finished === 0}
          onClick={() => void clearFinished()}
        >
          {t('transfers:panel.clearFinished')}
        </button>
        <SettingsButton small />
      </header>
      {showList ? (
        <div
          id="transfer-list"
          ref={listRef}
          className="transfer-list"
          role="listbox"
          aria-label={t('transfers:panel.list')}
          aria-multiselectable="true"
          aria-activedescendant={focused && rowOf.has(focused) ? transferRowId(focused) : undefined}
          tabIndex={0}
          onKeyDown={onKeyDown}
          // As tall as its rows, up to the height the user chose.
          style={{ height: Math.min(height, ids.length * TRANSFER_ROW_HEIGHT + 1) }}
        >
          <div className="transfer-canvas" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index];
              if (!row) return null;
              return row.kind === 'folder' ? (
                <FolderRow key={row.key} totals={row.totals} expanded={row.expanded} top={item.start} focused={row.key === focused} onMenu={onRowMenu} />
              ) : (
                <TransferRow key={row.key} transfer={row.transfer} child={row.child} top={item.start} focused={row.key === focused} onMenu={onRowMenu} />
              );
            })}
          </div>
        </div>
      ) : null}
      {menu ? <TransferMenu x={menu.x} y={menu.y} target={menu.target} onClose={closeMenu} /> : null}
      <ConflictDialog />
      <TransferDialogs />
    </section>
  );
}
