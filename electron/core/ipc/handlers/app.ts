import type { CoreHost } from '../../host.js';
import type { DomainHandlers } from './domainHandlers.js';
import type { appOperations } from '../../../../shared/contract/app.js';
import type { Services } from './services.js';

function secretStorageExplanation(host: CoreHost): string {
  return host.secretBox.strong
    ? `Secrets are encrypted with the operating system's keychain (${host.secretBox.backend}).`
    : `Secrets can only be stored with weak protection here (${host.secretBox.backend}): no OS keychain is available, ` +
        'so anyone who can read your files could read saved secrets. Untick "Remember secret" to be asked at connect time instead.';
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
  };
}
