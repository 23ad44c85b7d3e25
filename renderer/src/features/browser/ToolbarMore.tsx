/**
 * The toolbar's overflow: whatever does not fit on the toolbar's one line wraps out of sight
 * (CSS), is taken out of the Tab order, and is offered under "More…" instead. It works on
 * whatever the features put on the toolbar: buttons become menu items that click them, a
 * select becomes one item per option, the chosen one ticked.
 */
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { ContextMenu, type MenuEntry } from '../../components/ContextMenu.js';
import { CheckIcon, MoreIcon } from '../../components/icons.js';
import { useTranslation } from 'react-i18next';
import { t as translate } from '../../i18n/i18n.js';

/** The controls inside `container` that wrapped onto the hidden second line. */
function wrappedControls(container: HTMLElement): HTMLElement[] {
  const controls = Array.from(container.querySelectorAll<HTMLElement>('button, select'));
  if (controls.length === 0) return [];
  const top = container.getBoundingClientRect().top;
  const hidden: HTMLElement[] = [];
  for (const control of controls) {
    const wrapped = control.getBoundingClientRect().top - top > 4;
    control.toggleAttribute('inert', wrapped);
    if (wrapped) hidden.push(control);
  }
  // A separator with nothing left after it on the line would dangle before "More…".
  const shown = controls.filter((c) => !hidden.includes(c));
  for (const sep of Array.from(container.querySelectorAll<HTMLElement>('.toolbar-sep'))) {
    const followed = shown.some((c) => sep.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_FOLLOWING);
    sep.classList.toggle('dangling', !followed);
  }
  return hidden;
}

function useWrapped(ref: RefObject<HTMLElement | null>): HTMLElement[] {
  const [hidden, setHidden] = useState<HTMLElement[]>([]);
  useLayoutEffect(() => {
    const container = ref.current;
    if (!container) return;
    const update = () =>
      setHidden((before) => {
        const now = wrappedControls(container);
        return now.length === before.length && now.every((c, i) => c === before[i]) ? before : now;
      });
    update();
    const resize = new ResizeObserver(update);
    resize.observe(container);
    if (container.parentElement) resize.observe(container.parentElement);
    // Features add and remove their toolbar items (inside a bucket, a versioned bucket...).
    const mutations = new MutationObserver(update);
    mutations.observe(container, { childList: true, subtree: true });
    return () => {
      resize.disconnect();
      mutations.disconnect();
    };
  }, [ref]);
  return hidden;
}

const labelOf = (el: HTMLElement) => (el.textContent?.trim() || el.getAttribute('aria-label') || el.title || translate('browser:toolbar.action')).replace(/\s+/g, ' ');

/** Sets a select as if the user had picked `value` (React hears the change event). */
function choose(select: HTMLSelectElement, value: string): void {
  Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')?.set?.call(select, value);
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

function menuFor(hidden: HTMLElement[]): MenuEntry[] {
  const items: MenuEntry[] = [];
  for (const el of hidden) {
    if (el instanceof HTMLSelectElement) {
      if (items.length) items.push('separator');
      for (const option of Array.from(el.options)) {
        items.push({
          label: option.text,
          icon: option.value === el.value ? <CheckIcon /> : undefined,
          disabled: el.disabled,
          onSelect: () => choose(el, option.value),
        });
      }
      items.push('separator');
    } else if (el instanceof HTMLButtonElement) {
      const pressed = el.getAttribute('aria-pressed');
      items.push({
        label: labelOf(el),
        icon: pressed === 'true' ? <CheckIcon /> : undefined,
        disabled: el.disabled,
        // The toolbar button does the work, exactly as if clicked.
        onSelect: () => el.click(),
      });
    }
  }
  while (items.at(-1) === 'separator') items.pop();
  return items;
}

/** The row of items that may overflow, followed by "More…" when some did. */
export function ToolbarOverflow({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const hidden = useWrapped(ref);
  const [menu, setMenu] = useState<{ x: number; y: number } | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (hidden.length === 0) setMenu(null);
  }, [hidden.length]);

  const open = () => {
    const box = buttonRef.current?.getBoundingClientRect();
    if (box) setMenu({ x: box.left, y: box.bottom + 2 });
  };

  return (
    <>
      <div ref={ref} className="toolbar-overflow">
        {children}
      </div>
      {hidden.length ? (
        <button
          ref={buttonRef}
          type="button"
          className="icon-btn"
          aria-label={t('browser:toolbar.more')}
          title={t('browser:toolbar.moreTitle')}
          aria-haspopup="menu"
          aria-expanded={menu ? 'true' : 'false'}
          onClick={() => (menu ? setMenu(null) : open())}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') {
              event.preventDefault();
              open();
            }
          }}
        >
          <MoreIcon />
        </button>
      ) : null}
      {menu ? <ContextMenu x={menu.x} y={menu.y} label={t('browser:toolbar.moreTitle')} items={menuFor(hidden)} onClose={() => setMenu(null)} /> : null}
    </>
  );
}
