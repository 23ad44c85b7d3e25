/** Turns the split view on and off (also Ctrl/Cmd+\, see usePaneKeys). */
import { useTranslation } from 'react-i18next';
import { SplitIcon } from '../../components/icons.js';
import { shortcutLabel } from '../../lib/keyboard.js';
import { usePanes } from './panesStore.js';

export function SplitToggle() {
  const { t } = useTranslation();
  const split = usePanes((s) => s.split);
  const label = t('panes:toggle', { shortcut: shortcutLabel('\\') });
  return (
    <button
      type="button"
      className="icon-btn small split-toggle"
      aria-label={t('panes:toggleLabel')}
      aria-pressed={split}
      title={label}
      onClick={() => usePanes.getState().setSplit(!split)}
    >
      <SplitIcon size={15} />
    </button>
  );
}
