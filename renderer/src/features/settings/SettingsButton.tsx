/** The gear that opens the app's settings, in the transfers strip's header and the sidebar. */
import { useTranslation } from 'react-i18next';
import { GearIcon } from '../transfers/icons.js';
import { settingsDialog } from './dialogs.js';

export function SettingsButton({ small }: { small?: boolean }) {
  const { t } = useTranslation();
  return (
    <button type="button" className={small ? 'icon-btn small' : 'icon-btn'} aria-label={t('settings:open')} title={t('settings:open')} onClick={() => void settingsDialog.open(true)}>
      <GearIcon size={small ? 14 : 16} />
    </button>
  );
}
