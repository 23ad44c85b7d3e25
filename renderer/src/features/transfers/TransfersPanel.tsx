/** The collapsible transfers strip at the bottom of the window. */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useMemo, useRef } from 'react';
import type { TransferSnapshot } from '../../../../shared/transfers.js';
import { clearFinished } from './transferActions.js';
import { totals, useTransfers } from './transferStore.js';
import { useContextMenu } from '../../components/ContextMenu.js';
import { ChevronDownIcon, ChevronUpIcon } from '../../components/icons.js';
import { PanelResizer } from './PanelResizer.js';
import { TransferRow, transferRowId, TRANSFER_ROW_HEIGHT } from './TransferRow.js';
import { TransfersSummary } from './TransfersSummary.js';
import { ConflictDialog } from './ConflictDialog.js';
import { TransferControls } from './TransferControls.js';
import { TransferSettingsButton } from './TransferButtons.js';
import { TransferDialogs } from './TransferDialogs.js';
import { transferListKeys } from './transferListKeys.js';
import { TransferMenu } from './TransferMenu.js';

export function TransfersPanel() {
  const byId = useTransfers((s) => s.byId);
  const order = useTransfers((s) => s.order);
  const open = useTransfers((s) => s.panelOpen);
  const height = useTransfers((s) => s.panelHeight);
  const setOpen = useTransfers((s) => s.setPanelOpen);
  const sum = useMemo(() => totals(byId), [byId]);
  // Newest first: what you just started is what you look for.
  const ids = useMemo(() => [...order].reverse(), [order]);
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
  const { menu, open: openMenu, close: closeMenu } = useContextMenu<TransferSnapshot>();
  const onRowMenu = useCallback(
    (event: React.MouseEvent, transfer: TransferSnapshot) => {
      event.preventDefault();
      const store = useTransfers.getState();
      if (!store.selected[transfer.id]) store.select(transfer.id, false);
      listRef.current?.focus();
      openMenu(event.clientX, event.clientY, transfer);
    },
    [openMenu],
  );
  const onKeyDown = transferListKeys({
    ids,
    scrollTo: (index) => virtualizer.scrollToIndex(index),
    openMenuAt: (id) => {
      const box = document.getElementById(transferRowId(id))?.getBoundingClientRect();
      const transfer = byId[id];
      if (box && transfer) openMenu(box.left + 40, box.bottom, transfer);
    },
  });

  return (
    <section aria-label="Transfers" className={`transfers${showList ? ' open' : ''}`}>
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
          <span className="transfers-title">Transfers</span>
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
          Clear finished
        </button>
        <TransferSettingsButton small />
      </header>
      {showList ? (
        <div
          id="transfer-list"
          ref={listRef}
          className="transfer-list"
          role="listbox"
          aria-label="Transfer list"
          aria-multiselectable="true"
          aria-activedescendant={focused && byId[focused] ? transferRowId(focused) : undefined}
          tabIndex={0}
          onKeyDown={onKeyDown}
          // As tall as its rows, up to the height the user chose.
          style={{ height: Math.min(height, ids.length * TRANSFER_ROW_HEIGHT + 1) }}
        >
          <div className="transfer-canvas" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const transfer = byId[ids[item.index]!];
              return transfer ? (
                <TransferRow key={transfer.id} transfer={transfer} top={item.start} focused={transfer.id === focused} onMenu={onRowMenu} />
              ) : null;
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
