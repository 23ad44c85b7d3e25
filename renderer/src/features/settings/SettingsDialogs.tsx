/** Mounts the settings dialog while it is open. */
import { settingsDialog } from './dialogs.js';
import { SettingsDialog } from './SettingsDialog.js';

export function SettingsDialogs() {
  return settingsDialog.use() ? <SettingsDialog /> : null;
}
