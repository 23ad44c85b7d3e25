/** How a saved connection logs in, in one line for its panel: "Access key AKIA…", "Private key ~/.ssh/id_ed25519". */
import type { ConnectionSummary } from '../../../../shared/connections.js';
import { t } from '../../i18n/i18n.js';

export function authDescription(c: ConnectionSummary): string {
  const auth = c.auth;
  switch (auth.kind) {
    case 'keys':
      return t('connections:auth.accessKey', { id: auth.accessKeyId });
    case 'profile':
      return t('connections:auth.profile', { profile: auth.profile });
    case 'password':
      return t('connections:auth.password');
    case 'key':
      return t('connections:auth.privateKey', { path: auth.keyPath });
    case 'agent':
      return t('connections:auth.agent');
    case 'keyboardInteractive':
      return t('connections:auth.keyboardInteractive');
  }
}
