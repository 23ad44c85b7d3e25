/** SFTP steps of connecting: a passphrase asked when the key turns out to need one, and warnings. */
import type { CatalogText } from '../../../../shared/i18n/catalogText.js';
import type { ConnectSecrets, ConnectionSummary } from '../../../../shared/connections.js';
import type { ApiError } from '../../api/client.js';
import { askSecret } from '../connections/dialogs.js';
import { useToasts } from '../../state/toasts.js';
import { t } from '../../i18n/i18n.js';

/**
 * The key is encrypted and no (or a wrong) passphrase was given: ask for it, like ssh does.
 * Null when this error is not about a passphrase, or the user cancelled.
 */
export async function askPassphraseAfter(summary: ConnectionSummary, error: ApiError): Promise<ConnectSecrets | null> {
  if (summary.protocol !== 'sftp' || summary.auth.kind !== 'key' || error.kind !== 'auth') return null;
  if (!/is encrypted: enter its passphrase|passphrase for .* is wrong/.test(error.englishMessage)) return null;
  return askSecret(summary);
}

/** Things the server connection works despite, like an unprotected key file: say them, loudly. */
export function showConnectWarnings(summary: ConnectionSummary, warnings: CatalogText[] | undefined): void {
  for (const warning of warnings ?? []) {
    useToasts.getState().push({ tone: 'error', title: t('sftp:connectWarning', { name: summary.name }), message: t(warning.key, warning.params ?? {}) }, 20_000);
  }
}
