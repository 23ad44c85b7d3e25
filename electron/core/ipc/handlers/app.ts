import { AppError } from '../../errors.js';
import type { CoreHost } from '../../host.js';
import type { DomainHandlers } from './domainHandlers.js';
import type { appOperations } from '../../../../shared/contract/app.js';
import type { Services } from './services.js';

/** The one explanation of how secrets are kept; with a weak box the store saves none (see ConnectionStore). */
function secretStorageExplanation(host: CoreHost): string {
  if (host.secretBox.strong) return `Secrets are encrypted with the operating system's keychain (${host.secretBox.backend}).`;
  const keyring = host.platform === 'linux' ? ' To save secrets, set up a keyring such as GNOME Keyring or KWallet.' : '';
  return (
    `Stowage does not save secrets on this computer: no OS keychain is available (${host.secretBox.backend}), and ` +
    'without one a saved secret could be read by anyone who can read your files. You are asked for it each time you ' +
    `connect instead.${keyring}`
  );
}

export function appHandlers({ host }: Services): DomainHandlers<typeof appOperations> {
  return {
    'app:info': () => ({
      version: host.appVersion,
      platform: host.platform,
      secretStorage: {
        strong: host.secretBox.strong,
        backend: host.secretBox.backend,
        explanation: secretStorageExplanation(host),
      },
    }),
    'dialog:chooseFolder': ({ title }) => host.dialogs.chooseFolder(title),
    'app:copyText': async ({ text }) => {
      if (!host.copyText) throw new AppError('unsupported', 'Copying to the clipboard needs the desktop app: select the text and copy it.');
      await host.copyText(text);
    },
  };
}
